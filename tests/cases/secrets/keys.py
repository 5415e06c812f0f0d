# secrets family: private key blocks (KR1102), AWS secret keys (KR1103).
from service import connect

RSA_KEY = """-----BEGIN RSA PRIVATE KEY-----  # expect: KR1102
MIIEFAKEFAKEFAKEFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL
FAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE
-----END RSA PRIVATE KEY-----
"""
OPENSSH_KEY = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"  # expect: KR1102
               "FAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE\n"
               "FAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE\n"
               "-----END OPENSSH PRIVATE KEY-----\n")
PKCS8 = "-----BEGIN PRIVATE KEY-----\nFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE\n-----END PRIVATE KEY-----"  # expect: KR1102
ENCRYPTED = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE\n-----END ENCRYPTED PRIVATE KEY-----"  # expect: KR1102
EC_BYTES = b"-----BEGIN EC PRIVATE KEY-----\nFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE\n-----END EC PRIVATE KEY-----"  # expect: KR1102

# only the header, as code that reads PEM files writes it: not a key
PEM_MARKER = "-----BEGIN RSA PRIVATE KEY-----"
CERT = "-----BEGIN CERTIFICATE-----\nFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/FAKE\n-----END CERTIFICATE-----"

# AWS secret access keys (AWS's documented example value) bound to AWS names
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # expect: KR1103
client = connect(aws_access_key_id="AKIAIOSFODNN7EXAMPLE",  # expect: KR1101
                 aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")  # expect: KR1103
CONFIG = {"AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}  # expect: KR1103

# not AWS secrets: wrong length, placeholder, other name
aws_secret_key_placeholder = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
aws_secret_access_key_short = "wJalrXUtnFEMI/K7MDENG"
aws_region = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

