match x:
    case {f"x": 1, t"y": 2}: pass
