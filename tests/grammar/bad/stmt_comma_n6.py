type X[T = a b] = 1
