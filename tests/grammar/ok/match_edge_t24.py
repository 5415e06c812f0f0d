match x:
    case {a.b.c: _}: pass
