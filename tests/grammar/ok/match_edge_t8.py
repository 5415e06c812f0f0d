match x:
    case a.b | c.d as e: pass
