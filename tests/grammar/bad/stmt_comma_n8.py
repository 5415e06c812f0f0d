match x:
    case C(a b): pass
