b"y" { f f x [ : 1
