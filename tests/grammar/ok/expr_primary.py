a.b.c
a(b)(c)
a[b][c]
a.b(c)[d].e
f()
f(a)
f(a, b,)
f(a, *b, c, *d, e=1, **f, g=2, **h)
f(*a)
f(**a)
f(a=1, *b)
f(x for x in y)
f((x for x in y), z)
f(x := 1)
f(a, x := 1, b=2)
f(*a, b)
a[1]
a[1:2]
a[1:2:3]
a[:]
a[::]
a[::2]
a[1:]
a[:2]
a[1,]
a[1, 2]
a[1:2, 3]
a[:, ::, 1:2:3]
a[*b]
a[*b, c]
a[b, *c]
a[x := 1]
a[(x := 1):2]
a[lambda: 1]
a[b if c else d : e]
"abc".upper()
(1).real
1 .real
1.0.real
x[1](2).y[3]
