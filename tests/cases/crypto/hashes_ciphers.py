# crypto family: weak hashes, ciphers, modes, keys.
import crypt
import hashlib
from hashlib import md5 as m

from Crypto.Cipher import AES, DES  # expect: KR413
from Crypto.Hash import MD5  # expect: KR413
from Cryptodome.Cipher import ARC4
from Cryptodome.PublicKey import ECC, RSA
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.ciphers import algorithms, modes

KEY_BITS = 1024


def weak_hashes(data, f, word, name):
    hashlib.md5(data)  # expect: KR424
    hashlib.sha1(data).hexdigest()  # expect: KR424
    m(data)  # expect: KR424
    hashlib.new("MD5", data)  # expect: KR424
    hashlib.new(name="sha1")  # expect: KR424
    hashlib.md5(data, usedforsecurity=True)  # expect: KR424
    hashlib.file_digest(f, "md5")  # expect: KR424
    hashlib.file_digest(f, hashlib.sha1)  # expect: KR424
    crypt.crypt(word, crypt.METHOD_MD5)  # expect: KR424
    crypt.mksalt(crypt.METHOD_CRYPT)  # expect: KR424
    MD5.new(data)  # expect: KR403
    hashes.SHA1()  # expect: KR403
    hashes.Hash(hashes.MD5())  # expect: KR403


def fine_hashes(data, f, word, flag, name, obj):
    hashlib.md5(data, usedforsecurity=False)
    hashlib.md5(data, usedforsecurity=flag)
    hashlib.sha256(data)
    hashlib.new("sha256")
    hashlib.new(name)
    hashlib.file_digest(f, "sha256")
    crypt.crypt(word, crypt.METHOD_SHA512)
    hashes.SHA256()
    obj.md5(data)


def ciphers(key, iv):
    DES.new(key, DES.MODE_CBC, iv)  # expect: KR404
    ARC4.new(key)  # expect: KR404
    algorithms.TripleDES(key)  # expect: KR404
    algorithms.Blowfish(key)  # expect: KR404
    AES.new(key, AES.MODE_ECB)  # expect: KR405
    AES.new(key, mode=AES.MODE_ECB)  # expect: KR405
    modes.ECB()  # expect: KR405
    AES.new(key, AES.MODE_GCM)
    algorithms.AES(key)
    modes.GCM(iv)


def keys(bits):
    rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: KR450
    rsa.generate_private_key(65537, 512)  # expect: KR450
    rsa.generate_private_key(65537, KEY_BITS)  # expect: KR450
    dsa.generate_private_key(key_size=1024)  # expect: KR450
    ec.generate_private_key(ec.SECP192R1())  # expect: KR450
    RSA.generate(1024)  # expect: KR450
    ECC.generate(curve="P-192")  # expect: KR450
    rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rsa.generate_private_key(65537, 4096)
    rsa.generate_private_key(65537, bits)
    dsa.generate_private_key(2048)
    ec.generate_private_key(ec.SECP256R1())
    RSA.generate(3072)
    ECC.generate(curve="P-256")


def ssh_keys():
    import paramiko

    paramiko.RSAKey.generate(1024)  # expect: KR450
    paramiko.RSAKey.generate(bits=4096)
    paramiko.DSSKey.generate()  # expect: KR450
