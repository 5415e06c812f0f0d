#!/usr/bin/python3
"""setup_compare.py DEPS_DUMP [--real] - checks krait's setup.cfg and
setup.py readers (src/deps/inputs_setupcfg.c, inputs_setup.c) against
independent readings:

  setup.cfg: setuptools' own reader (setuptools.config.setupcfg.
      read_configuration, python3-setuptools), then setuptools' _reqs.
      parse_strings and packaging.requirements.Requirement (python3-packaging).
  setup.py: an `ast`-based reading written here (Python's own parser):
      setup(...) calls through import aliases, names bound once at module
      level, literals, `a + b`, dict(...) and **kwargs; anything else must be
      a krait note "computed at run time".

For each file the records must agree in order: group, name, sorted
specifiers, marker, URL, and (setup.py) the line of the string. A file the
oracle refuses (configparser error, syntax error, invalid requirement) must
give krait errors. Neither file is ever executed. --real adds every
setup.py/setup.cfg found under /usr and /root (none is run either).
Exit status 1 on any disagreement."""
import ast
import configparser
import os
import re
import subprocess
import sys
import warnings

from packaging.requirements import InvalidRequirement, Requirement

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures", "setup")
LISTS = ("install_requires", "setup_requires", "tests_require")


def parse_strings(strs):
    from setuptools import _reqs
    return list(_reqs.parse_strings(strs))


def norm(group, text, line):
    """(group, name, specs, marker, url, line) or ('ERR', text)."""
    try:
        r = Requirement(text)
    except InvalidRequirement:
        return ("ERR", text)
    specs = ",".join(sorted(str(s) for s in r.specifier))
    return (group, r.name, specs, str(r.marker) if r.marker else "", r.url or "", line)


# ---- krait ---------------------------------------------------------------

def krait(dump, path):
    """(records, errors, notes) as deps_dump prints them."""
    text = subprocess.run([dump, path], capture_output=True, text=True, check=True).stdout
    tsv = subprocess.run([dump, "--tsv", path], capture_output=True, text=True, check=True).stdout
    lines = [l for l in text.splitlines() if not l.startswith(("error: ", "note: "))]
    errors = [l for l in text.splitlines() if l.startswith("error: ")]
    notes = [l for l in text.splitlines() if l.startswith("note: ")]
    records = []
    for head, row in zip(lines, tsv.splitlines()):
        f = row.split("\t")
        group = ""
        if ' group="' in head:
            group = head.split(' group="', 1)[1].split('" name="', 1)[0]
        if f[2] == "requirements":  # read through setup.cfg's `file:`
            group = "install_requires"
        marker = f[7].replace('\\"', '"')
        records.append((group, f[3], f[6], marker, f[8], int(f[1])))
    return records, errors, notes


# ---- setup.cfg through setuptools ------------------------------------------

def oracle_cfg(path):
    """The expected records (lines not known: None) or None when setuptools
    refuses the file."""
    from setuptools.config.setupcfg import read_configuration
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            conf = read_configuration(path, find_others=False)
    except (configparser.Error, Exception):  # noqa: BLE001 - any refusal counts
        return None
    opts = conf.get("options", {})
    out = []
    for key in LISTS:
        for text in parse_strings(opts.get(key, [])):
            out.append(norm(key, text, None))
    for extra, reqs in opts.get("extras_require", {}).items():
        for text in parse_strings(reqs):
            out.append(norm(extra, text, None))
    return out


# ---- setup.py through ast ----------------------------------------------------

class Computed(Exception):
    pass


