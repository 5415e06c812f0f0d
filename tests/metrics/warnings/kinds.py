a = "\d"
b = b"\d \q"
c = """
line2 \q
"""
d = f"x\d{1}\e"
e = "\777"
g = "\8"
h = 1if a else 2
i = 0in a
j = 0x1for 2
def f():
    try:
        pass
    finally:
        return 1
for x in y:
    try:
        pass
    finally:
        break
x is "a"
(1, 2)()
[1](2)
"a"[1]
[1, 2]["a"]
assert (x, "msg")
x = f"{x!r:\d}"
t = t"\d{x}"
