@dec

def f(): pass
