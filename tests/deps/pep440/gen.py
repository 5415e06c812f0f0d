#!/usr/bin/python3
"""gen.py - the oracle for krait's PEP 440 library (src/deps/pep440.h).

Generates, from a fixed seed, tens of thousands of version strings (valid,
invalid, every alternate spelling, separators, case, whitespace, huge and
zero-padded numbers, legacy versions), version pairs, specifier sets with
versions, and distribution names, and writes what Python's `packaging`
answers for each. tests/deps/pep440/oracle.c reads the file, asks krait the
same questions and fails on any difference.

Run with the system Python, which has Debian's python3-packaging:
    /usr/bin/python3 gen.py [--seed N] [--scale K] > answers.txt
    /usr/bin/python3 gen.py --inputs FILE... > answers.txt
The second form replays files, such as fuzz_pep440's corpus
("SPECIFIERS\0VERSION"), through packaging: a differential fuzz.
Every text field is written as hex of its UTF-8 so that whitespace and
control characters survive. Line formats:
    V <input> ! | V <input> <normalised> <flags: p=pre P=post d=dev, '-' if not>
    C <a> <b> <-1|0|1>
    S <specifier set> <1 valid | 0 invalid>
    M <specifier set> <version> <contains(None)> <contains(True)> <contains(False)>
          (1, 0, or E where packaging raised)
    N <name> <canonicalize_name> <1|0 PEP 508 valid>
"""
import argparse
import random
import re
import sys

import packaging
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

# Python's str.isspace() characters: what packaging's \s and strip() accept.
SPACES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0",
          "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
# Not whitespace for Python, though they look like it.
NOT_SPACES = ["\u200b", "\ufeff", "\x00", "\u180e"]
SEPS = ["", "", "", ".", "-", "_"]
PRE_WORDS = ["a", "b", "c", "rc", "alpha", "beta", "pre", "preview"]
POST_WORDS = ["post", "rev", "r"]
# Letters packaging's case-insensitive patterns fold to ASCII ones; krait
# rejects them (pep440.h); oracle.c counts them as documented differences.
FOLDING = ["\u0130", "\u0131", "\u017f", "\u212a"]

LEGACY = ["latest", "2.0-beta-3x", "1.0.0-SNAPSHOT", "2004d", "1.0-", "1..0", ".1", "1.",
          "1.0.", "v", "V", "+1", "1.0+", "1.0++1", "1.0+_", "1.0+a..b", "1.0+a-", "1!",
          "!1", "1!!1", "1!v1", "v1!1", "1.0a1a1", "1.0.dev1.post1", "1.0.post1.a1",
          "1.0-dev", "1.0--1", "1.0-1-1", "1.0.post-", "1.0 a1", "1 .0", "1.0\x00",
          "0x10", "1e3", "1,0", "1.0-rc-1", "1.0.*", "*", "", " ", "dev", "post1",
          "1.0preview-", "1.0a1.post1.dev1+abc.5", "1.0.0.0.0.0.0.0.0.0.0.0.0.1",
          "١.٠", "1.0\u00b2", "１.0", "1.0-r-1", "1.0pre.post.dev", "1.0c.r.dev",
          "1.0-1.dev", "1.0-1dev", "1.0_1", "1.0.1-", "1.0rc-", "1.0-a", "01.002.0003",
          "0!0.0", "00!00", "1.0+00.0a", "1.0+A.B-C_D", "1.0+1.01.001", "1.0-post",
          "1.0-alpha-1", "1.0.alpha.1", "1.0ALPHA1", "1.0Rev3", "1.0R", "V1.0", "vv1.0"]


def hexs(s):
    return s.encode("utf-8", "surrogatepass").hex() or "-"


def number(r, huge=True):
    k = r.random()
    if k < 0.45:
        return str(r.randint(0, 3))
    if k < 0.7:
        return str(r.randint(0, 30))
    if k < 0.8:
        return "0" * r.randint(1, 4) + str(r.randint(0, 99))
    if k < 0.9 or not huge:
        return str(r.randint(0, 10**6))
    # beyond 64 bits (packaging's ints are exact; CPython refuses > 4300 digits)
    return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(r.randint(18, 80)))


def case(r, word):
    k = r.random()
    if k < 0.7:
        return word
    if k < 0.85:
        return word.upper()
    return "".join(c.upper() if r.random() < 0.5 else c for c in word)


def opt_number(r, huge=True):
    return "" if r.random() < 0.3 else number(r, huge)


def pre_part(r, huge=True):
    return r.choice(SEPS) + case(r, r.choice(PRE_WORDS)) + r.choice(SEPS) + opt_number(r, huge)


