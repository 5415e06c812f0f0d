def f[T: a b](): pass
