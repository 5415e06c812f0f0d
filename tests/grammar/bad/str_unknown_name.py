x = 1
y = "\N{NO SUCH NAME}"
