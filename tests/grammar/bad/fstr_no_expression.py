x = 1
y = f"{def}"
