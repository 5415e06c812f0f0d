# only a comment


x = 1  # trailing
y = """not a
docstring"""
