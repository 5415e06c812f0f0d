/* test_modules.c - the module inventory: standard library membership as
 * CPython 3.14 defines it, the import name -> distribution table and its
 * longest-prefix look-up, classification against the scanned tree's own
 * modules, and modules_of_file on real snippets (imports in functions, try
 * blocks and conditionals, relative and dynamic imports, comments). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "metrics/modules.h"
#include "semantic/semantic.h"
#include "syntax/parser.h"

/* The tables themselves, read again here to check their order and that
 * every row is found through the public functions. */
static const char *const stdlib_rows[] = {
#define STDLIB(name) name,
#include "metrics/stdlib_modules.def"
#undef STDLIB
};
static const struct {
    const char *import, *dist;
} dist_rows[] = {
#define DIST(import, dist, source, note) {import, dist},
#include "metrics/distributions.def"
#undef DIST
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- standard library ------------------------------------------------------ */

static void stdlib_members(void **state)
{
    (void)state;
    assert_true(modules_is_stdlib("__future__"));
    assert_true(modules_is_stdlib("os"));
    assert_true(modules_is_stdlib("os.path"));
    assert_true(modules_is_stdlib("xml.etree.ElementTree"));
    assert_true(modules_is_stdlib("sys"));
    assert_true(modules_is_stdlib("_thread"));
    assert_true(modules_is_stdlib("tomllib"));
    assert_true(modules_is_stdlib("annotationlib")); /* new in 3.14 */
    assert_true(modules_is_stdlib("compression.zstd")); /* new in 3.14 */
    assert_true(modules_is_stdlib("winreg")); /* every platform's names */
    assert_true(modules_is_stdlib("concurrent.futures"));
}

static void stdlib_non_members(void **state)
{
    (void)state;
    assert_false(modules_is_stdlib("test"));      /* CPython leaves it out */
    assert_false(modules_is_stdlib("test.support"));
    assert_false(modules_is_stdlib("distutils")); /* removed in 3.12 */
    assert_false(modules_is_stdlib("imp"));       /* removed in 3.12 */
    assert_false(modules_is_stdlib("cgi"));       /* removed in 3.13 */
    assert_false(modules_is_stdlib("asyncore"));  /* removed in 3.12 */
    assert_false(modules_is_stdlib("yaml"));
    assert_false(modules_is_stdlib("requests"));
    assert_false(modules_is_stdlib("OS"));        /* names are case-sensitive */
    assert_false(modules_is_stdlib("o"));         /* a prefix of "os" */
    assert_false(modules_is_stdlib("oss"));
    assert_false(modules_is_stdlib(""));
    assert_false(modules_is_stdlib(".os"));
}

static void stdlib_table_sorted_and_found(void **state)
{
    (void)state;
    assert_true(COUNT(stdlib_rows) > 250);
    for (size_t i = 0; i < COUNT(stdlib_rows); i++) {
        if (i > 0)
            assert_true(strcmp(stdlib_rows[i - 1], stdlib_rows[i]) < 0);
        assert_true(modules_is_stdlib(stdlib_rows[i]));
    }
}

/* ---- distributions --------------------------------------------------------- */

static void distribution_known_rows(void **state)
{
    (void)state;
    assert_string_equal(modules_distribution("yaml"), "PyYAML");
    assert_string_equal(modules_distribution("PIL"), "Pillow");
    assert_string_equal(modules_distribution("PIL.Image"), "Pillow");
    assert_string_equal(modules_distribution("cv2"), "opencv-python");
    assert_string_equal(modules_distribution("sklearn.linear_model"), "scikit-learn");
    assert_string_equal(modules_distribution("bs4"), "beautifulsoup4");
    assert_string_equal(modules_distribution("dateutil.parser"), "python-dateutil");
    assert_string_equal(modules_distribution("jwt"), "PyJWT");
    assert_string_equal(modules_distribution("Crypto.Cipher.AES"), "pycryptodome");
    assert_string_equal(modules_distribution("win32evtlogutil"), "pywin32");
    assert_string_equal(modules_distribution("google.protobuf.json_format"), "protobuf");
}

static void distribution_longest_prefix(void **state)
{
    (void)state;
    assert_string_equal(modules_distribution("google.cloud.storage"), "google-cloud-storage");
    assert_string_equal(modules_distribution("google.cloud.storage.blob"), "google-cloud-storage");
    assert_string_equal(modules_distribution("azure.storage.blob"), "azure-storage-blob");
    assert_string_equal(modules_distribution("azure.storage.blob.aio"), "azure-storage-blob");
    assert_string_equal(modules_distribution("azure.storage.queue"), "azure-storage-queue");
    /* A deeper row wins over its parent's. */
    assert_string_equal(modules_distribution("opentelemetry.instrumentation.utils"),
                        "opentelemetry-instrumentation");
    assert_null(modules_distribution("opentelemetry.instrumentation"));
    assert_string_equal(modules_distribution("opentelemetry.instrumentation.flask.x"),
                        "opentelemetry-instrumentation-flask");
    assert_string_equal(modules_distribution("dbt.adapters.snowflake.impl"), "dbt-snowflake");
    assert_string_equal(modules_distribution("dbt.adapters.base.impl"), "dbt-adapters");
    assert_string_equal(modules_distribution("dbt.cli"), "dbt-core");
    /* A namespace row stops the search: no answer, not the parent's. */
    assert_null(modules_distribution("dbt.adapters.unknownadapter"));
    assert_null(modules_distribution("dbt.adapters"));
    assert_string_equal(modules_distribution("airflow.models"), "apache-airflow");
    assert_null(modules_distribution("airflow.providers.someone.else"));
    assert_string_equal(modules_distribution("airflow.providers.amazon.aws.hooks.s3"),
                        "apache-airflow-providers-amazon");
}

static void distribution_misses(void **state)
{
    (void)state;
    assert_null(modules_distribution("requests"));   /* spelt like its module */
    assert_null(modules_distribution("google"));     /* a namespace, no row */
    assert_null(modules_distribution("google.cloud"));
    assert_null(modules_distribution("azure.storage"));
    assert_null(modules_distribution("azure.storage.blobx")); /* not at a dot */
    assert_null(modules_distribution("yamlx"));
    assert_null(modules_distribution("yam"));
    assert_null(modules_distribution("os"));
    assert_null(modules_distribution(""));
    assert_null(modules_distribution("."));
}

static void distribution_table_sorted_and_found(void **state)
{
    (void)state;
    assert_true(COUNT(dist_rows) >= 300);
    for (size_t i = 0; i < COUNT(dist_rows); i++) {
        if (i > 0)
            assert_true(strcmp(dist_rows[i - 1].import, dist_rows[i].import) < 0);
        if (dist_rows[i].dist[0])
            assert_string_equal(modules_distribution(dist_rows[i].import), dist_rows[i].dist);
        else
            assert_null(modules_distribution(dist_rows[i].import));
        /* No row for a standard library module. */
        assert_false(modules_is_stdlib(dist_rows[i].import));
    }
}

/* ---- classification --------------------------------------------------------- */

static void classify_without_tree(void **state)
{
    (void)state;
    assert_int_equal(modules_classify("__future__", NULL), MODULE_STDLIB);
    assert_int_equal(modules_classify("os.path", NULL), MODULE_STDLIB);
    assert_int_equal(modules_classify("xml.etree.ElementTree", NULL), MODULE_STDLIB);
    assert_int_equal(modules_classify("test.support", NULL), MODULE_THIRD_PARTY);
    assert_int_equal(modules_classify("yaml", NULL), MODULE_THIRD_PARTY);
    assert_int_equal(modules_classify(".sibling", NULL), MODULE_LOCAL);
    assert_int_equal(modules_classify("..pkg.mod", NULL), MODULE_LOCAL);
    assert_int_equal(modules_classify("__main__", NULL), MODULE_LOCAL);
    assert_int_equal(modules_classify("__main__x", NULL), MODULE_THIRD_PARTY);
}

static void classify_with_tree(void **state)
{
    (void)state;
    const char *names[] = {"tool", "mypkg", "secrets", "mypkg", "app"};
    module_set set;
    assert_int_equal(modules_set_init(&set, names, COUNT(names)), 4);
    assert_string_equal(set.names[0], "app");
    assert_string_equal(set.names[3], "tool");
    assert_int_equal(modules_classify("mypkg", &set), MODULE_LOCAL);
    assert_int_equal(modules_classify("mypkg.sub.mod", &set), MODULE_LOCAL);
    assert_int_equal(modules_classify("tool", &set), MODULE_LOCAL);
    assert_int_equal(modules_classify("toolz", &set), MODULE_THIRD_PARTY);
    assert_int_equal(modules_classify("my", &set), MODULE_THIRD_PARTY);
    /* The tree's secrets.py shadows the standard module... */
    assert_int_equal(modules_classify("secrets", &set), MODULE_LOCAL);
    /* ...but nothing shadows __future__. */
    const char *fut[] = {"__future__"};
    module_set fs;
    modules_set_init(&fs, fut, 1);
    assert_int_equal(modules_classify("__future__", &fs), MODULE_STDLIB);
    module_set empty;
    assert_int_equal(modules_set_init(&empty, NULL, 0), 0);
    assert_int_equal(modules_classify("os", &empty), MODULE_STDLIB);
}

/* ---- modules_of_file ---------------------------------------------------------- */

typedef struct inv {
    arena *a;
    module_use *u;
    int n;
} inv;

static inv inventory_as(const char *src, const char *module_name, int is_package)
{
    inv v;
    v.a = arena_new();
    syntax_error err;
    memset(&err, 0, sizeof err);
    ast_node *mod = py_parse(v.a, src, strlen(src), &err);
    assert_non_null(mod);
    sem_index *ix = sem_build(v.a, mod, module_name, is_package);
    v.n = modules_of_file(v.a, ix, &v.u);
    return v;
}

static inv inventory(const char *src)
{
    return inventory_as(src, NULL, 0);
}

static const module_use *use(const inv *v, const char *name)
{
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->u[i].name, name) == 0)
            return &v->u[i];
    return NULL;
}

