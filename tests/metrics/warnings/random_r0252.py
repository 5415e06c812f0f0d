# Generated (random nests of try/finally, loops, jumps; seed 0252), checked against CPython.
def top():
    (1, 2)()
    return
    match x:
        case 1 if x is 3:
            y = [1]['a']
            try:
                x is 1
                try:
                    y = [1]['a']
                    (1, 2)()
                finally:
                    x is 8
                    x is 8
                    x is 1
                return
            except E:
                try:
                    if x is 2:
                        assert (x, 'm')
                    try:
                        x is 2
                        x is 5
                        assert (x, 'm')
                    except E:
                        return
                        x is 1
                    else:
                        (1, 2)()
                    finally:
                        x is 5
                        x is 4
                        return x is 1
                    x is 2
                finally:
                    with a:
                        x is 9
                        assert (x, 'm')
                    for i in x:
                        y = [1]['a']
                        continue
                        break
                    else:
                        return x is 1
                        y = [1]['a']
                        return (1)()
            else:
                x is 1
            finally:
                while x:
                    y = [1]['a']
                    x is 1
                else:
                    while x:
                        assert (x, 'm')
                        assert (x, 'm')
