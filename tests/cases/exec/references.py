# exec and eval passed as values (REF rows) are reported where they escape;
# calls through an alias are reported too.
run = exec  # expect: KR102
run("x = 1")  # expect: KR102
results = list(map(eval, ["1 + 1"]))  # expect: KR107
handlers = {"evaluate": eval, "execute": exec}  # expect: KR107, KR102
print(exec.__doc__)  # an attribute of the builtin: not passed on


def shadowed(eval):
    return map(eval, [])  # a parameter named eval is not the builtin


class Engine:
    def eval(self):
        return self.eval  # a method of that name is not the builtin
