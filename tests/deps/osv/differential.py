#!/usr/bin/python3
"""differential.py - krait's OSV range evaluation against an independent one.

The Python side reads the export with zipfile and json (not libarchive, not
cJSON), orders versions with Python's `packaging` (python3-packaging) and
evaluates the OSV schema's IsVulnerable pseudo-code
(https://ossf.github.io/osv-schema/#evaluation), written here from the spec:

    affected = v equals an entry of `versions`
               or, for some ECOSYSTEM range with v before one of its limits
               (or no limit), walking its events sorted by version:
               introduced and v >= e -> vulnerable; fixed and v >= e -> not;
               last_affected and v > e -> not.

The documented choices both sides share (osv.h): introduced "0" sorts below
every version and a limit containing '*' above every version; the sort is
stable (equal versions keep their written order); an event or a list entry
whose version is not PEP 440 is dropped; withdrawn records are ignored.

For every (advisory, PyPI package) it asks about the listed versions, every
event version, and perturbations of them (.post1, .dev0, a1, +local, the last
release number -1 and +1), plus a few fixed versions; then runs
osv_eval (the C side) on the same questions and fails on any difference. It
also checks krait's load counts against its own.

Specifier sets (osv_match_specset): for 8 random sets per package (>=X, <X,
>X, <=X, ==X, ~=X, >=X,<Y, >X,!=Y, !=X, ==X.*, !=X.*, and the empty set, X
and Y versions the package's advisories mention), the admitted advisories
and the safe version, with packaging's SpecifierSet.contains and the
candidate definition of osv.h.

Then the same per-version comparison over 3,000 synthetic advisories (random events of every kind,
unsorted, with ties, '*' limits, invalid versions, withdrawn records) over a
small pool of versions, since the export has no `limit` event and a single
`last_affected`.

usage: differential.py OSV_EVAL ZIP [--max-per-package N] [--seed S] [--synthetic N]
"""
import argparse
import functools
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

NEG_INF, POS_INF = "-inf", "+inf"


