x = 1
y = t"{lambda x: 1}"
