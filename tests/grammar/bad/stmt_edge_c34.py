type X[T, *Ts: int] = int
