a.b: int = = 2
