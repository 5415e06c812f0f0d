/* test_semantic.c - the semantic index on real snippets: each test parses
 * Python source with py_parse, indexes it and checks what sem_qualname,
 * sem_const and sem_imports say about chosen nodes (found by line through
 * ast_walk). Expected values are what Python itself would do at run time,
 * or NULL where krait deliberately stays silent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "semantic/semantic.h"
#include "syntax/ast_walk.h"
#include "syntax/parser.h"

typedef struct fx {
    arena *a;
    ast_node *mod;
    sem_index *ix;
} fx;

static fx parse_as(const char *src, const char *module_name, int is_package)
{
    fx f;
    f.a = arena_new();
    syntax_error err;
    memset(&err, 0, sizeof err);
    f.mod = py_parse(f.a, src, strlen(src), &err);
    assert_non_null(f.mod);
    f.ix = sem_build(f.a, f.mod, module_name, is_package);
    assert_non_null(f.ix);
    return f;
}

static fx parse(const char *src)
{
    return parse_as(src, NULL, 0);
}

static void done(fx *f)
{
    arena_free(f->a);
}

typedef struct find {
    ast_kind kind;
    int line, skip;
    const ast_node *found;
} find;

static ast_walk_action find_visit(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    find *q = ctx;
    if (enter && n->kind == q->kind && n->lineno == q->line && q->skip-- == 0) {
        q->found = n;
        return AST_WALK_STOP;
    }
    return AST_WALK_CONTINUE;
}

/* The nth (0-based, pre-order) node of `kind` starting on `line`. */
static const ast_node *nth_on_line(const fx *f, ast_kind kind, int line, int nth)
{
    find q = {kind, line, nth, NULL};
    ast_walk(f->mod, find_visit, &q);
    assert_non_null(q.found);
    return q.found;
}

static const ast_node *call_on(const fx *f, int line)
{
    return nth_on_line(f, AST_Call, line, 0);
}

/* The qualified name of the callee of the first call on `line`. */
static const char *callee(const fx *f, int line)
{
    return sem_qualname(f->ix, call_on(f, line)->v.Call.func);
}

static const ast_node *arg(const fx *f, int line, int i)
{
    const ast_node *c = call_on(f, line);
    assert_true(i < AST_SEQ_LEN(c->v.Call.args));
    return AST_SEQ_NODE(c->v.Call.args, i);
}

/* A NULL answer fails with a message rather than a crash in strcmp. */
#define expect_str(got, want)                                                                      \
    do {                                                                                           \
        const char *got_ = (got);                                                                  \
        assert_non_null(got_);                                                                     \
        assert_string_equal(got_, (want));                                                         \
    } while (0)

static void check_callee(const char *src, int line, const char *want)
{
    fx f = parse(src);
    const char *got = callee(&f, line);
    if (want)
        expect_str(got, want);
    else
        assert_null(got);
    done(&f);
}

static void check_callee_in(const char *src, const char *module_name, int is_package, int line,
                            const char *want)
{
    fx f = parse_as(src, module_name, is_package);
    expect_str(callee(&f, line), want);
    done(&f);
}

/* ---- import forms -------------------------------------------------------- */

static void test_import_module_level(void **state)
{
    (void)state;
    check_callee("import subprocess\nsubprocess.run(cmd)\n", 2, "subprocess.run");
    check_callee("import subprocess as sp\nsp.Popen(cmd)\n", 2, "subprocess.Popen");
    check_callee("from subprocess import check_output\ncheck_output(cmd)\n", 2,
                 "subprocess.check_output");
}

static void test_import_in_function(void **state)
{
    (void)state;
    const char *src = "def f():\n"
                      "    import os\n"
                      "    os.system(cmd)\n"
                      "os.system(cmd)\n";
    fx f = parse(src);
    expect_str(callee(&f, 3), "os.system");
    assert_null(callee(&f, 4)); /* the function's import is local to it */
    done(&f);
}

