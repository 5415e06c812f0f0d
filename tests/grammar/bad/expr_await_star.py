*await x = 1
