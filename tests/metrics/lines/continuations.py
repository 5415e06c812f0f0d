# expect: physical=17 code=14 blank=1 comment_only=2 docstring=0 comment=3
x = 1 + \
    2
y = [
    1,  # in brackets

    # only a comment inside brackets
    2,
]
s = "a # not a comment" + \
    'b'
t = """a multi-line
# not a comment

string"""
if x: \
    pass
