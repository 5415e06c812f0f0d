def f():
    x = yield from y
    await z
