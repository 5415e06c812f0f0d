match x:
    case {}:
        pass
    case {"a": 1}:
        pass
    case {"a": 1, "b": [c, d]}:
        pass
    case {"a": 1, **rest}:
        pass
    case {**rest}:
        pass
    case {**rest,}:
        pass
    case {1: a, -1: b, 1+2j: c, None: d, True: e, False: f, a.b: g, "s" "t": h,}:
        pass
    case Point():
        pass
    case Point(1, 2):
        pass
    case Point(x=1, y=2):
        pass
    case Point(1, y=2):
        pass
    case Point(1, y=2,):
        pass
    case a.b.C(x, _) if x:
        pass
    case C(a=[1, 2], b={"k": v}, c=D(e=f)):
        pass
    case int() | str():
        pass
    case [Point(x=0, y=0), *others]:
        pass
    case {"x": {"y": [1, (2, 3)]}}:
        pass
