# Every numeric literal form, strings of every prefix, unicode identifiers.
ints = [0, 00, 0_0, 7, 1_000_000, 0b1010, 0B1_0, 0o777, 0O7_7, 0xdead_BEEF, 0X_F,
        123456789012345678901234567890, 0x1234567890abcdef1234567890abcdef]
floats = [0.0, 1., .5, 1.5, 1e3, 1E-3, 1_0.0_1, 1e1_0, 3.14e+10, 0e0, 1e308, 1e309,
          2.5e-324, 4.9e-324, 1.7976931348623157e308, 0.1 + 0.2, 123456789.123456789]
imag = [0j, 1j, 1.5j, 1e3J, 10_0j, .5j, 1e400j, 00j, 0.0j]
strings = ['', "", 'a\tb', "quote's", 'both \'"', r'raw\n', R"RAW\d", b'bytes\x00\xff',
           rb'\d', Br'\x', u'unicode', U"U", f'{ints[0]}', Rb"rb", BR'BR', 'é€😀',
           '\N{GREEK SMALL LETTER ALPHA}\u00e9\U0001F600\x7f\0\777', """triple
"quoted" string""", '''also
triple''', 'implicit' "concatenation" 'of' """parts""", b'by' b'tes']
ﬁle = 1          # NFKC: the ligature becomes "file"
ℌello = 2        # NFKC: a letterlike H
µ = 3            # micro sign becomes Greek mu
café, naïve, 変数, _ш = 1, 2, 3, 4
print(file, Hello, μ, ints[-1], ...)
assert ... is Ellipsis and None is not True is not False