def post_part(r, huge=True):
    if r.random() < 0.2:
        return "-" + number(r, huge)
    return r.choice(SEPS) + case(r, r.choice(POST_WORDS)) + r.choice(SEPS) + opt_number(r, huge)


def dev_part(r, huge=True):
    return r.choice(SEPS) + case(r, "dev") + r.choice(SEPS) + opt_number(r, huge)


def local_part(r):
    parts = []
    for _ in range(r.randint(1, 4)):
        if r.random() < 0.4:
            parts.append(number(r, False))
        else:
            parts.append(case(r, "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789")
                                         for _ in range(r.randint(1, 6)))))
    out = parts[0]
    for p in parts[1:]:
        out += r.choice(".-_") + p
    return "+" + out


def release(r, huge=True, min_len=1, max_len=5):
    return ".".join(number(r, huge) for _ in range(r.randint(min_len, max_len)))


def version_text(r, huge=True, local=True, min_release=1):
    """A valid spelling of a version, in any of PEP 440's accepted forms."""
    s = case(r, "v") if r.random() < 0.1 else ""
    if r.random() < 0.15:
        s += number(r, huge) + "!"
    s += release(r, huge, min_release)
    if r.random() < 0.4:
        s += pre_part(r, huge)
    if r.random() < 0.3:
        s += post_part(r, huge)
    if r.random() < 0.3:
        s += dev_part(r, huge)
    if local and r.random() < 0.2:
        s += local_part(r)
    return s


def spaces(r):
    return "".join(r.choice(SPACES) for _ in range(r.randint(1, 3)))


def mutate(r, s):
    """Break (or not) a spelling: the oracle decides which."""
    k = r.random()
    pos = r.randint(0, len(s))
    if k < 0.3:
        junk = r.choice(["", ".", "-", "_", "+", "!", "*", "a", "x", "z", "0", " ",
                         r.choice(NOT_SPACES), r.choice(SPACES), "dev", "post", "rc", "é"])
        return s[:pos] + junk + s[pos:]
    if k < 0.5 and s:
        return s[:pos] + s[pos + 1:]
    if k < 0.6:
        return s + r.choice([pre_part(r), post_part(r), dev_part(r), local_part(r)])
    if k < 0.7:
        return r.choice(NOT_SPACES) + s
    if k < 0.8 and s:
        a, b = sorted((r.randint(0, len(s) - 1), r.randint(0, len(s) - 1)))
        return s[:a] + s[b:] + s[a:b]
    return s[:pos] + r.choice(FOLDING + ["K", "S", "I"]) + s[pos:]


def wrap(r, s):
    k = r.random()
    if k < 0.15:
        return spaces(r) + s
    if k < 0.3:
        return s + spaces(r)
    if k < 0.35:
        return spaces(r) + s + spaces(r)
    return s


def close_version(r):
    """From a small space, so that pairs are often equal or adjacent."""
    s = ""
    if r.random() < 0.05:
        s += r.choice(["1!", "0!", "2!"])
    s += ".".join(str(r.randint(0, 2)) for _ in range(r.randint(1, 4)))
    if r.random() < 0.35:
        s += r.choice(["a", "b", "rc", "c", ".alpha", "-beta", "pre", "RC"]) + r.choice(["", "0", "1", "2"])
    if r.random() < 0.3:
        s += r.choice([".post", "-", ".post", "r", "-rev"]) + r.choice(["0", "1", "2"])
    if r.random() < 0.3:
        s += r.choice([".dev", "dev", "-DEV"]) + r.choice(["", "0", "1"])
    if r.random() < 0.2:
        s += "+" + r.choice(["1", "01", "a", "A", "abc", "1.a", "a.1", "1.2", "ubuntu-1", "0", "z9"])
    return s


def versions(r, n):
    out = list(LEGACY)
    for f in FOLDING:
        out += ["1.0+" + f, "1.0prev" + f + "ew", "1.0po" + f + "t1"]
    out += ["1" * 200 + ".0", "9" * 4000, "1." + "0" * 300 + "1", "1!" + "0" * 50,
            "1.0+" + "a" * 300, ".".join(["1"] * 500)]
    while len(out) < n:
        k = r.random()
        if k < 0.45:
            s = version_text(r)
        elif k < 0.6:
            s = close_version(r)
        else:
            s = mutate(r, version_text(r) if r.random() < 0.7 else close_version(r))
        out.append(wrap(r, s))
    return out


