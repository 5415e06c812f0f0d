# files family: aliases, shadowing and suppression.
import os as operating_system
import tempfile as tmp
from tempfile import mktemp as make_name
import tarfile

chmod = operating_system.chmod


def aliased(p, arc):
    chmod(p, 0o777)  # expect: KR601
    operating_system.chmod(p, 0o757)  # expect: KR601
    tmp.mktemp()  # expect: KR606
    make_name()  # expect: KR606
    opener = tarfile.open
    opener(arc).extractall()  # expect: KR603


def shadowed(p, tempfile, os):
    tempfile.mktemp()
    os.chmod(p, 0o777)


def suppressed(p):
    operating_system.chmod(p, 0o777)  # nosec  # expect-suppressed: KR601
    tmp.mktemp()  # krait: ignore[KR606]  # expect-suppressed: KR606