static void test_import_try_except(void **state)
{
    (void)state;
    check_callee("try:\n    import json\nexcept ImportError:\n    pass\njson.loads(s)\n", 5,
                 "json.loads");
    /* The module tried first names the import; the ImportError fallback
     * does not count against it. */
    check_callee("try:\n    import cPickle as pickle\nexcept ImportError:\n"
                 "    import pickle\npickle.loads(s)\n",
                 5, "cPickle.loads");
    check_callee("try:\n    from yaml import CLoader as Loader\n"
                 "except (ImportError, AttributeError):\n"
                 "    from yaml import Loader\nLoader(s)\n",
                 5, "yaml.CLoader");
    check_callee("try:\n    import simplejson as json\nexcept ModuleNotFoundError:\n"
                 "    import json\njson.loads(s)\n",
                 5, "simplejson.loads");
    /* Only the fallback binds the name: it is the name. */
    check_callee("try:\n    pass\nexcept ImportError:\n    import pickle\npickle.loads(s)\n",
                 5, "pickle.loads");
    /* Another exception is no fallback: two modules under one name, and
     * krait does not guess which. */
    check_callee("try:\n    import cPickle as pickle\nexcept OSError:\n"
                 "    import pickle\npickle.loads(s)\n",
                 5, NULL);
    check_callee("import cPickle as pickle\nimport pickle\npickle.loads(s)\n", 3, NULL);
    /* ...but a None fallback is no module: nothing is called through it. */
    check_callee("try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"
                 "yaml.load(s)\n",
                 5, "yaml.load");
    check_callee("x = None\nx.load(s)\n", 2, NULL);
    check_callee("try:\n    import yaml\nexcept ImportError:\n    yaml = False\n"
                 "yaml.load(s)\n",
                 5, NULL);
}

static void test_import_type_checking(void **state)
{
    (void)state;
    check_callee("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                 "    from subprocess import Popen\nPopen(cmd)\n",
                 4, "subprocess.Popen");
}

static void test_import_dotted(void **state)
{
    (void)state;
    check_callee("import a.b.c\na.b.c.d()\n", 2, "a.b.c.d");
    check_callee("import xml.etree.ElementTree\nxml.etree.ElementTree.parse(p)\n", 2,
                 "xml.etree.ElementTree.parse");
    check_callee("import os.path\nos.system(c)\n", 2, "os.system");
    check_callee("import a.b as c\nc.f()\n", 2, "a.b.f");
    check_callee("from a import b as c\nc()\n", 2, "a.b");
    check_callee("import xml.etree.ElementTree as ET\nET.fromstring(s)\n", 2,
                 "xml.etree.ElementTree.fromstring");
}

static void test_import_relative(void **state)
{
    (void)state;
    check_callee_in("from . import x\nx.f()\n", "pkg.sub.mod", 0, 2, "pkg.sub.x.f");
    check_callee_in("from ..a import b\nb()\n", "pkg.sub.mod", 0, 2, "pkg.a.b");
    check_callee_in("from .m import g\ng()\n", "pkg.sub.mod", 0, 2, "pkg.sub.m.g");
    /* In pkg/sub/__init__.py the package is the module itself. */
    check_callee_in("from . import x\nx()\n", "pkg.sub", 1, 2, "pkg.sub.x");
    check_callee_in("from .. import y\ny()\n", "pkg.sub", 1, 2, "pkg.y");
    /* Unknown module name, or dots above the top package: the dots stay. */
    check_callee_in("from ..a import b\nb()\n", NULL, 0, 2, "..a.b");
    check_callee_in("from . import x\nx()\n", NULL, 0, 2, ".x");
    check_callee_in("from .... import x\nx()\n", "pkg.sub.mod", 0, 2, "....x");
}

static void test_import_star(void **state)
{
    (void)state;
    check_callee("from os import *\nsystem(cmd)\n", 2, "os.system");
    check_callee("from os import *\nopen(p, flags)\n", 2, "os.open"); /* os.open wins */
    check_callee("from subprocess import *\ncall(cmd, shell=True)\n", 2, "subprocess.call");
    check_callee("from pickle import *\nloads(d)\n", 2, "pickle.loads");
    check_callee("from yaml import *\nload(d)\n", 2, "yaml.load");
    /* Unknown module: its names are unknown, nothing is invented. */
    check_callee("from mystery import *\nsystem(cmd)\n", 2, NULL);
}

/* ---- aliases --------------------------------------------------------------- */

