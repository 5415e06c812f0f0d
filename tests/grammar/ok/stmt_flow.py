def f():
    return
def g():
    return 1
def h():
    return 1, 2
def i():
    return *a, b
def j():
    yield
    yield x
    yield x, y
    yield from z
    x = yield
    x = yield y
    x += yield
    x: int = yield
    await_ = yield from a
    nonlocal_ = 1
def k():
    nonlocal a
    nonlocal a, b
raise
raise E
raise E("x")
raise E from None
raise E from cause
for x in y:
    break
else:
    continue
while True:
    break
while x:
    pass
else:
    pass
