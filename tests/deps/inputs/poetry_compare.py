#!/usr/bin/python3
"""poetry_compare.py DEPS_DUMP [--count N] [--seed S] - Poetry's version
constraints (^, ~, ~=, *, wildcards, comparisons, AND lists) as krait
converts them to PEP 440 (src/deps/inputs_poetry.c), against poetry-core
itself (Debian's python3-poetry-core): for every constraint and every
test version, poetry's constraint.allows(version) must equal
packaging's SpecifierSet(converted).contains(version). Test versions are
final and post releases: for pre-releases Poetry and PEP 440 differ by
design (see inputs_poetry.c). A constraint krait refuses must be one
with a union ("||"). Exits 1 on any disagreement."""
import argparse
import random
import subprocess
import sys

from packaging.specifiers import SpecifierSet
from packaging.version import Version as PVersion
from poetry.core.constraints.version import Version, parse_constraint

# Three release numbers at most: poetry-core 1.4 mishandles more (its
# "^1.2.3.4" is printed "<2.0.0.0" but allows 2.0.0).
BASES = ["0", "0.0", "0.0.0", "0.0.3", "0.2", "0.2.3", "1", "1.2", "1.2.3", "2.0",
         "10.4.1", "3.0.0", "0.1.0"]
OPS = ["^", "~", "~=", "", "==", "!=", ">=", "<=", ">", "<", "="]


def gen_term(r):
    op = r.choice(OPS)
    base = r.choice(BASES)
    if op == "~=" and "." not in base:
        base += ".0"
    if op in ("", "==", "!=") and r.random() < 0.2:
        base = base.rsplit(".", 1)[0] + ".*" if "." in base else "*"
    if r.random() < 0.05:
        return "*"
    return op + r.choice(["", " "]) * (op != "" and op != "^" and op != "~") + base


def generate(r):
    terms = [gen_term(r) for _ in range(r.choice([1, 1, 1, 2, 2, 3]))]
    text = r.choice([",", ", ", " "]).join(terms)
    if r.random() < 0.05:
        text += " || " + gen_term(r)
    return text


def test_versions():
    out = set()
    for a in range(0, 4):
        for b in range(0, 5):
            for c in range(0, 5):
                out.add(f"{a}.{b}.{c}")
    out |= {"10.4.1", "10.4.2", "10.5.0", "11.0.0", "1.2.3.4", "1.2.3.5", "1.2.4.0", "1.2", "2",
            "0"}
    return sorted(out, key=PVersion)


# Post-releases are where Poetry's comparisons and PEP 440's differ by
# design ("<=1.2.3" admits 1.2.3.post1 in Poetry, not in PEP 440): counted
# and shown, not failed.
POSTS = ["1.2.3.post1", "0.0.3.post2", "2.0.post1", "1.post1"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    r = random.Random(args.seed)
    fixed = ["^1.2.3", "^0.2.3", "^0.0.3", "^0.0", "^0", "^1", "~1.2.3", "~1.2", "~1", "~=1.4.5",
             "*", "1.2.3", "1.2.*", ">=1.0,<2.0", ">= 1.0 < 2.0", "=2.0", "^1.0 || ^2.0",
             "^0.0.0", "~0", "!=1.2.*"]
    cases = fixed + [generate(r) for _ in range(args.count)]
    out = subprocess.run([args.dump, "--poetry"], input="\n".join(cases) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    versions = test_versions()
    bad = checked = refused = skipped = post_diffs = 0
    for text, spec in zip(cases, out):
        try:
            constraint = parse_constraint(text)
        except Exception:
            skipped += 1  # poetry refuses it too
            continue
        if spec == "REFUSED":
            refused += 1
            if "|" not in text:
                bad += 1
                print(f"REFUSED {text!r} (poetry reads it as {constraint})")
            continue
        sset = SpecifierSet(spec)
        for v in versions:
            want = constraint.allows(Version.parse(v))
            got = sset.contains(v, prereleases=True)
            checked += 1
            if want != got:
                bad += 1
                if bad <= 20:
                    print(f"DIFF {text!r} -> {spec!r} on {v}: poetry {want}, krait {got}")
                break
        for v in POSTS:
            if constraint.allows(Version.parse(v)) != sset.contains(v, prereleases=True):
                post_diffs += 1
                if post_diffs <= 3:
                    print(f"known (post-release) {text!r} -> {spec!r} on {v}")
    print(f"poetry: {len(cases)} constraints ({len(fixed)} fixed), {checked} version checks, "
          f"{refused} refused (unions), {skipped} rejected by poetry, {bad} disagreements; "
          f"{post_diffs} known post-release differences")
    return 1 if bad or len(out) != len(cases) else 0


if __name__ == "__main__":
    sys.exit(main())