def emit_versions(r, n, w):
    for s in versions(r, n):
        try:
            v = Version(s)
        except InvalidVersion:
            w(f"V {hexs(s)} !")
            continue
        flags = ("p" if v.is_prerelease else "-") + ("P" if v.is_postrelease else "-") + \
                ("d" if v.is_devrelease else "-")
        w(f"V {hexs(s)} {hexs(str(v))} {flags}")


def emit_comparisons(r, n, w):
    pool = [close_version(r) for _ in range(3000)] + [version_text(r) for _ in range(1500)]
    pool = [s for s in pool if valid(s)]
    for i in range(n):
        a = r.choice(pool)
        b = r.choice(pool) if i % 3 else close_variant(r, a)
        va, vb = Version(a), Version(b)
        c = -1 if va < vb else 1 if va > vb else 0
        w(f"C {hexs(a)} {hexs(b)} {c}")


def close_variant(r, s):
    """s respelled or nudged: equal or adjacent versions."""
    for _ in range(10):
        k = r.random()
        if k < 0.3:
            t = s + r.choice([".0", ".0.0", "+0", "+a", ".dev0", ".post0", "a0", "-0"])
        elif k < 0.5:
            t = s.upper()
        elif k < 0.7:
            t = re.sub(r"[0-9]+", lambda m: str(int(m.group()) + r.choice([-1, 0, 1])).replace("-1", "0"), s, count=1)
        else:
            t = s.replace(".", r.choice([".", "-", "_"]), 1) if "+" in s else s.replace("a", "alpha")
        if valid(t):
            return t
    return s


def valid(s):
    try:
        Version(s)
        return True
    except InvalidVersion:
        return False


OPS = ["==", "!=", "<=", ">=", "<", ">", "~=", "==="]


def spec_version(r, op):
    k = r.random()
    if op == "===":
        if k < 0.5:
            return close_version(r) if r.random() < 0.7 else version_text(r)
        return r.choice(["foo", "1.0-legacy", "", "1.0;", "1.0)", "FOO", "1.0+\u212a",
                         "1.0+K", "é", "1.0a1", "1.0RC1"])
    if k < 0.55:
        s = close_version(r)
    elif k < 0.75:
        s = version_text(r, huge=False, local=op in ("==", "!="), min_release=2 if op == "~=" else 1)
    elif k < 0.9 and op in ("==", "!="):
        s = r.choice(["", "", "", "v", "1!", "0!"]) + ".".join(str(r.randint(0, 2)) for _ in range(r.randint(1, 4))) + ".*"
    else:
        s = close_version(r)
        s = mutate(r, s) if r.random() < 0.3 else s
    if op == "~=" and r.random() < 0.3:
        # ~= reads its prefix from the text as written: spellings matter
        s = ".".join(str(r.randint(0, 2)) for _ in range(r.randint(2, 4))) + r.choice(
            [".POST1", ".post1", ".c1", "c1", ".r1", ".pre1", ".A1", ".DEV1", "-1", ".rc1.post1",
             ".c1.r1", "a.", ".A.", ".A.-1", "rc.post1", ".POST1.DEV1", ""])
    return s


def one_spec(r):
    op = r.choice(OPS)
    s = spec_version(r, op)
    ws = lambda: spaces(r) if r.random() < 0.15 else ""
    return ws() + op + ws() + s + ws()


def range_set(r):
    """A coherent range (">=1.0,<2,!=1.3"), so that sets of several
    specifiers admit something."""
    lo, hi = sorted((close_version(r) for _ in range(2)), key=lambda s: Version(s))
    mid = close_version(r)
    parts = [r.choice([">=", ">", "~="]) + lo if r.random() < 0.8 else "~=" + lo + ".0",
             r.choice(["<", "<="]) + hi]
    if r.random() < 0.5:
        parts.append("!=" + (mid + ".*" if "+" not in mid and r.random() < 0.5 else mid))
    r.shuffle(parts)
    return r.choice([",", ", ", " ,"]).join(parts)


def specset(r):
    k = r.random()
    if k < 0.25:
        return range_set(r)
    if k < 0.28:
        return r.choice(["", " ", ",", " , ", "foo", ">=", "=1.0", ">>1", "=>1.0", "<==1",
                         "~=1", "==1.0.*.*", "==1.*+a", "<1.0+a", ">=1.0.*", "~=1.0.*"])
    n = r.choice([1, 1, 1, 2, 2, 3])
    return ("," + r.choice(["", " ", ", "])).join(one_spec(r) for _ in range(n))


def contains(ss, v, pre):
    try:
        return "1" if ss.contains(v, prereleases=pre) else "0"
    except InvalidVersion:
        return "E"  # === with text that is no version, asked for prereleases


