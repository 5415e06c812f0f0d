del a b
