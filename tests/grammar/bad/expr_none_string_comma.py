f(None "x")
