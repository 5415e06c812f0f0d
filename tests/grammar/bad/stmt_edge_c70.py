x += yield = 1
