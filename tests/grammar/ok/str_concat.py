# Implicit concatenation of str literals: one Constant spanning them all.
a = "one" 'two' """three"""
b = ("first line "
     "second line "
     r"raw \n part")
c = u"kind from the first" "one"
d = "no kind" u"here"
e = "" ""
f = ("\N{DIGIT ONE}"
     # a comment between parts
     "\x32"

     "3")
call(
    "argument "
    "continued",
    key="v" 'w',
)
