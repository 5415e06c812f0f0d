a + b - c * d / e // f % g @ h ** i
-a; +a; ~a; - - a; -a ** -b; (-a) ** b; a ** b ** c
a << b >> c & d ^ e | f
a < b <= c > d >= e == f != g
a in b; a not in b; a is b; a is not b
not a; not not a; not a == b
a and b; a and b and c; a or b or c; a and b or c and d; a or (b or c)
a if b else c
a if b else c if d else e
(a if b else c) if d else e
lambda: 0
lambda x: x
lambda x, y=1, *z, w, v=2, **k: 0
lambda x, /, y: 0
lambda *, x: 0
lambda *a: a
lambda **k: k
lambda x=1, /, y=2: 0
lambda a, b=1, /, c=2, *d, e, f=3, **g: 0
await_ = 1
x = a if b else lambda: c
x = [i for i in range(3)]
x = 2 ** -3 ** +4 ** ~5 ** 6
