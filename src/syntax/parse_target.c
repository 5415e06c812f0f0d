/* parse_target.c - assignment, for-loop, with-item and del targets.
 *
 * CPython has separate target rules (star_targets, t_primary, ...) that
 * re-parse what an expression parse already covered. Here a target is
 * parsed with the expression machinery (a primary: atom and trailers, or
 * a whole star_expressions for an assignment's left side) and then checked
 * and converted: for valid input the tree is the same, for invalid input
 * the check finds the part CPython's invalid_* rules would blame. */
#include "parse_expr_int.h"

const char *p_expr_name(const ast_node *e)
{
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp: case AST_BinOp: case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield: case AST_YieldFrom: return "yield expression";
    case AST_Await: return "await expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr: case AST_FormattedValue: return "f-string expression";
    case AST_TemplateStr: case AST_Interpolation: return "t-string expression";
    case AST_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    case AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* Lists and tuples are searched element by element: only they can hold
 * valid targets when parsed as expressions. */
ast_node *p_invalid_target(ast_node *e, p_targets kind)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case AST_List:
    case AST_Tuple: {
        ast_seq *elts = e->kind == AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < AST_SEQ_LEN(elts); i++) {
            ast_node *bad = p_invalid_target(AST_SEQ_NODE(elts, i), kind);
            if (bad)
                return bad;
        }
        return NULL;
    }
    case AST_Starred:
        if (kind == P_TARGETS_DEL)
            return e;
        return p_invalid_target(e->v.Starred.value, kind);
    case AST_Compare:
        /* `for a in b` reaches here parsed as the comparison `a in b`. */
        if (kind == P_TARGETS_FOR) {
            if (AST_SEQ_CMPOP(e->v.Compare.ops, 0) == CMP_In)
                return p_invalid_target(e->v.Compare.left, kind);
            return NULL;
        }
        return e;
    case AST_Name:
    case AST_Subscript:
    case AST_Attribute:
        return NULL;
    default:
        return e;
    }
}

void *p_raise_invalid_target(parser *p, p_targets kind, ast_node *e)
{
    ast_node *bad = p_invalid_target(e, kind);
    if (!bad)
        return NULL;
    return P_RAISE_NODE(p, bad, kind == P_TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                        p_expr_name(bad));
}

ast_node *p_set_ctx(parser *p, ast_node *e, ast_ctx ctx)
{
    switch (e->kind) {
    case AST_Name: e->v.Name.ctx = ctx; break;
    case AST_Attribute: e->v.Attribute.ctx = ctx; break;
    case AST_Subscript: e->v.Subscript.ctx = ctx; break;
    case AST_Starred:
        e->v.Starred.ctx = ctx;
        p_set_ctx(p, e->v.Starred.value, ctx);
        break;
    case AST_List:
        e->v.List.ctx = ctx;
        for (int i = 0; i < AST_SEQ_LEN(e->v.List.elts); i++)
            p_set_ctx(p, AST_SEQ_NODE(e->v.List.elts, i), ctx);
        break;
    case AST_Tuple:
        e->v.Tuple.ctx = ctx;
        for (int i = 0; i < AST_SEQ_LEN(e->v.Tuple.elts); i++)
            p_set_ctx(p, AST_SEQ_NODE(e->v.Tuple.elts, i), ctx);
        break;
    default:
        break;
    }
    return e;
}

/* The element of e that directly precedes the '=': e itself, or the last
 * element of an unparenthesized tuple. */
static ast_node *last_top_element(ast_node *e)
{
    if (e->kind != AST_Tuple || AST_SEQ_LEN(e->v.Tuple.elts) == 0)
        return e;
    ast_node *first = AST_SEQ_NODE(e->v.Tuple.elts, 0);
    if (first->lineno != e->lineno || first->col_offset != e->col_offset)
        return e; /* starts before its first element: parenthesized */
    return AST_SEQ_NODE(e->v.Tuple.elts, e->v.Tuple.elts->n - 1);
}

static int is_bitwise_or_level(const ast_node *e)
{
    switch (e->kind) {
    case AST_BoolOp: case AST_Compare: case AST_IfExp: case AST_Lambda:
    case AST_NamedExpr: case AST_Starred: case AST_Yield: case AST_YieldFrom:
        return 0;
    case AST_UnaryOp:
        return e->v.UnaryOp.op != UNARY_Not;
    default:
        return 1;
    }
}

/* A list, tuple, generator expression or True/None/False as written
 * (CPython's !(list|tuple|genexp|'True'|'None'|'False')): a display that
 * starts where e starts. */
