# expect: physical=10 code=5 blank=0 comment_only=1 docstring=4 comment=2
def f():
    ("""doc
    """)
def g():
    """doc
    """; x = 1
def h():
    """doc"""  # with a comment
class E: "one-line class docstring"
