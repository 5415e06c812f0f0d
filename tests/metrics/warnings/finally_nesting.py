def f():
    for i in x:
        try:
            try:
                if i: continue
                if x: break
                return (1)()
            finally:
                x is 1
                try:
                    pass
                finally:
                    x is 2
        finally:
            x is 3
    while x:
        try:
            pass
        finally:
            for j in x:
                break
            else:
                continue
            def inner():
                return 1
            class K:
                pass
async def g():
    async for a in b:
        try:
            continue
        finally:
            x is 4
    async with a:
        try:
            return
        finally:
            x is 5
try:
    pass
except* E:
    pass
finally:
    x is 6
def h():
    try:
        pass
    finally:
        try:
            return 1
        except E:
            break_ = 1
        with a:
            return 2
        if x:
            return 3
        match x:
            case 1:
                return 4
