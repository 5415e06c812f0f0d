d = {a: 1, b if c}
