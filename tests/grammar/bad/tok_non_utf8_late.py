x = "abc
y = 1
# ÿ
