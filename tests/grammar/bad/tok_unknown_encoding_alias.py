# coding: mac
x = 1
