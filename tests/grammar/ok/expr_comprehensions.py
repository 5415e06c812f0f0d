[x for x in y]
[x for x in y if a]
[x for x in y if a if b]
[x for x in y for z in w]
[x for x, y in z]
[x for (x, y) in z]
[x for [x, y] in z]
[x for x, in z]
[x for *x, y in z]
[x for x.a in z]
[x for x[0] in z]
{x for x in y}
{x: y for x, y in z}
{x: y for x in a if x for y in b}
(x for x in y)
(x for x in y if a or b)
[x async for x in y]
[x for x in y async for z in w]
(x async for x in y)
[(x, y) for x in a for y in b if x if y]
[x for x in a or b if not c]
[x for x in (y := z)]
[[x for x in y] for y in z]
[x if a else b for x in y]
[lambda: x for x in y]
