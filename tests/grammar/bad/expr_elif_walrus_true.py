if True := 1: pass
