/* parse_stmt.c - the file, blocks and simple statements (Grammar/python.gram,
 * "STARTING RULES", "GENERAL STATEMENTS", "SIMPLE STATEMENTS").
 *
 * Assignments use a cover grammar: CPython's PEG tries star_targets '='
 * before star_expressions, re-parsing the left side; here the left side is
 * parsed once as annotated_rhs and then checked as a target when '=', ':' or
 * an augmented operator follows. Every token this looks at is one the PEG
 * also fetches, so the furthest token of a failing first pass (where
 * CPython's generic "invalid syntax" lands) is the same. In the second pass
 * the invalid_assignment alternatives are replayed in grammar order, since
 * only there do the expression rules raise their own messages. */
#include <string.h>

#include "parse_stmt.h"

/* ---- small helpers shared with parse_compound.c / parse_pattern.c ---- */

ast_node *stmt_name(parser *p, const token *t, ast_ctx ctx)
{
    ast_node *n = p_new_loc(p, AST_Name, p_loc_tok(t), p_loc_tok(t));
    n->v.Name.id = p_ident(p, t);
    n->v.Name.ctx = ctx;
    return n;
}

/* What star_targets accepts, seen on the expression the cover parsed. */
int stmt_is_star_target(const ast_node *e)
{
    switch (e->kind) {
    case AST_Name:
    case AST_Attribute:
    case AST_Subscript:
        return 1;
    case AST_Starred:
        /* '*' (!'*' star_target) */
        return e->v.Starred.value->kind != AST_Starred && stmt_is_star_target(e->v.Starred.value);
    case AST_Tuple:
    case AST_List: {
        const ast_seq *elts = e->kind == AST_Tuple ? e->v.Tuple.elts : e->v.List.elts;
        for (int i = 0; i < AST_SEQ_LEN(elts); i++)
            if (!stmt_is_star_target(AST_SEQ_NODE(elts, i)))
                return 0;
        return 1;
    }
    default:
        return 0;
    }
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
int stmt_is_single_target(const ast_node *e)
{
    return e->kind == AST_Name || e->kind == AST_Attribute || e->kind == AST_Subscript;
}

int stmt_raise_invalid_target(parser *p, p_targets kind, ast_node *e)
{
    p_raise_invalid_target(p, kind, e);
    return p->error;
}

int stmt_check_indented_block(parser *p, const char *what, int lineno)
{
    if (!p->call_invalid_rules || !p_at_type(p, T_NEWLINE) || p_peek_n(p, 1)->type == T_INDENT)
        return 0;
    p_raise_indent(p, "expected an indented block after %s on line %d", what, lineno);
    return 1;
}

static int at_semi_or_newline(parser *p)
{
    return p_at_op(p, OP_SEMI) || p_at_type(p, T_NEWLINE);
}

/* ---- assignment (cover grammar) ---- */

static int augassign_operator(const token *t, ast_operator *op)
{
    if (t->type != T_OP)
        return 0;
    switch (t->op) {
    case OP_PLUSEQUAL: *op = OP_Add; return 1;
    case OP_MINEQUAL: *op = OP_Sub; return 1;
    case OP_STAREQUAL: *op = OP_Mult; return 1;
    case OP_ATEQUAL: *op = OP_MatMult; return 1;
    case OP_SLASHEQUAL: *op = OP_Div; return 1;
    case OP_PERCENTEQUAL: *op = OP_Mod; return 1;
    case OP_AMPEREQUAL: *op = OP_BitAnd; return 1;
    case OP_VBAREQUAL: *op = OP_BitOr; return 1;
    case OP_CIRCUMFLEXEQUAL: *op = OP_BitXor; return 1;
    case OP_LEFTSHIFTEQUAL: *op = OP_LShift; return 1;
    case OP_RIGHTSHIFTEQUAL: *op = OP_RShift; return 1;
    case OP_DOUBLESTAREQUAL: *op = OP_Pow; return 1;
    case OP_DOUBLESLASHEQUAL: *op = OP_FloorDiv; return 1;
    default: return 0;
    }
}

/* | NAME ':' expression ['=' annotated_rhs]                       (simple=1)
 * | ('(' single_target ')' | single_subscript_attribute_target)
 *       ':' expression ['=' annotated_rhs]                         (simple=0) */
static ast_node *ann_assign(parser *p, int start, ast_node *target)
{
    int simple;
    if (target->kind == AST_Name)
        simple = !(p_tok(p, start)->type == T_OP && p_tok(p, start)->op == OP_LPAR);
    else if (target->kind == AST_Attribute || target->kind == AST_Subscript)
        simple = 0;
    else
        return NULL;
    p_next(p); /* ':' */
    ast_node *annotation = parse_expression(p);
    if (!annotation)
        return NULL;
    /* ['=' annotated_rhs] is optional: when the value fails the statement
     * still ends after the annotation (and fails later, at the '='). */
    ast_node *value = NULL;
    if (p_at_op(p, OP_EQUAL)) {
        int m = p_mark(p);
        p_next(p);
        value = parse_annotated_rhs(p);
        if (!value) {
            if (p->error)
                return NULL;
            p_reset(p, m);
        }
    }
    ast_node *s = p_new(p, AST_AnnAssign, start);
    s->v.AnnAssign.target = p_set_ctx(p, target, CTX_Store);
    s->v.AnnAssign.annotation = annotation;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = simple;
    return s;
}

/* (star_targets '=')+ annotated_rhs !'=' */
static ast_node *assign_chain(parser *p, int start, ast_node *first)
{
    p_vec targets;
    vec_init(&targets);
    ast_node *cur = first;
    while (p_at_op(p, OP_EQUAL)) {
        if (!stmt_is_star_target(cur))
            return NULL;
        vec_push(p, &targets, p_set_ctx(p, cur, CTX_Store));
        p_next(p);
        cur = parse_annotated_rhs(p);
        if (!cur)
            return NULL;
    }
    ast_node *s = p_new(p, AST_Assign, start);
    s->v.Assign.targets = vec_seq(p, &targets);
    s->v.Assign.value = cur;
    return s;
}

/* single_target augassign ~ annotated_rhs
 * Past the cut a failure ends the whole assignment rule: *cut tells the
 * caller not to try invalid_assignment. */
static ast_node *aug_assign(parser *p, int start, ast_node *target, ast_operator op, int *cut)
{
    if (!stmt_is_single_target(target))
        return NULL;
    p_next(p);
    *cut = 1;
    ast_node *value = parse_annotated_rhs(p);
    if (!value)
        return NULL;
    ast_node *s = p_new(p, AST_AugAssign, start);
    s->v.AugAssign.target = p_set_ctx(p, target, CTX_Store);
    s->v.AugAssign.op = op;
    s->v.AugAssign.value = value;
    return s;
}

/* assignment, or the star_expressions / yield_stmt alternatives of
 * simple_stmt, from one parse of the left side. */
static ast_node *assignment_cover(parser *p, int start, int *cut)
{
    ast_node *e = parse_annotated_rhs(p);
    if (!e)
        return NULL;
    token *t = p_peek(p);
    ast_operator op;
    ast_node *s = NULL;
    if (t->type == T_OP && t->op == OP_COLON) {
        s = ann_assign(p, start, e);
    } else if (t->type == T_OP && t->op == OP_EQUAL) {
        s = assign_chain(p, start, e);
    } else if (augassign_operator(t, &op)) {
        s = aug_assign(p, start, e, op, cut);
    } else {
        s = p_new(p, AST_Expr, start);
        s->v.Expr.value = e;
    }
    if (!s && !p->error)
        p_reset(p, start);
    return s;
}

/* The first token of e..(last consumed) is '(' and its match is the last
 * token: e is a parenthesized group, not `(a), b`. */
static int is_one_group(parser *p, int start)
{
    int depth = 0;
    for (int i = start; i < p_mark(p); i++) {
        const token *t = p_tok(p, i);
        if (t->type != T_OP)
            continue;
        if (t->op == OP_LPAR || t->op == OP_LSQB || t->op == OP_LBRACE)
            depth++;
        else if (t->op == OP_RPAR || t->op == OP_RSQB || t->op == OP_RBRACE)
            if (--depth == 0 && i != p_mark(p) - 1)
                return 0;
    }
    return p_tok(p, start)->type == T_OP && p_tok(p, start)->op == OP_LPAR;
}

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
 * followed by ':' expression. */
static void invalid_ann_target(parser *p, int start)
{
    token *t = p_peek(p);
    if (t->type != T_OP || (t->op != OP_LPAR && t->op != OP_LSQB))
        return;
    ast_node *a = parse_star_expressions(p);
    if (!a || !(a->kind == AST_List || (a->kind == AST_Tuple && is_one_group(p, start))))
        return;
    if (p_accept_op(p, OP_COLON) && parse_expression(p))
        P_RAISE_NODE(p, a, "only single target (not %s) can be annotated",
                     a->kind == AST_List ? "list" : "tuple");
}

/* (star_targets '=')* : the prefix shared by two invalid_assignment
 * alternatives. */
static void skip_star_targets_eq(parser *p)
{
    for (;;) {
        int m = p_mark(p);
        if (!parse_star_targets(p) || !p_accept_op(p, OP_EQUAL)) {
            if (!p->error)
                p_reset(p, m);
            return;
        }
    }
}

/* invalid_assignment, second pass only, alternatives in grammar order. */
static void invalid_assignment(parser *p, int start)
{
    p_reset(p, start);
    invalid_ann_target(p, start);
    if (p->error)
        return;

    /* star_named_expression ',' star_named_expressions* ':' expression */
    p_reset(p, start);
    ast_node *a = parse_star_named_expression(p);
    if (a && p_accept_op(p, OP_COMMA)) {
        while (parse_star_named_expression(p))
            if (!p_accept_op(p, OP_COMMA))
                break;
        if (!p->error && p_accept_op(p, OP_COLON) && parse_expression(p))
            P_RAISE_NODE(p, a, "only single target (not tuple) can be annotated");
    }
    if (p->error)
        return;

    /* expression ':' expression */
    p_reset(p, start);
    a = parse_expression(p);
    if (a && p_accept_op(p, OP_COLON) && parse_expression(p))
        P_RAISE_NODE(p, a, "illegal target for annotation");
    if (p->error)
        return;

    /* (star_targets '=')* star_expressions '=' */
    p_reset(p, start);
    skip_star_targets_eq(p);
    if (p->error)
        return;
    int after_targets = p_mark(p);
    a = parse_star_expressions(p);
    if (a && p_at_op(p, OP_EQUAL) && stmt_raise_invalid_target(p, P_TARGETS_STAR, a))
        return;
    if (p->error)
        return;

    /* (star_targets '=')* yield_expr '=' */
    p_reset(p, after_targets);
    a = parse_yield_expr(p);
    if (a && p_at_op(p, OP_EQUAL)) {
        P_RAISE_NODE(p, a, "assignment to yield expression not possible");
        return;
    }
    if (p->error)
        return;

    /* star_expressions augassign annotated_rhs */
    p_reset(p, start);
    a = parse_star_expressions(p);
    ast_operator op;
    if (a && augassign_operator(p_peek(p), &op)) {
        p_next(p);
        if (parse_annotated_rhs(p))
            P_RAISE_NODE(p, a, "'%s' is an illegal expression for augmented assignment",
                         p_expr_name(a));
    }
}

static ast_node *assignment_or_expression(parser *p)
{
    int start = p_mark(p);
    int cut = 0;
    ast_node *s = assignment_cover(p, start, &cut);
    if (p->error)
        return NULL;
    /* Every invalid_assignment alternative needs a ':', '=' or augmented
     * operator at the statement's top level, which an expression statement
     * ending at ';' or NEWLINE has not: skip the re-parses there. */
    int complete = s && at_semi_or_newline(p);
    if (p->call_invalid_rules && !cut && !complete && (!s || s->kind == AST_Expr)) {
        int after = p_mark(p);
        invalid_assignment(p, start);
        if (p->error)
            return NULL;
        p_reset(p, s ? after : start);
    }
    return s;
}

/* ---- the other simple statements ---- */

/* return_stmt: 'return' [star_expressions] */
static ast_node *return_stmt(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    ast_node *v = parse_star_expressions(p);
    if (p->error)
        return NULL;
    ast_node *s = p_new(p, AST_Return, start);
    s->v.Return.value = v;
    return s;
}

/* raise_stmt:
 *     | 'raise' expression 'from' expression
 *     | 'raise' expression
 *     | 'raise'
 * (3.14 has no invalid_raise_stmt) */
static ast_node *raise_stmt(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    ast_node *exc = parse_expression(p), *cause = NULL;
    if (p->error)
        return NULL;
    if (exc && p_at_kw(p, KW_from)) {
        int before_from = p_mark(p);
        p_next(p);
        cause = parse_expression(p);
        if (p->error)
            return NULL;
        if (!cause)
            p_reset(p, before_from);
    }
    ast_node *s = p_new(p, AST_Raise, start);
    s->v.Raise.exc = exc;
    s->v.Raise.cause = cause;
    return s;
}

static ast_node *keyword_only_stmt(parser *p, ast_kind kind)
{
    int start = p_mark(p);
    p_next(p);
    return p_new(p, kind, start);
}

/* global_stmt: 'global' ','.NAME+   nonlocal_stmt: 'nonlocal' ','.NAME+ */
static ast_node *names_stmt(parser *p, ast_kind kind)
{
    int start = p_mark(p);
    p_next(p);
    p_vec names;
    vec_init(&names);
    do {
        token *t = p_accept_name(p);
        if (!t) {
            if (names.n == 0) {
                p_reset(p, start);
                return NULL;
            }
            p_reset(p, p_mark(p) - 1); /* the ',' belongs to no name */
            break;
        }
        vec_push(p, &names, (void *)p_ident(p, t));
    } while (p_accept_op(p, OP_COMMA));
    ast_node *s = p_new(p, kind, start);
    if (kind == AST_Global)
        s->v.Global.names = vec_seq(p, &names);
    else
        s->v.Nonlocal.names = vec_seq(p, &names);
    return s;
}

/* del_stmt:
 *     | 'del' del_targets &(';' | NEWLINE)
 *     | invalid_del_stmt: 'del' star_expressions */
static ast_node *del_stmt(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    ast_seq *targets = parse_del_targets(p);
    if (targets && at_semi_or_newline(p)) {
        ast_node *s = p_new(p, AST_Delete, start);
        s->v.Delete.targets = targets;
        return s;
    }
    if (p->error)
        return NULL;
    if (p->call_invalid_rules) {
        p_reset(p, start + 1);
        ast_node *a = parse_star_expressions(p);
        if (a)
            stmt_raise_invalid_target(p, P_TARGETS_DEL, a);
        if (p->error)
            return NULL;
    }
    p_reset(p, start);
    return NULL;
}

/* assert_stmt: 'assert' expression [',' expression]
 * (3.14 has no invalid_assert_stmt: `assert x = 1` is plain invalid syntax) */
static ast_node *assert_stmt(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    ast_node *test = parse_expression(p), *msg = NULL;
    if (!test) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    int before_comma = p_mark(p);
    if (p_accept_op(p, OP_COMMA)) {
        msg = parse_expression(p);
        if (p->error)
            return NULL;
        if (!msg)
            p_reset(p, before_comma);
    }
    ast_node *s = p_new(p, AST_Assert, start);
    s->v.Assert.test = test;
    s->v.Assert.msg = msg;
    return s;
}

/* ---- import ---- */

/* dotted_name: dotted_name '.' NAME | NAME  (as one "a.b.c" string) */
static const char *dotted_name(parser *p)
{
    token *t = p_accept_name(p);
    if (!t)
        return NULL;
    const char *name = p_ident(p, t);
    while (p_at_op(p, OP_DOT)) {
        int m = p_mark(p);
        p_next(p);
        token *n = p_accept_name(p);
        if (!n) {
            p_reset(p, m);
            break;
        }
        const char *part = p_ident(p, n);
        size_t la = strlen(name), lb = strlen(part);
        char *joined = arena_alloc(p->a, la + lb + 2);
        memcpy(joined, name, la);
        joined[la] = '.';
        memcpy(joined + la + 1, part, lb + 1);
        name = joined;
    }
    return name;
}

/* invalid_dotted_as_name / invalid_import_from_as_name:
 *     ... 'as' !(NAME (',' | ')' | ';' | NEWLINE)) a=expression */
static void invalid_as_target(parser *p)
{
    int m = p_mark(p);
    token *n = p_peek(p);
    if (n->type == T_NAME && !KW_IS_HARD(n->kw)) {
        token *after = p_peek_n(p, 1);
        if ((after->type == T_OP && (after->op == OP_COMMA || after->op == OP_RPAR ||
                                     after->op == OP_SEMI)) ||
            after->type == T_NEWLINE)
            return;
    }
    ast_node *a = parse_expression(p);
    if (a)
        P_RAISE_NODE(p, a, "cannot use %s as import target", p_expr_name(a));
    if (!p->error)
        p_reset(p, m);
}

/* dotted_as_name: invalid_dotted_as_name | dotted_name ['as' NAME]
 * import_from_as_name: invalid_import_from_as_name | NAME ['as' NAME] */
static ast_node *as_name(parser *p, int dotted)
{
    int start = p_mark(p);
    const char *name;
    if (dotted) {
        name = dotted_name(p);
    } else {
        token *t = p_accept_name(p);
        name = t ? p_ident(p, t) : NULL;
    }
    if (!name)
        return NULL;
    const char *asname = NULL;
    if (p_at_kw(p, KW_as)) {
        int m = p_mark(p);
        p_next(p);
        if (p->call_invalid_rules) {
            invalid_as_target(p);
            if (p->error)
                return NULL;
        }
        token *t = p_accept_name(p);
        if (t)
            asname = p_ident(p, t);
        else
            p_reset(p, m);
    }
    ast_node *a = p_new(p, AST_alias, start);
    a->v.alias.name = name;
    a->v.alias.asname = asname;
    return a;
}

static ast_seq *as_names(parser *p, int dotted)
{
    p_vec v;
    vec_init(&v);
    for (;;) {
        ast_node *a = as_name(p, dotted);
        if (!a) {
            if (p->error)
                return NULL;
            if (v.n == 0)
                return NULL;
            p_reset(p, p_mark(p) - 1); /* leave the trailing ',' */
            break;
        }
        vec_push(p, &v, a);
        if (!p_accept_op(p, OP_COMMA))
            break;
    }
    return vec_seq(p, &v);
}

/* invalid_import:
 *     | 'import' ','.dotted_name+ 'from' dotted_name
 *     | 'import' NEWLINE */
static void invalid_import(parser *p, int start)
{
    token *kw = p_next(p);
    if (p_at_type(p, T_NEWLINE)) {
        p_raise_from(p, p_loc_tok(p_peek(p)), "Expected one or more names after 'import'");
        return;
    }
    while (dotted_name(p))
        if (!p_accept_op(p, OP_COMMA))
            break;
    if (p_accept_kw(p, KW_from) && dotted_name(p))
        p_raise_from(p, p_loc_tok(kw), "Did you mean to use 'from ... import ...' instead?");
    if (!p->error)
        p_reset(p, start);
}

/* import_name: 'import' dotted_as_names */
static ast_node *import_name(parser *p)
{
    int start = p_mark(p);
    if (p->call_invalid_rules) {
        invalid_import(p, start);
        if (p->error)
            return NULL;
    }
    p_next(p);
    ast_seq *names = as_names(p, 1);
    if (!names) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    ast_node *s = p_new(p, AST_Import, start);
    s->v.Import.names = names;
    return s;
}

/* import_from_targets:
 *     | '(' import_from_as_names [','] ')'
 *     | import_from_as_names !','
 *     | '*'
 *     | invalid_import_from_targets */
static ast_seq *import_from_targets(parser *p)
{
    int start = p_mark(p);
    if (p_accept_op(p, OP_LPAR)) {
        ast_seq *names = as_names(p, 0);
        if (names) {
            p_accept_op(p, OP_COMMA);
            if (p_accept_op(p, OP_RPAR))
                return names;
        }
        if (p->error)
            return NULL;
        p_reset(p, start);
        return NULL;
    }
    if (p_at_op(p, OP_STAR)) {
        token *star = p_next(p);
        ast_node *a = p_new_loc(p, AST_alias, p_loc_tok(star), p_loc_tok(star));
        a->v.alias.name = "*";
        return seq1(p, a);
    }
    ast_seq *names = as_names(p, 0);
    if (names && !p_at_op(p, OP_COMMA))
        return names;
    if (p->error)
        return NULL;
    if (p->call_invalid_rules) {
        if (names) {
            p_next(p);
            if (p_at_type(p, T_NEWLINE))
                return p_raise(p, "trailing comma not allowed without surrounding parentheses");
        } else if (p_at_type(p, T_NEWLINE)) {
            return p_raise_from(p, p_loc_tok(p_peek(p)), "Expected one or more names after 'import'");
        }
    }
    p_reset(p, start);
    return NULL;
}

/* import_from:
 *     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *     | 'from' ('.' | '...')+ 'import' import_from_targets */
static ast_node *import_from(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    int level = 0;
    for (;;) {
        if (p_accept_op(p, OP_DOT))
            level++;
        else if (p_accept_op(p, OP_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = dotted_name(p);
    if ((!module && level == 0) || !p_accept_kw(p, KW_import)) {
        p_reset(p, start);
        return NULL;
    }
    ast_seq *names = import_from_targets(p);
    if (!names) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    ast_node *s = p_new(p, AST_ImportFrom, start);
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.names = names;
    s->v.ImportFrom.level = level;
    return s;
}

/* type_alias: "type" NAME [type_params] '=' expression */
static ast_node *type_alias(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    token *name = p_accept_name(p);
    ast_seq *tparams = NULL;
    if (!name || (p_at_op(p, OP_LSQB) && !stmt_type_params(p, &tparams)) ||
        !p_accept_op(p, OP_EQUAL)) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    ast_node *value = parse_expression(p);
    if (!value) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    ast_node *s = p_new(p, AST_TypeAlias, start);
    s->v.TypeAlias.name = stmt_name(p, name, CTX_Store);
    s->v.TypeAlias.type_params = tparams;
    s->v.TypeAlias.value = value;
    return s;
}

/* simple_stmt:
 *     | assignment | &"type" type_alias | &('import' | 'from') import_stmt
 *     | star_expressions | &'return' return_stmt | &'raise' raise_stmt
 *     | &'pass' pass_stmt | &'del' del_stmt | &'yield' yield_stmt
 *     | &'assert' assert_stmt | &'break' break_stmt | &'continue' continue_stmt
 *     | &'global' global_stmt | &'nonlocal' nonlocal_stmt
 * A statement keyword makes assignment and star_expressions fail on their
 * first token, so dispatching on it first fetches nothing more. */
static ast_node *simple_stmt(parser *p)
{
    token *t = p_peek(p);
    if (t->type == T_NAME) {
        switch (t->kw) {
        case KW_return: return return_stmt(p);
        case KW_raise: return raise_stmt(p);
        case KW_pass: return keyword_only_stmt(p, AST_Pass);
        case KW_break: return keyword_only_stmt(p, AST_Break);
        case KW_continue: return keyword_only_stmt(p, AST_Continue);
        case KW_del: return del_stmt(p);
        case KW_assert: return assert_stmt(p);
        case KW_global: return names_stmt(p, AST_Global);
        case KW_nonlocal: return names_stmt(p, AST_Nonlocal);
        case KW_import: return import_name(p);
        case KW_from: return import_from(p);
        case SKW_type: {
            /* `type X ...` can never be an assignment, so trying the alias
             * first is what the PEG's order amounts to; except that in the
             * second pass invalid_assignment, tried before type_alias, may
             * raise (`type X[T = a b]` reads as the legacy `type X[...]`). */
            token *n = p_peek_n(p, 1);
            if (n->type == T_NAME && !KW_IS_HARD(n->kw)) {
                if (p->call_invalid_rules) {
                    int start = p_mark(p);
                    ast_node *s = assignment_or_expression(p);
                    if (p->error || (s && s->kind != AST_Expr))
                        return s;
                    p_reset(p, start);
                }
                ast_node *s = type_alias(p);
                if (s || p->error)
                    return s;
            }
            break;
        }
        default:
            break;
        }
    }
    return assignment_or_expression(p);
}

/* simple_stmts:
 *     | simple_stmt !';' NEWLINE
 *     | ';'.simple_stmt+ [';'] NEWLINE */
static int simple_stmts(parser *p, p_vec *out)
{
    int start = p_mark(p);
    int first = out->n;
    for (;;) {
        ast_node *s = simple_stmt(p);
        if (!s)
            break;
        vec_push(p, out, s);
        if (!p_accept_op(p, OP_SEMI))
            break;
        if (p_at_type(p, T_NEWLINE))
            break;
    }
    if (!p->error && out->n > first && p_accept_type(p, T_NEWLINE))
        return 1;
    out->n = first;
    if (!p->error)
        p_reset(p, start);
    return 0;
}

/* statement: compound_stmt | simple_stmts */
int stmt_statement(parser *p, p_vec *out)
{
    ast_node *c = stmt_compound(p);
    if (c) {
        vec_push(p, out, c);
        return 1;
    }
    if (p->error)
        return 0;
    return simple_stmts(p, out);
}

/* statements: statement+ */
static int statements(parser *p, p_vec *out)
{
    int n = out->n;
    while (stmt_statement(p, out))
        ;
    return !p->error && out->n > n;
}

/* block (memo):
 *     | NEWLINE INDENT statements DEDENT
 *     | simple_stmts
 *     | invalid_block: NEWLINE !INDENT */
ast_seq *stmt_block(parser *p)
{
    int start = p_mark(p);
    p_vec body;
    vec_init(&body);
    if (p_accept_type(p, T_NEWLINE)) {
        if (p_accept_type(p, T_INDENT)) {
            if (!p_enter(p))
                return NULL;
            int ok = statements(p, &body);
            p_leave(p);
            if (ok && p_accept_type(p, T_DEDENT))
                return vec_seq(p, &body);
        } else if (p->call_invalid_rules && !p->error) {
            return p_raise_indent(p, "expected an indented block");
        }
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    if (simple_stmts(p, &body))
        return vec_seq(p, &body);
    return NULL;
}

/* file: [statements] ENDMARKER */
ast_node *parse_file(parser *p)
{
    p_vec body;
    vec_init(&body);
    /* No rule of either pass holds or revisits a token across top-level
     * statements, so the tokens behind can go. */
    while (stmt_statement(p, &body))
        p_commit(p);
    if (p->error || !p_at_type(p, T_ENDMARKER))
        return NULL;
    ast_node *m = ast_new(p->a, AST_Module);
    m->v.Module.body = vec_seq(p, &body);
    return m;
}
