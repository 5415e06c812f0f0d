l = [
  "a"
  "b"
  c
]
