type(x)
x = = 1
