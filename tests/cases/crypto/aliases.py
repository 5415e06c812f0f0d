# Aliasing: import as, from-import as, star imports, imports inside functions and try blocks.
import hashlib as h
from random import *
from cryptography.hazmat.primitives.ciphers import modes as m

try:
    from Cryptodome.Hash import MD5 as Md5Hash
except ImportError:
    Md5Hash = None


def digests(data):
    h.md5(data)  # expect: KR424
    h.new("sha1")  # expect: KR424
    digest = h.sha1
    digest(data)  # expect: KR424
    randint(1, 6)  # expect: KR411
    m.ECB()  # expect: KR405


def lazy(data):
    import hashlib

    return hashlib.md5(data).digest()  # expect: KR424


def from_try(data):
    # The None fallback in `except ImportError` does not hide the import.
    return Md5Hash.new(data)  # expect: KR403
