match x:
    case a.b(c=d.e):
        pass
    case f"{x}" "y": pass
