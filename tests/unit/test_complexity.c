/* test_complexity.c - metrics_cc_blocks (radon 5.1's `cc`, construct by
 * construct: the expected numbers were checked with `radon cc -j -s
 * --show-closures` on the same sources) and metrics_file_complexity
 * (Python Code Audit's score with match cases, async for/with and except*
 * counted), plus trees nested far deeper than recursion would survive. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "metrics/metrics.h"
#include "syntax/parser.h"

static ast_node *parse(arena *a, const char *src)
{
    syntax_error err;
    memset(&err, 0, sizeof err);
    ast_node *m = py_parse(a, src, strlen(src), &err);
    if (!m)
        fail_msg("parse error line %d: %s", err.lineno, err.msg);
    return m;
}

/* The blocks as "K name line complexity" joined by "; " (K: F, M or C). */
static void expect_blocks(const char *src, const char *want)
{
    arena *a = arena_new();
    cc_block *b;
    int n = metrics_cc_blocks(a, parse(a, src), &b);
    assert_true(n >= 0);
    buf out;
    buf_init(&out);
    for (int i = 0; i < n; i++)
        buf_printf(&out, "%s%c %s %d %d", i ? "; " : "", "FMC"[b[i].kind], b[i].name, b[i].line,
                   b[i].complexity);
    assert_string_equal(out.len ? out.data : "", want);
    buf_free(&out);
    arena_free(a);
}

/* The complexity of `def f():` with `body` as its body (indented here). */
static void expect_cc(const char *body, int want)
{
    char src[2048];
    buf indented;
    buf_init(&indented);
    for (const char *p = body; *p;) {
        size_t len = strcspn(p, "\n");
        buf_printf(&indented, "    %.*s\n", (int)len, p);
        p += len + (p[len] == '\n');
    }
    snprintf(src, sizeof src, "def f():\n%s", indented.data);
    buf_free(&indented);
    char want_s[64];
    snprintf(want_s, sizeof want_s, "F f 1 %d", want);
    expect_blocks(src, want_s);
}

static void expect_file_score(const char *src, int want)
{
    arena *a = arena_new();
    assert_int_equal(metrics_file_complexity(parse(a, src)), want);
    arena_free(a);
}

/* ---- radon's increments, one construct at a time ---------------------- */

static void test_straight_line(void **state)
{
    (void)state;
    expect_cc("pass", 1);
    expect_cc("x = g(1)\nreturn x", 1);
}

static void test_if_elif_ifexp(void **state)
{
    (void)state;
    expect_cc("if a: pass", 2);
    expect_cc("if a: pass\nelse: pass", 2);
    expect_cc("if a: pass\nelif b: pass\nelif c: pass\nelse: pass", 4);
    expect_cc("return a if b else c", 2);
    expect_cc("return (a if b else c) if d else e", 3);
}

static void test_loops(void **state)
{
    (void)state;
    expect_cc("for x in y: pass", 2);
    expect_cc("for x in y: pass\nelse: pass", 3);
    expect_cc("while a: pass", 2);
    expect_cc("while a: pass\nelse: pass", 3);
    expect_blocks("async def f():\n    async for x in y: pass\n", "F f 1 2");
    expect_blocks("async def f():\n    async for x in y: pass\n    else: pass\n", "F f 1 3");
}

static void test_try(void **state)
{
    (void)state;
    expect_cc("try: pass\nfinally: pass", 1);
    expect_cc("try: pass\nexcept A: pass", 2);
    expect_cc("try: pass\nexcept A: pass\nexcept B: pass\nelse: pass\nfinally: pass", 4);
    /* radon 5.1 does not know TryStar: except* adds nothing */
    expect_cc("try: pass\nexcept* A: pass\nexcept* B: pass", 1);
    expect_cc("try: pass\nexcept* A:\n    if a: pass", 2);
}

static void test_boolean_operators(void **state)
{
    (void)state;
    expect_cc("return a and b", 2);
    expect_cc("return a and b and c", 3);
    expect_cc("return a and b or c", 3);
    expect_cc("return not a", 1);
    expect_cc("if a or b: pass", 3);
}

static void test_comprehensions(void **state)
{
    (void)state;
    expect_cc("return [x for x in y]", 2);
    expect_cc("return [x for x in y if a if b for z in x]", 5);
    expect_cc("return {x for x in y if a}", 3);
    expect_cc("return {k: v for k, v in y}", 2);
    expect_cc("return sum(x for x in y)", 2);
    expect_blocks("async def f():\n    return [x async for x in y if a]\n", "F f 1 3");
}

static void test_assert_counts_but_not_inside(void **state)
{
    (void)state;
    expect_cc("assert a", 2);
    expect_cc("assert a and b, c if d else e", 2);
}

static void test_what_adds_nothing(void **state)
{
    (void)state;
    expect_cc("with a: pass", 1);
    expect_cc("with a, b as c: pass", 1);
    expect_blocks("async def f():\n    async with a: pass\n", "F f 1 1");
    expect_cc("match x:\n    case 1: pass\n    case [a, b]: pass\n    case _: pass", 1);
    expect_cc("match x:\n    case 1 if a and b: pass", 2); /* the guard's `and` */
    expect_cc("return lambda: 0", 1);
    expect_cc("return lambda: a if b else c", 2); /* a lambda's decisions are f's */
    expect_cc("raise E\nreturn x", 1);
}

