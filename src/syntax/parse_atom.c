/* parse_atom.c - atoms: names, constants, numbers, strings (through
 * parse_string.c), and the bracketed displays: tuples, groups, lists, dicts,
 * sets, and their comprehensions, per CPython 3.14's Grammar/python.gram.
 *
 * The displays that share a prefix in the grammar (genexp / tuple / group,
 * listcomp / list, dictcomp / setcomp / dict / set) are told apart by the
 * token after their first element, which is parsed once. */
#include <stdlib.h>
#include <string.h>

#include "parse_expr_int.h"

/* ---- small helpers ---- */

ast_node *pe_name(parser *p, token *t)
{
    ast_node *n = p_new_loc(p, AST_Name, p_loc_tok(t), p_loc_tok(t));
    n->v.Name.id = p_ident(p, t);
    n->v.Name.ctx = CTX_Load;
    return n;
}

static ast_node *constant_tok(parser *p, token *t, ast_const_kind kind)
{
    ast_node *n = p_new_loc(p, AST_Constant, p_loc_tok(t), p_loc_tok(t));
    n->v.Constant.value.kind = kind;
    return n;
}

/* ---- numbers ---- */

/* The literal's text without underscores, NUL-terminated, in the arena. */
static char *strip_underscores(parser *p, const char *s, size_t len, size_t *out_len)
{
    char *r = arena_alloc(p->a, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '_')
            r[n++] = s[i];
    r[n] = '\0';
    *out_len = n;
    return r;
}

/* NUMBER: an int of any size (kept as digits and base), a float, or an
 * imaginary literal. The tokenizer has already validated the text. */
static ast_node *number(parser *p, token *t)
{
    ast_node *n = constant_tok(p, t, CONST_INT);
    ast_const *c = &n->v.Constant.value;
    size_t len;
    char *s = strip_underscores(p, t->start, (size_t)(t->end - t->start), &len);
    int base = 10;
    if (len > 1 && s[0] == '0') {
        char x = s[1];
        if (x == 'x' || x == 'X') base = 16;
        else if (x == 'o' || x == 'O') base = 8;
        else if (x == 'b' || x == 'B') base = 2;
    }
    if (base != 10) {
        c->u.i.digits = s + 2;
        c->u.i.len = (int)len - 2;
        c->u.i.base = base;
        return n;
    }
    char last = s[len - 1];
    if (last == 'j' || last == 'J') {
        s[len - 1] = '\0';
        c->kind = CONST_COMPLEX;
        c->u.f = strtod(s, NULL);
        return n;
    }
    if (strpbrk(s, ".eE")) {
        c->kind = CONST_FLOAT;
        c->u.f = strtod(s, NULL);
        return n;
    }
    c->u.i.digits = s;
    c->u.i.len = (int)len;
    c->u.i.base = 10;
    return n;
}

/* ---- atoms ---- */

static ast_node *paren_atom(parser *p);
static ast_node *list_atom(parser *p);
static ast_node *brace_atom(parser *p);

/* atom:
 *     | NAME | 'True' | 'False' | 'None'
 *     | &(STRING|FSTRING_START|TSTRING_START) strings
 *     | NUMBER
 *     | &'(' (genexp | tuple | group)
 *     | &'[' (listcomp | list)
 *     | &'{' (dictcomp | setcomp | dict | set)
 *     | '...' */
ast_node *pe_atom(parser *p)
{
    token *t = pe_peek(p);
    switch (t->type) {
    case T_NAME:
        switch (t->kw) {
        case KW_True: p_next(p); return constant_tok(p, t, CONST_TRUE);
        case KW_False: p_next(p); return constant_tok(p, t, CONST_FALSE);
        case KW_None: p_next(p); return constant_tok(p, t, CONST_NONE);
        default:
            if (KW_IS_HARD(t->kw))
                return NULL;
            p_next(p);
            return pe_name(p, t);
        }
    case T_NUMBER:
        p_next(p);
        return number(p, t);
    case T_STRING: case T_FSTRING_START: case T_TSTRING_START:
        return parse_strings(p);
    case T_OP:
        switch (t->op) {
        case OP_LPAR: return paren_atom(p);
        case OP_LSQB: return list_atom(p);
        case OP_LBRACE: return brace_atom(p);
        case OP_ELLIPSIS: p_next(p); return constant_tok(p, t, CONST_ELLIPSIS);
        default: return NULL;
        }
    default:
        return NULL;
    }
}

