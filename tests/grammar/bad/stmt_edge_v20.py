match x:
    case -0.5 | +1:
        pass
