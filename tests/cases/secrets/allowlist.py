# secrets family: detect-secrets' `# pragma: allowlist secret` silences the
# secrets family and KR905-907 on its line (nextline: on the next line), and
# nothing else.

token = "ghp_FAKEfake0123456789FAKEfake0123456789"  # pragma: allowlist secret  # expect-suppressed: KR905, KR1101
GH = "ghp_FAKEfake0123456789FAKEfake0123456789"  # pragma:allowlist secret  # expect-suppressed: KR1101
OLD = "ghp_FAKEfake0123456789FAKEfake0123456789"  # pragma: whitelist secret  # expect-suppressed: KR1101
password = "Tr0ub4dor&3"  # pragma: allowlist secret  # expect-suppressed: KR905
# pragma: allowlist nextline secret
NEXT = "AKIAIOSFODNN7EXAMPLE"  # expect-suppressed: KR1101

# other rules are not silenced by it
exec(data)  # pragma: allowlist secret  # expect: KR102

# not the pragma: wrong words, or another statement's line
A = "ghp_FAKEfake0123456789FAKEfake0123456789"  # pragma: allowlist  # expect: KR1101
B = "ghp_FAKEfake0123456789FAKEfake0123456789"  # pragma: no cover  # expect: KR1101
E = "ghp_FAKEfake0123456789FAKEfake0123456789"  # expect: KR1101
F = 1  # pragma: allowlist secret
# the pragma counts on any line of the statement, as `# nosec` does
C = ("ghp_FAKEfake0123456789FAKEfake0123456789",  # expect-suppressed: KR1101
     "x")  # pragma: allowlist secret
D = "x"  # pragma: allowlist secret

