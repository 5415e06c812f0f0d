assert (a b)
