x = [
  a
  b
]
