match x:
    case True | None | False: pass
    case "a" | b"b": pass
