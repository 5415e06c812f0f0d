# Where an escape's warning lands in multi-line f-/t-strings and format specs.
a = f"""first {x}
second \d {y} third \q
{z:
>10} fourth
fifth \w"""
b = f'''{x:{y}
}\e'''
c = t"""
{x!r}
\k"""
d = f"""{
x
}\m"""
e = f"{x:{y:\n}}"
g = f"""{x:\
}\p"""
h = f"{'''
\s'''}"
