#!/usr/bin/env python3
"""The same findings for a directory and for archives made from it (up to
the "ARCHIVE!" prefix of the paths). Usage: same_findings.py KRAIT TREE WORKDIR
TREE is copied (as "tree") into WORKDIR, archived there as tar.gz, tar.bz2,
tar.xz, tar, zip and whl by make_archives.py, and each is scanned with -f
json from WORKDIR, as is the directory."""
import json
import os
import shutil
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))


def scan(krait, cwd, target):
    p = subprocess.run([krait, 'scan', '-f', 'json', '-j', '2', target], cwd=cwd,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit('krait scan %s: exit %d\n%s' % (target, p.returncode, p.stderr))
    return json.loads(p.stdout)


def strip(report, prefix):
    def fix(path):
        if prefix:
            assert path.startswith(prefix), path
            return path[len(prefix):]
        return path
    findings = [dict(f, path=fix(f['path'])) for f in report['findings']]
    errors = [dict(e, path=fix(e['path'])) for e in report['errors']]
    return {'findings': findings, 'errors': errors,
            'files': report['stats']['files'], 'lines': report['stats']['lines']}


def main():
    krait, tree, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(tree, os.path.join(work, 'tree'), symlinks=False)
    subprocess.run([sys.executable, os.path.join(here, 'make_archives.py'),
                    os.path.join(work, 'tree'), os.path.join(work, 'arch')], check=True)
    want = strip(scan(krait, work, 'tree'), '')
    if not want['findings']:
        sys.exit('the fixture tree has no findings: the comparison would prove nothing')
    bad = 0
    for ext in ('tar.gz', 'tar.bz2', 'tar.xz', 'tar', 'zip', 'whl'):
        name = 'tree.' + ext
        shutil.copy(os.path.join(work, 'arch', name), os.path.join(work, name))
        got = strip(scan(krait, work, name), name + '!')
        if got != want:
            bad += 1
            for key in want:
                if got[key] != want[key]:
                    a, b = want[key], got[key]
                    if isinstance(a, list):
                        a = [x for x in a if x not in b][:3]
                        b = [x for x in got[key] if x not in want[key]][:3]
                    print('%s: %s differ:\n  directory only: %s\n  archive only: %s'
                          % (name, key, a, b))
        else:
            print('ok %s: %d findings, %d errors, %d files' %
                  (name, len(got['findings']), len(got['errors']), got['files']))
    sys.exit(1 if bad else 0)


main()
