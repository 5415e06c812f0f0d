async def f():
    async with a as b, c: pass
    async for (a, b) in c: pass
