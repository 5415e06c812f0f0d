case = 1
case(x)
case[0] = 1
