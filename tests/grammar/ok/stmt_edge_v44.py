class C:
    """doc"""
    x: int = 1

    def f(self): ...
