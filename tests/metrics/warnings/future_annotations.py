from __future__ import annotations
x: (1)() = 1
def f(a: (3)(), *b: (4)(), c: (5)() = (6)()) -> (8)():
    return x is 1
class C:
    attr: (11)()
