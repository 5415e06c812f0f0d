class C[T](a b): pass
