x = 1
y = ("a"
     t"b{x}")
