def f[T: (int, str), *Ts = *tuple[int, ...], **P = [int, str]](): pass
