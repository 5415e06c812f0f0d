match x:
    case (1 | 2 | 3) as y if y: pass
