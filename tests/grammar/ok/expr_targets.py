a = 1
a = b = c
a, b = c
a, = b
(a, b) = c
[a, b] = c
(a) = b
((a)) = b
[a] = b
[] = x
() = x
*a, b = c
a, *b = c
(*a, b) = c
[*a, (b, c)] = d
a.b = 1
a[b] = 1
a.b.c[d].e = 1
a[1:2] = 1
a[b, c] = 1
a().b = 1
a[b](c)[d] = 1
"x".y = 1
a += 1
a.b -= 1
a[b] *= 1
(a) //= 1
a @= b
a: int
a: int = 1
a.b: int
(a): int = 1
for x in y: pass
for x, y in z: pass
for (x, y) in z: pass
for [x] in z: pass
for x.y in z: pass
for x[0] in z: pass
for *a, b in c: pass
for x, in y: pass
async def g():
    async for x in y: pass
    async with a as b, c as (d, e): pass
with a as b: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c, d as e[0]: pass
del a
del a, b
del a,
del (a)
del (a, b)
del [a, b]
del a.b, a[0], a[1:2]
del (a), [b]
del ()
x = yield
x = yield 1
x = yield 1, 2
x = yield from y
x = *a, *b
x = a, *b
