/* test_ast_walk.c - the generic walk: order, depth, enter/leave pairing,
 * skipping, stopping, and a tree far deeper than the C stack allows for
 * recursion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "syntax/ast_walk.h"
#include "syntax/parser.h"

typedef struct trace {
    buf out;
    ast_kind skip_kind; /* AST_KIND_COUNT: none */
    ast_kind stop_kind;
    int visits;
} trace;

static ast_walk_action record(const ast_node *n, int enter, int depth, void *ctx)
{
    trace *t = ctx;
    t->visits++;
    buf_printf(&t->out, "%s%s%d ", enter ? "+" : "-", ast_kinds[n->kind].name, depth);
    if (enter && n->kind == t->stop_kind)
        return AST_WALK_STOP;
    if (enter && n->kind == t->skip_kind)
        return AST_WALK_SKIP;
    return AST_WALK_CONTINUE;
}

static ast_node *parse(arena *a, const char *src)
{
    syntax_error err;
    memset(&err, 0, sizeof err);
    ast_node *m = py_parse(a, src, strlen(src), &err);
    assert_non_null(m);
    return m;
}

static void run(const char *src, ast_kind skip, ast_kind stop, int want_rc, const char *want)
{
    arena *a = arena_new();
    trace t = {.skip_kind = skip, .stop_kind = stop};
    buf_init(&t.out);
    assert_int_equal(ast_walk(parse(a, src), record, &t), want_rc);
    assert_string_equal(t.out.data, want);
    buf_free(&t.out);
    arena_free(a);
}

static void test_order_and_depth(void **state)
{
    (void)state;
    run("x = f(a, k=b)\n", AST_KIND_COUNT, AST_KIND_COUNT, 0,
        "+Module0 +Assign1 +Name2 -Name2 +Call2 +Name3 -Name3 +Name3 -Name3 "
        "+keyword3 +Name4 -Name4 -keyword3 -Call2 -Assign1 -Module0 ");
}

static void test_skip(void **state)
{
    (void)state;
    run("x = f(a)\ny\n", AST_Call, AST_KIND_COUNT, 0,
        "+Module0 +Assign1 +Name2 -Name2 +Call2 -Assign1 +Expr1 +Name2 -Name2 -Expr1 -Module0 ");
}

static void test_stop(void **state)
{
    (void)state;
    run("x = f(a)\ny\n", AST_KIND_COUNT, AST_Call, 1, "+Module0 +Assign1 +Name2 -Name2 +Call2 ");
}

/* Dict keys may be NULL (`**d`): skipped, not visited. */
static void test_null_items(void **state)
{
    (void)state;
    run("{**d}\n", AST_KIND_COUNT, AST_KIND_COUNT, 0,
        "+Module0 +Expr1 +Dict2 +Name3 -Name3 -Dict2 -Expr1 -Module0 ");
}

typedef struct counter {
    long nodes;
    int max_depth;
} counter;

static ast_walk_action count(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)n;
    counter *c = ctx;
    if (enter) {
        c->nodes++;
        if (depth > c->max_depth)
            c->max_depth = depth;
    }
    return AST_WALK_CONTINUE;
}

static void test_deep_tree(void **state)
{
    (void)state;
    arena *a = arena_new();
    enum { DEPTH = 300000 };
    ast_node *n = ast_new(a, AST_Name);
    n->v.Name.id = "x";
    for (int i = 0; i < DEPTH; i++) {
        ast_node *u = ast_new(a, AST_UnaryOp);
        u->v.UnaryOp.op = UNARY_USub;
        u->v.UnaryOp.operand = n;
        n = u;
    }
    counter c = {0, 0};
    assert_int_equal(ast_walk(n, count, &c), 0);
    assert_int_equal(c.nodes, DEPTH + 1);
    assert_int_equal(c.max_depth, DEPTH);
    arena_free(a);
}

static void test_children(void **state)
{
    (void)state;
    arena *a = arena_new();
    const ast_node *m = parse(a, "f(a, *b, k=c)\n");
    const ast_node *call = AST_SEQ_NODE(m->v.Module.body, 0)->v.Expr.value;
    assert_int_equal(ast_child_count(call), 4);
    assert_int_equal(ast_child(call, 0)->kind, AST_Name);
    assert_int_equal(ast_child(call, 2)->kind, AST_Starred);
    assert_int_equal(ast_child(call, 3)->kind, AST_keyword);
    assert_null(ast_child(call, 4));
    assert_null(ast_walk(NULL, count, NULL) ? call : NULL);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_depth),
        cmocka_unit_test(test_skip),
        cmocka_unit_test(test_stop),
        cmocka_unit_test(test_null_items),
        cmocka_unit_test(test_deep_tree),
        cmocka_unit_test(test_children),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
