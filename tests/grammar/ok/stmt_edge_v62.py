if 1:
    pass
elif 2:
    pass
elif 3:
    pass
