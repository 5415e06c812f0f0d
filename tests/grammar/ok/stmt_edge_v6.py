with (a, b) as c, (d, e) as f:
    pass
