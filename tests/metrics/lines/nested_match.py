# expect: physical=18 code=13 blank=2 comment_only=1 docstring=2 comment=2
def outer():
    """Outer."""
    def inner():
        """Inner."""; return 1
    class K:
        """K doc"""
        pass
    return inner


match command.split():
    case [action]:
        pass  # one
    case [action, obj]:
        """not a docstring: a match body"""
    case _:
        pass
