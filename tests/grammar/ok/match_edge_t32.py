match x:
    case b"a" b"b": pass
