#!/usr/bin/env python3
"""compare.py - krait's TOML reader against Python's tomllib.

For each input, toml_dump (tests/deps/toml/toml_dump.c) prints krait's tree
as toml-test tagged JSON, or "invalid at LINE:COL: message"; tomllib reads
the same bytes and its answer is tagged the same way here. They must agree
on accept/reject and, when both accept, on every key (in document order),
type and value. Floats compare as Python floats (repr, so -0.0 and nan
count); dates and times compare as the datetime objects tomllib makes, and
krait's text must be canonical RFC 3339 ('T', 'Z', seconds present).

Inputs:
  --fixtures DIR    DIR/valid/*.toml (both must accept them and agree) and
                    DIR/invalid/*.toml (both must reject them)
  --python-dirs     every *.toml under Python's stdlib directories and the
                    pyenv site-packages (absent directories are skipped)
  --find-all        every *.toml on the machine (find / ...), for reports
  --mutate N        N mutants of the valid fixtures (random edits with
                    TOML's own characters, fixed --seed): agreement only,
                    a differential fuzz against tomllib
  --structural N    N random documents of headers, [[headers]], dotted keys
                    and inline tables over the keys a, b, c: TOML's
                    definition rules, tried in every order (fixed --seed)
  FILE...           more files, agreement only

Deliberate differences, counted apart and listed: an integer outside 64
bits (TOML 1.0 says it must be an error; tomllib returns a Python int) and
nesting beyond krait's TOML_MAX_DEPTH. Exit status 1 on any other
difference, and when no fixture was found (a test that reads nothing
cannot fail).
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import random
import tempfile
import tomllib
import datetime as dt

INT64 = (-(2**63), 2**63 - 1)
CANONICAL = re.compile(
    r"^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?"
    r"|\d{2}:\d{2}:\d{2}(\.\d+)?)$")


def tag_python(v):
    """tomllib's value as ('table', pairs) / ('array', items) / (type, text)."""
    if isinstance(v, dict):
        return ("table", [(k, tag_python(x)) for k, x in v.items()])
    if isinstance(v, list):
        return ("array", [tag_python(x) for x in v])
    if isinstance(v, bool):
        return ("bool", "true" if v else "false")
    if isinstance(v, int):
        return ("integer", str(v))
    if isinstance(v, float):
        return ("float", "nan" if math.isnan(v) else repr(v))
    if isinstance(v, dt.datetime):
        return ("datetime" if v.tzinfo else "datetime-local", v.isoformat())
    if isinstance(v, dt.date):
        return ("date-local", v.isoformat())
    if isinstance(v, dt.time):
        return ("time-local", v.isoformat())
    if isinstance(v, str):
        return ("string", v)
    raise TypeError(type(v))


def tag_krait(v, where):
    """toml_dump's JSON (read with object_pairs_hook=list) in the same form."""
    if isinstance(v, TablePairs):
        keys = [k for k, _ in v]
        is_scalar = keys == ["type", "value"] and all(isinstance(x, str) for _, x in v)
        if not is_scalar:
            return ("table", [(k, tag_krait(x, where)) for k, x in v])
        kind, text = v[0][1], v[1][1]
        if kind == "float":
            f = float(text)
            return ("float", "nan" if math.isnan(f) else repr(f))
        if kind in ("datetime", "datetime-local", "date-local", "time-local"):
            if not CANONICAL.match(text):
                raise ValueError(f"{where}: date/time text not canonical: {text!r}")
            return tag_python(tomllib.loads("x = " + text)["x"])
        return (kind, text)
    if isinstance(v, list):
        return ("array", [tag_krait(x, where) for x in v])
    raise ValueError(f"{where}: unexpected JSON {v!r}")


class TablePairs(list):
    pass


def run_krait(dump, path):
    r = subprocess.run([dump, path], capture_output=True, timeout=60)
    out = r.stdout.decode("utf-8")
    if r.returncode == 1 and out.startswith("invalid at "):
        return ("invalid", out.strip())
    if r.returncode != 0:
        return ("crash", f"status {r.returncode}: {r.stderr.decode(errors='replace')[:300]}")
    doc = json.loads(out, object_pairs_hook=TablePairs)
    return ("valid", tag_krait(doc, path))


