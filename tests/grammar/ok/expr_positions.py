x = (
    a
    +
    b
)
y = (  a  ,  b  ,  )
z = [
    1,
    2,
]
f(
    x
    for x in y
)
g(a
  )(b)[
    c
]
h = {
    'k':
        v,
    **w,
}
s = a if (
    b
) else c
t = lambda x: (
    x)
u = not \
    a
v = a[
  1:
  2
]
w = x.\
    y
q = f(a,
      *b,
      c=d,
      **e)
r = (yield)
def f(a,
      b: int
      = 3, *c, **d): pass
