/* test_ast_dump.c - ast_dump on hand-built trees. Every expected string was
 * printed by CPython 3.14 (ast.dump(..., include_attributes=True)) for the
 * source quoted above the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "syntax/ast.h"
#include "syntax/ast_dump.h"

static ast_node *at(ast_node *n, int line, int col, int end_line, int end_col)
{
    n->lineno = line;
    n->col_offset = col;
    n->end_lineno = end_line;
    n->end_col_offset = end_col;
    return n;
}

static ast_node *name(arena *a, const char *id, ast_ctx ctx, int line, int col)
{
    ast_node *n = ast_new(a, AST_Name);
    n->v.Name.id = id;
    n->v.Name.ctx = ctx;
    return at(n, line, col, line, col + (int)strlen(id));
}

static ast_node *int_const(arena *a, const char *digits, int base, int line, int col,
                           int end_col)
{
    ast_node *n = ast_new(a, AST_Constant);
    n->v.Constant.value.kind = CONST_INT;
    n->v.Constant.value.u.i.digits = digits;
    n->v.Constant.value.u.i.len = (int)strlen(digits);
    n->v.Constant.value.u.i.base = base;
    return at(n, line, col, line, end_col);
}

static ast_seq *seq1(arena *a, void *x)
{
    ast_seq *s = ast_seq_new(a, 1);
    s->items[0] = x;
    return s;
}

static ast_seq *seq2(arena *a, void *x, void *y)
{
    ast_seq *s = ast_seq_new(a, 2);
    s->items[0] = x;
    s->items[1] = y;
    return s;
}

static ast_node *module(arena *a, ast_seq *body)
{
    ast_node *m = ast_new(a, AST_Module);
    m->v.Module.body = body;
    return m;
}

static ast_node *expr_stmt(arena *a, ast_node *value)
{
    ast_node *e = ast_new(a, AST_Expr);
    e->v.Expr.value = value;
    return at(e, value->lineno, value->col_offset, value->end_lineno, value->end_col_offset);
}

static void assert_dump(const ast_node *n, arena *a, const char *want)
{
    buf out;
    buf_init(&out);
    ast_dump(&out, n, a);
    assert_string_equal(out.data, want);
    buf_free(&out);
}

/* "" */
static void empty_module(void **state)
{
    (void)state;
    arena *a = arena_new();
    assert_dump(module(a, NULL), a, "Module()");
    assert_dump(module(a, ast_seq_new(a, 0)), a, "Module()");
    arena_free(a);
}

/* "{**a, 1: 2}": a None key prints as None inside the list. */
static void dict_with_none_key(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *d = at(ast_new(a, AST_Dict), 1, 0, 1, 11);
    d->v.Dict.keys = seq2(a, NULL, int_const(a, "1", 10, 1, 6, 7));
    d->v.Dict.values = seq2(a, name(a, "a", CTX_Load, 1, 3), int_const(a, "2", 10, 1, 9, 10));
    assert_dump(module(a, seq1(a, expr_stmt(a, d))), a,
                "Module(body=[Expr(value=Dict(keys=[None, Constant(value=1, lineno=1, "
                "col_offset=6, end_lineno=1, end_col_offset=7)], values=[Name(id='a', "
                "ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), "
                "Constant(value=2, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10)], "
                "lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, "
                "col_offset=0, end_lineno=1, end_col_offset=11)])");
    arena_free(a);
}

/* "lambda: 0": an empty arguments node prints as arguments(). */
static void lambda_without_arguments(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *l = at(ast_new(a, AST_Lambda), 3, 0, 3, 9);
    l->v.Lambda.args = ast_new(a, AST_arguments);
    l->v.Lambda.body = int_const(a, "0", 10, 3, 8, 9);
    assert_dump(l, a,
                "Lambda(args=arguments(), body=Constant(value=0, lineno=3, col_offset=8, "
                "end_lineno=3, end_col_offset=9), lineno=3, col_offset=0, end_lineno=3, "
                "end_col_offset=9)");
    arena_free(a);
}

/* "case None:" and "case [*_]:": a required constant prints even when None,
 * an optional identifier is left out when absent. */
static void none_required_vs_optional(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *s = at(ast_new(a, AST_MatchSingleton), 7, 9, 7, 13);
    s->v.MatchSingleton.value.kind = CONST_NONE;
    assert_dump(s, a,
                "MatchSingleton(value=None, lineno=7, col_offset=9, end_lineno=7, "
                "end_col_offset=13)");
    ast_node *star = at(ast_new(a, AST_MatchStar), 10, 10, 10, 12);
    assert_dump(star, a, "MatchStar(lineno=10, col_offset=10, end_lineno=10, end_col_offset=12)");
    ast_node *c = at(ast_new(a, AST_Constant), 1, 0, 1, 4);
    c->v.Constant.value.kind = CONST_NONE;
    assert_dump(c, a, "Constant(value=None, lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)");
    arena_free(a);
}

/* "a < b >= c" and "global q, r": cmpop and identifier lists. */
static void flat_lists(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *cmp = at(ast_new(a, AST_Compare), 11, 0, 11, 10);
    cmp->v.Compare.left = name(a, "a", CTX_Load, 11, 0);
    cmp->v.Compare.ops = seq2(a, (void *)(intptr_t)CMP_Lt, (void *)(intptr_t)CMP_GtE);
    cmp->v.Compare.comparators = seq2(a, name(a, "b", CTX_Load, 11, 4),
                                      name(a, "c", CTX_Load, 11, 9));
    assert_dump(cmp, a,
                "Compare(left=Name(id='a', ctx=Load(), lineno=11, col_offset=0, end_lineno=11, "
                "end_col_offset=1), ops=[Lt(), GtE()], comparators=[Name(id='b', ctx=Load(), "
                "lineno=11, col_offset=4, end_lineno=11, end_col_offset=5), Name(id='c', "
                "ctx=Load(), lineno=11, col_offset=9, end_lineno=11, end_col_offset=10)], "
                "lineno=11, col_offset=0, end_lineno=11, end_col_offset=10)");
    ast_node *g = at(ast_new(a, AST_Global), 5, 0, 5, 11);
    g->v.Global.names = seq2(a, "q", "r");
    assert_dump(g, a, "Global(names=['q', 'r'], lineno=5, col_offset=0, end_lineno=5, "
                      "end_col_offset=11)");
    arena_free(a);
}

