a = [0, 00, 0_0, 0x_Ff, 0o17, 0B1_0, 1_000, 1.5, .5, 5., 1e10, 1E-5_0, 1.5j, 2J, 0e0, 09.5, 0_1.5e1_0j]
b = [1if x else 2, 0x1for x in y, 1 if 1else 2, 1in y, 1or 2, 1and 3, 1is 1, 1.e5]
