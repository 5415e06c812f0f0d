a.b.c: int = 1 = 2
