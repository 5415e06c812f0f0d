# files family: decompression bombs and os.access races.
import bz2
import gzip
import lzma
import os
import zlib
from gzip import open as gz_open


def inflate(path, blob, out):
    gzip.open(path).read()  # expect: KR607
    gz_open(path, "rt")  # expect: KR607
    bz2.BZ2File(path)  # expect: KR607
    lzma.open(path, mode="rb")  # expect: KR607
    zlib.decompress(blob)  # expect: KR607
    gzip.decompress(blob)  # expect: KR607
    gzip.open(out, "wb")
    bz2.open(out, mode="wt")
    lzma.open(out, "xb")
    gzip.compress(blob)
    zlib.compress(blob)


def race(path):
    if os.access(path, os.W_OK):  # expect: KR608
        with open(path, "w") as f:
            f.write("x")
