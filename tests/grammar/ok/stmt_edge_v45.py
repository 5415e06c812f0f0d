assert x, (y, z)
