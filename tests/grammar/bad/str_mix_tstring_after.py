x = 1
y = t"a" f"b"
