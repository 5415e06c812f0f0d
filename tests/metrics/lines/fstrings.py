# expect: physical=10 code=8 blank=1 comment_only=1 docstring=0 comment=2
x = f"""a

{
    1  # a comment in a field
}
"""
y = ("a"

     "b")