/* "u'x'" and "from . import y": an optional identifier that is present,
 * an absent one, and an int that prints even when it looks empty. */
static void kind_and_level(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *c = at(ast_new(a, AST_Constant), 12, 0, 12, 4);
    c->v.Constant.value.kind = CONST_STR;
    c->v.Constant.value.u.str.s = "x";
    c->v.Constant.value.u.str.len = 1;
    c->v.Constant.kind = "u";
    assert_dump(c, a, "Constant(value='x', kind='u', lineno=12, col_offset=0, end_lineno=12, "
                      "end_col_offset=4)");
    ast_node *al = at(ast_new(a, AST_alias), 15, 14, 15, 15);
    al->v.alias.name = "y";
    ast_node *imp = at(ast_new(a, AST_ImportFrom), 15, 0, 15, 15);
    imp->v.ImportFrom.names = seq1(a, al);
    imp->v.ImportFrom.level = 1;
    assert_dump(imp, a,
                "ImportFrom(names=[alias(name='y', lineno=15, col_offset=14, end_lineno=15, "
                "end_col_offset=15)], level=1, lineno=15, col_offset=0, end_lineno=15, "
                "end_col_offset=15)");
    imp->v.ImportFrom.level = 0;
    imp->v.ImportFrom.module = "m";
    assert_dump(imp, a,
                "ImportFrom(module='m', names=[alias(name='y', lineno=15, col_offset=14, "
                "end_lineno=15, end_col_offset=15)], level=0, lineno=15, col_offset=0, "
                "end_lineno=15, end_col_offset=15)");
    arena_free(a);
}

/* "f'{w}'": conversion=-1 prints; an absent format_spec does not. */
static void formatted_value(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *fv = at(ast_new(a, AST_FormattedValue), 1, 2, 1, 5);
    fv->v.FormattedValue.value = name(a, "w", CTX_Load, 1, 3);
    fv->v.FormattedValue.conversion = -1;
    ast_node *js = at(ast_new(a, AST_JoinedStr), 1, 0, 1, 6);
    js->v.JoinedStr.values = seq1(a, fv);
    assert_dump(js, a,
                "JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, "
                "col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, "
                "col_offset=2, end_lineno=1, end_col_offset=5)], lineno=1, col_offset=0, "
                "end_lineno=1, end_col_offset=6)");
    arena_free(a);
}

/* "x: int" and "-0x_ff" (an operator enum and a hex literal in decimal). */
static void ann_assign_and_unary(void **state)
{
    (void)state;
    arena *a = arena_new();
    ast_node *ann = at(ast_new(a, AST_AnnAssign), 4, 0, 4, 6);
    ann->v.AnnAssign.target = name(a, "x", CTX_Store, 4, 0);
    ann->v.AnnAssign.annotation = name(a, "int", CTX_Load, 4, 3);
    ann->v.AnnAssign.simple = 1;
    assert_dump(ann, a,
                "AnnAssign(target=Name(id='x', ctx=Store(), lineno=4, col_offset=0, "
                "end_lineno=4, end_col_offset=1), annotation=Name(id='int', ctx=Load(), "
                "lineno=4, col_offset=3, end_lineno=4, end_col_offset=6), simple=1, lineno=4, "
                "col_offset=0, end_lineno=4, end_col_offset=6)");
    ast_node *u = at(ast_new(a, AST_UnaryOp), 1, 0, 1, 6);
    u->v.UnaryOp.op = UNARY_USub;
    u->v.UnaryOp.operand = int_const(a, "ff", 16, 1, 1, 6);
    assert_dump(u, a,
                "UnaryOp(op=USub(), operand=Constant(value=255, lineno=1, col_offset=1, "
                "end_lineno=1, end_col_offset=6), lineno=1, col_offset=0, end_lineno=1, "
                "end_col_offset=6)");
    arena_free(a);
}

/* 200,000 nested nodes: more than a recursive dumper survives on an 8 MB
 * C stack, so the dumper must keep its own. */
static void deep_tree(void **state)
{
    (void)state;
    enum { DEPTH = 200000 };
    arena *a = arena_new();
    ast_node *n = name(a, "x", CTX_Load, 1, 0);
    for (int i = 0; i < DEPTH; i++) {
        ast_node *u = ast_new(a, AST_UnaryOp);
        u->v.UnaryOp.op = UNARY_Not;
        u->v.UnaryOp.operand = n;
        n = u;
    }
    buf out;
    buf_init(&out);
    ast_dump(&out, n, a);
    assert_true(strncmp(out.data, "UnaryOp(op=Not(), operand=UnaryOp(", 34) == 0);
    assert_true(out.data[out.len - 1] == ')');
    buf_free(&out);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_module),
        cmocka_unit_test(dict_with_none_key),
        cmocka_unit_test(lambda_without_arguments),
        cmocka_unit_test(none_required_vs_optional),
        cmocka_unit_test(flat_lists),
        cmocka_unit_test(kind_and_level),
        cmocka_unit_test(formatted_value),
        cmocka_unit_test(ann_assign_and_unary),
        cmocka_unit_test(deep_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
