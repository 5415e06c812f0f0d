a = t"a{b}c" tr"{x!r}" Rt"\d{y}" T"{z:>{w}}"
b = t"""
{x}
"""
