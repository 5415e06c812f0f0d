if x:
    # comment

    pass