class SetupPy:
    def __init__(self, tree):
        self.tree = tree
        self.bound = {}
        counts = {}
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.NamedExpr)):
                targets = [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    counts[t.id] = counts.get(t.id, 0) + 1
                    if isinstance(node, ast.Assign) and len(node.targets) == 1:
                        self.bound[t.id] = node.value
        self.bound = {k: v for k, v in self.bound.items() if counts[k] == 1}
        self.setup_names, self.setup_modules = {"setup"}, set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if a.name == "setup":
                        self.setup_names.add(a.asname or a.name)
            elif isinstance(node, ast.Import):
                for a in node.names:
                    self.setup_modules.add(a.asname or a.name.split(".")[0])
        self.records, self.computed = [], []
        self.local = {}  # names bound in the functions around the call

    def local_names(self, fn):
        """The names a function binds: name -> the value when bound once by
        a plain assignment, else None (a parameter, bound several times)."""
        a = fn.args
        names = {x.arg: None for x in a.posonlyargs + a.args + a.kwonlyargs}
        names.update({x.arg: None for x in (a.vararg, a.kwarg) if x})
        count = {}
        for node in ast.walk(fn):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                count[node.id] = count.get(node.id, 0) + 1
                names.setdefault(node.id, None)
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name):
                names.setdefault(node.targets[0].id, node.value)
        for k in list(names):
            if count.get(k, 0) != 1 or not isinstance(names[k], ast.AST):
                names[k] = None
        return names

    def resolve(self, node):
        for _ in range(32):
            if isinstance(node, ast.Name) and node.id in self.local:
                if self.local[node.id] is None:
                    break
                node = self.local[node.id]
            elif isinstance(node, ast.Name) and node.id in self.bound:
                node = self.bound[node.id]
            else:
                break
        return node

    def is_setup(self, call):
        """setup, an alias of it, or X.setup where X is not the standard
        library (distutils aside: it left the library in 3.12)."""
        f = call.func
        if isinstance(f, ast.Name):
            return f.id in self.setup_names
        if not (isinstance(f, ast.Attribute) and f.attr == "setup"):
            return False
        root = f.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name) or root.id not in self.setup_modules:
            return True  # origin unknown: matched by its simple name
        return root.id == "distutils" or root.id not in sys.stdlib_module_names

    def string(self, node, text, group):
        exact = text.count("\n") == node.end_lineno - node.lineno
        for i, line in enumerate(text.split("\n")):
            for req in parse_strings(line):
                self.records.append(norm(group, req, node.lineno + (i if exact else 0)))

    def requirements(self, value, group):
        v = self.resolve(value)
        if isinstance(v, ast.Constant) and isinstance(v.value, str):
            self.string(v, v.value, group)
        elif isinstance(v, (ast.List, ast.Tuple)):
            for e in v.elts:
                self.requirements(e, group)
        elif isinstance(v, ast.BinOp) and isinstance(v.op, ast.Add):
            for side in (v.left, v.right):
                try:
                    self.requirements(side, group)
                except Computed:
                    self.computed.append(side.lineno)
        else:
            raise Computed()

    def keyword(self, name, value):
        try:
            if name in LISTS:
                self.requirements(value, name)
            elif name == "extras_require":
                self.extras(value)
        except Computed:
            self.computed.append(value.lineno)

    def extras(self, value):
        v = self.resolve(value)
        if isinstance(v, ast.Dict):
            for k, val in zip(v.keys, v.values):
                if isinstance(k, ast.Constant) and isinstance(k.value, str):
                    try:
                        self.requirements(val, k.value)
                    except Computed:
                        self.computed.append(val.lineno)
                else:
                    self.computed.append((k or val).lineno)
        elif isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "dict":
            for kw in v.keywords:
                try:
                    self.requirements(kw.value, kw.arg)
                except Computed:
                    self.computed.append(kw.value.lineno)
        else:
            raise Computed()

    def kwargs(self, value):
        v = self.resolve(value)
        if isinstance(v, ast.Dict):
            for k, val in zip(v.keys, v.values):
                if isinstance(k, ast.Constant) and isinstance(k.value, str):
                    self.keyword(k.value, val)
        elif isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "dict":
            for kw in v.keywords:
                self.keyword(kw.arg, kw.value)
        else:
            self.computed.append(value.lineno)

    def read(self, node=None, local=None):
        """Every setup() call, knowing the names its functions bind (they
        hide the module's)."""
        node = node or self.tree
        local = local or {}
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            local = {**local, **self.local_names(node)}
        if isinstance(node, ast.Call) and self.is_setup(node):
            self.local = local
            for kw in node.keywords:
                if kw.arg:
                    self.keyword(kw.arg, kw.value)
                else:
                    self.kwargs(kw.value)
        for child in ast.iter_child_nodes(node):
            self.read(child, local)


def oracle_py(path):
    """(records, lines of computed values) or None on a syntax error."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        # Python 3.14 (PEP 758) accepts `except A, B:`; 3.11 does not.
        return "3.14" if "must be parenthesized" in str(e.msg) else None
    except ValueError:
        return None
    s = SetupPy(tree)
    s.read()
    return s.records, s.computed


# ---- comparison --------------------------------------------------------------

def compare_file(dump, path):
    """A list of disagreements (strings)."""
    records, errors, notes = krait(dump, path)
    is_py = path.endswith(".py")
    want = oracle_py(path) if is_py else oracle_cfg(path)
    if want == "3.14":
        return []
    if want is None:
        return [] if errors else [f"{path}: the oracle refuses the file, krait reports no error"]
    expected, computed = want if is_py else (want, [])
    bad = [e for e in expected if e[0] == "ERR"]
    expected = [e for e in expected if e[0] != "ERR"]
    problems = []
    if bad and len(errors) < len(bad):
        problems.append(f"{path}: invalid requirements {bad}, krait errors {errors}")
    if not bad and errors and is_py:
        problems.append(f"{path}: krait errors {errors}, the oracle none")
    # read_configuration normalises extra names ("With-Dash" -> "with_dash");
    # the Distribution keeps them as written, and so does krait: compare
    # setup.cfg's groups normalised.
    def group(name):
        return re.sub(r"[-_.]+", "_", name).lower()
    got = records if is_py else [(group(r[0]),) + r[1:5] + (None,) for r in records]
    if not is_py:
        expected = [(group(e[0]),) + e[1:] for e in expected]
    if got != expected:
        problems.append(f"{path}: records differ\n  krait:  {got}\n  oracle: {expected}")
    note_lines = sorted({int(n.split(":")[2]) for n in notes if "computed at run time" in n})
    if is_py and note_lines != sorted(set(computed)):
        problems.append(f"{path}: computed-value notes at {note_lines}, oracle {sorted(set(computed))}")
    return problems


def fixture_files():
    out = []
    for d in sorted(os.listdir(FIXTURES)):
        for name in ("setup.cfg", "setup.py"):
            p = os.path.join(FIXTURES, d, name)
            if os.path.isfile(p):
                out.append(p)
    return out


def real_files():
    out = []
    for root in ("/usr", "/root"):
        for dirpath, _dirs, files in os.walk(root):
            for name in ("setup.cfg", "setup.py"):
                if name in files:
                    out.append(os.path.join(dirpath, name))
    return sorted(out)


def main():
    dump = os.path.abspath(sys.argv[1])
    files = fixture_files()
    nfix = len(files)
    if "--real" in sys.argv[2:]:
        files += real_files()
    failures, checked = 0, 0
    for i, path in enumerate(files):
        problems = compare_file(dump, path)
        checked += 1
        if problems:
            failures += 1
            for p in problems:
                print(("FIXTURE " if i < nfix else "REAL ") + p)
    print(f"setup_compare: {checked} files ({nfix} fixtures), {failures} disagreeing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
