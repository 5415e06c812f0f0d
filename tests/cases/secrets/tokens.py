# secrets family: every known token format (obviously fake values with
# the right shape), found in any string literal whatever its name.
import os

# AWS access key ID (AWS's documented example)
value_0 = 'AKIAIOSFODNN7EXAMPLE'  # expect: KR1101
# AWS temporary key
value_1 = 'ASIAFAKE0123456789AB'  # expect: KR1101
# GitHub classic
value_2 = 'ghp_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
# GitHub OAuth
value_3 = 'gho_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
# GitHub user-to-server
value_4 = 'ghu_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
# GitHub server-to-server
value_5 = 'ghs_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
# GitHub refresh
value_6 = 'ghr_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
# GitHub fine-grained
value_7 = 'github_pat_FAKEfake0123456789FAKE_FAKEfake0123456789FAKEfake0123456789FAKEfake0123456789FAKEf'  # expect: KR1101
# GitLab
value_8 = 'glpat-FAKEfake0123456789FA'  # expect: KR1101
# Slack bot
value_9 = 'xoxb-123456789012-1234567890123-FAKEfake0123456789FAKEfa'  # expect: KR1101
# Slack user
value_10 = 'xoxp-123456789012-123456789012-123456789012-fake0123456789abcdeffake01234567'  # expect: KR1101
# Stripe live
value_11 = 'sk_live_FAKEfake0123456789FAKEfa'  # expect: KR1101
# Stripe restricted live
value_12 = 'rk_live_FAKEfake0123456789FAKEfa'  # expect: KR1101
# Stripe test (LOW)
value_13 = 'sk_test_FAKEfake0123456789FAKEfa'  # expect: KR1101
# Anthropic
value_14 = 'sk-ant-api03-FAKEfake0123456789_-FAKEfake0123456789_-FAKEfake0123456789_-FAKEfake0123456789_-AA'  # expect: KR1101
# OpenAI project
value_15 = 'sk-proj-FAKEfake0123456789FAKEfake0123456789FAKEfake0123'  # expect: KR1101
# OpenAI legacy
value_16 = 'sk-FAKEfake0123456789FAT3BlbkFJFAKEfake0123456789FA'  # expect: KR1101
# Google API key
value_17 = 'AIzaFAKEfake0123456789FAKEfake012345678'  # expect: KR1101
# PyPI
value_18 = 'pypi-AgEIcHlwaS5vcmcFAKEfake0123456789FAKEfake0123456789FAKEfake0123456789FAKEfa'  # expect: KR1101
# npm
value_19 = 'npm_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
# Twilio API key
value_20 = 'SK0123456789abcdef0123456789abcdef'  # expect: KR1101
# SendGrid
value_21 = 'SG.FAKEfake0123456789FAKE.FAKEfake0123456789FAKEfake0123456789FAKEfak'  # expect: KR1101
# Hugging Face
value_22 = 'hf_FAKEfakeQWERTYqwertyFAKEfakeQWERTY'  # expect: KR1101
# DigitalOcean
value_23 = 'dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'  # expect: KR1101
# Databricks
value_24 = 'dapi0123456789abcdef0123456789abcdef'  # expect: KR1101
# Shopify
value_25 = 'shpat_0123456789abcdef0123456789abcdef'  # expect: KR1101
# JWT
value_26 = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJuYW1lIjoiRXhhbXBsZSJ9.FAKEsignatureFAKEsignature0123456789abcd'  # expect: KR1101

# GitLab runner token
extra_0 = 'glrt-FAKEfake0123456789FA'  # expect: KR1101
# GitLab deploy token
extra_1 = 'gldt-FAKEfake0123456789FA'  # expect: KR1101
# Grafana service account token
extra_2 = 'glsa_FAKEfake0123456789FAKEfake012345_01234567'  # expect: KR1101
# Hugging Face organization token
extra_3 = 'api_org_FAKEfakeQWERTYqwertyFAKEfakeQWERTY'  # expect: KR1101
# Azure storage account key
extra_4 = 'DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/FAKEfa==;EndpointSuffix=core.windows.net'  # expect: KR1101
# Postman API key
extra_5 = 'PMAK-0123456789abcdef01234567-0123456789abcdef0123456789abcdef01'  # expect: KR1101
# Sentry auth token
extra_6 = 'sntrys_FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/_FAKEfake0123456789FAKEfake0123456789FAKEfak'  # expect: KR1101

# in bytes, f-strings, calls, docstrings and containers
blob = b'ghp_FAKEfake0123456789FAKEfake0123456789'  # expect: KR1101
header = f"Authorization: token ghp_FAKEfake0123456789FAKEfake0123456789 for {os.name}"  # expect: KR1101
os.environ.setdefault("X", 'AKIAIOSFODNN7EXAMPLE')  # expect: KR1101
MANY = ['gho_FAKEfake0123456789FAKEfake0123456789', 'sk_live_FAKEfake0123456789FAKEfa']  # expect: KR1101, KR1101
TWO_IN_ONE = "ghp_FAKEfake0123456789FAKEfake0123456789 gho_FAKEfake0123456789FAKEfake0123456789"  # expect: KR1101

def doc():
    """Uses xoxb-123456789012-1234567890123-FAKEfake0123456789FAKEfa internally."""  # expect: KR1101

