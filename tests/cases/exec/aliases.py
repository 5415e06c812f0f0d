# Aliasing for the exec rules.
import builtins as b
from runpy import run_path as rp


def run(text, path):
    b.exec(text)  # expect: KR102
    getattr(b, "eval")(text)  # expect: KR107
    rp(path)  # expect: KR112
    ev = eval
    ev(text)  # expect: KR107
