if (x and
    y):
z = 1
