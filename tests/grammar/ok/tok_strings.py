a = ("a" 'b' """c
""" '''d''' r"\d" R"\e" u"k" U"l" "" '')
ab = (b"f" B"g" rb"h" bR"i" Rb"j" br"\k")
b = "a\
b"
c = """x " "" y"""
d = '''a'''
