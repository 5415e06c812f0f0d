#!/usr/bin/env python3
"""bench.py - the TOML reader's speed on a generated uv.lock-style file.

    bench.py TOML_DUMP [MEGABYTES]

Writes a lock file of MEGABYTES (default 10) of [[package]] tables with
inline tables, arrays and hashes, as uv writes them (fixed seed), then
prints krait's parse rate (toml_dump --time: best of 5, arena reused) and
tomllib's on the same bytes, for the ratio."""
import os
import random
import subprocess
import sys
import tempfile
import time
import tomllib


def package(rng, i):
    v = f"{rng.randint(0, 30)}.{rng.randint(0, 30)}.{rng.randint(0, 30)}"
    h = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    name = f"package-{i}"
    return f'''
[[package]]
name = "{name}"
version = "{v}"
source = {{ registry = "https://pypi.org/simple" }}
dependencies = [
    {{ name = "dep-{rng.randint(0, i + 1)}" }},
    {{ name = "dep-{rng.randint(0, i + 1)}", marker = "python_full_version < '3.13'" }},
]
sdist = {{ url = "https://files.pythonhosted.org/packages/{h[:2]}/{h[2:4]}/{name}-{v}.tar.gz", hash = "sha256:{h}", size = {rng.randint(1000, 10**7)} }}
wheels = [
    {{ url = "https://files.pythonhosted.org/packages/{h[4:6]}/{h[6:8]}/{name}-{v}-py3-none-any.whl", hash = "sha256:{h[::-1]}", size = {rng.randint(1000, 10**7)} }},
]

[package.metadata]
requires-dist = [{{ name = "x", specifier = ">=1.0" }}]
'''


def main():
    dump = sys.argv[1]
    target = float(sys.argv[2]) * 1e6 if len(sys.argv) > 2 else 10e6
    rng = random.Random(1)
    parts, size, i = ['version = 1\nrequires-python = ">=3.12"\n'], 0, 0
    while size < target:
        parts.append(package(rng, i))
        size += len(parts[-1])
        i += 1
    text = "".join(parts)
    with tempfile.NamedTemporaryFile("w", suffix=".lock", delete=False) as f:
        f.write(text)
    try:
        out = subprocess.run([dump, "--time", f.name], capture_output=True, text=True)
        print(f"{i} packages; krait: {out.stdout.strip()}")
        t0 = time.perf_counter()
        tomllib.loads(text)
        t = time.perf_counter() - t0
        print(f"tomllib: {len(text) / 1e6 / t:.1f} MB/s")
        return out.returncode
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    sys.exit(main())
