/* parse_compound.c - compound statements (Grammar/python.gram, "COMPOUND
 * STATEMENTS" except match): if/elif/else, while, for, with, try/except,
 * except*, finally, function and class definitions with decorators, and
 * type parameter lists.
 *
 * Each rule is written once for both passes: the invalid_* alternatives
 * CPython tries in its second pass are checked inline, at the point where
 * their prefix has been parsed, under p->call_invalid_rules. */
#include "parse_stmt.h"

static int is_op(const token *t, tok_op op)
{
    return t->type == T_OP && t->op == op;
}

static int is_kw(const token *t, tok_kw kw)
{
    return t->type == T_NAME && t->kw == kw;
}

/* Restore the position after a failed alternative, unless an error is set
 * (then the parse unwinds anyway). */
static void *fail(parser *p, int mark)
{
    if (!p->error)
        p_reset(p, mark);
    return NULL;
}

/* ---- if / while / else ---- */

/* else_block:
 *     | invalid_else_stmt
 *     | 'else' &&':' block
 * invalid_else_stmt:
 *     | 'else' ':' NEWLINE !INDENT
 *     | 'else' ':' block 'elif'   ("'elif' block follows an 'else' block")
 * Returns 0 only on error; no match leaves *out NULL. */
static int else_block(parser *p, ast_seq **out)
{
    *out = NULL;
    if (!p_at_kw(p, KW_else))
        return 1;
    int start = p_mark(p);
    token *kw = p_next(p);
    if (!p_expect_forced_op(p, OP_COLON, "':'"))
        return 0;
    if (stmt_check_indented_block(p, "'else' statement", kw->lineno))
        return 0;
    ast_seq *body = stmt_block(p);
    if (!body) {
        /* [else_block] is optional wherever it appears: no match leaves
         * the 'else' for the next statement. */
        fail(p, start);
        return !p->error;
    }
    if (p->call_invalid_rules && p_at_kw(p, KW_elif)) {
        p_raise(p, "'elif' block follows an 'else' block");
        return 0;
    }
    *out = body;
    return 1;
}

/* The part if, elif and while share: KW named_expression ':' block, with
 * invalid_{if,elif,while}_stmt: KW named_expression NEWLINE ("expected ':'")
 * and KW named_expression ':' NEWLINE !INDENT. For 'if' CPython's rule
 * rebinds its `a` to the condition, so the line reported is the
 * condition's. */
static int cond_and_block(parser *p, const char *what, ast_node **test, ast_seq **body)
{
    token *kw = p_next(p);
    ast_node *cond = parse_named_expression(p);
    if (!cond)
        return 0;
    if (p->call_invalid_rules && p_at_type(p, T_NEWLINE)) {
        p_raise(p, "expected ':'");
        return 0;
    }
    if (!p_accept_op(p, OP_COLON))
        return 0;
    int line = kw->kw == KW_if ? cond->lineno : kw->lineno;
    if (stmt_check_indented_block(p, what, line))
        return 0;
    *test = cond;
    *body = stmt_block(p);
    return *body != NULL;
}

/* if_stmt / elif_stmt:
 *     | 'if' named_expression ':' block elif_stmt
 *     | 'if' named_expression ':' block [else_block]
 * An elif becomes an If in the orelse; if it fails, the PEG falls back to
 * the second alternative (no else) and the 'elif' is left unparsed. */
