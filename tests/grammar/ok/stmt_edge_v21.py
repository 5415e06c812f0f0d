match x:
    case 1e10 | 1.5j | -1.5j | 1-1e10j:
        pass
