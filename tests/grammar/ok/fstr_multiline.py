# Triple-quoted and multi-line f-strings: positions across lines.
x = y = 1
a = f"""first {x}
second {y:>{x}}
third"""
b = f"""{
    x
}"""
c = f"""{x # a comment
}"""
d = (f"one {x}"
     f"two {y}"
     "three")
e = f'''a\
b{x}\
c'''
g = f"""
{x!r:
}"""
