match x:
    case C(x, *_):
        pass
