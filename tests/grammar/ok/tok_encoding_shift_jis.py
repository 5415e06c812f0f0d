# coding: shift_jis
s = "あい"
