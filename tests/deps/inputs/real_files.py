#!/usr/bin/python3
"""real_files.py DEPS_DUMP - every dependency declaration file of this
machine through the readers (src/deps/inputs_*.c): requirements*.txt,
pyproject.toml, the lock files, and every site-packages/dist-packages
directory. Nothing may crash or hang (each run is bounded); errors are
counted and shown. For each site-packages directory, the installed
distributions' names and versions must equal importlib.metadata's
(distributions(path=[dir])). Directories absent on a machine are skipped.
Exits 1 on a crash, a timeout or a metadata difference."""
import collections
import importlib.metadata
import os
import re
import subprocess
import sys

# The fixtures are checked by check-golden (and are wrong on purpose).
SKIP = {"/proc", "/sys", "/dev", "/run",
        os.path.dirname(os.path.abspath(__file__))}
LOCKS = {"uv.lock", "poetry.lock", "Pipfile.lock", "pdm.lock"}


def find_files():
    found = collections.defaultdict(list)
    sites = []
    for root, dirs, files in os.walk("/", followlinks=False):
        dirs[:] = [d for d in dirs if os.path.join(root, d) not in SKIP]
        base = os.path.basename(root)
        if base in ("site-packages", "dist-packages"):
            sites.append(root)
        for f in files:
            path = os.path.join(root, f)
            if f.startswith("requirements") and f.endswith(".txt"):
                found["--requirements"].append(path)
            elif f == "pyproject.toml":
                found["--pyproject"].append(path)
            elif f in LOCKS or re.fullmatch(r"pylock(\.[^.]+)?\.toml", f):
                found["--lock"].append(path)
    return found, sorted(sites)


def run(dump, mode, paths):
    """deps_dump on paths (one at a time after a failure): returns
    (records, errors, failures, output lines)."""
    try:
        p = subprocess.run([dump, mode] + paths, capture_output=True, text=True, timeout=120,
                           errors="replace")
        if p.returncode == 0:
            lines = p.stdout.splitlines()
            errors = [line for line in lines if line.startswith("error: ")]
            records = [line for line in lines if not line.startswith(("error: ", "note: "))]
            return len(records), errors, [], lines
        if len(paths) == 1:
            return 0, [], [f"{paths[0]}: exit status {p.returncode} {p.stderr[-300:]}"], []
    except subprocess.TimeoutExpired:
        if len(paths) == 1:
            return 0, [], [f"{paths[0]}: timeout"], []
    total = [0, [], [], []]
    for path in paths:
        r = run(dump, mode, [path])
        for i in range(4):
            total[i] += r[i]
    return tuple(total)


def compare_site(dump, site):
    want = collections.Counter()
    for dist in importlib.metadata.distributions(path=[site]):
        name = dist.metadata["Name"]
        if name is not None:
            want[(name, dist.version)] += 1
    records, errors, failures, lines = run(dump, "--site-packages", [site])
    got = collections.Counter()
    for line in lines:
        m = re.match(r'\S+:\d+ site-packages name="([^"]*)"(?: key="[^"]*")?(?: version="([^"]*)")?', line)
        if m:
            got[(m.group(1), m.group(2))] += 1
    return records, errors, failures, want, got


def main():
    dump = os.path.abspath(sys.argv[1])
    found, sites = find_files()
    bad = 0
    for mode in ("--requirements", "--pyproject", "--lock"):
        paths = sorted(found[mode])
        records = 0
        errors, failures = [], []
        for i in range(0, len(paths), 100):
            r, e, f, _ = run(dump, mode, paths[i:i + 100])
            records += r
            errors += e
            failures += f
        bad += len(failures)
        print(f"{mode[2:]}: {len(paths)} files, {records} records, {len(errors)} errors, "
              f"{len(failures)} crashes/timeouts")
        for line in errors[:5]:
            print("   ", line)
        for line in failures:
            print("  FAIL", line)
    for site in sites:
        records, errors, failures, want, got = compare_site(dump, site)
        diff = (want - got) + (got - want)
        bad += len(failures) + (1 if diff else 0)
        print(f"site-packages {site}: {records} distributions, {len(errors)} errors, "
              f"importlib.metadata {sum(want.values())}, {len(diff)} differences")
        for line in errors[:3]:
            print("   ", line)
        for key in list(diff)[:10]:
            print("  DIFF", key, "importlib" if key in want else "krait")
        for line in failures:
            print("  FAIL", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
