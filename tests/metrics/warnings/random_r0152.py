# Generated (random nests of try/finally, loops, jumps; seed 0152), checked against CPython.
def top():
    def f():
        try:
            try:
                for i in x:
                    return (1)()
                    (1, 2)()
                x is 9
            finally:
                if x is 2:
                    def f():
                        x is 1
                x is 2
        finally:
            with a:
                y = [1]['a']
                y = [1]['a']
            with a:
                try:
                    x is 9
                    while x:
                        assert (x, 'm')
                        break
                    (1, 2)()
                finally:
                    def f():
                        x is 9
                        return x is 1
                    match x:
                        case 1 if x is 3:
                            assert (x, 'm')
                for i in x:
                    y = [1]['a']
                else:
                    while x:
                        assert (x, 'm')
                        assert (x, 'm')
                        y = [1]['a']
                    match x:
                        case 1 if x is 3:
                            x is 0
                    try:
                        return x is 1
                        y = [1]['a']
                    except E:
                        assert (x, 'm')
                    else:
                        return
                        x is 7
                    finally:
                        y = [1]['a']
                        x is 7
                        y = [1]['a']
                y = [1]['a']
    x is 6
