#!/usr/bin/python3
"""run.py KRAIT DB SCRATCH - `krait deps` on distribution files (sdists and
wheels) built here with tarfile/zipfile: the release itself from its
metadata (PKG-INFO, *.dist-info/METADATA) and its Requires-Dist, the sdist's
top-level pyproject.toml, setup.cfg, setup.py and requirements*.txt, read in
memory and named ARCHIVE!member; nothing is extracted; a truncated archive
and an oversized member are errors naming them. Answers checked against
the real advisories of tests/data/osv (requests 2.5.0 has PYSEC-2023-74,
pandas 1.0.3 has PYSEC-2020-73)."""
import io, json, os, shutil, subprocess, sys, tarfile, zipfile

krait, db, scratch = sys.argv[1:4]
failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + str(detail)[:2000]))
    if not cond:
        failures.append(name)


def add(tar, name, text):
    data = text.encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


PKG_INFO = """Metadata-Version: 2.1
Name: requests
Version: 2.5.0
Summary: a test release
Requires-Dist: urllib3==1.24.1
Requires-Dist: chardet>=3 ; extra == "socks"

Requires-Dist: not-a-header-in-the-body==1
"""


def build(d):
    sdist = os.path.join(d, "requests-2.5.0.tar.gz")
    with tarfile.open(sdist, "w:gz") as t:
        add(t, "requests-2.5.0/PKG-INFO", PKG_INFO)
        add(t, "requests-2.5.0/pyproject.toml", '[project]\nname = "requests"\n'
            'dependencies = ["idna==2.0"]\n')
        add(t, "requests-2.5.0/setup.py", 'from setuptools import setup\n'
            'setup(name="requests", install_requires=["pandas==1.0.3"])\n')
        add(t, "requests-2.5.0/requirements-dev.txt", "jinja2==2.10\n")
        add(t, "requests-2.5.0/tests/requirements.txt", "flask==0.1\n")  # not top level
        add(t, "requests-2.5.0/src/evil.py", "import os\nos.system('rm -rf /')\n")
    wheel = os.path.join(d, "demo-1.0-py3-none-any.whl")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("demo/__init__.py", "")
        z.writestr("demo-1.0.dist-info/METADATA",
                   "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"
                   "Requires-Dist: requests==2.5.0\n")
        z.writestr("demo-1.0.dist-info/RECORD", "")
    cut = os.path.join(d, "cut-1.0.tar.gz")
    with open(sdist, "rb") as f:
        data = f.read()
    with open(cut, "wb") as f:
        f.write(data[: len(data) // 2])
    big = os.path.join(d, "big-1.0.zip")
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big-1.0/PKG-INFO", "Name: big\nVersion: 1.0\n" + "x" * (65 << 20))
    return sdist, wheel, cut, big


def deps(*args):
    p = subprocess.run([krait, "deps", "--db", db, "-f", "json", *args], capture_output=True,
                       text=True, timeout=120)
    try:
        return p.returncode, json.loads(p.stdout), p.stderr
    except ValueError:
        return p.returncode, None, p.stdout + p.stderr


def main():
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    sdist, wheel, cut, big = build(scratch)
    before = sorted(os.listdir(scratch))
    rc, out, err = deps(sdist)
    check("sdist: exit 1 (vulnerable)", rc == 1, err)
    recs = {(d["key"], d["source"], d.get("group")): d for d in out["dependencies"]} if out else {}
    check("sdist: the release itself, from PKG-INFO",
          ("requests", "metadata", "release") in recs, list(recs))
    rel = recs.get(("requests", "metadata", "release"), {})
    check("sdist: the release's path and line",
          rel.get("path") == sdist + "!requests-2.5.0/PKG-INFO" and rel.get("line") == 2, rel)
    check("sdist: Requires-Dist", ("urllib3", "metadata", "requires_dist") in recs
          and ("chardet", "metadata", "requires_dist") in recs, list(recs))
    check("sdist: headers only (not the body)",
          not any(k[0] == "not-a-header-in-the-body" for k in recs), list(recs))
    check("sdist: pyproject, setup.py, requirements-dev.txt read",
          ("idna", "pyproject", None) in recs or any(k[0] == "idna" for k in recs), list(recs))
    check("sdist: setup.py read statically", any(k[0] == "pandas" and k[1] == "setup.py"
                                                 for k in recs), list(recs))
    check("sdist: requirements-dev.txt read", any(k[0] == "jinja2" for k in recs), list(recs))
    check("sdist: only top-level declarations", not any(k[0] == "flask" for k in recs),
          list(recs))
    vulns = {(v["package"], v["id"]) for v in out["vulnerabilities"]} if out else set()
    check("sdist: the release's own advisory", ("requests", "PYSEC-2023-74") in vulns, vulns)
    check("sdist: a declared dependency's advisory", ("pandas", "PYSEC-2020-73") in vulns, vulns)

    rc, out, err = deps(wheel)
    recs = {(d["key"], d["group"]) for d in out["dependencies"]} if out else set()
    check("wheel: METADATA read", recs == {("demo", "release"), ("requests", "requires_dist")},
          recs)
    check("wheel: exit 1", rc == 1, err)

    rc, out, err = deps(cut)
    errs = [e["message"] for e in out["errors"]] if out else [err]
    check("truncated: an error naming it", rc in (1, 2) and out and any(
        e["path"] == cut for e in out["errors"]), (rc, errs))

    rc, out, err = deps(big)
    errs = out["errors"] if out else [err]
    check("oversized member: an error naming it", out and any(
        e["path"] == big + "!big-1.0/PKG-INFO" and "size limit" in e["message"] for e in errs),
        errs)
    check("nothing extracted", sorted(os.listdir(scratch)) == before, os.listdir(scratch))
    print(f"deps archive test: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


main()
