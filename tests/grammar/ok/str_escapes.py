# Escape sequences of str literals, decoded as CPython does.
simple = "\\ \' \" \a \b \f \n \r \t \v"
octal = "\0 \7 \12 \101 \1234 \400 \777 \08"
hexes = "\x41 \xe9 \u20ac \U0001F600 \U0010FFFF"
surrogates = "\ud800 \udfff \ud83d\ude00"
unknown = "\q \d \w \{ \. \8 \9"
nul = "a\0b\x00c"
continued = "one \
two"
names = "\N{LATIN SMALL LETTER A}\N{latin small letter b}\N{EMPTY SET}\N{GRINNING FACE}"
aliases = "\N{LINE FEED}\N{NUL}\N{BYTE ORDER MARK}\N{VS1}\N{zwj}"
algorithmic = "\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-2A6DF}\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE A}"
families = "\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{egyptian hieroglyph-13460}\N{NUSHU CHARACTER-1B170}"
non_ascii = "é — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \é"
raw = r"\n \N{foo} \x \u12 \\" R'\t'
kinds = u"u kind", U"no kind"
triple = """first
second \
third"""
empty = ''
single_quotes = 'it\'s "quoted"'
