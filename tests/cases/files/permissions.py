# files family: permissions and temporary files.
import os
import stat
import tempfile
from os import chmod as ch
from pathlib import Path

MODE = 0o777
PRIVATE = 0o600


def permissions(p, fd, mode):
    os.chmod(p, 0o777)  # expect: KR601
    os.chmod(p, MODE)  # expect: KR601
    ch(p, 0o666)  # expect: KR601
    os.chmod(p, 0o755)  # expect: KR601
    os.chmod(p, 0o770)  # expect: KR601
    os.fchmod(fd, stat.S_IRWXU | stat.S_IRWXO)  # expect: KR601
    os.chmod(p, mode=stat.S_IRUSR | stat.S_IWUSR | stat.S_IWGRP)  # expect: KR601
    Path(p).chmod(0o777)  # expect: KR601
    os.chmod(p, 0o600)
    os.chmod(p, PRIVATE)
    os.chmod(p, 0o644)
    os.chmod(p, 0o700)
    os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
    os.chmod(p, mode)
    Path(p).chmod(0o640)


def temporary(name):
    tempfile.mktemp()  # expect: KR606
    tempfile.mktemp(suffix=".txt")  # expect: KR606
    tempfile.mkstemp()
    tempfile.NamedTemporaryFile()
    open("/tmp/krait.log", "w")  # expect: KR602
    out = "/var/tmp/cache.db"  # expect: KR602
    Path("/dev/shm/segment")  # expect: KR602
    path = f"/tmp/{name}.txt"  # expect: KR602
    open(os.path.join(tempfile.gettempdir(), name))
    if name.startswith("/tmp/"):
        pass
    if name == "/tmp":
        pass
    print("files go to /tmp unless configured")
    tmpl = "/tmpfiles/x"
    return out, path, tmpl


def mkstemp_shadow():
    mktemp = lambda: "x"
    return mktemp()
