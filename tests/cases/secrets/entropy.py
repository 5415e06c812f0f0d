# secrets family: high-entropy values bound to secret names (KR1104).
# Random values generated with a fixed seed (python3 random.Random(7)): fake.
import os
from service import connect, check

api_key = "TeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vU"  # expect: KR1104
GITHUB_WEBHOOK_SECRET = "d4072014b3ce107f80e222f828767efc"  # expect: KR905, KR1104
settings = {"client_secret": "CsMehGAkWvj7FAc9QeWJKY40uvSwMFLZ"}  # expect: KR905, KR1104
connect(host="db", auth_token="De1f8rESQedUStPKR0CsTy4Qwb8DwkNh")  # expect: KR906, KR1104
encryptionKey: str = "zvAmwufUxbvJDCTbyvHNsG9eh6Yo4gfq"  # expect: KR1104
if (signing_key := "2f91624a8940f1f836f99eee3692f09e"):  # expect: KR1104
    pass
setting = os.getenv("DJANGO_SECRET_KEY", "5er8bOfZqfM2oeq3hDavJA76rNicHTp8")  # expect: KR1104


def login(user, password="p7CgQ0PBQFI14zGtSnovm14TUOizwd1i"):  # expect: KR907, KR1104
    if user.token == "aeOV4qBkdfQ1y3GQsMpSscDlkrCaqx9v":  # expect: KR905, KR1104
        return True
    return check(user, credentials="bttOofL9H2WjQ5TY4MyWuUFjsUNPjc01")  # expect: KR1104


class Config:
    private_key_hex = "2e8c662248b483b7ffc050fec94dbca3"  # expect: KR1104
    secret_key_base = "TeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vU"  # expect: KR1104
    self_key = "a0aac36098b2cc2bd818319478da6bd0"


# not reported: no secret name, placeholders, low entropy, UUIDs, sequences,
# cursors, public keys, short values
checksum = "d4072014b3ce107f80e222f828767efc"
cache_key = "TeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vU"
public_key = "CsMehGAkWvj7FAc9QeWJKY40uvSwMFLZ"
schemas = {"AWS::Route53::KeySigningKey": "2f91624a8940f1f836f99eee3692f09e", "Client secret:": "2e8c662248b483b7ffc050fec94dbca3"}
api_key_doc = "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT"
next_token = "De1f8rESQedUStPKR0CsTy4Qwb8DwkNh"
api_key_low = "abcabcabcabcabcabcabcabcabcabc12"
api_key_placeholder = "your-api-key-goes-here-0123456789"
api_key_env = "${OPENAI_API_KEY}"
api_key_fmt = "%s"
api_key_xs = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
client_secret_uuid = "123e4567-e89b-12d3-a456-426614174000"
api_key_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
auth_token_short = "k3Y9pQ"
api_key_words = "this is not a key but a sentence"
api_key_digits = "1234123412341234"

