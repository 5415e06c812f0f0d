def f(): pass
@d
async def g(): pass
