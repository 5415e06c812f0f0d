# Checks inside every kind of scope and expression.
@(1)()
def f(x=(2)()):
    return [y is 1 for y in x if y is not 2]
class C((3)(), metaclass=(4)()):
    z = {k: v for k, v in (5)()}
    def m(self):
        yield (6)()
        await (7)()
        return lambda: x is "s"
g = (i is () for i in x)
match x:
    case [a] if a is 1:
        (8)()
    case {"k": b} if (9)():
        pass
with (10)() as w, open(x) as (11)()[0]:
    del w[(12)()]
for q in (13)():
    pass
else:
    (14)()
while (15)():
    break
try:
    (16)()
except (17)() as e:
    (18)()
except* E:
    pass
else:
    (19)()
raise (20)() from (21)()
x += (22)()
x[(23)()] += 1
print(f"{(24)()!r:{(25)()}}")
x = t"{(26)()}"
x = (1)(2)(3)
x = "a" "b"[0.5]
x = b"a"["k"]
x = [1][()]
x = (1,)[(1, 2)]
x = [1][[1]]
x = [1][{}]
x = [1][{1}]
x = [1][(i for i in x)]
x = [1][lambda: 1]
x = [1][None]
x = [1][...]
x = [1][1j]
x = [1][True]
x = [1][b""]
x = True[0]
x = 1j[0]
x = ...[0]
x = None is None
x = x is True
x = x is ...
x = () is x
x = x is ((1, 2),)
x = x is (None,)
x = x is not -1
x = x is f"a"
x = 1 < x is 2
x = x is 2 is 3
assert (x, y)
assert ()
assert (x)
assert x, (1, 2)
