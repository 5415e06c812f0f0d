x = 1
None = 2
