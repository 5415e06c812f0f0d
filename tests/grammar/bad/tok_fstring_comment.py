y = f'{x # c}'
z = 1
