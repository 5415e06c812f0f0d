# Bandit's multi-line semantics: a suppression comment on any line of the
# statement that holds the finding counts; for a compound statement only
# its header (up to the ':' that opens the body), never the body.
code = "print(1)"
x = 1

exec(  # nosec  # expect-suppressed: KR102
    code,
)

exec(  # expect-suppressed: KR102
    code,
)  # nosec

result = [  # krait: ignore[KR102]
    1,
    exec(code),  # expect-suppressed: KR102
]

value = (exec(code)  # expect-suppressed: KR102
         + 1)  # noqa: S102

# The next statement's comment does not reach back.
exec(code)  # expect: KR102
y = 2  # nosec

# Compound statements: the header only.
if exec(code):  # nosec  # expect-suppressed: KR102
    exec(code)  # expect: KR102

if (x and  # nosec
        exec(code)):  # expect-suppressed: KR102
    exec(code)  # expect: KR102
else:  # nosec
    exec(code)  # expect: KR102

if x:  # nosec
    exec(code)  # expect: KR102

while exec(code):  # expect: KR102
    # nosec (in the body: not the header's)
    break

for item in exec(code):  # nosec B102  # expect-suppressed: KR102
    exec(code)  # expect: KR102

with exec(code) as f:  # krait: ignore  # expect-suppressed: KR102
    exec(code)  # expect: KR102


# A decorator belongs to its def's header; so do defaults.
@exec(code)  # nosec  # expect-suppressed: KR102
def handler(arg=exec(code)):  # expect-suppressed: KR102
    exec(code)  # expect: KR102


def other(arg=exec(code)):  # nosec  # expect-suppressed: KR102
    return exec(code)  # expect: KR102


class Widget(exec(code)):  # nosec  # expect-suppressed: KR102
    value = exec(code)  # expect: KR102


try:  # nosec
    exec(code)  # expect: KR102
except exec(code):  # nosec  # expect-suppressed: KR102
    exec(code)  # expect: KR102

# A one-line compound statement: header and body share the line.
if x: exec(code)  # nosec  # expect-suppressed: KR102

# A comment holding ':' between the header and its colon.
if (exec(code)  # see: below  # expect-suppressed: KR102
        ):  # nosec
    pass

# A multi-line string in the statement.
exec("""  # expect-suppressed: KR102
print(1)
""")  # nosec

# match: the statement's header is `match subject:`; each `case` line (with
# its guard) is a header of its own.
match code:  # nosec
    case str() if exec(code):  # expect: KR102
        pass
    case bytes() if exec(code):  # nosec  # expect-suppressed: KR102
        exec(code)  # expect: KR102
match exec(code):  # nosec  # expect-suppressed: KR102
    case _:
        pass
