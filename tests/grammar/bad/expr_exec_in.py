exec "x" in d
