# A line join inside a t-string field stays in Interpolation.str.
x = 1
a = t"{ x = \
}"
b = t"{x\
}"
