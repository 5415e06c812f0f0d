/* parse_args.c - call arguments and def/lambda parameters.
 *
 * Both are parsed in one left-to-right pass that keeps track of which kinds
 * of items have been seen, instead of CPython's alternatives that re-parse
 * the list once per shape; the orderings CPython's grammar rejects are
 * rejected at the same item, with the second pass's messages. */
#include "parse_expr_int.h"

/* ---- call arguments ---- */

typedef struct call_state {
    p_vec args, kws;
    int seen_keyword;   /* a NAME=value or **value item */
    int seen_dstar;     /* a **value item */
    token *dstar_comma; /* the comma after the last **value item */
} call_state;

static ast_node *keyword_node(parser *p, int start, token *name, ast_node *value)
{
    ast_node *k = p_new(p, AST_keyword, start);
    k->v.keyword.arg = name ? p_ident(p, name) : NULL;
    k->v.keyword.value = value;
    return k;
}

/* invalid_kwarg, second pass, at an item that starts at `start`:
 *     | ('True'|'False'|'None') '='        "cannot assign to True"
 *     | NAME '=' expression for_if_clauses "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
 *     | !(NAME '=') expression '='         "expression cannot contain assignment, perhaps you meant \"==\"?"
 *     | '**' expression '=' expression     "cannot assign to keyword argument unpacking" */
