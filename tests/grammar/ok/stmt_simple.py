x = 1
a = b = c = 2
a, b = b, a
[a, *b] = c
(a, b), c = d
*a, = b
(x) = 5
((y)) = 6
a.b = c[d] = e
f().g = h()[i]
x = yield_ = 3
x += 1; y -= 2; z *= 3; w @= 4
a /= 1; a //= 2; a %= 3; a **= 4
a &= 1; a |= 2; a ^= 3; a <<= 4; a >>= 5
(a) += 1
a.b += 1
a[1] += 2
x: int
x: int = 1
(x): int = 2
a.b: str
a[0]: list = []
((x)): int
y: tuple = 1, 2
pass
del a
del a, b
del (a, b), [c]
del a.b, c[0]
del (a)
assert x
assert x, "message"
global g
global g1, g2
print(x)
x
1
...
"docstring-like"
a; b; c
a; b;
x = *a, *b
x = 1,
match = 1
case = 2
type = 3
_ = 4
print(match, case, type, _)
match(x)
type(x)
match.x = 1
match[1] = 2
