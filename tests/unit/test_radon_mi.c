/* test_radon_mi.c - radon 5.1's maintainability index and its parts:
 * the raw line counts (radon.raw.analyze, with its line-by-line
 * tokenizing quirks), the Halstead figures and the index itself. The
 * expected values are radon's own (tests/metrics/radon-unit-cases runs
 * radon on every case of this file and fails on any difference). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "metrics/metrics.h"
#include "metrics/radon_mi.h"
#include "syntax/parser.h"

/* radon's Module as "loc lloc sloc comments multi blank single_comments",
 * or "error" where radon raises SyntaxError. */
static void expect_raw(const char *src, const char *want)
{
    radon_raw r;
    char got[200];
    if (metrics_radon_raw(src, strlen(src), &r) != 0)
        snprintf(got, sizeof got, "error");
    else
        snprintf(got, sizeof got, "%ld %ld %ld %ld %ld %ld %ld", r.loc, r.lloc, r.sloc,
                 r.comments, r.multi, r.blank, r.single_comments);
    assert_string_equal(got, want);
}

static ast_node *parse(arena *a, const char *src, py_file *file)
{
    syntax_error err;
    ast_node *m = py_parse_file(a, src, strlen(src), &err, file);
    if (!m)
        fail_msg("parse error line %d: %s", err.lineno, err.msg);
    return m;
}

/* h1 h2 N1 N2 of radon's HalsteadVisitor for the whole file. */
static void expect_halstead(const char *src, long h1, long h2, long n1, long n2)
{
    arena *a = arena_new();
    py_file f;
    radon_halstead h;
    assert_int_equal(metrics_radon_halstead(a, parse(a, src, &f), &h), 0);
    assert_int_equal(h.h1, h1);
    assert_int_equal(h.h2, h2);
    assert_int_equal(h.n1, n1);
    assert_int_equal(h.n2, n2);
    arena_free(a);
}

/* The index, to the last bit of the double radon prints. */
static void expect_mi(const char *src, const char *want)
{
    arena *a = arena_new();
    py_file f;
    ast_node *m = parse(a, src, &f);
    double mi;
    assert_int_equal(metrics_maintainability(a, &f, m, &mi), 0);
    if (mi != strtod(want, NULL))
        fail_msg("mi %.17g, radon %s", mi, want);
    arena_free(a);
}

static void test_raw_lines(void **state)
{
    (void)state;
    expect_raw("", "0 0 0 0 0 0 0");
    expect_raw("x = 1\n", "1 1 1 0 0 0 0");
    expect_raw("# c\n\nx = 1  # d\n", "3 1 1 2 0 1 1");
    expect_raw("x = [  # one\n    1,\n    # two\n]\n", "4 1 4 2 0 0 0");
    /* \f is a line break to str.splitlines() */
    expect_raw("x = 1\n\x0c\ny = 2\n", "4 2 2 0 0 2 0");
}

static void test_raw_strings(void **state)
{
    (void)state;
    expect_raw("\"\"\"doc\"\"\"\n", "1 1 0 0 0 0 1");
    expect_raw("\"\"\"doc\n\n  more\n\"\"\"\nx = 1\n", "5 2 1 0 3 1 0");
    expect_raw("def f(x):\n    '''Doc.'''\n    return x\n", "3 3 2 0 0 0 1");
    expect_raw("\"a\" \"b\"\n", "1 1 1 0 0 0 0");
    expect_raw("x = '''a\n'''  # c\n", "2 1 2 1 0 0 0");
    expect_raw("s = 'a\\\nb'\n", "2 1 2 0 0 0 0");
    /* an f-string is one token to Python 3.11's tokenize: its ':' is not one */
    expect_raw("s = f'{x:>10}'; t = 1\n", "1 2 1 0 0 0 0");
}

static void test_raw_logical_lines(void **state)
{
    (void)state;
    expect_raw("x = 1; y = 2;\n", "1 2 1 0 0 0 0");
    expect_raw("if x: y = 1\n", "1 2 1 0 0 0 0");
    expect_raw("if x: y\nelse: z\n", "2 4 2 0 0 0 0");
    expect_raw("if x: a; b\n", "1 2 1 0 0 0 0");
    expect_raw("if x: a.b; c\n", "1 3 1 0 0 0 0");
    expect_raw("d = {1: 2, 3: 4}\n", "1 2 1 0 0 0 0");
    expect_raw("x = (1 +\n     2)\n", "2 1 2 0 0 0 0");
    expect_raw("x = 1 + \\\n    2\n", "2 1 2 0 0 0 0");
}

static void test_raw_errors(void **state)
{
    (void)state;
    expect_raw("x = $\n", "error");
    expect_raw("x = (\n", "error");
}

