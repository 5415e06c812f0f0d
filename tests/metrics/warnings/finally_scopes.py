try:
    pass
finally:
    def f():
        x is 1
    class C:
        x is 2
    lambda: x is 3
    [y is 4 for y in x]
    (y is 5 for y in x)
