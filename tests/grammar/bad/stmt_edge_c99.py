assert a b
