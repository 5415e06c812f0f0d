@a
@b
class C[T](D, metaclass=E): pass
