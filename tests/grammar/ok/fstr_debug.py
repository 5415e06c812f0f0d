# Self-documenting fields: the '=' keeps the expression's text.
x = y = 1
a = f"{x=}"
b = f"{ x = }"
c = f"{x=!s}"
d = f"{x=:>4}"
e = f"{x = !s:>4}"
g = f"{x=!r}"
h = f"a{x=}b"
i = f"""{x
=}"""
j = f"""{x + # comment
y = }"""
k = f"{x:{y=}}"
l = f"{x=}{y=}" f"{x=}"
m = f"{'#'=}"
