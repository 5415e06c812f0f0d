f((*a b))
