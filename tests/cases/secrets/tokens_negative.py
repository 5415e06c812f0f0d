# secrets family: values that look like token formats but are not tokens.
# No finding is expected on any line of this file.

placeholder_gh = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
placeholder_aws = "AKIAXXXXXXXXXXXXXXXX"
short_gh = "ghp_FAKEfake0123"
long_aws = "AKIAFAKE0123456789FAKE01"
inside_word = "XAKIAFAKE0123456789FA"
lower_aws = "AKIAfake0123456789fa"
sk_short = "sk-FAKEfake0123456789FAKEfake0123"
sk_no_marker = "sk-FAKEfake0123456789FAKEfake0123456789FAKEfake0123"
not_jwt = "eyJ0eXAiOiJub3RoaW5nIGhlcmUifQ.eyJzdWIiOiJmYWtlLXVzZXIiLCJuYW1lIjoiRXhhbXBsZSJ9.FAKEsignatureFAKEsignature"
jwt_two_parts = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0"
pem_header_only = "-----BEGIN RSA PRIVATE KEY-----"
pem_public = "-----BEGIN PUBLIC KEY-----\nFAKEfake0123456789FAKEfake0123456789FAKEfake0123456789FAKEfake01\n-----END PUBLIC KEY-----"
slack_doc = "xoxb-your-token-here"
stripe_pk = "pk_live_FAKEfake0123456789FAKEfa"
google_short = "AIzaFAKEfake0123"
hex_run = "SK0123456789abcdef0123456789abcdef0"
url = "https://example.org/ghp_/AKIA"