def run_tomllib(path):
    try:
        with open(path, "rb") as f:
            return ("valid", tomllib.load(f))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as e:
        return ("invalid", f"{type(e).__name__}: {e}")


def big_int(v):
    if isinstance(v, dict):
        return any(big_int(x) for x in v.values())
    if isinstance(v, list):
        return any(big_int(x) for x in v)
    return type(v) is int and not INT64[0] <= v <= INT64[1]


def first_diff(a, b, path="$"):
    if a[0] != b[0]:
        return f"{path}: krait {a[0]} vs tomllib {b[0]}"
    if a[0] == "table":
        ka, kb = [k for k, _ in a[1]], [k for k, _ in b[1]]
        if ka != kb:
            return f"{path}: keys krait {ka[:8]} vs tomllib {kb[:8]}"
        for (k, x), (_, y) in zip(a[1], b[1]):
            d = first_diff(x, y, f"{path}.{k}")
            if d:
                return d
        return None
    if a[0] == "array":
        if len(a[1]) != len(b[1]):
            return f"{path}: {len(a[1])} items vs {len(b[1])}"
        for i, (x, y) in enumerate(zip(a[1], b[1])):
            d = first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a[1] == b[1] else f"{path}: krait {a[1]!r} vs tomllib {b[1]!r}"


def compare(dump, path, expect):
    """None when they agree (and match `expect`), else a message. Second
    value: 'deliberate' for the documented differences."""
    k_status, k = run_krait(dump, path)
    p_status, p = run_tomllib(path)
    if k_status == "crash":
        return f"krait crashed: {k}", None
    if k_status == "invalid" and p_status == "valid":
        if "64 bits" in k and big_int(p):
            return None, "integer beyond 64 bits"
        if "nested more than" in k:
            return None, "nesting beyond TOML_MAX_DEPTH"
    if k_status != p_status:
        return f"krait {k_status} ({k if k_status == 'invalid' else '...'}), tomllib {p_status}" + (
            f" ({p})" if p_status == "invalid" else ""), None
    if expect and k_status != expect:
        return f"both say {k_status}, fixture expects {expect}: {k if k_status == 'invalid' else ''}", None
    if k_status == "valid":
        d = first_diff(k, tag_python(p))
        if d:
            return d, None
    return None, None


def python_dirs():
    dirs = set(glob.glob("/usr/lib/python3*")) | set(glob.glob("/usr/local/lib/python3*"))
    dirs |= set(glob.glob(os.path.expanduser("~/.pyenv/versions/*/lib/python3*")))
    return sorted(d for d in dirs if os.path.isdir(d))


def toml_files_under(dirs):
    found = set()
    for d in dirs:
        for root, _, files in os.walk(d):
            found.update(os.path.join(root, f) for f in files if f.endswith(".toml"))
    return sorted(found)


def all_machine_files():
    r = subprocess.run(["find", "/", "-name", "*.toml", "-not", "-path", "/proc/*",
                        "-type", "f"], capture_output=True, text=True)
    return sorted(r.stdout.split())


# What mutants are made of: TOML's punctuation, escapes, digits, keywords.
PIECES = ['"', "'", '"""', "'''", "[", "]", "[[", "]]", "{", "}", ",", ".", "=", "#",
          "\n", "\r\n", "\r", " ", "\t", "\\", "\\u", "\\U", "0", "1", "9", "_", "x",
          "o", "b", "e", "E", "+", "-", ":", "T", "Z", "z", "inf", "nan", "true", "a", "a.b",
          "1979-05-27", "07:32:00", "0x", "\x00", "\x7f", "é", "\U0001F600", "\ufeff",
          "\xff", "\udc80"]


def mutate(rng, text):
    b = text
    for _ in range(rng.randint(1, 3)):
        i = rng.randint(0, len(b))
        op = rng.random()
        piece = rng.choice(PIECES).encode("utf-8", "surrogateescape")
        if op < 0.4:
            b = b[:i] + piece + b[i:]
        elif op < 0.7:
            b = b[:i] + b[i + rng.randint(1, 4):]
        elif op < 0.9:
            b = b[:i] + piece + b[i + len(piece):]
        else:  # duplicate a line: redefinitions
            lines = b.split(b"\n")
            j = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[j])
            b = b"\n".join(lines)
    return b


