del (a b)
