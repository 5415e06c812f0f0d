async def f():
    async for f() in x:
        pass
