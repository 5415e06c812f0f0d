# Format specs the lexer splits into several literal parts (at \N{...}):
# several parts and no field make a Constant spanning the spec from its ':'.
x = y = 1
a = f"{x:\N{BULLET}>10}"
b = f"{x:a\N{BULLET}b}"
c = f"{x:\N{BULLET}}"
d = f"{x:{y}\N{BULLET}>10}"
e = f"{x!r:\N{BULLET}a}"
g = t"{x:\N{BULLET}a}"
h = f"""{x:
\N{BULLET}>}"""
