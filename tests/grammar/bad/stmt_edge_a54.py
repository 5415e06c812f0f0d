class C(:
    pass
