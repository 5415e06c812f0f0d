# "\{" in f-strings (the lexer's warning) and escapes bytes do not know.
a = f"""
\{x}
"""
b = f"""x
  \}}"""
c = f"\{{ \d"
d = f"\d \{{"
e = rf"\{x}"
g = b"\N{DASH}" b"\u00e9" b"\U00012345" b"\x41\q"
h = t"""
  \{x} \w
"""
i = f"{x:\{y}}"
j = "\{" "\}"
