match x:
    case "a" f"b": pass
