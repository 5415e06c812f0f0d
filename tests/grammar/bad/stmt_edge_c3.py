with (a, b)
    pass
