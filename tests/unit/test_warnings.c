/* test_warnings.c - metrics_warnings and the parser's py_file.warnings on
 * small sources. Every expectation here was checked with CPython 3.14's
 * compile() (Pyodide) when written; tests/metrics/warnings-oracle.mjs does
 * that comparison mechanically on the fixtures and on corpus A. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "metrics/metrics.h"
#include "syntax/parser.h"

#define ESCAPE(c) "\"\\" c "\" is an invalid escape sequence. Such sequences will not work " \
                  "in the future. Did you mean \"\\\\" c "\"? A raw string is also an option."

typedef struct result {
    arena *a;
    py_file file;
    py_warning *w;
    int n;
} result;

static result warn(const char *src)
{
    result r = {arena_new(), {0}, NULL, 0};
    syntax_error err;
    ast_node *mod = py_parse_file(r.a, src, strlen(src), &err, &r.file);
    assert_non_null(mod);
    r.n = metrics_warnings(r.a, &r.file, mod, &r.w);
    return r;
}

static void expect(const result *r, int i, int lineno, const char *message)
{
    assert_true(i < r->n);
    assert_int_equal(r->w[i].lineno, lineno);
    assert_string_equal(r->w[i].message, message);
}

static void test_none(void **state)
{
    (void)state;
    result r = warn("x = r'\\d' + '\\\\d' + b'\\n'\nif x is None: pass\n");
    assert_int_equal(r.n, 0);
    assert_int_equal(r.file.nwarnings, 0);
    arena_free(r.a);
}

static void test_escapes(void **state)
{
    (void)state;
    /* the first invalid escape of each literal, at its own line */
    result r = warn("a = '\\d\\e'\nb = '''\n\n  \\q'''\nc = b'\\777', f'{x}\\w'\n");
    assert_int_equal(r.n, 4);
    expect(&r, 0, 1, ESCAPE("d"));
    expect(&r, 1, 4, ESCAPE("q"));
    expect(&r, 2, 5, "\"\\777\" is an invalid octal escape sequence. Such sequences will not "
                     "work in the future. Did you mean \"\\\\777\"? A raw string is also an "
                     "option.");
    expect(&r, 3, 5, ESCAPE("w"));
    assert_int_equal(r.file.nwarnings, 4);
    arena_free(r.a);
}

static void test_numbers(void **state)
{
    (void)state;
    result r = warn("x = 1if y else 0x1for 2\n");
    assert_int_equal(r.n, 0 + 2);
    expect(&r, 0, 1, "invalid decimal literal");
    expect(&r, 1, 1, "invalid hexadecimal literal");
    arena_free(r.a);
}

static void test_compiler(void **state)
{
    (void)state;
    result r = warn("x is 'a'\n(1, 2)(3)\n[1]['a']\nNone[0]\nassert (x, 'm')\n"
                    "def f():\n    try:\n        pass\n    finally:\n        return\n");
    assert_int_equal(r.n, 6);
    expect(&r, 0, 1, "\"is\" with 'str' literal. Did you mean \"==\"?");
    expect(&r, 1, 2, "'tuple' object is not callable; perhaps you missed a comma?");
    expect(&r, 2, 3, "list indices must be integers or slices, not str; perhaps you missed a comma?");
    expect(&r, 3, 4, "'NoneType' object is not subscriptable; perhaps you missed a comma?");
    expect(&r, 4, 5, "assertion is always true, perhaps remove parentheses?");
    expect(&r, 5, 10, "'return' in a 'finally' block");
    arena_free(r.a);
}

/* Code in a finally body warns once per copy the compiler makes: the normal
 * path and each jump out through it, not the exception path. */
static void test_finally_copies(void **state)
{
    (void)state;
    result r = warn("def f():\n    try:\n        return 1\n    finally:\n        x is 1\n"
                    "try:\n    pass\nfinally:\n    x is 2\n");
    assert_int_equal(r.n, 3);
    expect(&r, 0, 5, "\"is\" with 'int' literal. Did you mean \"==\"?");
    expect(&r, 1, 5, "\"is\" with 'int' literal. Did you mean \"==\"?");
    expect(&r, 2, 9, "\"is\" with 'int' literal. Did you mean \"==\"?");
    arena_free(r.a);
}

static void test_sorted(void **state)
{
    (void)state;
    /* parser warnings come first in CPython; the list is by position */
    result r = warn("(1)()\ns = '\\d'\n");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.w[0].lineno, 1);
    assert_int_equal(r.w[1].lineno, 2);
    arena_free(r.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_none),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_compiler),
        cmocka_unit_test(test_finally_copies),
        cmocka_unit_test(test_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
