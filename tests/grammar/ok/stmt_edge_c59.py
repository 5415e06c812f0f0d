(a.b): int = 1
(a): int
