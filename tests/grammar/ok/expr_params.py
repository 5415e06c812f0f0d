def f(): pass
def f(a): pass
def f(a, b): pass
def f(a,): pass
def f(a=1): pass
def f(a, b=1): pass
def f(a, b=1, *c): pass
def f(a, *, b): pass
def f(a, *, b=1, c): pass
def f(*a, b, **c): pass
def f(**k): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2): pass
def f(a, b=1, /, c=2, *d, e, f=3, **g): pass
def f(a: int, b: str = "x", *c: tuple, d: int, **e: dict) -> None: pass
def f(*args: *Ts): pass
def f(*args: *tuple[int, ...]): pass
def f(a: lambda: 1 = 2): pass
def f(self, a, /, mode, *, b): pass
def f(a,
      b=1,
      *,
      c: int = 2,
      ): pass
async def f(a, *, b): pass
def f(a, b, /, c, d, *e, f, g=1, **h,): pass
class A(B, C, metaclass=M, **kw): pass
class A(*b): pass
class A(): pass
