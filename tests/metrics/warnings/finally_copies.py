try:
    pass
finally:
    x is 1
def f():
    try:
        try:
            return 1
        finally:
            x is 2
    finally:
        x is 3
def g():
    for i in x:
        try:
            if i: continue
            return
        except E:
            break
        else:
            return 5
        finally:
            x is 4
def h():
    try:
        return
    finally:
        try:
            x is 5
        finally:
            x is 6
def k():
    try:
        return
    finally:
        for j in x:
            break
        return 7
def m():
    with a:
        try:
            return
        finally:
            x is 8
    try:
        def inner():
            return 1
    finally:
        x is 9
while x:
    try:
        try:
            break
        finally:
            x is 10
            continue
    finally:
        x is 11