static void test_only_the_body_counts(void **state)
{
    (void)state;
    expect_blocks("@d(a if b else c)\n"
                  "def f(x=a and b, *, y=[i for i in z]) -> (a if b else c):\n"
                  "    pass\n",
                  "F f 2 1");
    expect_blocks("@d(a if b else c)\nclass C(B if x else D):\n    pass\n", "C C 2 1");
}

/* ---- blocks: nesting, names, kinds, classes ------------------------------ */

static void test_closures(void **state)
{
    (void)state;
    expect_blocks("def f():\n"
                  "    if a: pass\n"
                  "    def g():\n"
                  "        while a: pass\n"
                  "        def h():\n"
                  "            if a or b: pass\n"
                  "    if x:\n"
                  "        async def k(): pass\n",
                  "F f 1 3; F f.g 3 2; F f.g.h 5 3; F f.k 8 1");
}

static void test_module_level_counts_for_nobody(void **state)
{
    (void)state;
    expect_blocks("if a:\n    def f(): pass\nelse:\n    def g():\n        if b: pass\n"
                  "for x in y:\n    class C: pass\n",
                  "F f 2 1; F g 4 2; C C 7 1");
    expect_blocks("x = a if b else c\n", "");
    expect_blocks("", "");
}

static void test_class_complexity(void **state)
{
    (void)state;
    /* no method: 1 + the decisions in its body */
    expect_blocks("class C:\n    x = 1 if a else 2\n    y = [i for i in z]\n", "C C 1 3");
    /* one method: 1 + body + the method's complexity */
    expect_blocks("class C:\n    def m(self):\n        if a: pass\n", "C C 1 3; M C.m 2 2");
    /* several: (1 + body + methods) / count, truncated, + 1 */
    expect_blocks("class C:\n"
                  "    x = 1 if a else 2\n"
                  "    def m(self):\n"
                  "        try: pass\n"
                  "        except A: pass\n"
                  "        except B: pass\n"
                  "        else: pass\n"
                  "    if a:\n"
                  "        def n(self):\n"
                  "            if b: pass\n",
                  "C C 1 5; M C.m 3 4; M C.n 9 2");
    expect_blocks("class C:\n    def a(self): pass\n    def b(self): pass\n    def c(self): pass\n",
                  "C C 1 2; M C.a 2 1; M C.b 3 1; M C.c 4 1");
}

static void test_method_closures_and_inner_classes(void **state)
{
    (void)state;
    /* closures of a method count for neither the method nor the class;
     * an inner class adds nothing to its outer class */
    expect_blocks("class C:\n"
                  "    def m(self):\n"
                  "        def clo():\n"
                  "            for i in a: pass\n"
                  "    class D:\n"
                  "        def dm(self):\n"
                  "            if a: pass\n"
                  "        class E:\n"
                  "            pass\n",
                  "C C 1 2; M C.m 2 1; F C.m.clo 3 2; C C.D 5 3; M C.D.dm 6 2; C C.D.E 8 1");
}

static void test_class_in_function_is_dropped(void **state)
{
    (void)state;
    expect_blocks("def f():\n"
                  "    class K:\n"
                  "        def m(self):\n"
                  "            if a: pass\n"
                  "            def g(): pass\n"
                  "    return K\n",
                  "F f 1 1");
}

static void test_positions(void **state)
{
    (void)state;
    arena *a = arena_new();
    cc_block *b;
    int n = metrics_cc_blocks(a,
                              parse(a, "@deco\n"
                                       "@deco2\n"
                                       "def f(x):\n"
                                       "    return x\n"
                                       "\n"
                                       "class C:\n"
                                       "    async def m(self):\n"
                                       "        def inner(): pass\n"),
                              &b);
    assert_int_equal(n, 4);
    assert_int_equal(b[0].line, 3);
    assert_int_equal(b[0].end_line, 4);
    assert_int_equal(b[0].col, 0);
    assert_int_equal(b[2].kind, BLOCK_METHOD);
    assert_string_equal(b[2].name, "C.m");
    assert_int_equal(b[2].col, 4);
    assert_int_equal(b[3].kind, BLOCK_FUNCTION);
    assert_int_equal(b[3].line, 8);
    assert_int_equal(b[3].end_line, 8);
    assert_int_equal(b[3].col, 8);
    arena_free(a);
}

/* ---- the file score ---------------------------------------------------- */

