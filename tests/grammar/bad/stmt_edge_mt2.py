print(match)
match (x)
foo(