/* Element of a display: star_named_expression. */
static ast_node *star_named(parser *p)
{
    return parse_star_named_expression(p);
}

/* Parse ',' star_named_expression ... after a first element, up to (not
 * including) the closing bracket; a trailing comma is allowed. */
static int more_elements(parser *p, p_vec *v)
{
    while (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        int m = p_mark(p);
        ast_node *e = star_named(p);
        if (!e) {
            if (p->error)
                return 0;
            p_reset(p, m);
            break;
        }
        vec_push(p, v, e);
    }
    return 1;
}

static ast_node *comprehension_node(parser *p, ast_kind kind, int start, ast_node *elt,
                                    ast_seq *gens)
{
    ast_node *n = p_new(p, kind, start);
    switch (kind) {
    case AST_GeneratorExp: n->v.GeneratorExp.elt = elt; n->v.GeneratorExp.generators = gens; break;
    case AST_ListComp: n->v.ListComp.elt = elt; n->v.ListComp.generators = gens; break;
    case AST_SetComp: n->v.SetComp.elt = elt; n->v.SetComp.generators = gens; break;
    default: break;
    }
    return n;
}

/* invalid_comprehension (3.14):
 *     | ('[' | '(' | '{') a=starred_expression for_if_clauses
 *         "iterable unpacking cannot be used in comprehension"
 *     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
 *         "did you forget parentheses around the comprehension target?"
 *     | ('[' | '{') a=star_named_expression b=',' for_if_clauses  (same) */
static void invalid_comprehension_starred(parser *p, ast_node *first)
{
    if (!pe_second(p) || first->kind != AST_Starred || !pe_at_comprehension(p))
        return;
    int m = p_mark(p);
    if (pe_for_if_clauses(p))
        P_RAISE_NODE(p, first, "iterable unpacking cannot be used in comprehension");
    if (!p->error)
        p_reset(p, m);
}

/* In the second pass CPython meets a display's first element starting
 * with '*' in invalid_comprehension (tried before the plain displays) as
 *     ('[' | '(' | '{') a=starred_expression for_if_clauses
 * i.e. '*' followed by a whole expression, with the invalid rules on:
 * errors inside it (a missing comma, ...) are raised there. Returns 1 when
 * an error was raised; the position is unchanged otherwise. */
