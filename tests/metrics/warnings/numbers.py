# A number directly followed by a keyword: accepted with a warning.
a = [1if x else 2, 0x1for x in y]
b = 1in x
c = 1is x
d = 1or 2
e = 1and 2
f = 1not in x
g = 0o7if x else 0b1if y else 1.5else_ if z else 1jif w else 2
h = [x for x in y if 1_000if x else 2]
i = f"{1if x else 2}"
j = 1e5if x else 0
