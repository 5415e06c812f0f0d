# `# noqa`: bare, or with codes after a colon (flake8/Ruff syntax).
code = "print(1)"

exec(code)  # noqa  # expect-suppressed: KR102
exec(code)  # NOQA  # expect-suppressed: KR102
exec(code)  # noqa: S102  # expect-suppressed: KR102
exec(code)  # noqa:S102  # expect-suppressed: KR102
exec(code)  # noqa: E501, S102  # expect-suppressed: KR102
exec(code)  # noqa: B102  # expect-suppressed: KR102
exec(code)  # noqa: KR102  # expect-suppressed: KR102

# Codes for other rules or other linters silence nothing here.
exec(code)  # noqa: E501  # expect: KR102
exec(code)  # noqa: S602  # expect: KR102
exec(code)  # noqa: B006, E731  # expect: KR102
