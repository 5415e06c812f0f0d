match x:
    case None | True: pass
    case {None: 1, True: 2}: pass
