# exec family: base64 decoding and encoding (KR117, KR118).
import base64
import base64 as b
from base64 import b64decode as dec, z85decode


def payloads(blob):
    exec(base64.b64decode(blob))  # expect: KR102, KR117
    dec(blob)  # expect: KR117
    z85decode(blob)  # expect: KR117
    b.urlsafe_b64decode(blob)  # expect: KR117
    b.b85decode(blob)  # expect: KR117
    base64.b64encode(blob)  # expect: KR118
    b.b85encode(blob)  # expect: KR118
    blob.decode("ascii")
    base64.encodebytes  # a reference is not a call


class Codec:
    def b64decode(self, s):
        return s


Codec().b64decode("x")
