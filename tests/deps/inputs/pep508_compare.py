#!/usr/bin/python3
"""pep508_compare.py DEPS_DUMP [--count N] [--seed S] - the requirement
string parser (src/deps/inputs_pep508.c) against packaging 23's
packaging.requirements.Requirement (Debian's python3-packaging): every
string of pep508-cases.txt plus N generated ones goes through both; they
must agree on acceptance, on where a syntax error is, and on name, sorted extras, the specifier set
as packaging prints it, the normalised marker and the URL. Prints the
counts and the first disagreements; exits 1 on any."""
import argparse
import os
import random
import subprocess
import sys

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

HERE = os.path.dirname(os.path.abspath(__file__))

NAMES = ["requests", "Foo.Bar_baz", "a", "A1", "x-y", "zope.interface", "foo_", "-foo",
         "foo-", "_x", "1", "x__y", "x..y", "caf\u00e9", "pkg9", "P"]
EXTRAS = ["", "[]", "[a]", "[a,b]", "[ a , b ]", "[a b]", "[a,]", "[Foo_Bar]", "[a", "[b,a,b]",
          "[-a]", "[a.b-c]"]
OPS = ["==", "!=", ">=", "<=", ">", "<", "~=", "===", "=", "=>", "~"]
VERSIONS = ["1", "1.0", "1.0.*", "1.0a1", "2.0.post1", "1!2.0", "1.0+local", "v1.2", "1.0.dev0",
            "foo", "1.*", "01.2", "1.0-1", "1.0_rc1", "", "1.0.0", "2.3.4b5", "1.0+a.b",
            "1.0.*.*", "1.0a", "3.10"]
URLS = ["https://example.com/a-1.0-py3-none-any.whl", "http://h", "file:///tmp/x", "file:/x",
        "git+https://github.com/a/b.git@v1#egg=b", "ftp://x/y", "nohost", "https:///path",
        "file://host/p", "file:///a?", "file:///a#", "file:///a?q", "FILE:///a", "file:a",
        "file:////a", "HTTPS://Example.com", "git+ssh://git@github.com/a/b"]
VARS = ["python_version", "python_full_version", "os.name", "os_name", "sys.platform",
        "sys_platform", "platform_release", "platform_system", "platform.version",
        "platform_machine", "platform.python_implementation", "python_implementation",
        "implementation_name", "implementation_version", "extra", "platform_versionx", "foo"]
MOPS = ["==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in", "not  in", "notin", "=",
        "in\t"]
VALUES = ["'3.8'", '"3.8"', '"linux"', "'win32'", '"Foo_Bar"', '"a.b"', "''", '"x\'y"',
          "'x\"y'", '"unterminated', "'\\n'", '"a\\\\b"', '"\\d"']
WS = ["", "", " ", "  ", "\t"]
# The first entries of each list are valid; pick() draws them 85% of the
# time so that most strings are accepted and their fields compared.
VALID = {id(NAMES): 7, id(EXTRAS): 5, id(OPS): 8, id(VERSIONS): 10, id(URLS): 3,
         id(VARS): 15, id(MOPS): 10, id(VALUES): 9}


def pick(r, items):
    n = VALID.get(id(items))
    if n is not None and r.random() < 0.85:
        return r.choice(items[:n])
    return r.choice(items)


def gen_marker(r, depth=0):
    parts = []
    for i in range(r.choice([1, 1, 2, 3])):
        if i:
            parts.append(r.choice(WS + [" "]) + r.choice(["and", "or"] * 6 + ["AND", "andx"])
                         + r.choice(WS + [" "]))
        if depth < 3 and r.random() < 0.25:
            parts.append("(" + r.choice(WS) + gen_marker(r, depth + 1) + r.choice(WS) + ")")
        else:
            lhs = pick(r, VARS) if r.random() < 0.7 else pick(r, VALUES)
            rhs = pick(r, VALUES) if r.random() < 0.8 else pick(r, VARS)
            parts.append(lhs + r.choice(WS) + pick(r, MOPS) + r.choice(WS) + rhs)
    return "".join(parts)


