def f(): pass
def f(a, b=1, *args, c, d=2, **kw) -> int:
    return a
async def g():
    pass
@dec
def f():
    pass
@dec
@dec2(1, 2)
@a.b.c
@(lambda f: f)
@x[0]
@x := y
async def h():
    pass
class C:
    pass
class C():
    pass
class C(B):
    x = 1
    def m(self):
        pass
class C(A, B, metaclass=M, **kw):
    pass
class C(*bases):
    pass
@dataclass
class D:
    x: int
    y: str = ""
def f[T](x: T) -> T:
    return x
def f[T: int, *Ts, **P](x): pass
class C[T]: pass
class C[T = int, *Ts = *tuple[int], **P = [int]]: pass
class C[T: (int, str) = int](Base): pass
def f[T,](): pass
type X = int
type X[T] = list[T]
type X[T: int, *Ts, **P] = tuple[T, *Ts]
type X[T = str] = T
def f(a, /, b): pass
def f(*, a): pass
def f(*args: *Ts): pass
def f(
    a,
    b,
):
    pass
class C: x = 1; y = 2
def f(): return 1
