for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, *y] in z:
    pass
for x.a in y: pass
for x[0] in y: pass
for x in a, b:
    pass
for x in *a, *b:
    pass
for x, in y: pass
for x in y:
    pass
else:
    pass
async def f():
    async for x in y:
        pass
    async for x in y:
        pass
    else:
        pass
    async with a:
        pass
    async with a as b, c as d:
        pass
    async with (a as b, c):
        pass
    await x
    return await y
while x: pass
while (x := f()): pass
