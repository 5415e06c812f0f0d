x = 1
y = "ab\x4"
