match x, *y, z:
    case _: pass
