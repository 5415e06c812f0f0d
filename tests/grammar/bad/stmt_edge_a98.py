for x in y, z:
    pass
else
    pass