static void expect_use(const inv *v, const char *name, int line, module_origin origin, int dynamic)
{
    const module_use *u = use(v, name);
    if (!u)
        fail_msg("no module '%s' in the inventory", name);
    assert_int_equal(u->line, line);
    assert_int_equal(u->origin, origin);
    assert_int_equal(u->dynamic, dynamic);
}

static void file_everywhere(void **state)
{
    (void)state;
    inv v = inventory("from __future__ import annotations\n"          /* 1 */
                      "import os, os.path\n"                          /* 2 */
                      "# import subprocess\n"                         /* 3 */
                      "s = 'import pickle'\n"                         /* 4 */
                      "try:\n"                                        /* 5 */
                      "    import yaml\n"                             /* 6 */
                      "except ImportError:\n"                         /* 7 */
                      "    yaml = None\n"                             /* 8 */
                      "if os.name == 'nt':\n"                         /* 9 */
                      "    import winreg\n"                           /* 10 */
                      "def f():\n"                                    /* 11 */
                      "    import requests.adapters as ra\n"          /* 12 */
                      "    from xml.etree import ElementTree\n"       /* 13 */
                      "    return ra\n"                               /* 14 */
                      "class C:\n"                                    /* 15 */
                      "    import yaml\n");                           /* 16 */
    assert_int_equal(v.n, 7);
    expect_use(&v, "__future__", 1, MODULE_STDLIB, 0);
    expect_use(&v, "os", 2, MODULE_STDLIB, 0);
    expect_use(&v, "os.path", 2, MODULE_STDLIB, 0);
    expect_use(&v, "yaml", 6, MODULE_THIRD_PARTY, 0);
    expect_use(&v, "winreg", 10, MODULE_STDLIB, 0);
    expect_use(&v, "requests.adapters", 12, MODULE_THIRD_PARTY, 0);
    expect_use(&v, "xml.etree", 13, MODULE_STDLIB, 0);
    assert_null(use(&v, "subprocess")); /* commented out */
    assert_null(use(&v, "pickle"));     /* a string */
    /* Sorted by name. */
    for (int i = 1; i < v.n; i++)
        assert_true(strcmp(v.u[i - 1].name, v.u[i].name) < 0);
    arena_free(v.a);
}

