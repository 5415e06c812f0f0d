def f[T:]():
    pass
