# hi
x = 1
y = "é"
