x: "int"
x.y: 1 = 2
x[0]: 1