static int is_display_start(const ast_node *x)
{
    if (x->kind == AST_Constant) {
        ast_const_kind k = x->v.Constant.value.kind;
        return k == CONST_TRUE || k == CONST_NONE || k == CONST_FALSE;
    }
    return x->kind == AST_List || x->kind == AST_Tuple || x->kind == AST_GeneratorExp;
}

ast_node *p_as_star_targets(parser *p, ast_node *e, int first)
{
    ast_node *bad = p_invalid_target(e, P_TARGETS_STAR);
    if (!bad)
        return p_set_ctx(p, e, CTX_Store);
    /* For the first target, CPython's invalid_named_expression sees the
     * element before '=' followed by `= bitwise_or` not followed by '=' or
     * ':=', and words the error as a likely mistyped comparison. */
    ast_node *x = last_top_element(e);
    if (first && x == bad && is_bitwise_or_level(x) && !is_display_start(x) &&
        pe_at_op(p, OP_EQUAL)) {
        int m = p_mark(p);
        p_next(p);
        ast_node *b = parse_bitwise_or(p);
        int here = b && !pe_at_op(p, OP_EQUAL) && !pe_at_op(p, OP_COLONEQUAL);
        if (p->error)
            return NULL;
        p_reset(p, m);
        if (here)
            return P_RAISE_NODE(p, x, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                p_expr_name(x));
    }
    if (e->kind == AST_Yield || e->kind == AST_YieldFrom)
        return P_RAISE_NODE(p, e, "assignment to yield expression not possible");
    return p_raise_invalid_target(p, P_TARGETS_STAR, e);
}

/* ---- target rules parsed directly ---- */

static int is_store_target(const ast_node *e)
{
    return e->kind == AST_Name || e->kind == AST_Attribute || e->kind == AST_Subscript ||
           e->kind == AST_Tuple || e->kind == AST_List;
}

/* star_target (memo):
 *     | '*' (!'*' star_target)
 *     | target_with_star_atom
 * The non-star form is parsed as a primary and checked. */
ast_node *parse_star_target(parser *p)
{
    int start = p_mark(p);
    if (pe_accept_op(p, OP_STAR)) {
        if (pe_at_op(p, OP_STAR) || !p_enter(p)) {
            p_reset(p, start);
            return NULL;
        }
        ast_node *inner = parse_star_target(p);
        p_leave(p);
        if (!inner) {
            if (!p->error)
                p_reset(p, start);
            return NULL;
        }
        ast_node *n = p_new(p, AST_Starred, start);
        n->v.Starred.value = inner;
        n->v.Starred.ctx = CTX_Store;
        return n;
    }
    ast_node *e = pe_primary(p);
    if (!e || !is_store_target(e) || p_invalid_target(e, P_TARGETS_STAR)) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    return p_set_ctx(p, e, CTX_Store);
}

/* star_targets:
 *     | star_target !','
 *     | star_target (',' star_target)* [','] */
ast_node *parse_star_targets(parser *p)
{
    int start = p_mark(p);
    ast_node *a = parse_star_target(p);
    if (!a || !pe_at_op(p, OP_COMMA))
        return a;
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        int m = p_mark(p);
        ast_node *e = parse_star_target(p);
        if (!e) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, e);
    }
    ast_node *n = p_new(p, AST_Tuple, start);
    n->v.Tuple.elts = vec_seq(p, &v);
    n->v.Tuple.ctx = CTX_Store;
    return n;
}

/* single_target:
 *     | single_subscript_attribute_target
 *     | NAME
 *     | '(' single_target ')' */
ast_node *parse_single_target(parser *p)
{
    int start = p_mark(p);
    ast_node *e = pe_primary(p);
    if (!e || !(e->kind == AST_Name || e->kind == AST_Attribute || e->kind == AST_Subscript)) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    return p_set_ctx(p, e, CTX_Store);
}

/* del_target (memo): t_primary '.' NAME | t_primary '[' slices ']' | del_t_atom
 * (del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']') */
static ast_node *del_target(parser *p)
{
    int start = p_mark(p);
    ast_node *e = pe_primary(p);
    if (!e || !is_store_target(e) || p_invalid_target(e, P_TARGETS_DEL)) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    return p_set_ctx(p, e, CTX_Del);
}

/* del_targets: ','.del_target+ [','] */
ast_seq *parse_del_targets(parser *p)
{
    p_vec v;
    vec_init(&v);
    ast_node *a = del_target(p);
    if (!a)
        return NULL;
    vec_push(p, &v, a);
    while (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        int m = p_mark(p);
        ast_node *e = del_target(p);
        if (!e) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, e);
    }
    return vec_seq(p, &v);
}
