#!/usr/bin/python3
"""run.py - `krait scan|overview|deps pypi:NAME[==VERSION]` against a fake
PyPI on 127.0.0.1 (src/pypi, src/cli/pypi_inputs.c).

The index is this script's own http.server: JSON documents in the format
of PyPI's JSON API (https://docs.pypi.org/api/json/) written here, and
archives built here with tarfile/zipfile, so that every case is known:
the latest release and a pinned one, wheel-only projects, eggs only, no
files, a wrong digest, a yanked release, an oversized file, a file larger
than announced, a truncated transfer, a server that hangs, redirects (to
http on the loopback: followed; to file:// and to http elsewhere:
refused), invalid JSON, an index answering for another project, unknown
projects and versions, hostile names, the pip-style index URL
(--index-url .../simple/, PIP_INDEX_URL). Each case states the exit
status and what stdout/stderr must say. Every run happens in an empty
directory with TMPDIR pointing at another, both checked to stay empty:
nothing may be written to disk. Finally the scan of pypi:NAME must give
exactly the findings of the scan of the same archive file on disk.

Nothing here touches the internet: the only http:// URL outside the
loopback (http://example.invalid) must be refused before any connection.

usage: run.py KRAIT SCRATCH_DIR [OSV_FIXTURES_DIR]
       run.py --serve PORT   (the fake index alone, for trying krait by hand)
"""
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import threading
import time
import zipfile