static void test_alias_assignment(void **state)
{
    (void)state;
    check_callee("import subprocess\nrun = subprocess.run\nrun(cmd)\n", 3, "subprocess.run");
    check_callee("import pickle\nloads = getattr(pickle, 'loads')\nloads(d)\n", 3, "pickle.loads");
    check_callee("import pickle\nNAME = 'loads'\ngetattr(pickle, NAME)(d)\n", 3, "pickle.loads");
    check_callee("__import__('os').system(cmd)\n", 1, "os.system");
    check_callee("import importlib\nimportlib.import_module('pickle').loads(d)\n", 2,
                 "pickle.loads");
    check_callee("from importlib import import_module\nimport_module('xml.sax').parse(f)\n", 2,
                 "xml.sax.parse");
    check_callee("import tarfile\nt = tarfile.open(p)\nt.extractall()\n", 3,
                 "tarfile.open().extractall");
    check_callee("import tarfile\nwith tarfile.open(p) as t:\n    t.extractall()\n", 3,
                 "tarfile.open().extractall");
    check_callee("import tarfile\ntarfile.open(p).extractall()\n", 2, "tarfile.open().extractall");
    check_callee("import subprocess\n(r := subprocess.run)(cmd)\n", 2, "subprocess.run");
    /* The call itself: its result. */
    fx f = parse("import tarfile\nt = tarfile.open(p)\n");
    expect_str(sem_qualname(f.ix, call_on(&f, 2)), "tarfile.open()");
    done(&f);
}

static void test_dunder_import_forms(void **state)
{
    (void)state;
    fx f = parse("m = __import__('a.b')\n"
                 "n = __import__('a.b', fromlist=['c'])\n"
                 "o = __import__('a.b', None, None, [])\n");
    expect_str(sem_qualname(f.ix, call_on(&f, 1)), "a");
    expect_str(sem_qualname(f.ix, call_on(&f, 2)), "a.b");
    expect_str(sem_qualname(f.ix, call_on(&f, 3)), "a");
    done(&f);
    /* A shadowed __import__ is not the builtin. */
    check_callee("def __import__(n): pass\n__import__('os').system(c)\n", 2, NULL);
}

/* ---- shadowing and scopes ---------------------------------------------------- */

static void test_builtins(void **state)
{
    (void)state;
    check_callee("eval(s)\n", 1, "builtins.eval");
    check_callee("def f():\n    exec(s)\n", 2, "builtins.exec");
    check_callee("undefined_name(s)\n", 1, NULL);
    check_callee("import builtins\nbuiltins.eval(s)\n", 2, "builtins.eval");
    check_callee("__builtins__.exec(s)\n", 1, "builtins.exec");
    check_callee("getattr(__import__('os'), 'system')(c)\n", 1, "os.system");
    check_callee("os = __import__('os')\nos.popen(c)\n", 2, "os.popen");
}

static void test_shadowing(void **state)
{
    (void)state;
    check_callee("def f(eval):\n    eval(s)\n", 2, NULL);
    check_callee("input = x\ninput()\n", 2, NULL);
    check_callee("def eval(s):\n    pass\neval(s)\n", 3, NULL);
    /* Local throughout the function, even before the assignment. */
    check_callee("def f():\n    eval(s)\n    eval = g\n", 2, NULL);
    /* A class attribute does not shadow inside methods... */
    check_callee("class A:\n    eval = None\n    def m(self):\n        eval(s)\n", 4,
                 "builtins.eval");
    /* ...but does in the class body itself. */
    check_callee("class A:\n    eval = None\n    eval(s)\n", 3, NULL);
    check_callee("f = lambda eval: eval(s)\n", 1, NULL);
    check_callee("for eval in xs:\n    eval(s)\n", 2, NULL);
    check_callee("try:\n    pass\nexcept E as eval:\n    eval(s)\n", 4, NULL);
}