static void file_namespace_from_imports(void **state)
{
    (void)state;
    inv v = inventory("from google.cloud import storage, bigquery\n"
                      "from google.cloud.storage import Blob\n"
                      "from azure.storage import blob\n"
                      "from os import path\n"
                      "from google import genai\n"
                      "from PIL import Image\n"
                      "from yaml import *\n");
    expect_use(&v, "google.cloud.storage", 1, MODULE_THIRD_PARTY, 0);
    expect_use(&v, "google.cloud.bigquery", 1, MODULE_THIRD_PARTY, 0);
    expect_use(&v, "azure.storage.blob", 3, MODULE_THIRD_PARTY, 0);
    expect_use(&v, "os", 4, MODULE_STDLIB, 0);     /* os.path: an attribute to krait */
    expect_use(&v, "google.genai", 5, MODULE_THIRD_PARTY, 0);
    expect_use(&v, "PIL", 6, MODULE_THIRD_PARTY, 0); /* PIL.Image: no row of its own */
    expect_use(&v, "yaml", 7, MODULE_THIRD_PARTY, 0);
    assert_null(use(&v, "google.cloud"));
    assert_int_equal(v.n, 6 + 1);
    assert_string_equal(modules_distribution(use(&v, "google.cloud.bigquery")->name),
                        "google-cloud-bigquery");
    arena_free(v.a);
}

