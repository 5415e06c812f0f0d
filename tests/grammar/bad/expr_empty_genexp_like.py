f(for x in y)