static void test_global_nonlocal(void **state)
{
    (void)state;
    const char *src = "import subprocess\n"
                      "def setup():\n"
                      "    global run\n"
                      "    run = subprocess.run\n"
                      "def use():\n"
                      "    run(cmd)\n";
    check_callee(src, 6, "subprocess.run");
    /* A global that is also bound differently at module level: silence. */
    check_callee("import os, subprocess\nrun = os.system\ndef s():\n    global run\n"
                 "    run = subprocess.run\nrun(c)\n",
                 6, NULL);
    const char *nl = "import os\n"
                     "def outer():\n"
                     "    f = os.system\n"
                     "    def inner():\n"
                     "        nonlocal f\n"
                     "        f = os.popen\n"
                     "    f(c)\n";
    check_callee(nl, 7, NULL); /* two values for f */
    const char *enclosing = "import os\n"
                            "def outer():\n"
                            "    f = os.system\n"
                            "    def inner():\n"
                            "        f(c)\n";
    check_callee(enclosing, 5, "os.system");
    /* nonlocal moves inner's binding to outer's f (the None does not count). */
    const char *moved = "import os\n"
                        "def outer():\n"
                        "    f = None\n"
                        "    def inner():\n"
                        "        nonlocal f\n"
                        "        f = os.system\n"
                        "    inner()\n"
                        "    f(c)\n";
    check_callee(moved, 8, "os.system");
}

static void test_comprehension_scope(void **state)
{
    (void)state;
    const char *src = "xs = [eval for eval in fs]\n"
                      "eval(s)\n"
                      "ys = [eval(s) for eval in fs]\n";
    fx f = parse(src);
    expect_str(callee(&f, 2), "builtins.eval");
    assert_null(callee(&f, 3));
    done(&f);
    /* The first iterable is evaluated outside: here `eval` is the builtin. */
    fx g = parse("def f(fs):\n    return [x for eval in eval(fs)]\n");
    expect_str(callee(&g, 2), "builtins.eval");
    done(&g);
    /* A walrus in a comprehension binds in the enclosing function. */
    check_callee("import os\ndef f(xs):\n    [(g := os.system) for x in xs]\n    g(c)\n", 4,
                 "os.system");
}

static void test_unknown_objects(void **state)
{
    (void)state;
    check_callee("obj.eval(s)\n", 1, NULL);
    check_callee("class A:\n    def m(self):\n        self.run(c)\n", 3, NULL);
    check_callee("x = y = None\nx.run()\n", 2, NULL);
    check_callee("a, b = make()\na.run()\n", 2, NULL);
}

static void test_conflicts_and_cycles(void **state)
{
    (void)state;
    check_callee("if c:\n    import pickle as p\nelse:\n    import json as p\np.loads(s)\n", 5,
                 NULL);
    check_callee("import os\nimport os\nos.system(c)\n", 3, "os.system");
    check_callee("a = b\nb = a\na()\n", 3, NULL);
    check_callee("x = x.y\nx()\n", 2, NULL);
}

/* ---- constants ------------------------------------------------------------- */

static void test_const_int(void **state)
{
    (void)state;
    fx f = parse("import os\n"
                 "mode = 0o777\n"
                 "os.chmod(p, mode)\n"
                 "os.chmod(p, -1)\n"
                 "A = 0o700\nB = A\nC = B | 0o077\n"
                 "os.chmod(p, C)\n"
                 "os.chmod(p, 99999999999999999999999)\n"
                 "def f():\n    os.chmod(p, mode)\n");
    long long v = 0;
    assert_true(sem_const_int(f.ix, arg(&f, 3, 1), &v));
    assert_int_equal(v, 511);
    assert_true(sem_const_int(f.ix, arg(&f, 4, 1), &v));
    assert_int_equal(v, -1);
    assert_true(sem_const_int(f.ix, arg(&f, 8, 1), &v));
    assert_int_equal(v, 0777);
    assert_false(sem_const_int(f.ix, arg(&f, 9, 1), &v));
    assert_true(sem_const_int(f.ix, arg(&f, 11, 1), &v));
    assert_int_equal(v, 511);
    ast_const c;
    assert_true(sem_const(f.ix, arg(&f, 3, 1), &c));
    assert_int_equal(c.kind, CONST_INT);
    assert_int_equal(c.u.i.base, 8);
    done(&f);
}

static void test_const_not_constant(void **state)
{
    (void)state;
    fx f = parse("mode = 0o777\nmode |= 0o100\nf(mode)\n"
                 "a = b\nb = a\nf(a)\n"
                 "g(x)\n"
                 "for i in r:\n    pass\nf(i)\n"
                 "def h(p=1):\n    f(p)\n");
    long long v;
    ast_const c;
    assert_false(sem_const_int(f.ix, arg(&f, 3, 0), &v));
    assert_false(sem_const(f.ix, arg(&f, 6, 0), &c));
    assert_false(sem_const(f.ix, arg(&f, 7, 0), &c));
    assert_false(sem_const(f.ix, arg(&f, 10, 0), &c));
    assert_false(sem_const(f.ix, arg(&f, 12, 0), &c));
    done(&f);
}

