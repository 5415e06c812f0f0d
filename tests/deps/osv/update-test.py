#!/usr/bin/python3
"""update-test.py - `krait db update` against a real HTTP server on 127.0.0.1.

Builds, in a scratch directory, a small OSV export from the fixture
advisories (tests/deps/osv/fixtures: PYSEC-2023-74 is a real record of the
PyPA advisory database, CC-BY-4.0; KRAIT-TEST-* are made up) and broken
variants of it, serves them with Python's http.server on a free port of
127.0.0.1, and checks every outcome: a successful update, then failures that
must each leave the previous database byte for byte intact and no temporary
file behind (404, a truncated zip, an HTML page, a zip without advisories, a
connection cut mid-transfer, a redirect to file://, a closed port), plus a
redirect to http, KRAIT_OSV_URL, and the target directory being created.
Real HTTPS to osv.dev cannot be tested here (no network).

usage: update-test.py KRAIT SCRATCH_DIR
"""
import hashlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


class Handler(http.server.SimpleHTTPRequestHandler):
    """Files from the www directory, plus a few misbehaving endpoints."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/redirect-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/redirect-good":
            self.send_response(301)
            self.send_header("Location", "/good.zip")
            self.end_headers()
        elif self.path == "/cut":
            # promise the whole zip, send half of it, hang up
            data = open(os.path.join(self.directory, "good.zip"), "rb").read()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
        else:
            super().do_GET()


def build_www(www):
    os.makedirs(www)
    fixtures = sorted(os.listdir(os.path.join(HERE, "fixtures")))
    with zipfile.ZipFile(os.path.join(www, "good.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for f in fixtures:
            z.write(os.path.join(HERE, "fixtures", f), f)
    data = open(os.path.join(www, "good.zip"), "rb").read()
    open(os.path.join(www, "truncated.zip"), "wb").write(data[: len(data) * 2 // 3])
    open(os.path.join(www, "page.html"), "w").write("<html><body>mirror maintenance</body></html>")
    with zipfile.ZipFile(os.path.join(www, "empty.zip"), "w") as z:
        z.writestr("README.txt", "no advisories here")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.exists(path) else None


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + detail))
    if not cond:
        failures.append(name)


CACHE = ""


def run(krait, *args, env=None):
    e = dict(os.environ)
    e.pop("KRAIT_OSV_URL", None)
    e["XDG_CACHE_HOME"] = CACHE  # the index goes there, never to the user's cache
    e.update(env or {})
    p = subprocess.run([krait, "db", *args], capture_output=True, text=True, env=e, timeout=120)
    return p.returncode, p.stdout, p.stderr


def leftovers(directory):
    return [f for f in os.listdir(directory) if f.startswith(".krait-osv-download-")]


def expect_failure(krait, name, url, dest, message):
    before = sha(dest)
    rc, out, err = run(krait, "update", "--url", url, "--db", dest)
    check(f"{name}: exit 2", rc == 2, f"rc={rc} out={out} err={err}")
    check(f"{name}: message", message in err, err)
    check(f"{name}: old database intact", sha(dest) == before)
    check(f"{name}: no temporary file left", not leftovers(os.path.dirname(dest)),
          str(leftovers(os.path.dirname(dest))))


def main():
    krait, scratch = sys.argv[1], sys.argv[2]
    shutil.rmtree(scratch, ignore_errors=True)
    global CACHE
    CACHE = os.path.join(os.path.abspath(scratch), "xdg-cache")
    www = os.path.join(scratch, "www")
    build_www(www)
    port = free_port()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), lambda *a, **k: Handler(*a, directory=www, **k))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    dest = os.path.join(scratch, "cache", "deep", "PyPI-all.zip")
    try:
        rc, out, err = run(krait, "update", "--url", base + "/good.zip", "--db", dest)
        check("success: exit 0", rc == 0, f"rc={rc} err={err}")
        check("success: 2 advisories (one withdrawn)", "2 advisories" in out, out)
        check("success: the file is the download", sha(dest) == sha(os.path.join(www, "good.zip")))
        check("update writes the index", "index: " + CACHE in out and "(written)" in out, out)
        rc, out, err = run(krait, "info", "--db", dest)
        check("info: counts", rc == 0 and "advisories: 2\n" in out and "1 withdrawn" in out
              and "packages: 2\n" in out, out + err)
        check("info: the index is up to date", "(up to date)" in out, out)
        full_info = out
        os.utime(dest)  # a changed zip: the index is stale, rebuilt by info
        rc, out, err = run(krait, "info", "--db", dest)
        check("info: a stale index is rewritten", "(written: the database changed)" in out, out)
        check("info: same figures through the index",
              [l for l in out.splitlines() if not l.startswith("index:")] ==
              [l for l in full_info.splitlines() if not l.startswith("index:")], out)
        expect_failure(krait, "404", base + "/missing.zip", dest, "HTTP status 404")
        expect_failure(krait, "truncated zip", base + "/truncated.zip", dest,
                       "not a readable OSV export")
        expect_failure(krait, "html page", base + "/page.html", dest, "not a readable OSV export")
        expect_failure(krait, "zip without advisories", base + "/empty.zip", dest,
                       "holds no PyPI advisory")
        expect_failure(krait, "cut mid-transfer", base + "/cut", dest, "transfer closed")
        expect_failure(krait, "redirect to file://", base + "/redirect-file", dest, "Protocol \"file\" not supported")
        expect_failure(krait, "closed port", f"http://127.0.0.1:{free_port()}/good.zip", dest,
                       "connect")
        expect_failure(krait, "not http", "ftp://127.0.0.1/x.zip", dest,
                       "only http:// and https://")
        os.remove(dest)
        rc, out, err = run(krait, "update", "--url", base + "/redirect-good", "--db", dest)
        check("redirect to http: exit 0", rc == 0 and "2 advisories" in out, out + err)
        os.remove(dest)
        rc, out, err = run(krait, "update", "--db", dest, env={"KRAIT_OSV_URL": base + "/good.zip"})
        check("KRAIT_OSV_URL: exit 0", rc == 0 and "2 advisories" in out, out + err)
        home = os.path.join(scratch, "home")
        rc, out, err = run(krait, "update", "--url", base + "/good.zip",
                           env={"HOME": home, "XDG_CACHE_HOME": ""})
        check("default location under HOME", rc == 0 and os.path.exists(
            os.path.join(home, ".cache/krait/osv/PyPI-all.zip")), out + err)
        rc, out, err = run(krait, "info", env={"HOME": home, "XDG_CACHE_HOME": ""})
        check("info at the default location", rc == 0 and "advisories: 2\n" in out, out + err)
    finally:
        server.shutdown()
    print(f"update-test: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
