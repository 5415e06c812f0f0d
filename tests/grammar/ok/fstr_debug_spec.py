# '=' fields inside format specs: CPython's lexer records field text once
# per f-string and only some '{' reset it, so the debug text can start at
# an earlier field of the same spec.
x = y = z = w = a = b = 1
c1 = f"{x:{y}{z=}}"
c2 = f"{x:{y}{z}{w=}}"
c3 = f"{x:{y}{z=!r}}"
c4 = f"{x:{y}{z=:a}}"
c5 = t"{x:{y}{z=}}"
c6 = f"{x:{y=}{z}{w=}}"
c7 = f"{x:{y}{z=}a{w=}}"
c8 = f"{x:a{y}{z=}}"
c9 = f"{x:{y:{a}}{z=}}"
c10 = f'{x:{():}{y=:}}'
c11 = f'{x:{a:b}{y=:}}'
c12 = f'{x:{a:\{b}}{y=}}'
c13 = f"{x:{y} {z=}}"
c14 = t"""{x + # a comment
y = }"""
c15 = f"""{'#' # c
=}"""
