/* consteval.c - constant values of expressions (semantic.h). Integers are
 * computed in int64; a computed (not literal) integer is returned as
 * decimal digits, with a leading '-' when negative. */
#include "sem_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Work allowed per question: bounds recursion and the cost of chains such
 * as `A = B + B; B = C + C; ...`, and breaks cycles (`a = b; b = a`). */
enum { CONST_BUDGET = 256 };

typedef struct eval_ctx {
    const sem_index *ix;
    int steps;
} eval_ctx;

static int eval(eval_ctx *cx, const ast_node *e, ast_const *out);

static int const_i64(const ast_const *c, int64_t *v)
{
    if (c->kind == CONST_TRUE || c->kind == CONST_FALSE) {
        *v = c->kind == CONST_TRUE;
        return 1;
    }
    if (c->kind != CONST_INT)
        return 0;
    if (c->u.i.len > 0 && c->u.i.digits[0] == '-') {
        ast_const pos = *c;
        pos.u.i.digits++;
        pos.u.i.len--;
        int64_t m;
        if (!ast_int_to_i64(&pos, &m))
            return 0;
        *v = -m;
        return 1;
    }
    return ast_int_to_i64(c, v);
}

static int make_int(arena *a, int64_t v, ast_const *out)
{
    char tmp[24];
    int len = snprintf(tmp, sizeof tmp, "%" PRId64, v);
    out->kind = CONST_INT;
    out->u.i.digits = arena_strndup(a, tmp, (size_t)len);
    out->u.i.len = len;
    out->u.i.base = 10;
    return 1;
}

static int make_str(arena *a, ast_const_kind kind, const char *l, size_t ll, const char *r,
                    size_t rl, ast_const *out)
{
    char *s = arena_alloc_raw(a, ll + rl + 1);
    memcpy(s, l, ll);
    memcpy(s + ll, r, rl);
    s[ll + rl] = '\0';
    out->kind = kind;
    out->u.str.s = s;
    out->u.str.len = ll + rl;
    return 1;
}

static int eval_unary(eval_ctx *cx, const ast_node *e, ast_const *out)
{
    ast_unaryop op = e->v.UnaryOp.op;
    ast_const v;
    if (op == UNARY_Not || !eval(cx, e->v.UnaryOp.operand, &v))
        return 0;
    if (v.kind == CONST_FLOAT && op != UNARY_Invert) {
        *out = v;
        if (op == UNARY_USub)
            out->u.f = -v.u.f;
        return 1;
    }
    int64_t i;
    if (v.kind != CONST_INT || !const_i64(&v, &i) || i == INT64_MIN)
        return 0;
    if (op == UNARY_UAdd) {
        *out = v;
        return 1;
    }
    return make_int(cx->ix->a, op == UNARY_USub ? -i : -i - 1, out);
}

static int int_binop(ast_operator op, int64_t l, int64_t r, int64_t *v)
{
    switch (op) {
    case OP_Add:
        return !__builtin_add_overflow(l, r, v);
    case OP_Sub:
        return !__builtin_sub_overflow(l, r, v);
    case OP_Mult:
        return !__builtin_mul_overflow(l, r, v);
    case OP_BitOr:
        *v = l | r;
        return 1;
    case OP_BitAnd:
        *v = l & r;
        return 1;
    case OP_BitXor:
        *v = l ^ r;
        return 1;
    case OP_LShift:
        if (l < 0 || r < 0 || r > 62 || l > (INT64_MAX >> r))
            return 0;
        *v = l << r;
        return 1;
    default:
        return 0;
    }
}

static int eval_binop(eval_ctx *cx, const ast_node *e, ast_const *out)
{
    ast_const l, r;
    if (!eval(cx, e->v.BinOp.left, &l) || !eval(cx, e->v.BinOp.right, &r))
        return 0;
    ast_operator op = e->v.BinOp.op;
    if (l.kind == r.kind && (l.kind == CONST_STR || l.kind == CONST_BYTES))
        return op == OP_Add &&
               make_str(cx->ix->a, l.kind, l.u.str.s, l.u.str.len, r.u.str.s, r.u.str.len, out);
    int64_t a, b, v;
    if (l.kind != CONST_INT || r.kind != CONST_INT || !const_i64(&l, &a) || !const_i64(&r, &b) ||
        !int_binop(op, a, b, &v))
        return 0;
    return make_int(cx->ix->a, v, out);
}

/* The text str() gives a constant, for f-strings; floats are left out
 * (their repr is not worth reproducing here). */
static int const_text(arena *a, const ast_const *c, const char **s, size_t *len)
{
    int64_t v;
    switch (c->kind) {
    case CONST_STR:
        *s = c->u.str.s;
        *len = c->u.str.len;
        return 1;
    case CONST_NONE:
        *s = "None";
        break;
    case CONST_TRUE:
        *s = "True";
        break;
    case CONST_FALSE:
        *s = "False";
        break;
    case CONST_INT:
        if (!const_i64(c, &v))
            return 0;
        ast_const dec;
        make_int(a, v, &dec);
        *s = dec.u.i.digits;
        break;
    default:
        return 0;
    }
    *len = strlen(*s);
    return 1;
}

