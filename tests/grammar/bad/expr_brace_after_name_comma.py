x {c d}
