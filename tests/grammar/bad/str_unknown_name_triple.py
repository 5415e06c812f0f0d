x = 1
y = """a
\N{foo}"""
