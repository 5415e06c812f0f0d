del [a, (b, *c)]
