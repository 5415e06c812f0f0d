match x:
    case (a, b,):
        pass
    case [(a, b), [c]]:
        pass
    case ((a)):
        pass
    case (*a, b):
        pass
    case [a, *_, b]:
        pass
