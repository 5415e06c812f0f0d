[x for a b]
