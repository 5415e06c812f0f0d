type X = int | str
type X[T,] = T
type = 1
type: int = 2
type.x = 1