from packaging.utils import canonicalize_name, canonicalize_version

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []
FILES = {}  # URL path -> bytes
DOCS = {}   # URL path -> JSON text (or raw bytes), with the project's own spelling
PROJECTS = {}  # normalised name -> the project's own spelling
BASE = ""   # http://127.0.0.1:PORT


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, body, status=200, ctype="application/json", length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    @staticmethod
    def canonical(path):
        """Warehouse's lookups: a project by its normalised name, answered
        with a 301 to the project's own spelling (so krait follows one
        redirect on every request: /pypi/demo-pkg/json -> /pypi/Demo_Pkg/json),
        and a release by its canonical version too (1.0.0 finds 1.0).
        Returns (path to serve, or None) and a redirect target (or None)."""
        m = re.fullmatch(r"/pypi/([^/]+)(?:/([^/]+))?/json", path)
        if not m:
            return path, None
        name, version = m.group(1), m.group(2)
        display = PROJECTS.get(canonicalize_name(name))
        if display is None:
            return None, None
        if name != display:
            return None, path.replace("/pypi/%s/" % name, "/pypi/%s/" % display, 1)
        if version is None or path in DOCS:
            return path, None
        try:
            want = canonicalize_version(version)
        except Exception:
            return None, None
        for doc in DOCS:
            d = re.fullmatch(r"/pypi/([^/]+)/([^/]+)/json", doc)
            if d and d.group(1) == display and canonicalize_version(d.group(2)) == want:
                return doc, None
        return None, None

    def do_GET(self):
        path = self.path
        if path.startswith("/mirror/"):  # the same index below a prefix
            path = path[len("/mirror"):]
        if path in ("/slow/file.tar.gz", "/pypi/hang/json"):
            time.sleep(30)  # krait's timeout (KRAIT_PYPI_TIMEOUT=2) ends it first
            self.close_connection = True
            return
        if path == "/cut/file.tar.gz":
            data = FILES["/files/demo_pkg-2.0.tar.gz"]
            self.send_body(data[: len(data) // 2], ctype="application/octet-stream",
                           length=len(data))
            self.close_connection = True
            return
        if path == "/redirect-file":
            return self.redirect("file:///etc/passwd")
        if path == "/redirect-loop":
            return self.redirect("/redirect-loop")
        if path == "/redirect-external":
            return self.redirect("http://example.invalid/x.tar.gz")
        if path.startswith("/redirect-good/"):
            return self.redirect("/files/" + path[len("/redirect-good/"):])
        path, moved = self.canonical(path)
        if moved:
            self.send_response(301)
            self.send_header("Location", moved)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path in DOCS:
            body = DOCS[path]
            return self.send_body(body if isinstance(body, bytes) else body.encode())
        if path in FILES:
            return self.send_body(FILES[path], ctype="application/octet-stream")
        self.send_body(b'{"message": "Not Found"}', status=404)


# ---- the fake index ---------------------------------------------------------

VULNERABLE = "import base64\n\ndef run(code):\n    exec(base64.b64decode(code))\n"
SETUP = "from setuptools import setup\nsetup(name='demo-pkg')\n"


def targz(prefix, files):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz", format=tarfile.PAX_FORMAT) as t:
        for name, text in sorted(files.items()):
            data = text.encode()
            info = tarfile.TarInfo(prefix + "/" + name)
            info.size, info.mtime, info.mode = len(data), 1700000000, 0o644
            t.addfile(info, io.BytesIO(data))
    return out.getvalue()


def wheel(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in sorted(files.items()):
            z.writestr(zipfile.ZipInfo(name, (2023, 11, 1, 0, 0, 0)), text)
    return out.getvalue()


def file_entry(filename, data, kind, url=None, sha=None, size=None, yanked=False,
               reason=None, uploaded="2023-11-14T22:13:20.123456Z"):
    FILES["/files/" + filename] = data
    return {
        "filename": filename,
        "url": url or BASE + "/files/" + filename,
        "packagetype": kind,
        "digests": {"sha256": sha or hashlib.sha256(data).hexdigest(),
                    "md5": hashlib.md5(data).hexdigest()},
        "size": len(data) if size is None else size,
        "upload_time_iso_8601": uploaded,
        "yanked": yanked,
        "yanked_reason": reason,
    }


def publish(key, name, version, files, requires=None, latest=True):
    """A release of the project `key`, served under the spelling `name`
    (Warehouse's; "other" is served under its key but claims to be
    someone else, to test that krait checks the answer)."""
    doc = json.dumps({"info": {"name": name, "version": version, "requires_dist": requires},
                      "urls": files, "releases": {}})
    spelling = name if canonicalize_name(name) == key else key
    PROJECTS[key] = spelling
    DOCS["/pypi/%s/%s/json" % (spelling, version)] = doc
    if latest:
        DOCS["/pypi/%s/json" % spelling] = doc


def build_index():
    sdist1 = targz("demo_pkg-1.0", {"setup.py": SETUP, "demo_pkg/__init__.py": "X = 1\n"})
    publish("demo-pkg", "Demo_Pkg", "1.0",
            [file_entry("demo_pkg-1.0.tar.gz", sdist1, "sdist",
                        uploaded="2023-01-02T03:04:05.000000Z"),
             file_entry("demo_pkg-1.0-py3-none-any.whl",
                        wheel({"demo_pkg/__init__.py": "X = 1\n"}), "bdist_wheel")],
            requires=["requests==2.30.0", "idna>=2; extra == \"socks\""], latest=False)
    sdist2 = targz("demo_pkg-2.0", {"setup.py": SETUP, "demo_pkg/__init__.py": VULNERABLE,
                                    "demo_pkg/util.py": "import subprocess\n"
                                    "subprocess.call('ls', shell=True)\n"})
    publish("demo-pkg", "Demo_Pkg", "2.0",
            [file_entry("demo_pkg-2.0.zip", sdist2 * 0 + wheel({"x.py": "pass\n"}), "sdist"),
             file_entry("demo_pkg-2.0.tar.gz", sdist2, "sdist"),
             file_entry("demo_pkg-2.0-py3-none-any.whl", wheel({"demo_pkg/__init__.py": ""}),
                        "bdist_wheel")],
            requires=["requests>=2.31"])
    # wheels only: the pure-Python one wins over a platform wheel
    publish("wheelonly", "wheelonly", "0.3",
            [file_entry("wheelonly-0.3-cp312-cp312-manylinux_2_17_x86_64.whl",
                        wheel({"wheelonly/native.py": "eval(input())\n"}), "bdist_wheel"),
             file_entry("wheelonly-0.3-py3-none-any.whl",
                        wheel({"wheelonly/__init__.py": VULNERABLE}), "bdist_wheel")])
    publish("eggonly", "eggonly", "1.0",
            [file_entry("eggonly-1.0-py2.7.egg", wheel({"x.py": ""}), "bdist_egg")])
    publish("nofiles", "nofiles", "1.0", [])
    good = targz("badsum-1.0", {"a.py": "pass\n"})
    publish("badsum", "badsum", "1.0",
            [file_entry("badsum-1.0.tar.gz", good, "sdist", sha="0" * 64)])
    publish("nodigest", "nodigest", "1.0", [dict(file_entry("nodigest-1.0.tar.gz", good, "sdist"),
                                                 digests={"md5": "x"})])
    ysd = targz("yanked-1.1", {"yanked/__init__.py": VULNERABLE})
    publish("yanked", "yanked", "1.1",
            [file_entry("yanked-1.1.tar.gz", ysd, "sdist", yanked=True,
                        reason="broken build")])
    publish("escapes", "escapes", "1.0",
            [file_entry("escapes-1.0.tar.gz", ysd, "sdist", yanked=True,
                        reason="\x1b]0;owned\x07\x1b[2J")])
    publish("huge", "huge", "1.0",
            [file_entry("huge-1.0.tar.gz", good, "sdist", size=300 << 20)])
    publish("liar", "liar", "1.0",
            [file_entry("liar-1.0.tar.gz", sdist2, "sdist", size=100)])
    publish("short", "short", "1.0",
            [file_entry("short-1.0.tar.gz", good, "sdist", size=len(good) + 10)])
    publish("slow", "slow", "1.0",
            [file_entry("slow-1.0.tar.gz", good, "sdist", url=BASE + "/slow/file.tar.gz")])
    publish("cut", "cut", "1.0",
            [file_entry("cut-1.0.tar.gz", sdist2, "sdist", url=BASE + "/cut/file.tar.gz")])
    publish("redirfile", "redirfile", "1.0",
            [file_entry("redirfile-1.0.tar.gz", good, "sdist", url=BASE + "/redirect-file")])
    publish("redirext", "redirext", "1.0",
            [file_entry("redirext-1.0.tar.gz", good, "sdist",
                        url=BASE + "/redirect-external")])
    publish("redirloop", "redirloop", "1.0",
            [file_entry("redirloop-1.0.tar.gz", good, "sdist", url=BASE + "/redirect-loop")])
    publish("plainhttp", "plainhttp", "1.0",
            [file_entry("plainhttp-1.0.tar.gz", good, "sdist",
                        url="http://example.invalid/plainhttp-1.0.tar.gz")])
    publish("filescheme", "filescheme", "1.0",
            [file_entry("filescheme-1.0.tar.gz", good, "sdist", url="file:///etc/passwd")])
    publish("redirgood", "redirgood", "2.0",
            [file_entry("demo_pkg-2.0.tar.gz", sdist2, "sdist",
                        url=BASE + "/redirect-good/demo_pkg-2.0.tar.gz")])
    publish("other", "someone-else", "1.0", [file_entry("x-1.0.tar.gz", good, "sdist")])
    publish("slashname", "slashname", "1.0",
            [file_entry("../../evil.tar.gz", good, "sdist")])
    for key, body in [("badjson", b"{\"info\": {\"name\": \"badjson\", "),
                      ("notanobject", b"[1, 2, 3]"), ("deep", b"[" * 100000 + b"]" * 100000),
                      ("hang", b"")]:
        PROJECTS[key] = key
        DOCS["/pypi/%s/json" % key] = body


# ---- running krait ----------------------------------------------------------

def run_krait(krait, scratch, args, env_extra=None, timeout=60):
    work, tmp = os.path.join(scratch, "cwd"), os.path.join(scratch, "tmp")
    for d in (work, tmp):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    env = dict(os.environ, TMPDIR=tmp, SOURCE_DATE_EPOCH="1700000000")
    env.pop("PIP_INDEX_URL", None)
    env.pop("http_proxy", None)
    env.pop("https_proxy", None)
    env.pop("HTTP_PROXY", None)
    env.pop("HTTPS_PROXY", None)
    env.update(env_extra or {})
    t0 = time.monotonic()
    p = subprocess.run([krait] + args, cwd=work, env=env, capture_output=True, timeout=timeout)
    elapsed = time.monotonic() - t0
    left = os.listdir(work) + os.listdir(tmp)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace"), elapsed, left


def case(krait, scratch, name, status, args, stdout=(), stderr=(), env=None, max_seconds=None,
         one_line_error=None):
    code, out, err, elapsed, left = run_krait(krait, scratch, args, env)
    problems = []
    if code != status:
        problems.append("exit status %d, expected %d" % (code, status))
    for pattern in stdout:
        if not re.search(pattern, out, re.M):
            problems.append("stdout lacks /%s/" % pattern)
    for pattern in stderr:
        if not re.search(pattern, err, re.M):
            problems.append("stderr lacks /%s/" % pattern)
    if one_line_error if one_line_error is not None else status == 2:
        if err.count("\n") != 1 or not err.startswith("krait: "):
            problems.append("expected one 'krait: ' line on stderr")
    if left:
        problems.append("files left behind: %s" % left)
    if max_seconds and elapsed > max_seconds:
        problems.append("took %.1f s (limit %s)" % (elapsed, max_seconds))
    if problems:
        failures.append(name)
        print("FAIL %s: %s\n  stdout: %s\n  stderr: %s" % (name, "; ".join(problems),
                                                          out[:2000], err[:2000]))
    else:
        print("ok   %s" % name)
    return out


def validate_sarif(scratch, text):
    """The SARIF with its sources against the OASIS schema (the validator
    of tests/report, ajv, installed by scripts/install-deps)."""
    validate_with(scratch, "sarif", text, ["node", os.path.join(os.path.dirname(HERE), "report",
                                                                "validate.mjs"), "sarif"])


def validate_with(scratch, kind, text, command):
    report = os.path.join(scratch, "pypi." + kind)
    with open(report, "w") as f:
        f.write(text)
    p = subprocess.run(command + [report], capture_output=True, text=True)
    if p.returncode != 0:
        failures.append(kind + "-valid")
        print("FAIL %s-valid: %s%s" % (kind, p.stdout, p.stderr))
    else:
        print("ok   %s-valid" % kind)


def index_args():
    return ["--index-url", BASE]


def scan_cases(krait, scratch):
    k = lambda name, status, args, **kw: case(krait, scratch, name, status,
                                              ["scan"] + index_args() + args, **kw)
    latest = k("latest-sdist", 1, ["pypi:Demo.Pkg"],
      stdout=[r"^source: pypi:Demo_Pkg==2\.0: demo_pkg-2\.0\.tar\.gz \(sdist, uploaded "
              r"2023-11-14T22:13:20\.123456Z, sha256 [0-9a-f]{64}\)$",
              r"^demo_pkg-2\.0\.tar\.gz!demo_pkg-2\.0/demo_pkg/__init__\.py:4:5: KR102 ",
              r"^demo_pkg-2\.0\.tar\.gz!demo_pkg-2\.0/demo_pkg/util\.py:2:1: KR\d+ .*shell"])
    k("pinned", 0, ["pypi:demo-pkg==1.0"],
      stdout=[r"^source: pypi:Demo_Pkg==1\.0: demo_pkg-1\.0\.tar\.gz \(sdist, uploaded "
              r"2023-01-02T03:04:05\.000000Z", r"^files scanned: 2 "])
    k("pinned-normalised", 0, ["pypi:demo_pkg==1.0.0"], stdout=[r"Demo_Pkg==1\.0"])
    k("json-sources", 1, ["-f", "json", "pypi:demo-pkg"],
      stdout=[r'^  "sources": \[$', r'^      "spec": "pypi:Demo_Pkg==2\.0",$',
              r'^      "file": "demo_pkg-2\.0\.tar\.gz",$', r'^      "kind": "sdist",$',
              r'^      "uploaded": "2023-11-14T22:13:20\.123456Z",$', r'^      "note": null$'])
    sarif = k("sarif-sources", 1, ["-f", "sarif", "pypi:demo-pkg"],
              stdout=[r'"sources": \[', r'"spec": "pypi:Demo_Pkg==2\.0"',
                      r'"sha256": "[0-9a-f]{64}"'])
    validate_sarif(scratch, sarif)
    html = k("html-source", 1, ["-f", "html", "pypi:demo-pkg==2.0"],
             stdout=[r'<dt>Source</dt><dd><code class="source-spec">pypi:Demo_Pkg==2\.0</code>: '
                     r'demo_pkg-2\.0\.tar\.gz \(sdist\), uploaded 2023-11-14T22:13:20\.123456Z, '
                     r'sha256 <code>[0-9a-f]{64}</code></dd></div>'])
    validate_with(scratch, "html", html, ["node", os.path.join(HERE, "validate-html.mjs")])
    k("wheel-only", 1, ["pypi:wheelonly"],
      stdout=[r"wheelonly-0\.3-py3-none-any\.whl \(bdist_wheel,",
              r"^wheelonly-0\.3-py3-none-any\.whl!wheelonly/__init__\.py:4:5: KR102 "])
    once = re.search(r"^findings: \d+ .*$", latest, re.M)
    out = k("same-release-twice", 1, ["pypi:demo-pkg", "pypi:Demo_Pkg==2.0.0"],
            stdout=["^" + re.escape(once.group(0) if once else "?") + "$"])
    if out.count("source: ") != 1:
        failures.append("same-release-twice-sources")
        print("FAIL same-release-twice-sources: %d source lines" % out.count("source: "))
    k("redirect-loopback", 1, ["pypi:redirgood"], stdout=[r"KR102"])
    k("with-local-path", 1, ["pypi:demo-pkg==1.0", os.path.join(scratch, "local.py")],
      stdout=[r"local\.py:1:1: KR102", r"^files scanned: 3 "])
    # the failures: one line, status 2, nothing written
    k("unknown-project", 2, ["pypi:no-such-thing"],
      stderr=[r"^krait: pypi:no-such-thing: no project 'no-such-thing' on http://127\.0\.0\.1:\d+ "
              r"\(HTTP 404"])
    k("unknown-version", 2, ["pypi:demo-pkg==9.9"],
      stderr=[r"^krait: pypi:demo-pkg==9\.9: Demo_Pkg has no release 9\.9 \(the latest is 2\.0\)$"])
    k("no-files", 2, ["pypi:nofiles"], stderr=[r"nofiles 1\.0 has no sdist and no wheel to audit \(0 other files\)"])
    k("egg-only", 2, ["pypi:eggonly"], stderr=[r"has no sdist and no wheel to audit \(1 other file\)"])
    k("digest-mismatch", 2, ["pypi:badsum"],
      stderr=[r"^krait: pypi:badsum: badsum-1\.0\.tar\.gz: sha256 mismatch \(the index says 0{64}, "
              r"the download is [0-9a-f]{64}\): refused$"])
    k("no-digest", 2, ["pypi:nodigest"], stderr=[r"has no sha256 digest in the index: refused"])
    k("yanked", 2, ["pypi:yanked"],
      stderr=[r"^krait: pypi:yanked: yanked 1\.1 is yanked \(broken build\): name the version "
              r"\(pypi:yanked==1\.1\) to audit it anyway$"])
    k("yanked-pinned", 1, ["pypi:yanked==1.1"],
      stdout=[r"^source: pypi:yanked==1\.1: yanked release \(broken build\), audited because "
              r"the version was named$", r"KR102"])
    k("terminal-escapes", 2, ["pypi:escapes"],
      stderr=[r"is yanked \(\?\]0;owned\?\?\[2J\)"])
    k("oversized", 2, ["pypi:huge"],
      stderr=[r"huge-1\.0\.tar\.gz is 314572800 bytes, more than krait's limit of 209715200: refused"])
    k("larger-than-announced", 2, ["pypi:liar"], stderr=[r"more than 100 bytes: refused"])
    k("shorter-than-announced", 2, ["pypi:short"],
      stderr=[r"short-1\.0\.tar\.gz: .*: %d bytes where the index announced %d$"
              % (len(targz("badsum-1.0", {"a.py": "pass\n"})),
                 len(targz("badsum-1.0", {"a.py": "pass\n"})) + 10)])
    k("json-timeout", 2, ["pypi:hang"], env={"KRAIT_PYPI_TIMEOUT": "2"}, max_seconds=10,
      stderr=[r"^krait: pypi:hang: http://127\.0\.0\.1:\d+/pypi/hang/json: timed out"])
    k("truncated", 2, ["pypi:cut"], stderr=[r"cut-1\.0\.tar\.gz: .*truncated download"])
    k("timeout", 2, ["pypi:slow"], env={"KRAIT_PYPI_TIMEOUT": "2"}, max_seconds=10,
      stderr=[r"slow-1\.0\.tar\.gz: .*timed out"])
    k("redirect-file", 2, ["pypi:redirfile"],
      stderr=[r"file:///etc/passwd: redirected to a URL krait does not follow"])
    k("redirect-external-http", 2, ["pypi:redirext"],
      stderr=[r"http://example\.invalid/x\.tar\.gz: redirected to a URL krait does not follow"])
    k("redirect-loop", 2, ["pypi:redirloop"], stderr=[r"/redirect-loop: too many redirects$"])
    k("plain-http-file", 2, ["pypi:plainhttp"],
      stderr=[r"http://example\.invalid/plainhttp-1\.0\.tar\.gz: only https:// URLs are fetched"])
    k("file-scheme", 2, ["pypi:filescheme"], stderr=[r"file:///etc/passwd: only https://"])
    k("bad-json", 2, ["pypi:badjson"], stderr=[r"the index's JSON is not valid JSON"])
    k("json-not-object", 2, ["pypi:notanobject"], stderr=[r"has no \"info\" object"])
    k("json-too-deep", 2, ["pypi:deep"], stderr=[r"is not valid JSON \(or is nested too deeply\)"])
    k("other-project", 2, ["pypi:other"],
      stderr=[r"the index answered for another project \('someone-else'\)"])
    k("unsafe-filename", 2, ["pypi:slashname"], stderr=[r"the index gives an unsafe file name"])
    for bad, why in [("pypi:", "no project name"), ("pypi:../etc", "not a valid project name"),
                     ("pypi:a/b", "not a valid project name"),
                     ("pypi:a?x=1", "not a valid project name"),
                     ("pypi:demo>=1", "not a valid project name"),
                     ("pypi:demo==1.0/../x", "not a PEP 440 version"),
                     ("pypi:demo==1.*", "not a PEP 440 version"),
                     ("pypi:demo==latest", "not a PEP 440 version"),
                     ("pypi:demo===1.0", "=== is not supported")]:
        k("bad-request " + bad, 2, [bad], stderr=[re.escape(why)])
    # the index URL: pip's /simple/ form, PIP_INDEX_URL, refused forms
    case(krait, scratch, "index-url-simple", 0,
         ["scan", "--index-url", BASE + "/mirror/simple/", "pypi:demo-pkg==1.0"],
         stdout=[r"Demo_Pkg==1\.0"])
    case(krait, scratch, "pip-index-url", 0, ["scan", "pypi:demo-pkg==1.0"],
         env={"PIP_INDEX_URL": BASE + "/mirror/+simple"}, stdout=[r"Demo_Pkg==1\.0"])
    case(krait, scratch, "index-url-over-env", 0,
         ["scan", "--index-url", BASE, "pypi:demo-pkg==1.0"],
         env={"PIP_INDEX_URL": "https://example.invalid/simple/"}, stdout=[r"Demo_Pkg==1\.0"])
    case(krait, scratch, "index-url-plain-http", 2,
         ["scan", "--index-url", "http://example.invalid/simple/", "pypi:x"],
         stderr=[r"only https:// is accepted \(plain http only to the loopback\)"])
    case(krait, scratch, "index-url-file", 2,
         ["scan", "--index-url", "file:///tmp/simple", "pypi:x"], stderr=[r"only https://"])
    case(krait, scratch, "index-url-query", 2,
         ["scan", "--index-url", BASE + "/simple?x=1", "pypi:x"],
         stderr=[r"a query or fragment has no place here"])
    code, out, err, _, _ = run_krait(krait, scratch, ["scan", "--index-url",
                                     BASE.replace("//", "//user:s3cret@") + "/simple/",
                                     "pypi:no-such-thing"])
    if code != 2 or "s3cret" in err or "no project 'no-such-thing' on http://127.0.0.1" not in err:
        failures.append("credentials-redacted")
        print("FAIL credentials-redacted: %s" % err)
    else:
        print("ok   credentials-redacted")
    case(krait, scratch, "index-down", 2,
         ["scan", "--index-url", "http://127.0.0.1:%d" % free_port(), "pypi:x"],
         stderr=[r"^krait: pypi:x: http://127\.0\.0\.1:\d+/pypi/x/json: "])


def overview_cases(krait, scratch):
    case(krait, scratch, "overview", 0, ["overview"] + index_args() + ["pypi:demo-pkg"],
         stdout=[r"^source: pypi:Demo_Pkg==2\.0: demo_pkg-2\.0\.tar\.gz \(sdist, uploaded "
                 r"2023-11-14T22:13:20\.123456Z, sha256 [0-9a-f]{64}\)$",
                 r"^files: 3 measured"])
    case(krait, scratch, "overview-json", 0,
         ["overview", "-f", "json"] + index_args() + ["pypi:demo-pkg==1.0"],
         stdout=[r'^  "sources": \[$', r'"uploaded": "2023-01-02T03:04:05\.000000Z"'])
    case(krait, scratch, "overview-digest", 2, ["overview"] + index_args() + ["pypi:badsum"],
         stderr=[r"sha256 mismatch"])


def deps_cases(krait, scratch, fixtures):
    db = os.path.join(scratch, "osv")
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(db)
    # the real requests advisory; the KRAIT-TEST-* fixtures are about a
    # made-up Demo_Pkg, which the advisory below replaces
    shutil.copy(os.path.join(fixtures, "PYSEC-2023-74.json"), db)
    with open(os.path.join(db, "KRAIT-TEST-PYPI.json"), "w") as f:
        json.dump({"id": "KRAIT-TEST-PYPI", "modified": "2023-01-01T00:00:00Z",
                   "summary": "demo-pkg before 2.0 runs code it downloads",
                   "affected": [{"package": {"ecosystem": "PyPI", "name": "demo-pkg"},
                                 "ranges": [{"type": "ECOSYSTEM",
                                             "events": [{"introduced": "0"},
                                                        {"fixed": "2.0"}]}]}]}, f)
    d = lambda name, status, args, **kw: case(krait, scratch, name, status,
                                              ["deps", "--db", db] + index_args() + args, **kw)
    d("deps-pinned", 1, ["-f", "json", "pypi:demo-pkg==1.0"],
      stdout=[r'"KRAIT-TEST-PYPI"', r'"PYSEC-2023-74"', r'"path": "pypi:Demo_Pkg==1\.0"'])
    d("deps-text", 1, ["-v", "pypi:demo-pkg==1.0"],
      stdout=[r"KRAIT-TEST-PYPI", r"PYSEC-2023-74",
              r"release file demo_pkg-1\.0\.tar\.gz \(sdist\), uploaded 2023-01-02T03:04:05"])
    d("deps-latest-clean", 0, ["pypi:demo-pkg"])
    d("deps-unknown", 2, ["pypi:no-such-thing"], stderr=[r"no project 'no-such-thing'"])
    # deps reads the JSON only: a release whose file is bad is still audited
    d("deps-no-download", 0, ["pypi:badsum"])


def same_as_disk(krait, scratch):
    """pypi:NAME and the same archive on disk: identical JSON findings."""
    name = "demo_pkg-2.0.tar.gz"
    work = os.path.join(scratch, "disk")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(os.path.join(work, name), "wb") as f:
        f.write(FILES["/files/" + name])
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    disk = subprocess.run([krait, "scan", "-f", "json", name], cwd=work, env=env,
                          capture_output=True)
    code, out, err, _, _ = run_krait(krait, scratch, ["scan", "-f", "json"] + index_args() +
                                     ["pypi:demo-pkg==2.0"])
    try:
        a, b = json.loads(disk.stdout), json.loads(out)
        same = a["findings"] == b["findings"] and a["errors"] == b["errors"] and \
            len(a["findings"]) >= 2 and disk.returncode == code
    except (ValueError, KeyError) as e:
        same, a, b = False, str(e), err
    if same:
        print("ok   same-findings-as-disk (%d findings)" % len(a["findings"]))
    else:
        failures.append("same-findings-as-disk")
        print("FAIL same-findings-as-disk\n  disk: %s\n  pypi: %s" % (disk.stdout[:3000], out[:3000]))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def serve(port):
    """run.py --serve PORT: only the fake index, for trying krait by hand."""
    global BASE
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    BASE = "http://127.0.0.1:%d" % server.server_address[1]
    build_index()
    print("serving %s (projects: %s)" % (BASE, ", ".join(sorted(
        {d.split("/")[2] for d in DOCS}))), flush=True)
    server.serve_forever()


def main():
    global BASE
    if sys.argv[1] == "--serve":
        return serve(int(sys.argv[2]))
    krait, scratch = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    fixtures = sys.argv[3] if len(sys.argv) > 3 else None
    os.makedirs(scratch, exist_ok=True)
    with open(os.path.join(scratch, "local.py"), "w") as f:
        f.write("exec(x)\n")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda *args: None  # krait hanging up on the slow server
    BASE = "http://127.0.0.1:%d" % server.server_address[1]
    build_index()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    only = os.environ.get("PYPI_TEST_ONLY")
    if not only or only == "scan":
        scan_cases(krait, scratch)
    if not only or only == "overview":
        overview_cases(krait, scratch)
    if fixtures and (not only or only == "deps"):
        deps_cases(krait, scratch, fixtures)
    if not only or only == "disk":
        same_as_disk(krait, scratch)
    server.shutdown()
    if failures:
        print("%d failed: %s" % (len(failures), ", ".join(failures)))
        sys.exit(1)
    print("all passed")


main()
