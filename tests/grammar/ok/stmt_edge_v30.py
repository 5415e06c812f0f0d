def f():
    return (yield)
