# files family: constructs Python Code Audit reports (KR609-KR611).
import os
import shutil as sh
from os import makedirs as mkdirs
from shutil import rmtree


def setup(path, fd, data, src, dst):
    os.mkdir(path)  # expect: KR609
    mkdirs(path, 0o777, exist_ok=True)  # expect: KR609
    os.makedirs(path, mode=0o700)  # expect: KR609
    os.mkfifo(path)  # expect: KR609
    os.mknod(path, 0o600, os.makedev(1, 3))  # expect: KR609, KR609
    os.write(fd, data)  # expect: KR610
    os.writev(fd, [data])  # expect: KR610
    os.read(fd, 10)  # expect: KR610
    sh.copy(src, dst)  # expect: KR611
    sh.copy2(src, dst)  # expect: KR611
    sh.copytree(src, dst)  # expect: KR611
    sh.chown(dst, "root")  # expect: KR611
    rmtree(dst)  # expect: KR611
    sh.move(src, dst)
    sh.copyfileobj(src, dst)
    os.path.exists(path)


class Local:
    def mkdir(self, p):
        return p

    def write(self, fd, data):
        return fd, data


def not_os(obj, path):
    Local().mkdir(path)
    Local().write(1, b"")
    obj.rmtree(path)
    obj.read(4)