static int invalid_kwarg(parser *p, int start)
{
    p_reset(p, start);
    token *t = pe_peek(p);
    if (t->type == T_NAME && (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None) &&
        pe_at_op_n(p, 1, OP_EQUAL)) {
        p_raise_range(p, "SyntaxError", p_loc_tok(t), p_loc_tok(p_peek_n(p, 1)),
                      "cannot assign to %s", tok_kw_text(t->kw));
        return 1;
    }
    if (pe_is_name(t) && pe_at_op_n(p, 1, OP_EQUAL)) {
        p_next(p);
        token *eq = p_next(p);
        if (parse_expression(p) && pe_at_comprehension(p) && pe_for_if_clauses(p)) {
            p_raise_range(p, "SyntaxError", p_loc_tok(t), p_loc_tok(eq),
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return 1;
        }
        if (p->error)
            return 1;
        p_reset(p, start);
        return 0;
    }
    if (t->type == T_OP && t->op == OP_DOUBLESTAR) {
        p_next(p);
        if (parse_expression(p) && pe_accept_op(p, OP_EQUAL)) {
            ast_node *b = parse_expression(p);
            if (b) {
                p_raise_range(p, "SyntaxError", p_loc_tok(t), p_loc_node(b),
                              "cannot assign to keyword argument unpacking");
                return 1;
            }
        }
        if (p->error)
            return 1;
        p_reset(p, start);
        return 0;
    }
    ast_node *a = parse_expression(p);
    if (a && pe_at_op(p, OP_EQUAL)) {
        p_raise_range(p, "SyntaxError", p_loc_node(a), p_loc_tok(pe_peek(p)),
                      "expression cannot contain assignment, perhaps you meant \"==\"?");
        return 1;
    }
    if (p->error)
        return 1;
    p_reset(p, start);
    return 0;
}

/* A positional argument: assignment_expression | expression !':=' */
static ast_node *positional(parser *p)
{
    if (pe_is_name(pe_peek(p)) && pe_at_op_n(p, 1, OP_COLONEQUAL))
        return parse_named_expression(p);
    int start = p_mark(p);
    ast_node *e = parse_expression(p);
    if (e && pe_at_op(p, OP_COLONEQUAL)) {
        p_reset(p, start);
        return NULL;
    }
    return e;
}

/* The last expression of a comprehension: its last 'if', else its iterable. */
static ast_node *last_comprehension_item(ast_seq *gens)
{
    ast_node *c = AST_SEQ_NODE(gens, gens->n - 1);
    ast_seq *ifs = c->v.comprehension.ifs;
    return AST_SEQ_LEN(ifs) ? AST_SEQ_NODE(ifs, ifs->n - 1) : c->v.comprehension.iter;
}

/* Skip the rest of an argument list as CPython's second `args` in
 * invalid_arguments' `a=args ',' args` would, so that the tokens fetched
 * (where RAISE_SYNTAX_ERROR points) are the same. */
static int skip_args(parser *p)
{
    for (int n = 0;; n++) {
        token *t = pe_peek(p);
        int ok;
        if (t->type == T_OP && (t->op == OP_STAR || t->op == OP_DOUBLESTAR)) {
            p->pos++;
            ok = parse_expression(p) != NULL;
        } else if (pe_is_name(t) && pe_at_op_n(p, 1, OP_EQUAL)) {
            p->pos += 2;
            ok = parse_expression(p) != NULL;
        } else {
            ok = positional(p) != NULL && !pe_at_op(p, OP_EQUAL);
        }
        if (!ok || p->error)
            return n;
        if (!pe_accept_op(p, OP_COMMA))
            return n + 1;
    }
}

/* A positional argument after a keyword one. CPython's kwargs rule only
 * accepts NAME '=', '*' and '**' there, so the first pass fails at the
 * item's first token; the second pass reports it:
 *     | args ',' a=expression b=for_if_clauses
 *         "Generator expression must be parenthesized"
 *     | a=args ',' args
 *         "positional argument follows keyword argument [unpacking]"
 *           (at the last token the second args fetched) */
static int positional_after_keyword(parser *p, call_state *st)
{
    if (!pe_second(p))
        return 0;
    int m = p_mark(p);
    ast_node *e = parse_expression(p);
    if (e && pe_at_comprehension(p)) {
        ast_seq *gens = pe_for_if_clauses(p);
        if (gens) {
            P_RAISE_NODES(p, e, last_comprehension_item(gens),
                          "Generator expression must be parenthesized");
            return 0;
        }
    }
    if (p->error)
        return 0;
    p_reset(p, m);
    if (skip_args(p) > 0 && !p->error)
        p_raise(p, st->seen_dstar ? "positional argument follows keyword argument unpacking"
                                  : "positional argument follows keyword argument");
    return 0;
}

/* One item of the argument list. Returns 0 on failure. */
static int call_item(parser *p, call_state *st, int allow_genexp, int lpar, int first)
{
    int start = p_mark(p);
    token *t = pe_peek(p);
    if (t->type == T_OP && t->op == OP_DOUBLESTAR) {
        p_next(p);
        ast_node *v = parse_expression(p);
        if (!v)
            return 0;
        if (pe_second(p) && pe_at_op(p, OP_EQUAL)) {
            invalid_kwarg(p, start);
            return 0;
        }
        vec_push(p, &st->kws, keyword_node(p, start, NULL, v));
        st->seen_keyword = st->seen_dstar = 1;
        return 1;
    }
    if (t->type == T_OP && t->op == OP_STAR) {
        if (st->seen_dstar) {
            /* invalid_arguments: ... kwargs ',' starred: "iterable argument
             * unpacking follows keyword argument unpacking". In the first
             * pass CPython's kwargs rule stops at the '*' itself. */
            if (pe_second(p) && pe_starred_expression(p) && st->dstar_comma)
                p_raise_from(p, p_loc_tok(st->dstar_comma),
                             "iterable argument unpacking follows keyword argument unpacking");
            return 0;
        }
        ast_node *s = pe_starred_expression(p);
        if (!s)
            return 0;
        vec_push(p, &st->args, s);
        return 1;
    }
    if (pe_is_name(t) && pe_at_op_n(p, 1, OP_EQUAL)) {
        p_next(p);
        token *eq = p_next(p);
        if (pe_second(p)) {
            token *u = pe_peek(p);
            if (u->type == T_OP && (u->op == OP_COMMA || u->op == OP_RPAR)) {
                p_raise_range(p, "SyntaxError", p_loc_tok(t), p_loc_tok(eq),
                              "expected argument value expression");
                return 0;
            }
        }
        ast_node *v = parse_expression(p);
        if (!v)
            return 0;
        if (pe_second(p) && pe_at_comprehension(p)) {
            invalid_kwarg(p, start);
            return 0;
        }
        vec_push(p, &st->kws, keyword_node(p, start, t, v));
        st->seen_keyword = 1;
        return 1;
    }
    if (pe_second(p) && t->type == T_NAME &&
        (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None) && pe_at_op_n(p, 1, OP_EQUAL)) {
        invalid_kwarg(p, start);
        return 0;
    }
    if (st->seen_keyword)
        return positional_after_keyword(p, st);
    ast_node *e = positional(p);
    if (!e) {
        if (!p->error && pe_second(p) && t->type == T_OP && t->op == OP_STAR)
            p_raise(p, "Invalid star expression");
        return 0;
    }
    /* CPython looks for a comprehension after the first argument only
     * (the genexp alternative); peeking at `async`'s next token elsewhere
     * would move the first pass's furthest token. */
    if (((first && allow_genexp) || pe_second(p)) && pe_at_comprehension(p)) {
        if (first && (allow_genexp || pe_second(p))) {
            ast_seq *gens = pe_for_if_clauses(p);
            if (!gens)
                return 0;
            if (allow_genexp && pe_at_op(p, OP_RPAR)) {
                /* primary genexp: the generator spans the parentheses */
                p_next(p);
                ast_node *g = p_new(p, AST_GeneratorExp, lpar);
                g->v.GeneratorExp.elt = e;
                g->v.GeneratorExp.generators = gens;
                p_reset(p, p_mark(p) - 1);
                vec_push(p, &st->args, g);
                return 1;
            }
            if (pe_second(p) && pe_at_op(p, OP_COMMA))
                P_RAISE_NODES(p, e, last_comprehension_item(gens),
                              "Generator expression must be parenthesized");
            return 0;
        }
        if (pe_second(p)) {
            ast_seq *gens = pe_for_if_clauses(p);
            if (gens && (st->args.n + st->kws.n > 0))
                P_RAISE_NODES(p, e,
                              last_comprehension_item(gens),
                              "Generator expression must be parenthesized");
        }
        return 0;
    }
    if (pe_at_op(p, OP_EQUAL)) {
        if (pe_second(p))
            invalid_kwarg(p, start);
        return 0;
    }
    vec_push(p, &st->args, e);
    return 1;
}

int pe_call_args(parser *p, int allow_genexp, int lpar, ast_seq **args, ast_seq **keywords)
{
    call_state st = {0};
    vec_init(&st.args);
    vec_init(&st.kws);
    int first = 1;
    while (!pe_at_op(p, OP_RPAR)) {
        if (!call_item(p, &st, allow_genexp, lpar, first))
            return 0;
        first = 0;
        if (!pe_at_op(p, OP_COMMA))
            break;
        token *comma = p_next(p);
        if (st.seen_dstar)
            st.dstar_comma = comma;
    }
    if (!pe_at_op(p, OP_RPAR))
        return 0;
    *args = vec_seq(p, &st.args);
    *keywords = vec_seq(p, &st.kws);
    return 1;
}

/* arguments (memo): args [','] &')' | invalid_arguments */
int parse_call_arguments(parser *p, ast_seq **args, ast_seq **keywords)
{
    int start = p_mark(p);
    int ok = pe_call_args(p, 0, start, args, keywords);
    if (!ok && !p->error)
        p_reset(p, start);
    return ok;
}

/* ---- parameters ---- */

typedef struct param_state {
    int lambda;
    p_vec args, defaults, kwonly, kwdefaults;
    ast_seq *posonly;
    ast_node *vararg, *kwarg;
    int seen_slash, seen_star, seen_default;
} param_state;

/* param: NAME annotation?   (lambda_param: NAME)
 * annotation: ':' expression; star_annotation: ':' star_expression */
static ast_node *param(parser *p, param_state *st, int star_annotation)
{
    int start = p_mark(p);
    token *name = p_accept_name(p);
    if (!name)
        return NULL;
    ast_node *ann = NULL;
    if (!st->lambda && pe_accept_op(p, OP_COLON)) {
        ann = star_annotation ? parse_star_expression(p) : parse_expression(p);
        if (!ann)
            return NULL;
    }
    ast_node *a = p_new(p, AST_arg, start);
    a->v.arg.arg = p_ident(p, name);
    a->v.arg.annotation = ann;
    return a;
}

static int at_params_end(parser *p, param_state *st)
{
    return pe_at_op(p, st->lambda ? OP_COLON : OP_RPAR);
}

/* After an item: ',' or the closing token. */
static int param_separator(parser *p, param_state *st)
{
    if (pe_accept_op(p, OP_COMMA))
        return 1;
    return at_params_end(p, st);
}

static void *raise_at(parser *p, token *t, const char *msg)
{
    return P_RAISE_TOK(p, t, "%s", msg);
}

/* '/' : everything so far becomes positional-only. */
static int params_slash(parser *p, param_state *st)
{
    token *slash = pe_peek(p);
    if (pe_second(p)) {
        if (st->seen_star)
            return raise_at(p, slash, "/ must be ahead of *"), 0;
        if (st->seen_slash)
            return raise_at(p, slash, "/ may appear only once"), 0;
        /* invalid_parameters: a="/" ',' */
        if (st->args.n == 0 && pe_at_op_n(p, 1, OP_COMMA))
            return raise_at(p, slash, "at least one argument must precede /"), 0;
    }
    if (st->seen_star || st->seen_slash || st->args.n == 0)
        return 0;
    p_next(p);
    st->seen_slash = 1;
    st->posonly = vec_seq(p, &st->args);
    vec_init(&st->args);
    if (pe_second(p) && pe_at_op(p, OP_STAR))
        return raise_at(p, pe_peek(p), "expected comma between / and *"), 0;
    return param_separator(p, st);
}

/* '*' [param] : the var-positional parameter or a bare '*'. */
static int params_star(parser *p, param_state *st)
{
    token *star = p_next(p);
    if (st->seen_star) {
        if (pe_second(p))
            raise_at(p, star, "* argument may appear only once");
        return 0;
    }
    st->seen_star = 1;
    if (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        /* a bare '*' must be followed by a named parameter */
        if (at_params_end(p, st) || pe_at_op(p, OP_DOUBLESTAR)) {
            if (pe_second(p)) {
                if (st->lambda)
                    p_raise(p, "named arguments must follow bare *");
                else
                    raise_at(p, star, "named arguments must follow bare *");
            }
            return 0;
        }
        return 1;
    }
    if (at_params_end(p, st)) {
        if (pe_second(p)) {
            if (st->lambda)
                p_raise(p, "named arguments must follow bare *");
            else
                raise_at(p, star, "named arguments must follow bare *");
        }
        return 0;
    }
    ast_node *a = param(p, st, 1);
    if (!a)
        return 0;
    if (pe_at_op(p, OP_EQUAL)) {
        if (pe_second(p))
            raise_at(p, pe_peek(p), "var-positional argument cannot have default value");
        return 0;
    }
    st->vararg = a;
    return param_separator(p, st);
}

/* '**' param : the var-keyword parameter, which must come last. */
static int params_dstar(parser *p, param_state *st)
{
    p_next(p);
    ast_node *a = param(p, st, 0);
    if (!a)
        return 0;
    if (pe_at_op(p, OP_EQUAL)) {
        if (pe_second(p))
            raise_at(p, pe_peek(p), "var-keyword argument cannot have default value");
        return 0;
    }
    st->kwarg = a;
    if (!pe_accept_op(p, OP_COMMA))
        return at_params_end(p, st);
    if (at_params_end(p, st))
        return 1;
    if (pe_second(p)) {
        int m = p_mark(p);
        token *t = pe_peek(p);
        if (t->type == T_OP && (t->op == OP_STAR || t->op == OP_DOUBLESTAR || t->op == OP_SLASH)) {
            raise_at(p, t, "arguments cannot follow var-keyword argument");
        } else {
            ast_node *b = param(p, st, 0);
            if (b)
                P_RAISE_NODE(p, b, "arguments cannot follow var-keyword argument");
            else if (!p->error)
                p_reset(p, m);
        }
    }
    return 0;
}

/* NAME [annotation] ['=' expression] */
static int params_named(parser *p, param_state *st)
{
    ast_node *a = param(p, st, 0);
    if (!a)
        return 0;
    ast_node *def = NULL;
    if (pe_at_op(p, OP_EQUAL)) {
        token *eq = p_next(p);
        if (pe_second(p)) {
            token *u = pe_peek(p);
            if (u->type == T_OP && (u->op == OP_RPAR || u->op == OP_COMMA))
                return raise_at(p, eq, "expected default value expression"), 0;
        }
        def = parse_expression(p);
        if (!def)
            return 0;
    }
    if (st->seen_star) {
        vec_push(p, &st->kwonly, a);
        vec_push(p, &st->kwdefaults, def);
    } else if (def) {
        vec_push(p, &st->args, a);
        vec_push(p, &st->defaults, def);
        st->seen_default = 1;
    } else {
        if (st->seen_default) {
            /* invalid_parameters: "parameter without a default follows
             * parameter with a default" (needs the ',' or ')' after it) */
            if (pe_second(p) && (pe_at_op(p, OP_COMMA) || at_params_end(p, st)))
                P_RAISE_NODE(p, a, "parameter without a default follows parameter with a default");
            return 0;
        }
        vec_push(p, &st->args, a);
    }
    return param_separator(p, st);
}

/* invalid_parameters / invalid_lambda_parameters:
 *     param_no_default* '(' param_no_default+ ','? ')'
 *         "Function parameters cannot be parenthesized" */
static void invalid_parenthesized_params(parser *p, param_state *st)
{
    int m = p_mark(p);
    token *lpar = p_next(p);
    int n = 0;
    while (pe_is_name(pe_peek(p))) {
        p_next(p);
        if (!st->lambda && pe_accept_op(p, OP_COLON) && !parse_expression(p))
            break;
        n++;
        if (!pe_accept_op(p, OP_COMMA))
            break;
    }
    token *rpar = pe_peek(p);
    if (!p->error && n > 0 && rpar->type == T_OP && rpar->op == OP_RPAR)
        p_raise_range(p, "SyntaxError", p_loc_tok(lpar), p_loc_tok(rpar),
                      st->lambda ? "Lambda expression parameters cannot be parenthesized"
                                 : "Function parameters cannot be parenthesized");
    if (!p->error)
        p_reset(p, m);
}

static ast_seq *empty_seq(parser *p, p_vec *v)
{
    return v->n ? vec_seq(p, v) : NULL;
}

/* params / lambda_params, as one pass over the items. */
ast_node *parse_params(parser *p, int lambda)
{
    int start = p_mark(p);
    param_state st = {0};
    st.lambda = lambda;
    vec_init(&st.args);
    vec_init(&st.defaults);
    vec_init(&st.kwonly);
    vec_init(&st.kwdefaults);
    while (!at_params_end(p, &st)) {
        if (st.kwarg)
            goto fail;
        token *t = pe_peek(p);
        int ok;
        if (t->type == T_OP && t->op == OP_SLASH)
            ok = params_slash(p, &st);
        else if (t->type == T_OP && t->op == OP_STAR)
            ok = params_star(p, &st);
        else if (t->type == T_OP && t->op == OP_DOUBLESTAR)
            ok = params_dstar(p, &st);
        else if (pe_is_name(t))
            ok = params_named(p, &st);
        else {
            if (pe_second(p) && t->type == T_OP && t->op == OP_LPAR && !st.seen_star &&
                !st.seen_default)
                invalid_parenthesized_params(p, &st);
            ok = 0;
        }
        if (!ok)
            goto fail;
    }
    ast_node *n = ast_new(p->a, AST_arguments);
    n->v.arguments.posonlyargs = st.posonly;
    n->v.arguments.args = empty_seq(p, &st.args);
    n->v.arguments.vararg = st.vararg;
    n->v.arguments.kwonlyargs = empty_seq(p, &st.kwonly);
    /* kw_defaults holds a NULL for each keyword-only parameter without one */
    if (st.kwdefaults.n) {
        n->v.arguments.kw_defaults = ast_seq_new(p->a, st.kwdefaults.n);
        for (int i = 0; i < st.kwdefaults.n; i++)
            n->v.arguments.kw_defaults->items[i] = st.kwdefaults.items[i];
    }
    n->v.arguments.kwarg = st.kwarg;
    n->v.arguments.defaults = empty_seq(p, &st.defaults);
    return n;
fail:
    if (!p->error)
        p_reset(p, start);
    return NULL;
}
