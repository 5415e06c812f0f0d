# expect: physical=2 code=1 blank=0 comment_only=1 docstring=0 comment=1
x = 1