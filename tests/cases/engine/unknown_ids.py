# An ID krait does not know is a warning and silences nothing for it:
# a typo must never turn into a blanket suppression.
code = "print(1)"

exec(code)  # nosec B999  # expect: KR102  # expect-note: unknown rule 'B999'
exec(code)  # nosec B999, B102  # expect-suppressed: KR102  # expect-note: unknown rule 'B999'
exec(code)  # krait: ignore[KR1O2]  # expect: KR102  # expect-note: unknown rule 'KR1O2'
exec(code)  # noqa: S1O2  # expect: KR102  # expect-note: unknown rule 'S1O2'
exec(code)  # nosec exec_call  # expect: KR102  # expect-note: unknown rule 'exec_call'

# A misspelt Bandit test name is unknown too.
exec(code)  # nosec exec_usd  # expect: KR102  # expect-note: unknown rule 'exec_usd'

# A note even where there is no finding.
y = 1  # krait: ignore[KR000]  # expect-note: unknown rule 'KR000'

# Other linters' noqa codes are theirs: no note.
z = 2  # noqa: E501, W605, B006
