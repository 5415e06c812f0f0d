# t-strings (PEP 750): TemplateStr and Interpolation.
x = y = w = 1
a = t"a{x}b"
b = t"{x=}"
c = t"{ x = }"
d = t"{x!r:>{w}}"
e = t"" t"{x}" t""
g = t"a" t"b"
h = t"{x:}" T"{x}" tr"\{x}" Rt"\n{x}"
i = t"{ x }" t"{x , y}" t"{(x)}" t"{x	}"
j = t"""{x + # comment
y}"""
k = t"""{
x}"""
l = t"{x:{y=}}" t"{x:{ y = }}"
m = t"a{{b}}c{x}d"
n = t"{x!s}" t"{x!a:{y}x}"
