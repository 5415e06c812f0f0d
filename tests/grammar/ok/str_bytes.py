# Bytes literals and their escapes.
plain = b"abc"
escapes = b"\x41\xff\0\n\t\\\'\" \101 \400"
unknown = b"\u1234 \N{x} \q \{"
raw = rb"\x \n" Rb"\d" BR"\s" bR'\''
continued = b"a\
b"
concat = b"one" b'two' rb"\three"
multi = (b"a"
         b"b"
         B"c")
