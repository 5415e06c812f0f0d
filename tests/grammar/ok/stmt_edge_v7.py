with (a,):
    pass