static void test_halstead(void **state)
{
    (void)state;
    expect_halstead("x = 1\n", 0, 0, 0, 0);
    /* the default's 1 + 2 is not visited; 1.0 and True are operands of
     * their own here, in f's context */
    expect_halstead("def f(a, b=1 + 2):\n    return a + b * 1.0 - True\n", 3, 5, 3, 6);
    expect_halstead("# comment\nif a and b or c:\n    x = -y\n    x += 1\n    z = x < y <= 3\n",
                    6, 8, 6, 10);
    /* operands equal as Python values are one: 1 == 1.0 == True, a name
     * and a str constant with the same text */
    expect_halstead("x = a + 1; y = b + 1.0; z = c + True\n", 1, 4, 3, 6);
    expect_halstead("x = a + 'a'\n", 1, 1, 1, 2);
    expect_halstead("x = 0 + 0.0 + -0.0 + 0j + False + 2j + 2.5 + 2.5 + 10**2 + 1e2\n", 3, 16,
                    11, 21);
    /* ... within one function name: two functions named f share it */
    expect_halstead("def f():\n    return a + b\ndef g():\n    return a + b\n", 1, 4, 2, 4);
    expect_halstead("def f():\n    return a + b\ndef f():\n    return a + b\n", 1, 2, 2, 4);
}

static void test_index(void **state)
{
    (void)state;
    expect_mi("x = 1\n", "100.0");
    expect_mi("def f(a, b=1 + 2):\n    return a + b * 1.0 - True\n", "83.27641167936048");
    expect_mi("# comment\nif a and b or c:\n    x = -y\n    x += 1\n    z = x < y <= 3\n",
              "98.98955225006772");
}

/* Any bytes (the text is normally decoded UTF-8, but nothing may read past
 * it): truncated multi-byte characters, lone quotes, brackets. A fixed
 * pseudo-random sequence, so that a failure repeats. */
static void test_raw_any_bytes(void **state)
{
    (void)state;
    static const unsigned char alphabet[] = "ab1 :;#'\"\\([{}])\n\r\v\f\x1c\xc2\x85\xe2\x80\xa8\xa0";
    unsigned char text[64];
    uint32_t seed = 12345;
    radon_raw r;
    for (int round = 0; round < 20000; round++) {
        size_t len = (seed = seed * 1103515245u + 12345u) % sizeof text;
        for (size_t i = 0; i < len; i++)
            text[i] = alphabet[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof alphabet - 1)];
        int rc = metrics_radon_raw((const char *)text, len, &r);
        assert_true(rc == 0 || rc == -1);
        if (rc == 0)
            assert_int_equal(r.loc, r.sloc + r.blank + r.multi + r.single_comments);
    }
    /* cut characters at the very end */
    assert_int_equal(metrics_radon_raw("x = '\xe2", 6, &r), -1);
    assert_int_equal(metrics_radon_raw("# \xe2\x80", 4, &r), 0);
    assert_int_equal(r.comments, 1);
}

enum { DEEP = 100000 };

/* ((a + a) + a) + ... DEEP deep inside DEEP nested defs: no recursion. */
static void test_deep_trees(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *e = ast_new(a, AST_Name);
    e->v.Name.id = "a";
    for (int i = 0; i < DEEP; i++) {
        ast_node *b = ast_new(a, AST_BinOp);
        b->v.BinOp.op = OP_Add;
        b->v.BinOp.left = e;
        b->v.BinOp.right = ast_new(a, AST_Name);
        b->v.BinOp.right->v.Name.id = "a";
        e = b;
    }
    ast_node *stmt = ast_new(a, AST_Expr);
    stmt->v.Expr.value = e;
    for (int i = 0; i < DEEP; i++) {
        ast_node *d = ast_new(a, AST_FunctionDef);
        d->v.FunctionDef.name = "f";
        d->v.FunctionDef.body = ast_seq_new(a, 1);
        d->v.FunctionDef.body->items[0] = stmt;
        stmt = d;
    }
    ast_node *m = ast_new(a, AST_Module);
    m->v.Module.body = ast_seq_new(a, 1);
    m->v.Module.body->items[0] = stmt;
    radon_halstead h;
    assert_int_equal(metrics_radon_halstead(a, m, &h), 0);
    /* one operator; operands: the name a, and each inner BinOp by itself */
    assert_int_equal(h.h1, 1);
    assert_int_equal(h.n1, DEEP);
    assert_int_equal(h.n2, 2 * DEEP);
    assert_int_equal(h.h2, 1 + (DEEP - 1));
    assert_int_equal(metrics_radon_total_complexity(a, m), 1);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_lines),         cmocka_unit_test(test_raw_strings),
        cmocka_unit_test(test_raw_logical_lines), cmocka_unit_test(test_raw_errors),
        cmocka_unit_test(test_halstead),          cmocka_unit_test(test_index),
        cmocka_unit_test(test_raw_any_bytes),     cmocka_unit_test(test_deep_trees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
