lambda **a=1: 1
