# files family: archive extraction.
import shutil
import tarfile
import tarfile as tf
import zipfile
from tarfile import open as topen


def safe_members(t):
    return [m for m in t.getmembers() if not m.name.startswith("/")]


def tar_positives(path, dest, members):
    tarfile.open(path).extractall(dest)  # expect: KR603
    t = tarfile.open(path)
    t.extractall()  # expect: KR603
    with tf.open(path) as archive:
        archive.extractall(dest)  # expect: KR603
    with topen(path, "r:gz") as archive2:
        archive2.extractall(dest, filter="fully_trusted")  # expect: KR603
    t.extractall(dest, members=members)  # expect: KR603
    t.extractall(dest, members=safe_members(t))  # expect: KR603
    t.extract("a.txt", dest)  # expect: KR603


def tar_negatives(path, dest, obj, my_filter):
    t = tarfile.open(path)
    t.extractall(dest, filter="data")
    t.extractall(dest, filter="tar")
    t.extractall(dest, filter=tarfile.data_filter)
    t.extractall(dest, filter=my_filter)
    t.extract("a.txt", dest, filter="data")
    obj.extractall(dest)
    t.getmembers()


def zips(path, dest, obj):
    zipfile.ZipFile(path).extractall(dest)  # expect: KR604
    with zipfile.ZipFile(path) as z:
        z.extract("a.txt", dest)  # expect: KR604
        z.namelist()
    obj.extractall(dest)


def unpack(path, dest):
    shutil.unpack_archive(path, dest)  # expect: KR605
    shutil.unpack_archive(path, dest, filter="fully_trusted")  # expect: KR605
    shutil.unpack_archive(path, dest, filter="data")
    shutil.make_archive(dest, "zip", path)