static int eval_fstring(eval_ctx *cx, const ast_node *e, ast_const *out)
{
    out->kind = CONST_STR;
    out->u.str.s = "";
    out->u.str.len = 0;
    const ast_seq *parts = e->v.JoinedStr.values;
    for (int i = 0; i < AST_SEQ_LEN(parts); i++) {
        const ast_node *p = AST_SEQ_NODE(parts, i);
        ast_const v;
        if (p->kind == AST_FormattedValue) {
            if (p->v.FormattedValue.conversion != -1 || p->v.FormattedValue.format_spec ||
                !eval(cx, p->v.FormattedValue.value, &v))
                return 0;
        } else if (!eval(cx, p, &v)) {
            return 0;
        }
        const char *s;
        size_t len;
        if (!const_text(cx->ix->a, &v, &s, &len))
            return 0;
        make_str(cx->ix->a, CONST_STR, out->u.str.s, out->u.str.len, s, len, out);
    }
    return 1;
}

const ast_node *sem_value_of(const sem_index *ix, const ast_node *name)
{
    if (!ix || !name || name->kind != AST_Name)
        return NULL;
    const sem_scope *scope = sem_scope_of(ix, name);
    const sem_sym *sym = scope ? sem_lookup(ix, scope, name->v.Name.id) : NULL;
    if (!sym || sym->ndefs != 1 || sym->defs->kind != DEF_VALUE)
        return NULL;
    return sym->defs->value;
}

/* A name bound exactly once, to an expression (not an import, a with
 * target or an unpacking), has that expression's value. */
static int eval_name(eval_ctx *cx, const ast_node *e, ast_const *out)
{
    const ast_node *value = sem_value_of(cx->ix, e);
    return value ? eval(cx, value, out) : 0;
}

static int eval(eval_ctx *cx, const ast_node *e, ast_const *out)
{
    if (!e || --cx->steps < 0)
        return 0;
    switch (e->kind) {
    case AST_Constant: {
        int64_t v;
        if (e->v.Constant.value.kind == CONST_INT && !ast_int_to_i64(&e->v.Constant.value, &v))
            return 0;
        *out = e->v.Constant.value;
        return 1;
    }
    case AST_UnaryOp:
        return eval_unary(cx, e, out);
    case AST_BinOp:
        return eval_binop(cx, e, out);
    case AST_JoinedStr:
        return eval_fstring(cx, e, out);
    case AST_Name:
        return eval_name(cx, e, out);
    case AST_NamedExpr:
        return eval(cx, e->v.NamedExpr.value, out);
    default:
        return 0;
    }
}

int sem_const(const sem_index *ix, const ast_node *expr, ast_const *out)
{
    if (!ix || !expr)
        return 0;
    eval_ctx cx = {ix, CONST_BUDGET};
    ast_const v;
    if (!eval(&cx, expr, &v))
        return 0;
    *out = v;
    return 1;
}

const char *sem_const_str(const sem_index *ix, const ast_node *expr)
{
    ast_const c;
    return sem_const(ix, expr, &c) && c.kind == CONST_STR ? c.u.str.s : NULL;
}

int sem_const_int(const sem_index *ix, const ast_node *expr, long long *out)
{
    ast_const c;
    int64_t v;
    if (!sem_const(ix, expr, &c) || c.kind != CONST_INT || !const_i64(&c, &v))
        return 0;
    *out = (long long)v;
    return 1;
}

/* Container displays: empty is false, one element that is not `*x` (or
 * `**x`) makes it true. */
static int display_truth(const ast_seq *elts)
{
    for (int i = 0; i < AST_SEQ_LEN(elts); i++) {
        const ast_node *x = AST_SEQ_NODE(elts, i);
        if (x && x->kind != AST_Starred)
            return 1;
    }
    return AST_SEQ_LEN(elts) == 0 ? 0 : -1;
}

static int literal_truth(const ast_node *e)
{
    switch (e->kind) {
    case AST_List:
        return display_truth(e->v.List.elts);
    case AST_Tuple:
        return display_truth(e->v.Tuple.elts);
    case AST_Set:
        return display_truth(e->v.Set.elts);
    case AST_Dict: /* a NULL key is `**x` */
        return display_truth(e->v.Dict.keys);
    default:
        return -1;
    }
}

int sem_truthy(const sem_index *ix, const ast_node *expr)
{
    ast_const c;
    int64_t v;
    if (!expr)
        return -1;
    if (!sem_const(ix, expr, &c))
        return literal_truth(expr);
    switch (c.kind) {
    case CONST_NONE:
    case CONST_FALSE:
        return 0;
    case CONST_TRUE:
    case CONST_ELLIPSIS:
        return 1;
    case CONST_INT:
        return const_i64(&c, &v) ? v != 0 : 1;
    case CONST_FLOAT:
    case CONST_COMPLEX:
        return c.u.f != 0.0;
    default:
        return c.u.str.len > 0;
    }
}
