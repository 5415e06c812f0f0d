# coding: shift_jis
s = "\\d\nあい"
t = r"\\~"
