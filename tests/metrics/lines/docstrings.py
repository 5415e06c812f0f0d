# expect: physical=24 code=9 blank=5 comment_only=2 docstring=8 comment=3
"""Module docstring,
spanning two lines."""

import os  # trailing comment


class A:
    '''Class docstring.'''

    def f(self):
        """Function doc.

        A blank line above is docstring.
        """
        x = """not a docstring
        """
        return x

    async def g(self):
        r"""raw docstring is still a docstring"""
        b"bytes are not a docstring"
        "second string is not a docstring"
# end
