x = y = z = 1
c = f"{x:{y:{z=}}}"
