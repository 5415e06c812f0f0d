x = (yield) += 1
