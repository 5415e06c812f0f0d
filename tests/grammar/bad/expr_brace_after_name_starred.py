x {*c d}
