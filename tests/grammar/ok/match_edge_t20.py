match x:
    case 0 if 1 if 2 else 3: pass
