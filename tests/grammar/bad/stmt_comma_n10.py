@dec(a b)
def f(): pass
