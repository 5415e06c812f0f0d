# Annotations: compiled (and checked) where CPython 3.14 compiles them.
x: (1)() = 1
y: "a"[1.0]
obj.attr: [1][1.0]
(z): (2)() = 3
def f(a: (3)(), *b: (4)(), c: (5)() = (6)(), **d: (7)()) -> (8)():
    local: (9)() = 1
    other.x: (10)()
class C:
    attr: (11)()
    def m(self):
        pass
type T = (12)()
def g[V: (13)()](): pass
lam = lambda q=(14)(): (15)()
