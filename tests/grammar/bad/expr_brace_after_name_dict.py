x {c: d e}