def emit_specifiers(r, nsets, per_set, w):
    pool = [close_version(r) for _ in range(4000)]
    pool = [s for s in pool if valid(s)]
    for _ in range(nsets):
        text = specset(r)
        try:
            ss = SpecifierSet(text)
        except InvalidSpecifier:
            w(f"S {hexs(text)} 0")
            continue
        w(f"S {hexs(text)} 1")
        near = near_versions(r, ss)
        for _ in range(per_set):
            v = r.choice(near) if near and r.random() < 0.6 else r.choice(pool)
            w(f"M {hexs(text)} {hexs(v)} {contains(ss, v, None)} {contains(ss, v, True)} "
              f"{contains(ss, v, False)}")


def near_versions(r, ss):
    """Versions around the set's own: where the edge cases are."""
    out = []
    for s in ss:
        base = s.version[:-2] if s.version.endswith(".*") else s.version
        if not valid(base):
            continue
        out.append(base)
        if "!" not in base:
            out.append("1!" + base)
        for _ in range(6):
            t = close_variant(r, base)
            out.append(t)
            for suffix in ["a1", ".dev0", ".post1", "+local", ".0", ".1", "rc1.post1", ".0.0",
                           ".0a1", ".1.dev0", "+1.0", ".post0.dev0"]:
                if valid(t + suffix):
                    out.append(t + suffix)
    return [t for t in out if valid(t)]


def emit_names(r, n, w):
    fixed = ["Foo.Bar_baz", "foo--bar", "A", "a.-_b", "-a-", "", ".", "_", "Django",
             "zope.interface", "ruamel.yaml.clib", "Pillow", "a b", "a@b", "a\nb", "a\n"]
    names = list(fixed)
    while len(names) < n:
        names.append("".join(r.choice("abcXYZ019._-._-") for _ in range(r.randint(1, 12)))
                     if r.random() < 0.9 else
                     "".join(r.choice("ab.-_ @+!~Z9") for _ in range(r.randint(0, 6))))
    pep508 = re.compile(r"([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])", re.IGNORECASE)
    for s in names:
        ok = "1" if pep508.fullmatch(s) else "0"
        w(f"N {hexs(s)} {hexs(canonicalize_name(s))} {ok}")


def emit_inputs(paths, w):
    """Replay files (a libFuzzer corpus: "SPECIFIERS\0VERSION", as
    fuzz_pep440.c reads them) through packaging. Inputs that are not UTF-8,
    or whose numbers exceed CPython's 4300-digit int limit, are skipped."""
    for path in paths:
        data = open(path, "rb").read()
        spec, _, version = data.partition(b"\0") if b"\0" in data else (data, b"", data)
        try:
            spec, version = spec.decode(), version.decode()
            emit_one_input(spec, version, w)
        except (UnicodeDecodeError, ValueError) as e:
            if isinstance(e, (InvalidVersion, InvalidSpecifier)):
                raise
            continue


def emit_one_input(spec, version, w):
    lines = []
    try:
        v = Version(version)
        flags = ("p" if v.is_prerelease else "-") + ("P" if v.is_postrelease else "-") + \
                ("d" if v.is_devrelease else "-")
        lines.append(f"V {hexs(version)} {hexs(str(v))} {flags}")
    except InvalidVersion:
        v = None
        lines.append(f"V {hexs(version)} !")
    try:
        ss = SpecifierSet(spec)
        lines.append(f"S {hexs(spec)} 1")
    except InvalidSpecifier:
        ss = None
        lines.append(f"S {hexs(spec)} 0")
    if ss is not None and v is not None:
        lines.append(f"M {hexs(spec)} {hexs(version)} {contains(ss, version, None)} "
                     f"{contains(ss, version, True)} {contains(ss, version, False)}")
    for line in lines:
        w(line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=440)
    ap.add_argument("--scale", type=int, default=1, help="multiply every count")
    ap.add_argument("--inputs", nargs="+", metavar="FILE",
                    help="instead, packaging's answers for these files (a fuzz corpus)")
    args = ap.parse_args()
    r = random.Random(args.seed)
    lines = []
    w = lines.append
    w(f"# packaging {packaging.__version__}, Python {sys.version.split()[0]}, seed {args.seed}")
    if args.inputs:
        emit_inputs(args.inputs, w)
        sys.stdout.write("\n".join(lines) + "\n")
        return
    emit_versions(r, 40000 * args.scale, w)
    emit_comparisons(r, 40000 * args.scale, w)
    emit_specifiers(r, 8000 * args.scale, 10, w)
    emit_names(r, 3000 * args.scale, w)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
