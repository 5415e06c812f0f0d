try:
    pass
finally:
    for i in x:
        x is 1
try:
    pass
finally:
    with a:
        x is 2
try:
    pass
finally:
    try:
        x is 3
    except E:
        x is 4
def f():
    try:
        pass
    finally:
        try:
            return
        finally:
            x is 5
for i in x:
    try:
        pass
    finally:
        try:
            pass
        finally:
            x is 6
            break
            x is 7