def mutants(fixtures, n, seed, workdir):
    rng = random.Random(seed)
    sources = [open(f, "rb").read() for f in sorted(glob.glob(os.path.join(fixtures, "valid", "*.toml")))]
    sources = [s for s in sources if len(s) < 20000]
    for i in range(n):
        path = os.path.join(workdir, f"mutant-{i}.toml")
        with open(path, "wb") as f:
            f.write(mutate(rng, rng.choice(sources)))
        yield path


def structural_doc(rng):
    def path():
        return ".".join(rng.choice("abc") for _ in range(rng.randint(1, 3)))
    values = ["1", "{}", "{x = 1}", "[]", "[1]", "[{}]", "[{x = 1}]"]
    lines = []
    for _ in range(rng.randint(1, 7)):
        r = rng.random()
        if r < 0.3:
            lines.append(f"[{path()}]")
        elif r < 0.5:
            lines.append(f"[[{path()}]]")
        elif r < 0.6:
            lines.append(f"{path()} = {{ {path()} = 1, {path()} = {rng.choice(values)} }}")
        else:
            lines.append(f"{path()} = {rng.choice(values)}")
    return ("\n".join(lines) + "\n").encode()


def structural(n, seed, workdir):
    rng = random.Random(seed)
    for i in range(n):
        path = os.path.join(workdir, f"structural-{i}.toml")
        with open(path, "wb") as f:
            f.write(structural_doc(rng))
        yield path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--fixtures")
    ap.add_argument("--python-dirs", action="store_true")
    ap.add_argument("--find-all", action="store_true")
    ap.add_argument("--mutate", type=int, default=0)
    ap.add_argument("--structural", type=int, default=0)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    jobs = []  # (path, expectation)
    if args.fixtures:
        valid = sorted(glob.glob(os.path.join(args.fixtures, "valid", "*.toml")))
        invalid = sorted(glob.glob(os.path.join(args.fixtures, "invalid", "*.toml")))
        if not valid or not invalid:
            print(f"no fixtures under {args.fixtures}", file=sys.stderr)
            return 1
        jobs += [(f, "valid") for f in valid] + [(f, "invalid") for f in invalid]
    machine = []
    if args.python_dirs:
        machine += toml_files_under(python_dirs())
    if args.find_all:
        machine += all_machine_files()
    machine += args.files
    seen = {os.path.realpath(f) for f, _ in jobs}
    for f in machine:
        if os.path.realpath(f) not in seen and os.path.isfile(f):
            seen.add(os.path.realpath(f))
            jobs.append((f, None))

    workdir = tempfile.mkdtemp(prefix="toml-mutants-")
    if args.mutate:
        if not args.fixtures:
            ap.error("--mutate needs --fixtures")
        jobs += [(f, None) for f in mutants(args.fixtures, args.mutate, args.seed, workdir)]
    jobs += [(f, None) for f in structural(args.structural, args.seed, workdir)]

    failures, deliberate, counts = [], [], {"valid": 0, "invalid": 0}
    for path, expect in jobs:
        try:
            msg, note = compare(args.dump, path, expect)
        except Exception as e:  # a crash of the comparison is a failure too
            msg, note = f"{type(e).__name__}: {e}", None
        if msg:
            if path.startswith(workdir):  # keep the mutant for the report
                keep = os.path.join(tempfile.gettempdir(), os.path.basename(path))
                os.replace(path, keep)
                path = keep
            failures.append(f"{path}: {msg}")
        elif note:
            deliberate.append(f"{path}: {note}")
        else:
            counts[run_tomllib(path)[0]] += 1
        if args.verbose:
            print(f"{path}: {msg or note or 'agree'}")
    for f in glob.glob(os.path.join(workdir, "*")):
        os.remove(f)
    os.rmdir(workdir)
    nfix = sum(1 for _, e in jobs if e)
    print(f"compared {len(jobs)} files ({nfix} fixtures, {len(jobs) - nfix} others): "
          f"{counts['valid']} read identically, {counts['invalid']} rejected by both, "
          f"{len(deliberate)} deliberate differences, {len(failures)} differences")
    for d in deliberate:
        print("  deliberate:", d)
    for f in failures:
        print("  DIFF:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