static ast_node *if_stmt(parser *p)
{
    int start = p_mark(p);
    int is_elif = p_at_kw(p, KW_elif);
    ast_node *test;
    ast_seq *body, *orelse = NULL;
    if (!cond_and_block(p, is_elif ? "'elif' statement" : "'if' statement", &test, &body))
        return fail(p, start);
    if (p_at_kw(p, KW_elif)) {
        int m = p_mark(p);
        if (!p_enter(p))
            return NULL;
        ast_node *elif = if_stmt(p);
        p_leave(p);
        if (elif)
            orelse = seq1(p, elif);
        else if (p->error)
            return NULL;
        else
            p_reset(p, m);
    } else if (!else_block(p, &orelse)) {
        return fail(p, start);
    }
    ast_node *s = p_new(p, AST_If, start);
    s->v.If.test = test;
    s->v.If.body = body;
    s->v.If.orelse = orelse;
    return s;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static ast_node *while_stmt(parser *p)
{
    int start = p_mark(p);
    ast_node *test;
    ast_seq *body, *orelse;
    if (!cond_and_block(p, "'while' statement", &test, &body) || !else_block(p, &orelse))
        return fail(p, start);
    ast_node *s = p_new(p, AST_While, start);
    s->v.While.test = test;
    s->v.While.body = body;
    s->v.While.orelse = orelse;
    return s;
}

/* ---- for ---- */

/* invalid_for_target: 'async'? 'for' star_expressions */
static void invalid_for_target(parser *p, int after_for)
{
    p_reset(p, after_for);
    ast_node *a = parse_star_expressions(p);
    if (a)
        stmt_raise_invalid_target(p, P_TARGETS_FOR, a);
}

/* for_stmt:
 *     | ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
 *     | invalid_for_target
 * with invalid_for_stmt's "expected ':'" and indented-block checks. */
static ast_node *for_stmt(parser *p)
{
    int start = p_mark(p);
    int is_async = p_accept_kw(p, KW_async) != NULL;
    token *kw = p_next(p); /* 'for' */
    int after_for = p_mark(p);
    ast_node *target = parse_star_targets(p);
    if (!target || !p_accept_kw(p, KW_in)) {
        if (!p->error && p->call_invalid_rules)
            invalid_for_target(p, after_for);
        return fail(p, start);
    }
    /* After the cut no other alternative is tried. */
    ast_node *iter = parse_star_expressions(p);
    if (!iter)
        return fail(p, start);
    if (p->call_invalid_rules && p_at_type(p, T_NEWLINE))
        return p_raise(p, "expected ':'");
    if (!p_accept_op(p, OP_COLON))
        return fail(p, start);
    if (stmt_check_indented_block(p, "'for' statement", kw->lineno))
        return NULL;
    ast_seq *body = stmt_block(p), *orelse;
    if (!body || !else_block(p, &orelse))
        return fail(p, start);
    ast_node *s = p_new(p, is_async ? AST_AsyncFor : AST_For, start);
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = body;
    s->v.For.orelse = orelse;
    return s;
}

/* ---- with ---- */

static int at_item_end(parser *p)
{
    token *t = p_peek(p);
    return is_op(t, OP_COMMA) || is_op(t, OP_RPAR) || is_op(t, OP_COLON);
}

/* with_item:
 *     | expression 'as' star_target &(',' | ')' | ':')
 *     | invalid_with_item: expression 'as' expression &(',' | ')' | ':')
 *     | expression */
static ast_node *with_item(parser *p)
{
    ast_node *e = parse_expression(p);
    if (!e)
        return NULL;
    ast_node *target = NULL;
    if (p_at_kw(p, KW_as)) {
        int before_as = p_mark(p);
        p_next(p);
        target = parse_star_target(p);
        if (target && !at_item_end(p))
            target = NULL;
        if (!target && !p->error && p->call_invalid_rules) {
            p_reset(p, before_as + 1);
            ast_node *a = parse_expression(p);
            if (a && at_item_end(p) && stmt_raise_invalid_target(p, P_TARGETS_STAR, a))
                return NULL;
        }
        if (p->error)
            return NULL;
        if (!target)
            p_reset(p, before_as);
    }
    ast_node *item = ast_new(p->a, AST_withitem);
    item->v.withitem.context_expr = e;
    item->v.withitem.optional_vars = target;
    return item;
}

/* ','.with_item+ */
static ast_seq *with_items(parser *p)
{
    p_vec v;
    vec_init(&v);
    for (;;) {
        ast_node *item = with_item(p);
        if (!item) {
            if (p->error || v.n == 0)
                return NULL;
            p_reset(p, p_mark(p) - 1);
            break;
        }
        vec_push(p, &v, item);
        if (!p_accept_op(p, OP_COMMA))
            break;
    }
    return vec_seq(p, &v);
}

/* invalid_with_stmt, second pass, after the real alternatives failed:
 *     | ['async'] 'with' ','.(expression ['as' star_target])+ NEWLINE
 *     | ['async'] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE */
static void invalid_with_stmt(parser *p, int after_with)
{
    p_reset(p, after_with);
    int n = 0;
    for (;;) {
        int m = p_mark(p);
        if ((n > 0 && !p_accept_op(p, OP_COMMA)) || !parse_expression(p)) {
            if (!p->error)
                p_reset(p, m);
            break;
        }
        n++;
        if (p_at_kw(p, KW_as)) {
            int before_as = p_mark(p);
            p_next(p);
            if (!parse_star_target(p))
                p_reset(p, before_as);
        }
    }
    if (p->error)
        return;
    if (n > 0 && p_at_type(p, T_NEWLINE)) {
        p_raise(p, "expected ':'");
        return;
    }
    p_reset(p, after_with);
    if (!p_accept_op(p, OP_LPAR))
        return;
    for (;;) {
        if (!parse_expressions(p))
            return;
        if (p_at_kw(p, KW_as)) {
            int m = p_mark(p);
            p_next(p);
            if (!parse_star_target(p))
                p_reset(p, m);
        }
        if (!p_accept_op(p, OP_COMMA))
            break;
        if (p_at_op(p, OP_RPAR))
            break;
    }
    if (p->error)
        return;
    if (p_accept_op(p, OP_RPAR) && p_at_type(p, T_NEWLINE))
        p_raise(p, "expected ':'");
}

/* with_stmt:
 *     | ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | ['async'] 'with' ','.with_item+ ':' block
 *     | invalid_with_stmt
 * plus invalid_with_stmt_indent (checked once the ':' is reached). */
static ast_node *with_stmt(parser *p)
{
    int start = p_mark(p);
    int is_async = p_accept_kw(p, KW_async) != NULL;
    token *kw = p_next(p); /* 'with' */
    int after_with = p_mark(p);
    ast_seq *items = NULL;
    if (p_accept_op(p, OP_LPAR)) {
        p->nest++;
        items = with_items(p);
        if (items) {
            p_accept_op(p, OP_COMMA);
            if (!p_at_op(p, OP_RPAR))
                items = NULL;
        }
        p->nest--;
        if (items && (!p_accept_op(p, OP_RPAR) || !p_accept_op(p, OP_COLON)))
            items = NULL;
        if (p->error)
            return NULL;
        if (!items)
            p_reset(p, after_with);
    }
    if (!items) {
        items = with_items(p);
        if (items && !p_accept_op(p, OP_COLON))
            items = NULL;
    }
    if (!items) {
        if (!p->error && p->call_invalid_rules)
            invalid_with_stmt(p, after_with);
        return fail(p, start);
    }
    if (stmt_check_indented_block(p, "'with' statement", kw->lineno))
        return NULL;
    ast_seq *body = stmt_block(p);
    if (!body)
        return fail(p, start);
    ast_node *s = p_new(p, is_async ? AST_AsyncWith : AST_With, start);
    s->v.With.items = items;
    s->v.With.body = body;
    return s;
}

/* ---- try ---- */

/* except_block / except_star_block:
 *     | 'except' ['*'] expression ':' block
 *     | 'except' ['*'] expression 'as' NAME ':' block
 *     | 'except' ['*'] expressions ':' block       (PEP 758)
 *     | 'except' ':' block                          (not with '*')
 * and their invalid_except[_star]_stmt[_indent] rules. */
static ast_node *except_block(parser *p, int star)
{
    int start = p_mark(p);
    token *kw = p_next(p);
    if (star)
        p_next(p);
    const char *what = star ? "'except*' statement" : "'except' statement";
    const char *stmt = star ? "except*" : "except";
    ast_node *type = NULL;
    const char *name = NULL;
    if (p_at_op(p, OP_COLON) || (star && p_at_type(p, T_NEWLINE))) {
        if (star) {
            if (p->call_invalid_rules)
                return p_raise(p, "expected one or more exception types");
            return fail(p, start);
        }
    } else {
        int after_kw = p_mark(p);
        type = parse_expression(p);
        if (!type) {
            if (!p->error && p->call_invalid_rules && p_at_type(p, T_NEWLINE))
                return p_raise(p, "expected ':'");
            return fail(p, start);
        }
        if (p_at_kw(p, KW_as)) {
            int after_as = p_mark(p) + 1;
            p_next(p);
            token *n = p_accept_name(p);
            if (n && p_at_op(p, OP_COLON)) {
                name = p_ident(p, n);
            } else if (p->call_invalid_rules) {
                if (n && p_at_type(p, T_NEWLINE))
                    return p_raise(p, "expected ':'");
                p_reset(p, after_as);
                ast_node *a = parse_expression(p);
                if (a && p_accept_op(p, OP_COLON) && stmt_block(p))
                    return P_RAISE_NODE(p, a, "cannot use %s statement with %s", stmt,
                                        p_expr_name(a));
                return fail(p, start);
            } else {
                return fail(p, start);
            }
        } else if (p_at_op(p, OP_COMMA)) {
            p_reset(p, after_kw);
            type = parse_expressions(p);
            if (!type)
                return fail(p, start);
            if (p->call_invalid_rules && p_at_kw(p, KW_as)) {
                int m = p_mark(p);
                p_next(p);
                if (p_accept_name(p) && p_at_op(p, OP_COLON))
                    return p_raise_from(p, p_loc_node(AST_SEQ_NODE(type->v.Tuple.elts, 0)),
                                        "multiple exception types must be parenthesized when using 'as'");
                p_reset(p, m);
            }
        } else if (p->call_invalid_rules && p_at_type(p, T_NEWLINE)) {
            /* 'except' expression ['as' NAME] NEWLINE; not after a bare
             * tuple of types, which is plain invalid syntax */
            return p_raise(p, "expected ':'");
        }
    }
    if (!p_accept_op(p, OP_COLON)) {
        if (p->call_invalid_rules && !star && !type && p_at_type(p, T_NEWLINE))
            return p_raise(p, "expected ':'");
        return fail(p, start);
    }
    if (stmt_check_indented_block(p, what, kw->lineno))
        return NULL;
    ast_seq *body = stmt_block(p);
    if (!body)
        return fail(p, start);
    ast_node *h = p_new(p, AST_ExceptHandler, start);
    h->v.ExceptHandler.type = type;
    h->v.ExceptHandler.name = name;
    h->v.ExceptHandler.body = body;
    return h;
}

static int at_except_star(parser *p)
{
    return p_at_kw(p, KW_except) && is_op(p_peek_n(p, 1), OP_STAR);
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' block
 * Returns 0 only on error; no match leaves *out NULL. */
static int finally_block(parser *p, ast_seq **out)
{
    *out = NULL;
    if (!p_at_kw(p, KW_finally))
        return 1;
    int start = p_mark(p);
    token *kw = p_next(p);
    if (!p_expect_forced_op(p, OP_COLON, "':'"))
        return 0;
    if (stmt_check_indented_block(p, "'finally' statement", kw->lineno))
        return 0;
    *out = stmt_block(p);
    if (!*out)
        fail(p, start);
    return !p->error;
}

/* The mixing errors of invalid_try_stmt, once the handlers of one kind
 * have been read and an 'except' of the other kind follows. */
static void invalid_try_mix(parser *p, int star)
{
    int m = p_mark(p);
    token *kw = p_next(p);
    if (!star) {
        token *s = p_next(p); /* '*' */
        if (parse_expression(p)) {
            if (p_accept_kw(p, KW_as) && !p_accept_name(p))
                goto out;
            if (p_at_op(p, OP_COLON))
                p_raise_range(p, "SyntaxError", p_loc_tok(kw), p_loc_tok(s),
                              "cannot have both 'except' and 'except*' on the same 'try'");
        }
    } else {
        if (parse_expression(p)) {
            if (p_accept_kw(p, KW_as) && !p_accept_name(p))
                goto out;
        }
        if (!p->error && p_at_op(p, OP_COLON))
            P_RAISE_TOK(p, kw, "cannot have both 'except' and 'except*' on the same 'try'");
    }
out:
    if (!p->error)
        p_reset(p, m);
}

/* try_stmt:
 *     | invalid_try_stmt
 *     | 'try' &&':' block finally_block
 *     | 'try' &&':' block except_block+ [else_block] [finally_block]
 *     | 'try' &&':' block except_star_block+ [else_block] [finally_block] */
static ast_node *try_stmt(parser *p)
{
    int start = p_mark(p);
    token *kw = p_next(p);
    if (p_at_op(p, OP_COLON) && p->call_invalid_rules) {
        p_next(p);
        if (stmt_check_indented_block(p, "'try' statement", kw->lineno))
            return NULL;
        p_reset(p, start + 1);
    }
    if (!p_expect_forced_op(p, OP_COLON, "':'"))
        return NULL;
    ast_seq *body = stmt_block(p);
    if (!body)
        return fail(p, start);
    if (p->call_invalid_rules && !p_at_kw(p, KW_except) && !p_at_kw(p, KW_finally))
        return p_raise(p, "expected 'except' or 'finally' block");
    ast_seq *orelse = NULL, *finalbody = NULL;
    p_vec handlers;
    vec_init(&handlers);
    int star = at_except_star(p);
    if (!p_at_kw(p, KW_finally)) {
        while (p_at_kw(p, KW_except) && at_except_star(p) == star) {
            ast_node *h = except_block(p, star);
            if (!h) {
                if (p->error)
                    return NULL;
                break;
            }
            vec_push(p, &handlers, h);
        }
        if (handlers.n == 0)
            return fail(p, start);
        if (p->call_invalid_rules && p_at_kw(p, KW_except)) {
            invalid_try_mix(p, star);
            if (p->error)
                return NULL;
        }
        if (!else_block(p, &orelse))
            return fail(p, start);
    }
    if (!finally_block(p, &finalbody))
        return fail(p, start);
    if (handlers.n == 0 && !finalbody)
        return fail(p, start);
    ast_node *s = p_new(p, star ? AST_TryStar : AST_Try, start);
    s->v.Try.body = body;
    s->v.Try.handlers = vec_seq(p, &handlers);
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = finalbody;
    return s;
}

/* ---- type parameters ---- */

/* type_param:
 *     | NAME [':' expression] ['=' expression]
 *     | invalid_type_param
 *     | '*' NAME ['=' star_expression]
 *     | '**' NAME ['=' expression] */
static ast_node *type_param(parser *p)
{
    int start = p_mark(p);
    int stars = p_accept_op(p, OP_STAR) ? 1 : p_accept_op(p, OP_DOUBLESTAR) ? 2 : 0;
    token *name = p_accept_name(p);
    if (!name)
        return fail(p, start);
    ast_node *bound = NULL, *def = NULL;
    if (p_at_op(p, OP_COLON)) {
        token *colon = p_next(p);
        bound = parse_expression(p);
        if (!bound)
            return fail(p, start);
        if (stars) {
            if (!p->call_invalid_rules)
                return fail(p, start);
            const char *kind = stars == 1 ? "TypeVarTuple" : "ParamSpec";
            if (bound->kind == AST_Tuple)
                return p_raise_from(p, p_loc_tok(colon), "cannot use constraints with %s", kind);
            return p_raise_from(p, p_loc_tok(colon), "cannot use bound with %s", kind);
        }
    }
    if (p_at_op(p, OP_EQUAL)) {
        int m = p_mark(p);
        p_next(p);
        def = stars == 1 ? parse_star_expression(p) : parse_expression(p);
        if (!def) {
            if (p->error)
                return NULL;
            p_reset(p, m);
        }
    }
    ast_node *t;
    if (stars == 0) {
        t = p_new(p, AST_TypeVar, start);
        t->v.TypeVar.name = p_ident(p, name);
        t->v.TypeVar.bound = bound;
        t->v.TypeVar.default_value = def;
    } else if (stars == 1) {
        t = p_new(p, AST_TypeVarTuple, start);
        t->v.TypeVarTuple.name = p_ident(p, name);
        t->v.TypeVarTuple.default_value = def;
    } else {
        t = p_new(p, AST_ParamSpec, start);
        t->v.ParamSpec.name = p_ident(p, name);
        t->v.ParamSpec.default_value = def;
    }
    return t;
}

/* type_param_seq: ','.type_param+ [','] */
static int type_param_seq(parser *p, p_vec *v)
{
    for (;;) {
        ast_node *t = type_param(p);
        if (!t)
            return !p->error && v->n > 0;
        vec_push(p, v, t);
        if (!p_accept_op(p, OP_COMMA))
            return 1;
    }
}

/* type_params: invalid_type_params | '[' type_param_seq ']'
 * invalid_type_params: '[' ']' */
int stmt_type_params(parser *p, ast_seq **out)
{
    int start = p_mark(p);
    if (!p_accept_op(p, OP_LSQB))
        return 0;
    if (p->call_invalid_rules && p_at_op(p, OP_RSQB)) {
        p_raise_from(p, p_loc_tok(p_peek(p)), "Type parameter list cannot be empty");
        return 0;
    }
    p_vec v;
    vec_init(&v);
    p->nest++;
    int ok = type_param_seq(p, &v);
    p->nest--;
    if (!ok || !p_accept_op(p, OP_RSQB)) {
        fail(p, start);
        return 0;
    }
    *out = vec_seq(p, &v);
    return 1;
}

/* ---- definitions ---- */

/* function_def_raw:
 *     | invalid_def_raw
 *     | ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block
 * invalid_def_raw (second pass) forces the '(' and the ':' and checks for
 * the indented block. */
static ast_node *function_def_raw(parser *p, ast_seq *decorators)
{
    int start = p_mark(p);
    int is_async = p_accept_kw(p, KW_async) != NULL;
    token *kw = p_accept_kw(p, KW_def);
    token *name = kw ? p_accept_name(p) : NULL;
    if (!name)
        return fail(p, start);
    ast_seq *tparams = NULL;
    if (p_at_op(p, OP_LSQB) && !stmt_type_params(p, &tparams) && p->error)
        return NULL;
    int forced = p->call_invalid_rules;
    if (forced ? !p_expect_forced_op(p, OP_LPAR, "'('") : !p_accept_op(p, OP_LPAR))
        return fail(p, start);
    ast_node *args = NULL;
    if (!p_at_op(p, OP_RPAR)) {
        p->nest++;
        args = parse_params(p, 0);
        p->nest--;
        if (!args && p->error)
            return NULL;
    }
    if (!p_accept_op(p, OP_RPAR))
        return fail(p, start);
    if (!args)
        args = ast_new(p->a, AST_arguments);
    ast_node *returns = NULL;
    if (p_at_op(p, OP_RARROW)) {
        int m = p_mark(p);
        p_next(p);
        returns = parse_expression(p);
        if (!returns) {
            if (p->error)
                return NULL;
            p_reset(p, m);
        }
    }
    if (forced ? !p_expect_forced_op(p, OP_COLON, "':'") : !p_accept_op(p, OP_COLON))
        return fail(p, start);
    if (stmt_check_indented_block(p, "function definition", kw->lineno))
        return NULL;
    ast_seq *body = stmt_block(p);
    if (!body)
        return fail(p, start);
    ast_node *s = p_new(p, is_async ? AST_AsyncFunctionDef : AST_FunctionDef, start);
    s->v.FunctionDef.name = p_ident(p, name);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decorators;
    s->v.FunctionDef.returns = returns;
    s->v.FunctionDef.type_params = tparams;
    return s;
}

/* class_def_raw:
 *     | invalid_class_def_raw
 *     | 'class' NAME [type_params] ['(' [arguments] ')'] ':' block */
static ast_node *class_def_raw(parser *p, ast_seq *decorators)
{
    int start = p_mark(p);
    token *kw = p_next(p);
    token *name = p_accept_name(p);
    if (!name)
        return fail(p, start);
    ast_seq *tparams = NULL, *bases = NULL, *keywords = NULL;
    if (p_at_op(p, OP_LSQB) && !stmt_type_params(p, &tparams) && p->error)
        return NULL;
    if (p_at_op(p, OP_LPAR)) {
        int m = p_mark(p);
        p_next(p);
        p->nest++;
        int ok = p_at_op(p, OP_RPAR) || parse_call_arguments(p, &bases, &keywords);
        p->nest--;
        if (p->error)
            return NULL;
        if (!ok || !p_accept_op(p, OP_RPAR)) {
            bases = keywords = NULL;
            p_reset(p, m);
        }
    }
    if (p->call_invalid_rules && p_at_type(p, T_NEWLINE))
        return p_raise(p, "expected ':'");
    if (!p_accept_op(p, OP_COLON))
        return fail(p, start);
    if (stmt_check_indented_block(p, "class definition", kw->lineno))
        return NULL;
    ast_seq *body = stmt_block(p);
    if (!body)
        return fail(p, start);
    ast_node *s = p_new(p, AST_ClassDef, start);
    s->v.ClassDef.name = p_ident(p, name);
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = keywords;
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decorators;
    s->v.ClassDef.type_params = tparams;
    return s;
}

/* decorators: ('@' named_expression NEWLINE)+, then the definition; its
 * position is the def/class line's, as in CPython. */
static ast_node *decorated(parser *p)
{
    int start = p_mark(p);
    p_vec v;
    vec_init(&v);
    while (p_at_op(p, OP_AT)) {
        int m = p_mark(p);
        p_next(p);
        ast_node *e = parse_named_expression(p);
        if (!e || !p_accept_type(p, T_NEWLINE)) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, e);
    }
    if (v.n == 0)
        return fail(p, start);
    ast_seq *decorators = vec_seq(p, &v);
    token *t = p_peek(p);
    ast_node *s = NULL;
    if (is_kw(t, KW_def) || (is_kw(t, KW_async) && is_kw(p_peek_n(p, 1), KW_def)))
        s = function_def_raw(p, decorators);
    else if (is_kw(t, KW_class))
        s = class_def_raw(p, decorators);
    if (!s)
        return fail(p, start);
    return s;
}

/* compound_stmt:
 *     | &('def' | '@' | 'async') function_def | &'if' if_stmt
 *     | &('class' | '@') class_def | &('with' | 'async') with_stmt
 *     | &('for' | 'async') for_stmt | &'try' try_stmt | &'while' while_stmt
 *     | match_stmt */
ast_node *stmt_compound(parser *p)
{
    token *t = p_peek(p);
    if (is_op(t, OP_AT))
        return decorated(p);
    if (t->type != T_NAME)
        return NULL;
    switch (t->kw) {
    case KW_def: return function_def_raw(p, NULL);
    case KW_if: return if_stmt(p);
    case KW_class: return class_def_raw(p, NULL);
    case KW_with: return with_stmt(p);
    case KW_for: return for_stmt(p);
    case KW_try: return try_stmt(p);
    case KW_while: return while_stmt(p);
    case KW_async: {
        token *n = p_peek_n(p, 1);
        if (is_kw(n, KW_def))
            return function_def_raw(p, NULL);
        if (is_kw(n, KW_with))
            return with_stmt(p);
        if (is_kw(n, KW_for))
            return for_stmt(p);
        return NULL;
    }
    case SKW_match: return stmt_match(p);
    default: return NULL;
    }
}
