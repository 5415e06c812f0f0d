match = 1
case = 2
type = 3
_ = 4
match x:
    case _:
        pass
type X = int
