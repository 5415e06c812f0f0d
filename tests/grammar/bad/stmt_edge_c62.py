(yield): int
