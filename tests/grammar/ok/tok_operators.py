a @= b
a //= 2
a **= 2
a >>= 1
a <<= 1
a ^= 1
a |= 1
a &= 1
a %= 1
x = a if 0 else (y := ~a)
def f() -> int: ...
print(a != b, a <= b, a >= b, a == b, a << b >> c, a@b, a//b, a**-b, a%b, not a)
print(...)
