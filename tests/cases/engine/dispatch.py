# The engine matches qualified names, not spellings.
import builtins
from builtins import exec as run_code

code = "print(1)"

exec(code)  # expect: KR102
builtins.exec(code)  # expect: KR102
run_code(code)  # expect: KR102
# A module-level alias is reported: other files may import and call it.
alias = exec  # expect: KR102
alias(code)  # expect: KR102
getattr(builtins, "exec")(code)  # expect: KR102, KR1203

# A method of an unknown object is not the builtin.
class Runner:
    def exec(self, text):
        return text


Runner().exec(code)
session = object()
session.exec(code)


# A parameter named exec shadows the builtin in its function.
def run(exec):
    exec(code)


# Calls inside nested expressions, lambdas and comprehensions.
value = [exec(c) for c in [code]]  # expect: KR102
handler = lambda c: exec(c)  # expect: KR102
print(f"{exec(code)}")  # expect: KR102
