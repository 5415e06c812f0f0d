x = 1
@XFAIL
