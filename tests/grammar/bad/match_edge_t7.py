match x:
    case 1-1j-1j: pass
