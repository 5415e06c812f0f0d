# Escapes in every kind of literal; only the first invalid one per literal
# (per f-string part) warns, at the line of the escape.
a = "\d\e\f"
b = b"\d"
c = rb"\d" + r"\d" + br"\q"
d = B"\N{DASH}" + b"\u1234"
e = "\N{EM DASH}\u1234\x41\101\0\
continued \z"
f = """first
second \w
third \y
"""
g = '''\
\p'''
h = "é\d"
i = "\400 and \w"
j = "\w and \400"
k = b"\777"
l = "\78" "\9" "\d" 'x'
m = u"\k"
n = "\\d \\\d"
o = f"{x}\d{y}\e"
p = f"\d{x:\w}"
q = f"{x:{y}\q}"
r = rf"\d{x}" fr"\e"
s = f"""
line \d
{x}
line \e {x!r:>\s}
"""
t = t"\d{x}\e"
u = f"{f'\d'}"
v = f"{f'{x}\q' + '\r'}"
w = f"\{x}"
x2 = f"\{{x}}"
y = f"a\}}b"
z = f"{x:\{}"
aa = f"\N{EM DASH}\d"
bb = "\
"
cc = f"{1}" "\d" f"{2}\e"
dd = "\u00e9\é"
ee = f"x\
\d"
