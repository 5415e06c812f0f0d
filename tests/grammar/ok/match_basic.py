match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | -2.5:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 3j:
        pass
    case 0x1F | 0o17 | 0b101 | 1_000:
        pass
    case "a":
        pass
    case "a" "b":
        pass
    case b"x":
        pass
    case None:
        pass
    case True | False:
        pass
    case _:
        pass
match x:
    case y:
        pass
    case y as z:
        pass
    case (1 | 2) as z:
        pass
    case 1 | 2 as z:
        pass
    case a.b:
        pass
    case a.b.c:
        pass
    case (a.b):
        pass
    case (y):
        pass
match x, y:
    case a, b:
        pass
    case a, *rest:
        pass
    case *_, last:
        pass
    case (a, b):
        pass
    case [a, b]:
        pass
    case []:
        pass
    case ():
        pass
    case [*_]:
        pass
    case (a,):
        pass
    case [a,]:
        pass
    case a,:
        pass
match *x, y:
    case _: pass
match (x):
    case _: pass
match x := 5:
    case 5 if x > 1:
        pass
    case _ if (y := 2):
        pass
