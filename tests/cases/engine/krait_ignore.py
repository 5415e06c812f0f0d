# krait's own form: krait: ignore, bare or with a bracketed list of IDs.
code = "print(1)"

exec(code)  # krait: ignore  # expect-suppressed: KR102
exec(code)  # krait: ignore[KR102]  # expect-suppressed: KR102
exec(code)  # krait:ignore[kr102]  # expect-suppressed: KR102
exec(code)  # krait: ignore[B102]  # expect-suppressed: KR102
exec(code)  # krait: ignore[S102]  # expect-suppressed: KR102
exec(code)  # krait: ignore[KR201, exec-call]  # expect-suppressed: KR102
exec(code)  # krait: ignore[ KR102 ]  # expect-suppressed: KR102

exec(code)  # krait: ignore[KR201]  # expect: KR102
exec(code)  # krait: ignored  # expect: KR102
exec(code)  # krait ignore  # expect: KR102
exec(code)  # krait: skip  # expect: KR102
