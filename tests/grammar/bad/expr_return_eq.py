return a = 1
