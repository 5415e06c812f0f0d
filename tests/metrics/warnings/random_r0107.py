# Generated (random nests of try/finally, loops, jumps; seed 0107), checked against CPython.
def top():
    def f():
        for i in x:
            try:
                x is 4
                while x:
                    while x:
                        return
                else:
                    return
            except E:
                return x is 1
                while x:
                    def f():
                        y = [1]['a']
                        x is 4
                else:
                    match x:
                        case 1 if x is 3:
                            y = [1]['a']
            else:
                break
                match x:
                    case 1 if x is 3:
                        assert (x, 'm')
                        x is 6
                        assert (x, 'm')
                continue
            finally:
                assert (x, 'm')
                if x is 2:
                    (1, 2)()
                if x is 2:
                    with a:
                        assert (x, 'm')
                        continue
                        continue
                    (1, 2)()
            def f():
                def f():
                    return
                    return
                    while x:
                        return x is 1
                        (1, 2)()
                try:
                    x is 5
                    return x is 1
                except* E:
                    x is 7
                finally:
                    (1, 2)()
                    (1, 2)()
                    x is 9
                match x:
                    case 1 if x is 3:
                        x is 2
                        x is 4
                        y = [1]['a']
        x is 2
