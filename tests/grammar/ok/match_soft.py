match = 1
match.x = 2
match[0] = 3
match(x)
match (x)
print(match)
match, case = 1, 2
case = 3
x = match if match else case
def match(): pass
def case(): pass
class match: pass
match -x:
    case 1: pass
match [a, b]:
    case [1, 2]: pass
match {1: 2}:
    case {1: x}: pass
match not x:
    case _: pass
match match:
    case case: pass
match x:
    case match: pass
type = 1
type(x)
type.x = 2
type X = int
_ = 1
print(_)
