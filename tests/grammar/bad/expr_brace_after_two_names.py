x y {c d}
