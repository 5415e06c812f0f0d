# A module-level function named eval is not the builtin, anywhere in the file.
def eval(expression):
    return expression


def exec(statement):
    return statement


eval("1 + 1")
exec("x = 1")
