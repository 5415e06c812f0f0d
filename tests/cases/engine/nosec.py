# `# nosec` in every form krait accepts, on the exec() rule KR102.
code = "print(1)"

exec(code)  # expect: KR102
exec(code)  # nosec  # expect-suppressed: KR102
exec(code)  #nosec  # expect-suppressed: KR102
exec(code)  # NOSEC  # expect-suppressed: KR102
exec(code)  # nosec B102  # expect-suppressed: KR102
exec(code)  # nosec: B102  # expect-suppressed: KR102
exec(code)  # nosec B602, B102  # expect-suppressed: KR102
exec(code)  # nosec B602,B102  # expect-suppressed: KR102
exec(code)  # nosec KR102  # expect-suppressed: KR102
exec(code)  # nosec kr102  # expect-suppressed: KR102
exec(code)  # nosec S102  # expect-suppressed: KR102
exec(code)  # nosec exec-call  # expect-suppressed: KR102

# An ID list that names other rules only silences those.
exec(code)  # nosec B602  # expect: KR102
exec(code)  # nosec KR201, S602  # expect: KR102

# Plain words after nosec are a reason, not IDs: still a bare nosec.
exec(code)  # nosec reviewed, constant input  # expect-suppressed: KR102

# Not a nosec: the word must stand alone, right after a '#'.
exec(code)  # nosecurity  # expect: KR102
exec(code)  # see nosec  # expect: KR102

# A nosec later in the same comment counts.
exec(code)  # reviewed by ops # nosec  # expect-suppressed: KR102

# Two findings on one line, one nosec for both.
exec(code); exec(code)  # nosec  # expect-suppressed: KR102, KR102

# A string that looks like a comment is not one.
exec("# nosec")  # expect: KR102

# A nosec on the line before does not count (Bandit agrees).
# nosec
exec(code)  # expect: KR102

# Bandit's test names, as `bandit -h` lists them, work too; another test's
# name silences only that test.
exec(code)  # nosec exec_used  # expect-suppressed: KR102
exec(code)  # nosec start_process_with_a_shell  # expect: KR102
