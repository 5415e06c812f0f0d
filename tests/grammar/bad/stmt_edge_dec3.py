if x:
    @XFAIL
