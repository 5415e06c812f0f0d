if x <> y:
    pass