def gen_specifier(r):
    clauses = []
    for _ in range(r.choice([0, 1, 1, 2, 3])):
        clauses.append(pick(r, OPS) + r.choice(WS) + pick(r, VERSIONS))
    text = (r.choice(WS) + "," + r.choice(WS)).join(clauses)
    if r.random() < 0.05:
        text += ","
    if r.random() < 0.15:
        text = "(" + r.choice(WS) + text + r.choice(WS) + r.choice([")", ")", ""])
    return text


def generate(r):
    s = r.choice(WS) + pick(r, NAMES) + r.choice(WS) + pick(r, EXTRAS) + r.choice(WS)
    if r.random() < 0.2:
        s += "@" + r.choice(WS) + pick(r, URLS)
        if r.random() < 0.5:
            s += r.choice([" ", " ", "\t", ""]) + ";" + r.choice(WS) + gen_marker(r)
    else:
        s += gen_specifier(r)
        if r.random() < 0.5:
            s += r.choice(WS) + r.choice([";", ";", ""]) + r.choice(WS) + gen_marker(r)
    if r.random() < 0.03:
        s += r.choice([" junk", "#", " ", "\t", ";"])
    return s


def expected(text):
    try:
        req = Requirement(text)
    except Exception as e:  # InvalidRequirement, and literal_eval's SyntaxError
        span = getattr(e.__cause__, "span", None)
        if span is None:  # not a syntax error (an invalid URL, a bad escape)
            return "ERR"
        # krait reports byte offsets; packaging character offsets
        return "ERR\t%d" % len(text[:span[0]].encode("utf-8"))
    extras = ",".join(sorted(req.extras))
    spec = ",".join(sorted(str(s) for s in req.specifier))
    marker = str(req.marker) if req.marker is not None else ""
    return "\t".join(["OK", req.name, extras, spec, escape(marker), escape(req.url or "")])


def escape(text):
    """As deps_dump prints a field: one answer per line."""
    for a, b in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
        text = text.replace(a, b)
    return text


def same_set(got, want):
    """packaging's SpecifierSet is a frozenset: equivalent specifiers
    ("!=1" and "!=1.0.0") collapse to one, and which one is printed
    depends on hashing. Answers that differ only in that agree."""
    g, w = got.split("\t"), want.split("\t")
    if len(g) != len(w) or g[0] != "OK" or g[:3] != w[:3] or g[4:] != w[4:]:
        return False
    try:
        return SpecifierSet(g[3]) == SpecifierSet(w[3])
    except Exception:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=10)
    args = ap.parse_args()
    r = random.Random(args.seed)
    with open(os.path.join(HERE, "pep508-cases.txt"), encoding="utf-8") as f:
        cases = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("##")]
    fixed = len(cases)
    cases += [generate(r) for _ in range(args.count)]
    cases = [c for c in cases if "\n" not in c and "\r" not in c]
    out = subprocess.run([args.dump, "--pep508"], input="\n".join(cases) + "\n",
                         capture_output=True, text=True, check=True).stdout.split("\n")
    bad = 0
    accepted = 0
    for text, got in zip(cases, out):
        want = expected(text)
        accepted += not want.startswith("ERR")
        if want == "ERR" and got.startswith("ERR\t"):
            got = "ERR"  # no position to compare
        if got != want and not same_set(got, want):
            bad += 1
            if bad <= 20:
                print(f"DIFF {text!r}\n  krait:     {got!r}\n  packaging: {want!r}")
    print(f"pep508: {len(cases)} strings ({fixed} fixtures, {len(cases) - fixed} generated), "
          f"{accepted} accepted by packaging, {bad} disagreements")
    return 1 if bad or len(out) < len(cases) else 0


if __name__ == "__main__":
    sys.exit(main())
