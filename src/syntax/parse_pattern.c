/* parse_pattern.c - the match statement and its patterns (Grammar/python.gram,
 * "Match statement"). Patterns are read by looking at the first token or
 * two, which picks the same closed_pattern alternative the PEG's ordered
 * choice would. */
#include <stdlib.h>
#include <string.h>

#include "parse_stmt.h"

static int is_op(const token *t, tok_op op)
{
    return t->type == T_OP && t->op == op;
}

static void *fail(parser *p, int mark)
{
    if (!p->error)
        p_reset(p, mark);
    return NULL;
}

static ast_node *pattern(parser *p);
static ast_node *closed_pattern(parser *p);

/* ---- literals ---- */

/* A NUMBER token as a Constant: ints keep their digits and base, floats and
 * imaginary parts go through strtod (C locale), as the expression parser's
 * atoms do. */
static ast_node *number(parser *p)
{
    token *t = p_accept_type(p, T_NUMBER);
    if (!t)
        return NULL;
    size_t len = (size_t)(t->end - t->start);
    char *text = arena_alloc(p->a, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (t->start[i] != '_')
            text[n++] = t->start[i];
    text[n] = '\0';
    ast_node *c = p_new_loc(p, AST_Constant, p_loc_tok(t), p_loc_tok(t));
    ast_const *v = &c->v.Constant.value;
    char last = n ? text[n - 1] : '0';
    int base = 0;
    if (n > 1 && text[0] == '0') {
        char b = text[1];
        base = (b == 'x' || b == 'X') ? 16 : (b == 'o' || b == 'O') ? 8 : (b == 'b' || b == 'B') ? 2 : 0;
    }
    if (base) {
        v->kind = CONST_INT;
        v->u.i.digits = text + 2;
        v->u.i.len = (int)n - 2;
        v->u.i.base = base;
    } else if (last == 'j' || last == 'J') {
        text[n - 1] = '\0';
        v->kind = CONST_COMPLEX;
        v->u.f = strtod(text, NULL);
    } else if (strpbrk(text, ".eE")) {
        v->kind = CONST_FLOAT;
        v->u.f = strtod(text, NULL);
    } else {
        v->kind = CONST_INT;
        v->u.i.digits = text;
        v->u.i.len = (int)n;
        v->u.i.base = 10;
    }
    return c;
}

static int is_imaginary(const ast_node *e)
{
    return e->kind == AST_Constant && e->v.Constant.value.kind == CONST_COMPLEX;
}

/* signed_number: NUMBER | '-' NUMBER   (also signed_real_number's shape) */
static ast_node *signed_number(parser *p)
{
    int start = p_mark(p);
    int neg = p_accept_op(p, OP_MINUS) != NULL;
    ast_node *n = number(p);
    if (!n)
        return fail(p, start);
    if (!neg)
        return n;
    ast_node *u = p_new(p, AST_UnaryOp, start);
    u->v.UnaryOp.op = UNARY_USub;
    u->v.UnaryOp.operand = n;
    return u;
}

/* | signed_number !('+' | '-')
 * | complex_number: signed_real_number ('+' | '-') imaginary_number
 * with _PyPegen_ensure_real / _PyPegen_ensure_imaginary's errors. */
static ast_node *number_literal(parser *p)
{
    int start = p_mark(p);
    ast_node *real = signed_number(p);
    if (!real)
        return NULL;
    token *t = p_peek(p);
    if (!is_op(t, OP_PLUS) && !is_op(t, OP_MINUS))
        return real;
    ast_node *plain = real->kind == AST_UnaryOp ? real->v.UnaryOp.operand : real;
    if (is_imaginary(plain))
        return P_RAISE_NODE(p, plain, "real number required in complex literal");
    p_next(p);
    ast_node *imag = number(p);
    if (!imag)
        return fail(p, start);
    if (!is_imaginary(imag))
        return P_RAISE_NODE(p, imag, "imaginary number required in complex literal");
    ast_node *b = p_new(p, AST_BinOp, start);
    b->v.BinOp.left = real;
    b->v.BinOp.op = is_op(t, OP_PLUS) ? OP_Add : OP_Sub;
    b->v.BinOp.right = imag;
    return b;
}

static int at_string(parser *p)
{
    int type = p_peek(p)->type;
    return type == T_STRING || type == T_FSTRING_START || type == T_TSTRING_START;
}

static ast_node *singleton_const(parser *p, ast_const_kind kind)
{
    token *t = p_next(p);
    ast_node *c = p_new_loc(p, AST_Constant, p_loc_tok(t), p_loc_tok(t));
    c->v.Constant.value.kind = kind;
    return c;
}

static int singleton_kind(const token *t, ast_const_kind *kind)
{
    if (t->type != T_NAME)
        return 0;
    switch (t->kw) {
    case KW_None: *kind = CONST_NONE; return 1;
    case KW_True: *kind = CONST_TRUE; return 1;
    case KW_False: *kind = CONST_FALSE; return 1;
    default: return 0;
    }
}

/* ---- names and attributes ---- */

static int is_wildcard(const token *t)
{
    return t->type == T_NAME && t->kw == SKW_underscore;
}

/* name_or_attr: attr | NAME   attr: name_or_attr '.' NAME */
static ast_node *name_or_attr(parser *p, int *dotted)
{
    int start = p_mark(p);
    token *t = p_accept_name(p);
    if (!t)
        return NULL;
    ast_node *e = stmt_name(p, t, CTX_Load);
    *dotted = 0;
    while (p_at_op(p, OP_DOT)) {
        int m = p_mark(p);
        p_next(p);
        token *n = p_accept_name(p);
        if (!n) {
            p_reset(p, m);
            break;
        }
        ast_node *a = p_new(p, AST_Attribute, start);
        a->v.Attribute.value = e;
        a->v.Attribute.attr = p_ident(p, n);
        a->v.Attribute.ctx = CTX_Load;
        e = a;
        *dotted = 1;
    }
    return e;
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static token *capture_target(parser *p)
{
    token *t = p_peek(p);
    if (t->type != T_NAME || KW_IS_HARD(t->kw) || is_wildcard(t))
        return NULL;
    token *n = p_peek_n(p, 1);
    if (is_op(n, OP_DOT) || is_op(n, OP_LPAR) || is_op(n, OP_EQUAL))
        return NULL;
    return p_next(p);
}

static ast_node *match_as(parser *p, int start, ast_node *pat, const char *name)
{
    ast_node *m = p_new(p, AST_MatchAs, start);
    m->v.MatchAs.pattern = pat;
    m->v.MatchAs.name = name;
    return m;
}

static ast_node *match_value(parser *p, int start, ast_node *value)
{
    ast_node *m = p_new(p, AST_MatchValue, start);
    m->v.MatchValue.value = value;
    return m;
}

/* ---- sequences ---- */

/* star_pattern: '*' pattern_capture_target | '*' wildcard_pattern */
static ast_node *star_pattern(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    const char *name = NULL;
    token *t = capture_target(p);
    if (t)
        name = p_ident(p, t);
    else if (is_wildcard(p_peek(p)))
        p_next(p);
    else
        return fail(p, start);
    ast_node *s = p_new(p, AST_MatchStar, start);
    s->v.MatchStar.name = name;
    return s;
}

/* maybe_star_pattern: star_pattern | pattern */
static ast_node *maybe_star_pattern(parser *p)
{
    return p_at_op(p, OP_STAR) ? star_pattern(p) : pattern(p);
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','?  (appended to v) */
static void maybe_sequence_pattern(parser *p, p_vec *v)
{
    for (;;) {
        ast_node *m = maybe_star_pattern(p);
        if (!m)
            return;
        vec_push(p, v, m);
        if (!p_accept_op(p, OP_COMMA))
            return;
    }
}

static ast_node *match_sequence(parser *p, int start, p_vec *v)
{
    ast_node *s = p_new(p, AST_MatchSequence, start);
    s->v.MatchSequence.patterns = vec_seq(p, v);
    return s;
}

/* group_pattern: '(' pattern ')'
 * sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
static ast_node *bracket_pattern(parser *p)
{
    int start = p_mark(p);
    int paren = p_next(p)->op == OP_LPAR;
    tok_op close = paren ? OP_RPAR : OP_RSQB;
    p_vec v;
    vec_init(&v);
    if (p_accept_op(p, close))
        return match_sequence(p, start, &v);
    ast_node *first = maybe_star_pattern(p);
    if (!first)
        return fail(p, start);
    vec_push(p, &v, first);
    if (paren && first->kind != AST_MatchStar && p_accept_op(p, OP_RPAR))
        return first;
    if (p_accept_op(p, OP_COMMA))
        maybe_sequence_pattern(p, &v);
    else if (paren)
        return fail(p, start);
    if (p->error || !p_accept_op(p, close))
        return fail(p, start);
    return match_sequence(p, start, &v);
}

/* ---- mappings ---- */

/* key_value_pattern: (literal_expr | attr) ':' pattern */
static int key_value_pattern(parser *p, ast_node **key, ast_node **value)
{
    int start = p_mark(p);
    token *t = p_peek(p);
    ast_const_kind kind;
    if (t->type == T_NUMBER || is_op(t, OP_MINUS)) {
        *key = number_literal(p);
    } else if (at_string(p)) {
        *key = parse_strings(p);
    } else if (singleton_kind(t, &kind)) {
        *key = singleton_const(p, kind);
    } else {
        int dotted;
        *key = name_or_attr(p, &dotted);
        if (*key && !dotted)
            *key = NULL;
    }
    if (!*key || !p_accept_op(p, OP_COLON))
        return fail(p, start), 0;
    *value = pattern(p);
    if (!*value)
        return fail(p, start), 0;
    return 1;
}

/* double_star_pattern: '**' pattern_capture_target */
static const char *double_star_pattern(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    token *t = capture_target(p);
    if (!t)
        return fail(p, start);
    return p_ident(p, t);
}

/* mapping_pattern:
 *     | '{' '}'
 *     | '{' double_star_pattern ','? '}'
 *     | '{' items_pattern ',' double_star_pattern ','? '}'
 *     | '{' items_pattern ','? '}'
 * (3.14 has no invalid_mapping_pattern) */
static ast_node *mapping_pattern(parser *p)
{
    int start = p_mark(p);
    p_next(p);
    p_vec keys, values;
    vec_init(&keys);
    vec_init(&values);
    const char *rest = NULL;
    while (!p_at_op(p, OP_RBRACE)) {
        if (p_at_op(p, OP_DOUBLESTAR)) {
            rest = double_star_pattern(p);
            if (!rest)
                return fail(p, start);
            p_accept_op(p, OP_COMMA);
            break;
        }
        ast_node *k, *v;
        if (!key_value_pattern(p, &k, &v))
            return fail(p, start);
        vec_push(p, &keys, k);
        vec_push(p, &values, v);
        if (!p_accept_op(p, OP_COMMA))
            break;
    }
    if (!p_accept_op(p, OP_RBRACE))
        return fail(p, start);
    ast_node *m = p_new(p, AST_MatchMapping, start);
    m->v.MatchMapping.keys = vec_seq(p, &keys);
    m->v.MatchMapping.patterns = vec_seq(p, &values);
    m->v.MatchMapping.rest = rest;
    return m;
}

/* ---- classes ---- */

static int at_keyword_pattern(parser *p)
{
    token *t = p_peek(p);
    return t->type == T_NAME && !KW_IS_HARD(t->kw) && is_op(p_peek_n(p, 1), OP_EQUAL);
}

/* class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns] ','? ')'
 * invalid_class_pattern: positional patterns after keyword ones. */
static ast_node *class_pattern(parser *p, int start, ast_node *cls)
{
    p_next(p); /* '(' */
    p_vec pos, kwnames, kwpats;
    vec_init(&pos);
    vec_init(&kwnames);
    vec_init(&kwpats);
    while (!p_at_op(p, OP_RPAR)) {
        if (at_keyword_pattern(p)) {
            token *name = p_next(p);
            p_next(p);
            ast_node *v = pattern(p);
            if (!v)
                return fail(p, start);
            vec_push(p, &kwnames, (void *)p_ident(p, name));
            vec_push(p, &kwpats, v);
        } else {
            ast_node *v = pattern(p);
            if (!v)
                return fail(p, start);
            if (kwnames.n > 0) {
                if (!p->call_invalid_rules)
                    return fail(p, start);
                /* positional_patterns: ','.pattern+ */
                ast_node *last = v;
                while (p_at_op(p, OP_COMMA)) {
                    int m = p_mark(p);
                    p_next(p);
                    ast_node *more = at_keyword_pattern(p) ? NULL : pattern(p);
                    if (!more) {
                        if (p->error)
                            return NULL;
                        p_reset(p, m);
                        break;
                    }
                    last = more;
                }
                return P_RAISE_NODES(p, v, last, "positional patterns follow keyword patterns");
            }
            vec_push(p, &pos, v);
        }
        if (!p_accept_op(p, OP_COMMA))
            break;
    }
    if (!p_accept_op(p, OP_RPAR))
        return fail(p, start);
    ast_node *m = p_new(p, AST_MatchClass, start);
    m->v.MatchClass.cls = cls;
    m->v.MatchClass.patterns = vec_seq(p, &pos);
    m->v.MatchClass.kwd_attrs = vec_seq(p, &kwnames);
    m->v.MatchClass.kwd_patterns = vec_seq(p, &kwpats);
    return m;
}

/* closed_pattern:
 *     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
 *     | group_pattern | sequence_pattern | mapping_pattern | class_pattern */
static ast_node *closed_pattern(parser *p)
{
    int start = p_mark(p);
    token *t = p_peek(p);
    ast_const_kind kind;
    if (t->type == T_NUMBER || is_op(t, OP_MINUS)) {
        ast_node *v = number_literal(p);
        return v ? match_value(p, start, v) : NULL;
    }
    if (at_string(p)) {
        ast_node *v = parse_strings(p);
        return v ? match_value(p, start, v) : fail(p, start);
    }
    if (singleton_kind(t, &kind)) {
        p_next(p);
        ast_node *m = p_new(p, AST_MatchSingleton, start);
        m->v.MatchSingleton.value.kind = kind;
        return m;
    }
    if (is_op(t, OP_LPAR) || is_op(t, OP_LSQB)) {
        if (!p_enter(p))
            return NULL;
        ast_node *m = bracket_pattern(p);
        p_leave(p);
        return m;
    }
    if (is_op(t, OP_LBRACE)) {
        if (!p_enter(p))
            return NULL;
        ast_node *m = mapping_pattern(p);
        p_leave(p);
        return m;
    }
    if (t->type != T_NAME || KW_IS_HARD(t->kw))
        return NULL;
    if (is_wildcard(t)) {
        p_next(p);
        return match_as(p, start, NULL, NULL);
    }
    token *capture = capture_target(p);
    if (capture)
        return match_as(p, start, NULL, p_ident(p, capture));
    int dotted;
    ast_node *cls = name_or_attr(p, &dotted);
    if (p_at_op(p, OP_LPAR)) {
        if (!p_enter(p))
            return NULL;
        ast_node *m = class_pattern(p, start, cls);
        p_leave(p);
        return m;
    }
    /* value_pattern: attr !('.' | '(' | '=') */
    if (dotted && !p_at_op(p, OP_EQUAL))
        return match_value(p, start, cls);
    return fail(p, start);
}

/* or_pattern: '|'.closed_pattern+ */
static ast_node *or_pattern(parser *p)
{
    int start = p_mark(p);
    ast_node *first = closed_pattern(p);
    if (!first || !p_at_op(p, OP_VBAR))
        return first;
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    while (p_at_op(p, OP_VBAR)) {
        int m = p_mark(p);
        p_next(p);
        ast_node *next = closed_pattern(p);
        if (!next) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, next);
    }
    ast_node *o = p_new(p, AST_MatchOr, start);
    o->v.MatchOr.patterns = vec_seq(p, &v);
    return o;
}

/* pattern: as_pattern | or_pattern
 * as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
static ast_node *pattern(parser *p)
{
    int start = p_mark(p);
    ast_node *pat = or_pattern(p);
    if (!pat || !p_at_kw(p, KW_as))
        return pat;
    int before_as = p_mark(p);
    p_next(p);
    token *t = capture_target(p);
    if (t)
        return match_as(p, start, pat, p_ident(p, t));
    if (p->call_invalid_rules) {
        if (is_wildcard(p_peek(p)))
            return P_RAISE_TOK(p, p_peek(p), "cannot use '_' as a target");
        ast_node *a = parse_expression(p);
        if (a)
            return P_RAISE_NODE(p, a, "cannot use %s as pattern target", p_expr_name(a));
        if (p->error)
            return NULL;
    }
    p_reset(p, before_as);
    return pat;
}

/* patterns: open_sequence_pattern | pattern
 * open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
static ast_node *patterns(parser *p)
{
    int start = p_mark(p);
    ast_node *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (!p_at_op(p, OP_COMMA)) {
        if (first->kind == AST_MatchStar)
            return fail(p, start);
        return first;
    }
    p_next(p);
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    maybe_sequence_pattern(p, &v);
    if (p->error)
        return NULL;
    return match_sequence(p, start, &v);
}

/* case_block:
 *     | invalid_case_block
 *     | "case" patterns guard? ':' block
 * guard: 'if' named_expression */
static ast_node *case_block(parser *p)
{
    int start = p_mark(p);
    if (!p_at_kw(p, SKW_case))
        return NULL;
    token *kw = p_next(p);
    ast_node *pat = patterns(p);
    if (!pat)
        return fail(p, start);
    ast_node *guard = NULL;
    if (p_at_kw(p, KW_if)) {
        int m = p_mark(p);
        p_next(p);
        guard = parse_named_expression(p);
        if (!guard) {
            if (p->error)
                return NULL;
            p_reset(p, m);
        }
    }
    if (p->call_invalid_rules && p_at_type(p, T_NEWLINE))
        return p_raise(p, "expected ':'");
    if (!p_accept_op(p, OP_COLON))
        return fail(p, start);
    if (stmt_check_indented_block(p, "'case' statement", kw->lineno))
        return NULL;
    ast_seq *body = stmt_block(p);
    if (!body)
        return fail(p, start);
    ast_node *c = ast_new(p->a, AST_match_case);
    c->v.match_case.pattern = pat;
    c->v.match_case.guard = guard;
    c->v.match_case.body = body;
    return c;
}

/* subject_expr:
 *     | star_named_expression ',' star_named_expressions? -> Tuple
 *     | named_expression */
static ast_node *subject_expr(parser *p)
{
    int start = p_mark(p);
    ast_node *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (!p_at_op(p, OP_COMMA)) {
        if (first->kind == AST_Starred)
            return fail(p, start);
        return first;
    }
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    while (p_accept_op(p, OP_COMMA)) {
        ast_node *e = parse_star_named_expression(p);
        if (!e) {
            if (p->error)
                return NULL;
            break;
        }
        vec_push(p, &v, e);
    }
    ast_node *t = p_new(p, AST_Tuple, start);
    t->v.Tuple.elts = vec_seq(p, &v);
    t->v.Tuple.ctx = CTX_Load;
    return t;
}

/* match_stmt:
 *     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 *     | invalid_match_stmt
 * On no match the caller goes on with `match` as an ordinary name. */
ast_node *stmt_match(parser *p)
{
    int start = p_mark(p);
    token *kw = p_next(p);
    ast_node *subject = subject_expr(p);
    if (!subject)
        return fail(p, start);
    if (p->call_invalid_rules && p_at_type(p, T_NEWLINE))
        return p_raise(p, "expected ':'");
    if (!p_accept_op(p, OP_COLON))
        return fail(p, start);
    if (stmt_check_indented_block(p, "'match' statement", kw->lineno))
        return NULL;
    if (!p_accept_type(p, T_NEWLINE) || !p_accept_type(p, T_INDENT))
        return fail(p, start);
    if (!p_enter(p))
        return NULL;
    p_vec cases;
    vec_init(&cases);
    ast_node *c;
    while ((c = case_block(p)) != NULL)
        vec_push(p, &cases, c);
    p_leave(p);
    if (p->error || cases.n == 0 || !p_accept_type(p, T_DEDENT))
        return fail(p, start);
    ast_node *m = p_new(p, AST_Match, start);
    m->v.Match.subject = subject;
    m->v.Match.cases = vec_seq(p, &cases);
    return m;
}
