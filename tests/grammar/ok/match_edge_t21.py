match x:
    case C(): pass
    case C(x,): pass