def parse(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


class Bound:
    """A point on the version line: a Version, or one of the two infinities."""

    def __init__(self, v):
        self.v = v

    def key(self):
        if self.v == NEG_INF:
            return (-1, None)
        if self.v == POS_INF:
            return (1, None)
        return (0, self.v)


def cmp(v, bound):
    """v compared with a bound: -1, 0, 1."""
    if bound.v == NEG_INF:
        return 1
    if bound.v == POS_INF:
        return -1
    return (v > bound.v) - (v < bound.v)


def sort_key_cmp(a, b):
    ka, kb = a[1].key(), b[1].key()
    if ka[0] != kb[0]:
        return (ka[0] > kb[0]) - (ka[0] < kb[0])
    if ka[0] != 0:
        return 0
    return (ka[1] > kb[1]) - (ka[1] < kb[1])


def range_events(rng, counts):
    """The events of an ECOSYSTEM range as (kind, Bound), sorted stably."""
    out = []
    for ev in rng.get("events", []):
        (kind, text), = ev.items()
        if kind not in ("introduced", "fixed", "last_affected", "limit"):
            continue
        if kind == "introduced" and text == "0":
            out.append((kind, Bound(NEG_INF)))
        elif kind == "limit" and "*" in text:
            out.append((kind, Bound(POS_INF)))
        else:
            v = parse(text)
            if v is None:
                counts["invalid_event_versions"] += 1
                continue
            out.append((kind, Bound(v)))
    return sorted(out, key=functools.cmp_to_key(sort_key_cmp))  # sorted() is stable


def in_range(v, events):
    limits = [b for k, b in events if k == "limit"]
    if limits and not any(cmp(v, b) < 0 for b in limits):
        return False
    vulnerable = False
    for kind, b in events:
        c = cmp(v, b)
        if kind == "introduced" and c >= 0:
            vulnerable = True
        elif kind == "fixed" and c >= 0:
            vulnerable = False
        elif kind == "last_affected" and c > 0:
            vulnerable = False
    return vulnerable


class Entry:
    def __init__(self, aff, counts):
        self.versions = []
        for text in aff.get("versions", []):
            v = parse(text)
            if v is None:
                counts["invalid_list_versions"] += 1
            else:
                self.versions.append(v)
        self.ranges = []
        for rng in aff.get("ranges", []):
            if rng.get("type") == "ECOSYSTEM":
                counts["ecosystem_ranges"] += 1
                self.ranges.append(range_events(rng, counts))
            else:
                counts["ignored_ranges"] += 1

    def affects(self, v, ranges_only=False):
        return ((not ranges_only and any(v == x for x in self.versions))
                or any(in_range(v, r) for r in self.ranges))

    def mentioned(self):
        out = set(str(x) for x in self.versions)
        for r in self.ranges:
            out.update(str(b.v) for _, b in r if b.v not in (NEG_INF, POS_INF))
        return out


def perturb(text):
    v = parse(text)
    if v is None:
        return []
    out = [text, text + ".post1", text + ".dev0", text + "+local.7"]
    if not v.is_prerelease:
        out.append(text + "a1")
    rel = list(v.release)
    for delta in (-1, 1):
        r = rel[:]
        r[-1] += delta
        if r[-1] >= 0:
            out.append(".".join(map(str, r)))
    return out


def load(zip_path):
    """{id: {package: [Entry...]}} and the load counts."""
    counts = {k: 0 for k in ("loaded", "withdrawn", "no_pypi", "bad_json", "bad_schema",
                             "ecosystem_ranges", "ignored_ranges", "invalid_event_versions",
                             "invalid_list_versions", "packages")}
    db, packages = {}, set()
    with zipfile.ZipFile(zip_path) as z:
        for name in sorted(z.namelist()):
            if not name.lower().endswith(".json"):
                continue
            doc = json.loads(z.read(name))
            if doc.get("withdrawn"):
                counts["withdrawn"] += 1
                continue
            pkgs = {}
            for aff in doc.get("affected", []):
                pkg = aff.get("package", {})
                if pkg.get("ecosystem") != "PyPI" or "name" not in pkg:
                    continue
                norm = canonicalize_name(pkg["name"])
                pkgs.setdefault(norm, []).append(Entry(aff, counts))
            if not pkgs:
                counts["no_pypi"] += 1
                continue
            counts["loaded"] += 1
            packages.update(pkgs)
            db[doc["id"]] = pkgs
    counts["packages"] = len(packages)
    return db, counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("osv_eval")
    ap.add_argument("zip")
    ap.add_argument("--max-per-package", type=int, default=120)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--synthetic", type=int, default=3000)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    db, counts = load(args.zip)
    failures = 0
    for ranges_only in (False, True):
        failures += compare(args, rnd, args.zip, db, counts, ranges_only)
    failures += compare_specs(args, rnd, db)
    # The export has no `limit` event and one `last_affected`: synthetic
    # advisories exercise every event kind, ties and unsorted events.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "synthetic.zip")
        write_synthetic(path, rnd, args.synthetic)
        sdb, scounts = load(path)
        failures += compare(args, rnd, path, sdb, scounts, False)
    sys.exit(1 if failures else 0)


def spec_candidates(spec_set, above):
    """The set's own versions (==X.* and ~=X: X); with `above`, also X.1
    (release + ".1", final) for >X and !=X without a wildcard."""
    out = []
    for sp in spec_set:
        text = sp.version[:-2] if sp.version.endswith(".*") else sp.version
        v = parse(text)
        if v is None:
            continue
        out.append(v)
        if above and (sp.operator == ">" or (sp.operator == "!=" and not sp.version.endswith(".*"))):
            epoch = f"{v.epoch}!" if v.epoch else ""
            out.append(Version(epoch + ".".join(map(str, v.release)) + ".1"))
    return out


def mentioned_versions(entries):
    out = []
    for e in entries:
        out += e.versions
        for r in e.ranges:
            for _, b in r:
                if b.v == NEG_INF:
                    out.append(Version("0"))
                elif b.v != POS_INF:
                    out.append(b.v)
    return out


MEMO = {}


def affected_by_any(by_pkg, pkg, v):
    key = (pkg, v)
    if key not in MEMO:
        MEMO[key] = any(e.affects(v) for _, es in by_pkg.get(pkg, []) for e in es)
    return MEMO[key]


def expected_spec(by_pkg, pkg, spec_set):
    """The advisories the set admits and the safe version (osv.h's definition)."""
    own, cands = spec_candidates(spec_set, False), spec_candidates(spec_set, True)
    admitted, every = [], list(own)
    for adv_id, entries in by_pkg.get(pkg, []):
        mine = cands + mentioned_versions(entries)
        every += mentioned_versions(entries)
        if any(spec_set.contains(v) and any(e.affects(v) for e in entries) for v in mine):
            admitted.append(adv_id)
    safe = [v for v in set(every) if spec_set.contains(v) and not affected_by_any(by_pkg, pkg, v)]
    return " ".join(sorted(admitted)) + "|" + (str(min(safe)) if safe else "-")


def compare_specs(args, rnd, db):
    """osv_match_specset against expected_spec on specifier sets built from
    the versions each package's advisories mention."""
    by_pkg = {}
    for adv_id, pkgs in db.items():
        for pkg, entries in pkgs.items():
            by_pkg.setdefault(pkg, []).append((adv_id, entries))
    questions, expected = [], []
    for pkg in sorted(by_pkg):
        vs = sorted({str(v) for _, es in by_pkg[pkg] for v in mentioned_versions(es)})
        for _ in range(8):
            x, y = rnd.choice(vs), rnd.choice(vs)
            spec = rnd.choice([f">={x}", f"<{x}", f">{x}", f"<={x}", f"=={x}", f"~={x}",
                               f">={x},<{y}", f">{x},!={y}", f"!={x}", f"=={x}.*", f"!={x}.*",
                               f">={x},!={x}", ""])
            try:
                spec_set = SpecifierSet(spec)
            except InvalidSpecifier:
                continue  # ~=X needs two release numbers, ==X.* no local label
            questions.append(f"{pkg}\t{spec}")
            expected.append(expected_spec(by_pkg, pkg, spec_set))
    proc = subprocess.run([args.osv_eval, args.zip, "--spec"], input="\n".join(questions) + "\n",
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"differential: osv_eval --spec failed: {proc.stderr}")
    answers = proc.stdout.splitlines()[1:]
    failures = sum(1 for w, g in zip(expected, answers) if w != g)
    for q, w, g in [(q, w, g) for q, w, g in zip(questions, expected, answers) if w != g][:20]:
        print(f"MISMATCH {q!r}: python {w!r}, krait {g!r}")
    if len(answers) != len(questions):
        failures += 1
    admitted = sum(1 for w in expected if not w.startswith("|"))
    print(f"differential (specifier sets): {len(questions)} (package, specifier set) questions, "
          f"{admitted} admitting advisories; {failures} differences")
    return failures


POOL = ["0", "0.1", "1.0.dev1", "1.0a1", "1.0rc1", "1.0", "1.0.post1", "1.0+local", "1.1",
        "1.5", "2.0", "2.0.1", "3.0", "10.0", "2!0.5"]


def write_synthetic(path, rnd, count):
    """count random advisories over a small version pool."""
    kinds = ["introduced", "fixed", "last_affected", "limit"]
    with zipfile.ZipFile(path, "w") as z:
        for i in range(count):
            ranges = []
            for _ in range(rnd.randint(1, 3)):
                events = []
                for _ in range(rnd.randint(1, 5)):
                    kind = rnd.choice(kinds)
                    text = rnd.choice(POOL + ["0"] * 2 + (["*"] if kind == "limit" else [])
                                      + ["not-a-version"])
                    events.append({kind: text})
                ranges.append({"type": rnd.choice(["ECOSYSTEM"] * 5 + ["GIT"]), "events": events})
            versions = rnd.sample(POOL, rnd.randint(0, 2)) + rnd.choice([[], ["legacy-1"]])
            doc = {"id": f"SYN-{i}", "affected": [{
                "package": {"ecosystem": "PyPI", "name": f"Synth_{i % 50}"},
                "ranges": ranges, "versions": versions}]}
            if i % 97 == 0:
                doc["withdrawn"] = "2026-01-01T00:00:00Z"
            z.writestr(f"SYN-{i}.json", json.dumps(doc))


def compare(args, rnd, zip_path, db, counts, ranges_only):
    """One run of osv_eval; the number of differences."""
    questions, expected = [], []
    fixed = ["0", "0.0.1", "1.0", "1.0.0rc1", "2!1.0", "9999"]
    for adv_id in sorted(db):
        for pkg, entries in sorted(db[adv_id].items()):
            texts = set(fixed)
            for e in entries:
                for m in e.mentioned():
                    texts.update(perturb(m))
            texts = sorted(texts)
            if len(texts) > args.max_per_package:
                texts = sorted(rnd.sample(texts, args.max_per_package))
            for t in texts:
                v = parse(t)
                if v is None:
                    continue
                questions.append(f"{adv_id}\t{pkg}\t{t}")
                expected.append("1" if any(e.affects(v, ranges_only) for e in entries) else "0")
    cmd = [args.osv_eval, zip_path] + (["--ranges-only"] if ranges_only else [])
    proc = subprocess.run(cmd, input="\n".join(questions) + "\n",
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"differential: osv_eval failed: {proc.stderr}")
    lines = proc.stdout.splitlines()
    c_counts = dict(kv.split("=") for kv in lines[0].split())
    failures = 0
    for k, v in counts.items():
        if int(c_counts.get(k, -1)) != v:
            print(f"count {k}: krait {c_counts.get(k)}, python {v}")
            failures += 1
    answers = lines[1:]
    if len(answers) != len(questions):
        sys.exit(f"differential: {len(answers)} answers for {len(questions)} questions")
    affected = 0
    for q, want, got in zip(questions, expected, answers):
        affected += want == "1"
        if want != got:
            failures += 1
            if failures <= 30:
                print(f"MISMATCH {q!r}: python {want}, krait {got}")
    what = "ranges only" if ranges_only else "versions lists and ranges"
    if zip_path != args.zip:
        what = "synthetic advisories"
    print(f"differential ({what}): {len(questions)} (advisory, package, version) questions, "
          f"{affected} affected, {len(questions) - affected} not; "
          f"{failures} differences; counts: {counts}")
    return failures


if __name__ == "__main__":
    main()
