class C[T](A):
pass