static void test_const_str(void **state)
{
    (void)state;
    fx f = parse("H = 'sha' + '1'\n"
                 "f(H)\n"
                 "f('a' 'b')\n"
                 "N = 3\nf(f'x{N}y{H}')\n"
                 "f(f'{N:>3}')\n"
                 "f(f'{q}')\n"
                 "f(b'ab' + b'c')\n"
                 "f('a' + 1)\n");
    expect_str(sem_const_str(f.ix, arg(&f, 2, 0)), "sha1");
    expect_str(sem_const_str(f.ix, arg(&f, 3, 0)), "ab");
    expect_str(sem_const_str(f.ix, arg(&f, 5, 0)), "x3ysha1");
    assert_null(sem_const_str(f.ix, arg(&f, 6, 0)));
    assert_null(sem_const_str(f.ix, arg(&f, 7, 0)));
    ast_const c;
    assert_true(sem_const(f.ix, arg(&f, 8, 0), &c));
    assert_int_equal(c.kind, CONST_BYTES);
    assert_int_equal(c.u.str.len, 3);
    assert_memory_equal(c.u.str.s, "abc", 3);
    assert_false(sem_const(f.ix, arg(&f, 9, 0), &c));
    done(&f);
}

static void test_truthy(void **state)
{
    (void)state;
    fx f = parse("DEBUG = True\nf(DEBUG)\nf(0)\nf('')\nf([1])\nf([])\nf(x)\nf(None)\n"
                 "f({})\nf({**d})\n");
    int want[] = {1, 0, 0, 1, 0, -1, 0, 0, -1};
    for (int i = 0; i < 9; i++)
        assert_int_equal(sem_truthy(f.ix, arg(&f, i + 2, 0)), want[i]);
    done(&f);
}

/* ---- the import list ----------------------------------------------------------- */

static void test_import_list(void **state)
{
    (void)state;
    fx f = parse_as("import os, a.b.c\n"
                    "from xml.etree import ElementTree as ET\n"
                    "def g():\n"
                    "    import pickle\n"
                    "m = __import__('marshal')\n"
                    "import importlib\n"
                    "s = importlib.import_module('shelve')\n"
                    "t = importlib.import_module(name)\n"
                    "from .. import sibling\n",
                    "pkg.sub.mod", 0);
    const sem_import *im;
    int n = sem_imports(f.ix, &im);
    assert_int_equal(n, 8);
    const char *mods[] = {"os",      "a.b.c",     "xml.etree", "pickle",
                          "marshal", "importlib", "shelve",    "pkg"};
    int lines[] = {1, 1, 2, 4, 5, 6, 7, 9};
    for (int i = 0; i < n; i++) {
        expect_str(im[i].module, mods[i]);
        assert_int_equal(im[i].via->lineno, lines[i]);
    }
    assert_null(im[0].name);
    expect_str(im[2].name, "ElementTree");
    expect_str(im[7].name, "sibling");
    assert_int_equal(im[4].via->kind, AST_Call);
    done(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_import_module_level),
        cmocka_unit_test(test_import_in_function),
        cmocka_unit_test(test_import_try_except),
        cmocka_unit_test(test_import_type_checking),
        cmocka_unit_test(test_import_dotted),
        cmocka_unit_test(test_import_relative),
        cmocka_unit_test(test_import_star),
        cmocka_unit_test(test_alias_assignment),
        cmocka_unit_test(test_dunder_import_forms),
        cmocka_unit_test(test_builtins),
        cmocka_unit_test(test_shadowing),
        cmocka_unit_test(test_global_nonlocal),
        cmocka_unit_test(test_comprehension_scope),
        cmocka_unit_test(test_unknown_objects),
        cmocka_unit_test(test_conflicts_and_cycles),
        cmocka_unit_test(test_const_int),
        cmocka_unit_test(test_const_not_constant),
        cmocka_unit_test(test_const_str),
        cmocka_unit_test(test_truthy),
        cmocka_unit_test(test_import_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
