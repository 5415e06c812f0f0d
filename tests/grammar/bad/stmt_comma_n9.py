match (a b):
    case 1: pass
