if x:
    pass
else:
z
