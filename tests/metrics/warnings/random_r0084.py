# Generated (random nests of try/finally, loops, jumps; seed 0084), checked against CPython.
def top():
    y = [1]['a']
    x is 8
    with a:
        try:
            for i in x:
                if x is 2:
                    with a:
                        (1, 2)()
                        x is 8
                        return
                    if x is 2:
                        return
                        return x is 1
                        break
                    (1, 2)()
                x is 7
                for i in x:
                    try:
                        (1, 2)()
                        assert (x, 'm')
                        return
                    finally:
                        break
                        return x is 1
                    try:
                        x is 1
                        y = [1]['a']
                        break
                    except* E:
                        x is 7
                    finally:
                        return x is 1
                    def f():
                        x is 5
                        (1, 2)()
            else:
                if x is 2:
                    try:
                        assert (x, 'm')
                        (1, 2)()
                    except* E:
                        x is 7
                    finally:
                        x is 5
                        assert (x, 'm')
                    x is 0
                    if x is 2:
                        x is 7
            x is 3
            if x is 2:
                assert (x, 'm')
        except* E:
            x is 7
        finally:
            return x is 1