static int invalid_starred_first(parser *p)
{
    if (!pe_second(p) || !pe_at_op(p, OP_STAR))
        return 0;
    int m = p_mark(p);
    ast_node *s = pe_starred_expression(p);
    if (s && pe_at_comprehension(p))
        invalid_comprehension_starred(p, s);
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* After `[a, b` / `{a, b` with a comprehension next: CPython's third and
 * fourth invalid_comprehension alternatives. */
static void invalid_comprehension_target(parser *p, p_vec *v, token *last_comma)
{
    if (!pe_second(p) || v->n < 1 || !pe_at_comprehension(p))
        return;
    int m = p_mark(p);
    if (pe_for_if_clauses(p)) {
        ast_node *a = v->items[0];
        if (v->n == 1 && last_comma)
            p_raise_range(p, "SyntaxError", p_loc_node(a), p_loc_tok(last_comma),
                          "did you forget parentheses around the comprehension target?");
        else
            P_RAISE_NODES(p, a, (ast_node *)v->items[v->n - 1],
                          "did you forget parentheses around the comprehension target?");
    }
    if (!p->error)
        p_reset(p, m);
}

/* The comma just consumed, when the previous token is one. */
static token *prev_comma(parser *p)
{
    token *t = p_last_consumed(p);
    return t->type == T_OP && t->op == OP_COMMA ? t : NULL;
}

/* invalid_comprehension tried at an opening bracket that follows a
 * primary: CPython's `primary genexp` alternative reaches genexp's
 * invalid_comprehension, whose alternatives open with '(' '[' or '{'
 * (second pass only):
 *     | ('[' | '(' | '{') a=starred_expression for_if_clauses
 *     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
 *     | ('[' | '{') a=star_named_expression b=',' for_if_clauses
 * Whatever they parse is parsed with the invalid rules on, so errors
 * inside (`x {c d}`: a missing comma) are raised there. Returns 1 when an
 * error is set; the position is unchanged otherwise. */
int pe_invalid_comprehension(parser *p)
{
    int m = p_mark(p);
    token *open = p_next(p);
    p->nest++;
    if (pe_at_op(p, OP_STAR)) {
        ast_node *s = pe_starred_expression(p);
        if (s && pe_at_comprehension(p))
            invalid_comprehension_starred(p, s);
        if (!p->error)
            p_reset(p, m + 1);
    }
    if (!p->error && open->op != OP_LPAR) {
        p_vec v;
        vec_init(&v);
        ast_node *a = star_named(p);
        if (a && pe_at_op(p, OP_COMMA)) {
            vec_push(p, &v, a);
            token *comma = p_next(p);
            if (pe_at_comprehension(p)) {
                invalid_comprehension_target(p, &v, comma);
            } else {
                ast_node *b = star_named(p);
                if (b) {
                    vec_push(p, &v, b);
                    if (more_elements(p, &v))
                        invalid_comprehension_target(p, &v, NULL);
                }
            }
        }
    }
    p->nest--;
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* invalid_group: '(' a='**' expression ')'
 *     "cannot use double starred expression here" */
static void invalid_paren_doublestar(parser *p)
{
    token *dstar = p_next(p);
    if (parse_expression(p) && pe_at_op(p, OP_RPAR))
        P_RAISE_TOK(p, dstar, "cannot use double starred expression here");
}

/* '(' then: ')' (empty tuple) | yield_expr ')' (group) | genexp | tuple | group. */
static ast_node *paren_body(parser *p, int start)
{
    if (pe_accept_op(p, OP_RPAR)) {
        p_vec none;
        vec_init(&none);
        return pe_tuple(p, start, &none);
    }
    if (pe_at_kw(p, KW_yield)) {
        ast_node *y = parse_yield_expr(p);
        if (!y || !pe_accept_op(p, OP_RPAR))
            return NULL;
        return y;
    }
    if (pe_second(p) && pe_at_op(p, OP_DOUBLESTAR)) {
        invalid_paren_doublestar(p);
        return NULL;
    }
    if (invalid_starred_first(p))
        return NULL;
    ast_node *first = star_named(p);
    if (!first)
        return NULL;
    if (pe_at_comprehension(p)) {
        if (first->kind == AST_Starred) {
            invalid_comprehension_starred(p, first);
            return NULL;
        }
        ast_seq *gens = pe_for_if_clauses(p);
        if (!gens || !pe_accept_op(p, OP_RPAR))
            return NULL;
        return comprehension_node(p, AST_GeneratorExp, start, first, gens);
    }
    if (pe_at_op(p, OP_COMMA)) {
        p_vec v;
        vec_init(&v);
        vec_push(p, &v, first);
        if (!more_elements(p, &v) || !pe_accept_op(p, OP_RPAR))
            return NULL;
        return pe_tuple(p, start, &v);
    }
    if (!pe_at_op(p, OP_RPAR))
        return NULL;
    if (first->kind == AST_Starred) {
        /* invalid_group: '(' a=starred_expression ')' */
        if (pe_second(p) && first->v.Starred.value)
            P_RAISE_NODE(p, first, "cannot use starred expression here");
        return NULL;
    }
    p_next(p);
    return first;
}

static ast_node *paren_atom(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    p->nest++;
    int was = pe_set_shallow_off(p, 0), save = p->call_invalid_rules;
    if (was == PE_SHALLOW_REST)
        p->call_invalid_rules = 0;
    ast_node *r = paren_body(p, start);
    p->call_invalid_rules = save;
    pe_set_shallow_off(p, was);
    p->nest--;
    return r;
}

/* '[' then: ']' | listcomp | list. */
static ast_node *list_body(parser *p, int start)
{
    p_vec v;
    vec_init(&v);
    if (!pe_at_op(p, OP_RSQB)) {
        if (invalid_starred_first(p))
            return NULL;
        ast_node *first = star_named(p);
        if (!first)
            return NULL;
        if (pe_at_comprehension(p)) {
            if (first->kind == AST_Starred) {
                invalid_comprehension_starred(p, first);
                return NULL;
            }
            ast_seq *gens = pe_for_if_clauses(p);
            if (!gens || !pe_accept_op(p, OP_RSQB))
                return NULL;
            return comprehension_node(p, AST_ListComp, start, first, gens);
        }
        vec_push(p, &v, first);
        if (!more_elements(p, &v))
            return NULL;
        if (!pe_at_op(p, OP_RSQB)) {
            invalid_comprehension_target(p, &v, prev_comma(p));
            return NULL;
        }
    }
    p_next(p);
    ast_node *n = p_new(p, AST_List, start);
    n->v.List.elts = vec_seq(p, &v);
    n->v.List.ctx = CTX_Load;
    return n;
}

static ast_node *list_atom(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    p->nest++;
    int was = pe_set_shallow_off(p, 0), save = p->call_invalid_rules;
    if (was == PE_SHALLOW_REST)
        p->call_invalid_rules = 0;
    ast_node *r = list_body(p, start);
    p->call_invalid_rules = save;
    pe_set_shallow_off(p, was);
    p->nest--;
    return r;
}

/* ---- dicts and sets ---- */

/* A dict key: after the first element, with pe_set_shallow_off (see
 * parse_expr_int.h). */
static ast_node *dict_key(parser *p, int first)
{
    if (first || !pe_second(p))
        return parse_expression(p);
    int was = pe_set_shallow_off(p, PE_SHALLOW_LEADING);
    ast_node *k = parse_expression(p);
    pe_set_shallow_off(p, was);
    return k;
}

/* invalid_double_starred_kvpairs / invalid_kvpair (3.14), for the element
 * that starts at `m` (second pass only; raises or does nothing):
 *     | a=expression !(':')        "':' expected after dictionary key"
 *                                  (only after a first element)
 *     | expression ':' a='*' bitwise_or
 *                                  "cannot use a starred expression in a dictionary value"
 *     | expression a=':' &('}'|',') "expression expected after dictionary key and ':'" */
static void invalid_dict_element(parser *p, int m, int first)
{
    p_reset(p, m);
    ast_node *key = dict_key(p, first);
    if (!key)
        return;
    if (!pe_at_op(p, OP_COLON)) {
        if (!first) {
            p_loc at = {key->lineno, key->end_col_offset - 1, key->end_lineno, -1};
            p_raise_range(p, "SyntaxError", at, at, "':' expected after dictionary key");
        }
        return;
    }
    token *colon = p_next(p);
    token *u = pe_peek(p);
    if (u->type == T_OP && u->op == OP_STAR) {
        p_next(p);
        if (parse_bitwise_or(p))
            p_raise_from(p, p_loc_tok(u), "cannot use a starred expression in a dictionary value");
        return;
    }
    if (u->type == T_OP && (u->op == OP_RBRACE || u->op == OP_COMMA))
        P_RAISE_TOK(p, colon, "expression expected after dictionary key and ':'");
}

/* double_starred_kvpair: '**' bitwise_or | kvpair (kvpair: expression ':' expression) */
static int dict_element(parser *p, p_vec *keys, p_vec *values, int first)
{
    if (pe_accept_op(p, OP_DOUBLESTAR)) {
        ast_node *v = parse_bitwise_or(p);
        if (!v)
            return 0;
        vec_push(p, keys, NULL);
        vec_push(p, values, v);
        return 1;
    }
    ast_node *k = dict_key(p, first);
    if (!k || !pe_accept_op(p, OP_COLON))
        return 0;
    ast_node *v = parse_expression(p);
    if (!v)
        return 0;
    vec_push(p, keys, k);
    vec_push(p, values, v);
    return 1;
}

/* The rest of a dict after its first element. */
static ast_node *dict_rest(parser *p, int start, p_vec *keys, p_vec *values)
{
    while (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        if (pe_at_op(p, OP_RBRACE))
            break;
        int m = p_mark(p);
        if (!dict_element(p, keys, values, 0)) {
            if (!p->error && pe_second(p))
                invalid_dict_element(p, m, 0);
            return NULL;
        }
    }
    if (!pe_accept_op(p, OP_RBRACE))
        return NULL;
    ast_node *n = p_new(p, AST_Dict, start);
    /* Keys may be NULL (for '**'), so build the sequences by hand. */
    n->v.Dict.keys = keys->n ? ast_seq_new(p->a, keys->n) : NULL;
    n->v.Dict.values = vec_seq(p, values);
    for (int i = 0; i < keys->n; i++)
        n->v.Dict.keys->items[i] = keys->items[i];
    return n;
}

static ast_node *set_rest(parser *p, int start, ast_node *first)
{
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    if (!more_elements(p, &v))
        return NULL;
    if (!pe_at_op(p, OP_RBRACE)) {
        invalid_comprehension_target(p, &v, prev_comma(p));
        return NULL;
    }
    p_next(p);
    ast_node *n = p_new(p, AST_Set, start);
    n->v.Set.elts = vec_seq(p, &v);
    return n;
}

/* '{' then: '}' | dictcomp | setcomp | dict | set. The first element
 * decides: `k: v` or `**v` makes a dict, anything else a set. */
static ast_node *brace_body(parser *p, int start)
{
    p_vec keys, values;
    vec_init(&keys);
    vec_init(&values);
    if (pe_at_op(p, OP_RBRACE))
        return dict_rest(p, start, &keys, &values);
    int m = p_mark(p);
    if (pe_at_op(p, OP_DOUBLESTAR)) {
        if (!dict_element(p, &keys, &values, 1)) {
            if (!p->error && pe_second(p))
                invalid_dict_element(p, m, 1);
            return NULL;
        }
        /* invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}' */
        if (pe_second(p) && pe_at_comprehension(p)) {
            if (pe_for_if_clauses(p) && pe_at_op(p, OP_RBRACE))
                P_RAISE_TOK(p, p_tok(p, m), "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
        return dict_rest(p, start, &keys, &values);
    }
    ast_node *first;
    if (pe_at_op(p, OP_STAR) || (pe_is_name(pe_peek(p)) && pe_at_op_n(p, 1, OP_COLONEQUAL))) {
        if (invalid_starred_first(p))
            return NULL;
        first = star_named(p);
    } else {
        first = parse_expression(p);
        if (first && pe_at_op(p, OP_COLON)) {
            p_next(p);
            ast_node *v = parse_expression(p);
            if (!v) {
                if (!p->error && pe_second(p))
                    invalid_dict_element(p, m, 1);
                return NULL;
            }
            if (pe_at_comprehension(p)) {
                ast_seq *gens = pe_for_if_clauses(p);
                if (!gens || !pe_accept_op(p, OP_RBRACE))
                    return NULL;
                ast_node *n = p_new(p, AST_DictComp, start);
                n->v.DictComp.key = first;
                n->v.DictComp.value = v;
                n->v.DictComp.generators = gens;
                return n;
            }
            vec_push(p, &keys, first);
            vec_push(p, &values, v);
            return dict_rest(p, start, &keys, &values);
        }
        /* A set element is a named_expression: rerun it as one, so that
         * its second-pass checks apply. */
        if (first && pe_second(p)) {
            p_reset(p, m);
            first = star_named(p);
        }
        if (first && pe_at_op(p, OP_COLONEQUAL))
            return NULL;
    }
    if (!first)
        return NULL;
    if (pe_at_comprehension(p)) {
        if (first->kind == AST_Starred) {
            invalid_comprehension_starred(p, first);
            return NULL;
        }
        ast_seq *gens = pe_for_if_clauses(p);
        if (!gens || !pe_accept_op(p, OP_RBRACE))
            return NULL;
        return comprehension_node(p, AST_SetComp, start, first, gens);
    }
    return set_rest(p, start, first);
}

static ast_node *brace_atom(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    p->nest++;
    int was = pe_set_shallow_off(p, 0), save = p->call_invalid_rules;
    if (was == PE_SHALLOW_REST)
        p->call_invalid_rules = 0;
    ast_node *r = brace_body(p, start);
    p->call_invalid_rules = save;
    pe_set_shallow_off(p, was);
    p->nest--;
    return r;
}

/* ---- comprehensions ---- */

int pe_at_comprehension(parser *p)
{
    token *t = pe_peek(p);
    if (t->type != T_NAME)
        return 0;
    if (t->kw == KW_for)
        return 1;
    if (t->kw == KW_async) {
        token *u = p_peek_n(p, 1);
        return u->type == T_NAME && u->kw == KW_for;
    }
    return 0;
}

/* invalid_for_if_clause: 'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in'
 *     "'in' expected after for-loop variables"
 * invalid_for_target: 'async'? 'for' a=star_expressions  (invalid target) */
static void invalid_for_clause(parser *p, int after_for)
{
    p_reset(p, after_for);
    ast_node *b = parse_bitwise_or(p);
    if (b) {
        while (pe_at_op(p, OP_COMMA)) {
            p_next(p);
            int m = p_mark(p);
            if (!parse_bitwise_or(p)) {
                if (p->error)
                    return;
                p_reset(p, m);
                break;
            }
        }
        if (!pe_at_kw(p, KW_in)) {
            p_raise(p, "'in' expected after for-loop variables");
            return;
        }
    }
    if (p->error)
        return;
    p_reset(p, after_for);
    ast_node *e = parse_star_expressions(p);
    if (e)
        p_raise_invalid_target(p, P_TARGETS_FOR, e);
}

/* for_if_clause:
 *     | 'async' 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *     | invalid_for_if_clause | invalid_for_target */
static ast_node *for_if_clause(parser *p)
{
    int is_async = pe_accept_kw(p, KW_async) != NULL;
    p_next(p); /* 'for' */
    int after_for = p_mark(p);
    ast_node *target = parse_star_targets(p);
    if (!target || !pe_accept_kw(p, KW_in)) {
        if (!p->error && pe_second(p))
            invalid_for_clause(p, after_for);
        return NULL;
    }
    ast_node *iter = parse_disjunction(p);
    if (!iter)
        return NULL;
    p_vec ifs;
    vec_init(&ifs);
    while (pe_at_kw(p, KW_if)) {
        int m = p_mark(p);
        p_next(p);
        ast_node *c = parse_disjunction(p);
        if (!c) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &ifs, c);
    }
    ast_node *n = ast_new(p->a, AST_comprehension);
    n->v.comprehension.target = target;
    n->v.comprehension.iter = iter;
    n->v.comprehension.ifs = vec_seq(p, &ifs);
    n->v.comprehension.is_async = is_async;
    return n;
}

/* for_if_clauses: for_if_clause+ */
ast_seq *pe_for_if_clauses(parser *p)
{
    p_vec v;
    vec_init(&v);
    while (pe_at_comprehension(p)) {
        ast_node *c = for_if_clause(p);
        if (!c)
            return NULL;
        vec_push(p, &v, c);
    }
    return vec_seq(p, &v);
}

