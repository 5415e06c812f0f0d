lambda a=: 1
