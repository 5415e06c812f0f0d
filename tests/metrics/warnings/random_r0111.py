# Generated (random nests of try/finally, loops, jumps; seed 0111), checked against CPython.
def top():
    with a:
        x is 9
        while x:
            while x:
                def f():
                    def f():
                        (1, 2)()
                    with a:
                        x is 3
                        x is 6
            else:
                try:
                    continue
                    with a:
                        assert (x, 'm')
                except E:
                    def f():
                        (1, 2)()
                        (1, 2)()
                        x is 7
                else:
                    try:
                        y = [1]['a']
                    except* E:
                        x is 7
                    finally:
                        y = [1]['a']
                        continue
                        y = [1]['a']
                    try:
                        x is 5
                        continue
                        return (1)()
                    except* E:
                        x is 7
                    finally:
                        (1, 2)()
                        x is 9
                        (1, 2)()
                finally:
                    y = [1]['a']
                for i in x:
                    if x is 2:
                        x is 5
                        (1, 2)()
                    assert (x, 'm')
                    continue
            match x:
                case 1 if x is 3:
                    def f():
                        x is 4
                        x is 6
            for i in x:
                match x:
                    case 1 if x is 3:
                        x is 3
                        return x is 1