static void test_file_score(void **state)
{
    (void)state;
    expect_file_score("", 1);
    expect_file_score("x = a if b else [i for i in c if d]\n", 1);
    expect_file_score("if a: pass\nelif b: pass\nelse: pass\n", 3);
    expect_file_score("for x in y: pass\nwhile a: pass\n", 3);
    expect_file_score("try: pass\nexcept A: pass\nexcept B: pass\nfinally: pass\n", 4);
    expect_file_score("try: pass\nexcept* A: pass\n", 3);
    expect_file_score("with a, b: pass\n", 2);
    expect_file_score("assert a and b or c\n", 4);
    expect_file_score("match x:\n    case 1: pass\n    case 2 if a or b: pass\n", 5);
    expect_file_score("async def f():\n"
                      "    async for x in y: pass\n"
                      "    async with a: pass\n",
                      3);
    /* everywhere: decorators, defaults, module level, nested defs */
    expect_file_score("@d(a or b)\ndef f(x=a and b):\n    def g():\n        if a: pass\n", 4);
}

/* ---- depth ------------------------------------------------------------- */

enum { DEEP = 100000 };

static ast_seq *one(arena *a, ast_node *n)
{
    ast_seq *s = ast_seq_new(a, 1);
    s->items[0] = n;
    return s;
}

/* def f: def f: ... DEEP levels, each body holding `if x: pass` and the
 * next def. Far beyond the parser's limits, so built by hand. */
static ast_node *deep_defs(arena *a)
{
    ast_node *inner = NULL;
    for (int i = 0; i < DEEP; i++) {
        ast_node *d = ast_new(a, AST_FunctionDef);
        d->v.FunctionDef.name = "f";
        d->lineno = DEEP - i;
        ast_node *iff = ast_new(a, AST_If);
        iff->v.If.test = ast_new(a, AST_Name);
        iff->v.If.test->v.Name.id = "x";
        iff->v.If.body = one(a, ast_new(a, AST_Pass));
        ast_seq *body = ast_seq_new(a, inner ? 2 : 1);
        body->items[0] = iff;
        if (inner)
            body->items[1] = inner;
        d->v.FunctionDef.body = body;
        inner = d;
    }
    ast_node *m = ast_new(a, AST_Module);
    m->v.Module.body = one(a, inner);
    return m;
}

static void test_deep_defs(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *m = deep_defs(a);
    cc_block *b;
    assert_int_equal(metrics_cc_blocks(a, m, &b), DEEP);
    assert_string_equal(b[0].name, "f");
    assert_string_equal(b[1].name, "f.f");
    assert_int_equal(b[DEEP - 1].complexity, 2);
    assert_int_equal(b[0].complexity, 2);
    /* beyond 1024 bytes the enclosing name is cut to "..." */
    assert_int_equal((int)strlen(b[512].name), 1025);
    assert_string_equal(b[513].name, "....f");
    assert_string_equal(b[514].name, "....f.f");
    assert_int_equal(metrics_file_complexity(m), 1 + DEEP);
    arena_free(a);
}

/* if x: if x: ... DEEP levels, around return ((x or y) or y) or ... DEEP
 * levels, inside one function. */
static void test_deep_expression_and_statements(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *e = ast_new(a, AST_Name);
    e->v.Name.id = "x";
    for (int i = 0; i < DEEP; i++) {
        ast_node *o = ast_new(a, AST_BoolOp);
        o->v.BoolOp.op = BOOLOP_Or;
        ast_seq *v = ast_seq_new(a, 2);
        v->items[0] = e;
        v->items[1] = ast_new(a, AST_Name);
        ((ast_node *)v->items[1])->v.Name.id = "y";
        o->v.BoolOp.values = v;
        e = o;
    }
    ast_node *stmt = ast_new(a, AST_Return);
    stmt->v.Return.value = e;
    for (int i = 0; i < DEEP; i++) {
        ast_node *iff = ast_new(a, AST_If);
        iff->v.If.test = ast_new(a, AST_Name);
        iff->v.If.test->v.Name.id = "x";
        iff->v.If.body = one(a, stmt);
        stmt = iff;
    }
    ast_node *d = ast_new(a, AST_FunctionDef);
    d->v.FunctionDef.name = "f";
    d->v.FunctionDef.body = one(a, stmt);
    ast_node *m = ast_new(a, AST_Module);
    m->v.Module.body = one(a, d);
    cc_block *b;
    assert_int_equal(metrics_cc_blocks(a, m, &b), 1);
    assert_int_equal(b[0].complexity, 1 + DEEP + DEEP);
    assert_int_equal(metrics_file_complexity(m), 1 + DEEP + DEEP);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_straight_line),
        cmocka_unit_test(test_if_elif_ifexp),
        cmocka_unit_test(test_loops),
        cmocka_unit_test(test_try),
        cmocka_unit_test(test_boolean_operators),
        cmocka_unit_test(test_comprehensions),
        cmocka_unit_test(test_assert_counts_but_not_inside),
        cmocka_unit_test(test_what_adds_nothing),
        cmocka_unit_test(test_only_the_body_counts),
        cmocka_unit_test(test_closures),
        cmocka_unit_test(test_module_level_counts_for_nobody),
        cmocka_unit_test(test_class_complexity),
        cmocka_unit_test(test_method_closures_and_inner_classes),
        cmocka_unit_test(test_class_in_function_is_dropped),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_file_score),
        cmocka_unit_test(test_deep_defs),
        cmocka_unit_test(test_deep_expression_and_statements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
