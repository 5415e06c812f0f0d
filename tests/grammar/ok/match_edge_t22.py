match x:
    case 1.0e-5 | 0o17 | 0B1: pass
