del [x, y,]
