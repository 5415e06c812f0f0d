# Returns in nested finally bodies: each unwinds the finally bodies below it.
def f():
    try:
        try:
            try:
                try:
                    try:
                        return 0
                    finally:
                        x is 1
                        return 1
                finally:
                    x is 1
                    return 1
            finally:
                x is 1
                return 1
        finally:
            x is 1
            return 1
    finally:
        x is 1
        return 1
