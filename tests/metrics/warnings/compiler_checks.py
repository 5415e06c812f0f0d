def f(x):
    try:
        return 1
    finally:
        x is 1
for y in x:
    try:
        if y:
            break
        continue
    finally:
        y is 2
x is -1
x is ()
x is (1, 2)
x is (1, -2)
x is not None
x is ...
x is [1]
x is {}
1 is x is "a"
None()
...()
f"a"()
t"a"()
{1}()
{1: 2}()
[x for x in y]()
(x for x in y)()
lambda: 1()
(lambda: 1)()
None[1]
1[2]
(1.5)[0]
{1}[0]
{x for x in y}[0]
(x for x in y)[0]
(lambda: 1)[0]
t"x"[0]
"abc"["a"]
"abc"[1.5]
b"abc"[None]
(1, 2)[(1)]
(1, 2)[1:2]
(1, 2)[x]
(1, 2)["a"]
[1][f"x"]
[1][t"x"]
[x for x in y][1.0]
f"x"[1.0]
assert (x,)
assert ()
assert (x, y), "m"
if x is 1:
    pass
while x is not 2: pass
x["a"] = "b"[1.0]
"a"[1.0] += 1
del "a"[1.0]
