# expect: physical=6 code=3 blank=2 comment_only=1 docstring=0 comment=1

x = 1
  	
def f():
    pass
