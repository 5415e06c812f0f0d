for x in y:
    pass
else:
    pass
elif z:
    pass
