with (a := 1):
    pass
