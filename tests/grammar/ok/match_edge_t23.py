match x:
    case {0: _, **r,}: pass
