# expect: physical=7 code=1 blank=1 comment_only=2 docstring=3 comment=2
"""doc

more"""
x = 1

# c
