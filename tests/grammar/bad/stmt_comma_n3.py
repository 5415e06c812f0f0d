with (a b, c): pass
