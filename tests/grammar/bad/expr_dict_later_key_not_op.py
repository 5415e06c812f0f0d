d = {a: 1, -not b}
