match x:
    case [1, 2, *rest] if rest: pass
    case {1: [a, {2: b}]} | C(d=[e]): pass