static void file_relative(void **state)
{
    (void)state;
    /* Resolved: the file is pkg/sub/mod.py. */
    inv v = inventory_as("import pkg.sub.helpers\n"
                         "from . import sibling\n"
                         "from .helpers import h\n"
                         "from .. import top\n"
                         "from ..os import x\n",
                         "pkg.sub.mod", 0);
    expect_use(&v, "pkg.sub.helpers", 1, MODULE_LOCAL, 0); /* the relative one tells */
    expect_use(&v, "pkg.sub.sibling", 2, MODULE_LOCAL, 0);
    expect_use(&v, "pkg.top", 4, MODULE_LOCAL, 0);
    expect_use(&v, "pkg.os", 5, MODULE_LOCAL, 0);          /* not the stdlib os */
    assert_int_equal(v.n, 4);
    arena_free(v.a);

    /* In a package's __init__.py one dot is the package itself; dots that
     * climb above the top-level package stay unresolved. */
    v = inventory_as("from . import sub\nfrom ... import far\n", "pkg", 1);
    expect_use(&v, "pkg.sub", 1, MODULE_LOCAL, 0);
    expect_use(&v, "...far", 2, MODULE_LOCAL, 0);
    assert_int_equal(v.n, 2);
    arena_free(v.a);

    /* Unresolved (module name unknown): the dots stay. */
    v = inventory("from . import sibling\nfrom ..pkg import y\nfrom .os import path\n");
    expect_use(&v, ".sibling", 1, MODULE_LOCAL, 0);
    expect_use(&v, "..pkg", 2, MODULE_LOCAL, 0);
    expect_use(&v, ".os", 3, MODULE_LOCAL, 0);
    assert_int_equal(v.n, 3);
    arena_free(v.a);
}

static void file_dynamic(void **state)
{
    (void)state;
    inv v = inventory("import importlib\n"                         /* 1 */
                      "m = importlib.import_module('yaml')\n"      /* 2 */
                      "p = __import__('pickle')\n"                 /* 3 */
                      "q = __import__('xml.dom', fromlist=['x'])\n" /* 4 */
                      "name = 'json'\n"                            /* 5 */
                      "j = importlib.import_module(name)\n"        /* 6 */
                      "r = importlib.import_module(input())\n"     /* 7 */
                      "import pickle\n"                            /* 8 */
                      "def g(__import__):\n"                       /* 9 */
                      "    return __import__('shelve')\n");        /* 10 */
    expect_use(&v, "importlib", 1, MODULE_STDLIB, 0);
    expect_use(&v, "yaml", 2, MODULE_THIRD_PARTY, 1);
    expect_use(&v, "pickle", 3, MODULE_STDLIB, 0); /* also imported by a statement */
    expect_use(&v, "xml.dom", 4, MODULE_STDLIB, 1);
    expect_use(&v, "json", 6, MODULE_STDLIB, 1);   /* a constant name */
    assert_null(use(&v, "shelve"));                /* not the builtin __import__ */
    assert_int_equal(v.n, 5);
    arena_free(v.a);
}

static void file_without_imports(void **state)
{
    (void)state;
    inv v = inventory("x = 1\n");
    assert_int_equal(v.n, 0);
    arena_free(v.a);
    v = inventory("");
    assert_int_equal(v.n, 0);
    arena_free(v.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stdlib_members),
        cmocka_unit_test(stdlib_non_members),
        cmocka_unit_test(stdlib_table_sorted_and_found),
        cmocka_unit_test(distribution_known_rows),
        cmocka_unit_test(distribution_longest_prefix),
        cmocka_unit_test(distribution_misses),
        cmocka_unit_test(distribution_table_sorted_and_found),
        cmocka_unit_test(classify_without_tree),
        cmocka_unit_test(classify_with_tree),
        cmocka_unit_test(file_everywhere),
        cmocka_unit_test(file_namespace_from_imports),
        cmocka_unit_test(file_relative),
        cmocka_unit_test(file_dynamic),
        cmocka_unit_test(file_without_imports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
