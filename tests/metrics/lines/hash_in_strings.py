# expect: physical=7 code=4 blank=1 comment_only=2 docstring=0 comment=4
a = "# not a comment"
b = '#' + "#"  # a comment

c = f"{'#'}"  # another
   # indented comment
d = b'#'
