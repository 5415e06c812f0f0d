(x): int =
