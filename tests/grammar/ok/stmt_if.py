if a:
    pass
if a:
    pass
else:
    pass
if a:
    x = 1
elif b:
    x = 2
elif c:
    x = 3
else:
    x = 4
if (n := 10) > 5: pass
if a: b; c
if a:
    if b:
        if c:
            pass
        else:
            d
    elif e:
        f
if x:
    pass

elif y:

    pass
