match x:
    case {**rest}: pass
    case {"a": _, **rest,}: pass
