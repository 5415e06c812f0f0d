match(x)
match[x]
match.x
match
match = 1
match: int = 2
match += 1
