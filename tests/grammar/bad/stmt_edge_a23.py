with (open(x) as f, open(y) as g)
    pass
