del (x,)
