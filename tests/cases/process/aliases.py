# Aliasing: from-imports, star imports, function-level imports, getattr, __import__.
from os import *
from os import popen as po
import subprocess as s  # expect: KR214


def run_all(cmd):
    system(cmd)  # expect: KR205
    po(cmd)  # expect: KR205
    __import__("os").system(cmd)  # expect: KR205
    getattr(s, "check_output")(cmd, shell=True)  # expect: KR202
    spawn = getattr(s, "Popen")
    spawn(cmd, shell=True)  # expect: KR202


def inner(cmd):
    from subprocess import Popen as P  # expect: KR214

    P(cmd, shell=True)  # expect: KR202
