x = 1
y = f"{x}" b"b"
