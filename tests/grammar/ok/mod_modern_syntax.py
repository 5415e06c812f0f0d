# Newer syntax side by side: PEP 614 decorators, parenthesized context
# managers, nested f-strings, t-strings, star subscripts, walrus everywhere.
import sys as _sys, os.path as osp
from os import (
    sep,
    getcwd as cwd,
)
from .. import sibling
from ...pkg.mod import *  # noqa


buttons = [lambda f: f, staticmethod]


@buttons[0]
@(lambda f: f)
@_sys.modules[__name__].__dict__.get("missing", lambda f: f)
def handler(event, /, *, verbose: bool = __debug__) -> None:
    with (open(osp.join(cwd(), "a")) as a, open("b") as b, ):
        data = a.read() + b.read()
    with open("c") as c, (d := open("d")):
        del data, c
    print(f"{f'{event!r:>{10}}'=}", f"{'nested' + f'{"quotes"}'}", sep="")
    print(f"{event = }", f"{ {1: 'dict'}[1] }", f"{3.14:{'.2f'}}", f"{{literal}}")
    name = "world"
    greeting = t"hello {name!s:>{8}} and {name=}"
    assert greeting is not None, f"never {name}"


def grid(rows: int, *cols: *tuple[int, ...]):
    table = {(r, c): r * c for r in range(rows) for c in cols if (r + c) % 2 == 0}
    odd = {v for v in table.values() if v & 1}
    return table, odd, [*odd, *table][1:-1:2], table[*(0, 0),] if (0, 0) in table else None


class Matrix(list, metaclass=type("Meta", (type,), {})):
    def __matmul__(self, other):
        return [[sum(a * b for a, b in zip(row, col)) for col in zip(*other)] for row in self]

    def __imatmul__(self, other):
        self[:] = self @ other
        return self


m = Matrix([[1, 2], [3, 4]])
m @= m
x = y = z = -1
x += 1; y -= ~x; z **= 2; z //= 3; z %= 5; z <<= 1; z >>= 1; z |= 8; z ^= 3; z &= 7
ok = 0 < x <= y < z != 10 == 10 is not None in [None] or not x and y
v = x if x else y if y else z
print(*[i for i in range(3)], **{"sep": ", "}, end="\n")
if (n := len(_sys.argv)) > 1 and (first := _sys.argv[1]):
    print(n, first)
while (chunk := _sys.stdin.read(1024)) != "":
    break
else:
    pass
for i, (a, *b) in enumerate([(1, 2, 3)]):
    continue
