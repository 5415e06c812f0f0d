/* parse_expr.c - expressions, per CPython 3.14's Grammar/python.gram.
 *
 * The PEG rules are followed in order; where alternatives share a prefix
 * (if-expression / disjunction, slice / named_expression) the prefix is
 * parsed once and the alternative chosen by the token after it. Atoms and
 * displays are in parse_atom.c, targets in parse_target.c, call arguments
 * and parameters in parse_args.c.
 *
 * The invalid_* rules of CPython's second pass are checked where CPython
 * would try them, only when p->call_invalid_rules is set. */
#include <stdlib.h>
#include <string.h>

#include "parse_expr_int.h"

/* ---- small helpers ---- */

static ast_node *binop(parser *p, int start, ast_node *l, ast_operator op, ast_node *r)
{
    ast_node *n = p_new(p, AST_BinOp, start);
    n->v.BinOp.left = l;
    n->v.BinOp.op = op;
    n->v.BinOp.right = r;
    return n;
}

static ast_node *starred(parser *p, int start, ast_node *value)
{
    ast_node *n = p_new(p, AST_Starred, start);
    n->v.Starred.value = value;
    n->v.Starred.ctx = CTX_Load;
    return n;
}

ast_node *pe_tuple(parser *p, int start, p_vec *v)
{
    ast_node *n = p_new(p, AST_Tuple, start);
    n->v.Tuple.elts = vec_seq(p, v);
    n->v.Tuple.ctx = CTX_Load;
    return n;
}

/* Could the next token begin an expression? Used only to decide whether
 * an attempt is worth making; the attempt itself decides. */
static int can_start_expression(parser *p)
{
    token *t = pe_peek(p);
    switch (t->type) {
    case T_NAME:
        return !KW_IS_HARD(t->kw) || t->kw == KW_True || t->kw == KW_False ||
               t->kw == KW_None || t->kw == KW_not || t->kw == KW_lambda ||
               t->kw == KW_await;
    case T_NUMBER: case T_STRING: case T_FSTRING_START: case T_TSTRING_START:
        return 1;
    case T_OP:
        return t->op == OP_LPAR || t->op == OP_LSQB || t->op == OP_LBRACE ||
               t->op == OP_MINUS || t->op == OP_PLUS || t->op == OP_TILDE ||
               t->op == OP_ELLIPSIS;
    default:
        return 0;
    }
}

static int is_legacy_name(const ast_node *e)
{
    return e->kind == AST_Name &&
           (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0);
}

/* ---- primary ---- */

/* slice:
 *     | [expression] ':' [expression] [':' [expression]]
 *     | named_expression
 * In a tuple of slices an element may also be a starred_expression. */
static ast_node *slice(parser *p, int allow_star)
{
    int start = p_mark(p);
    if (allow_star && pe_at_op(p, OP_STAR))
        return pe_starred_expression(p);
    ast_node *lower = NULL;
    if (!pe_at_op(p, OP_COLON)) {
        /* a bare `x := ...` is a named_expression, never a slice bound */
        int walrus = pe_is_name(pe_peek(p)) && pe_at_op_n(p, 1, OP_COLONEQUAL);
        lower = parse_named_expression(p);
        if (!lower)
            return NULL;
        if (!pe_at_op(p, OP_COLON) || walrus)
            return lower;
    }
    p_next(p); /* ':' */
    ast_node *upper = NULL, *step = NULL;
    token *t = pe_peek(p);
    int stop = t->type == T_OP && (t->op == OP_COLON || t->op == OP_COMMA || t->op == OP_RSQB);
    if (!stop) {
        int m = p_mark(p);
        upper = parse_expression(p);
        if (!upper) {
            if (p->error)
                return NULL;
            p_reset(p, m);
        }
    }
    if (pe_accept_op(p, OP_COLON)) {
        t = pe_peek(p);
        stop = t->type == T_OP && (t->op == OP_COMMA || t->op == OP_RSQB);
        if (!stop) {
            int m = p_mark(p);
            step = parse_expression(p);
            if (!step) {
                if (p->error)
                    return NULL;
                p_reset(p, m);
            }
        }
    }
    ast_node *n = p_new(p, AST_Slice, start);
    n->v.Slice.lower = lower;
    n->v.Slice.upper = upper;
    n->v.Slice.step = step;
    return n;
}

/* slices:
 *     | slice !','
 *     | ','.(slice | starred_expression)+ [','] */
static ast_node *slices(parser *p)
{
    int start = p_mark(p);
    ast_node *first = slice(p, 1);
    if (!first)
        return NULL;
    if (!pe_at_op(p, OP_COMMA) && first->kind != AST_Starred)
        return first;
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    while (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        int m = p_mark(p);
        ast_node *e = slice(p, 1);
        if (!e) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, e);
    }
    return pe_tuple(p, start, &v);
}

static ast_node *primary_trailers(parser *p, int start, ast_node *e);

/* primary:
 *     | primary '.' NAME
 *     | primary genexp
 *     | primary '(' [arguments] ')'
 *     | primary '[' slices ']'
 *     | atom */
ast_node *pe_primary(parser *p)
{
    int start = p_mark(p);
    if (p->stashed_primary && p->stashed_start == start) {
        ast_node *s = p->stashed_primary;
        p->stashed_primary = NULL;
        p_reset(p, p->stashed_end);
        return s;
    }
    ast_node *e = pe_atom(p);
    if (!e)
        return NULL;
    /* A later dict key's trailers are parsed with the invalid rules off
     * (see pe_set_shallow_off). */
    int save_invalid = p->call_invalid_rules;
    if (pe_shallow_off(p)) {
        pe_set_shallow_off(p, PE_SHALLOW_REST);
        p->call_invalid_rules = 0;
    }
    e = primary_trailers(p, start, e);
    p->call_invalid_rules = save_invalid;
    return e;
}

/* Left recursion grows the primary one trailer at a time; a trailer that
 * does not parse leaves the longest primary before it. */
static ast_node *primary_trailers(parser *p, int start, ast_node *e)
{
    for (;;) {
        token *t = pe_peek(p);
        if (t->type != T_OP)
            return e;
        int m = p_mark(p);
        if (pe_second(p) && (t->op == OP_LPAR || t->op == OP_LSQB || t->op == OP_LBRACE) &&
            pe_invalid_comprehension(p))
            return NULL;
        ast_node *n = NULL;
        if (t->op == OP_DOT) {
            p->pos++;
            token *name = p_accept_name(p);
            if (name) {
                n = p_new(p, AST_Attribute, start);
                n->v.Attribute.value = e;
                n->v.Attribute.attr = p_ident(p, name);
                n->v.Attribute.ctx = CTX_Load;
            }
        } else if (t->op == OP_LPAR) {
            p->pos++;
            ast_seq *args = NULL, *kws = NULL;
            p->nest++;
            int ok = pe_call_args(p, 1, m, &args, &kws);
            p->nest--;
            if (ok && pe_accept_op(p, OP_RPAR)) {
                n = p_new(p, AST_Call, start);
                n->v.Call.func = e;
                n->v.Call.args = args;
                n->v.Call.keywords = kws;
            }
        } else if (t->op == OP_LSQB) {
            p->pos++;
            p->nest++;
            ast_node *s = slices(p);
            p->nest--;
            if (s && pe_accept_op(p, OP_RSQB)) {
                n = p_new(p, AST_Subscript, start);
                n->v.Subscript.value = e;
                n->v.Subscript.slice = s;
                n->v.Subscript.ctx = CTX_Load;
            }
        } else {
            return e;
        }
        if (!n) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            return e;
        }
        e = n;
    }
}

/* ---- operators ---- */

/* await_primary: 'await' primary | primary */
static ast_node *await_primary(parser *p)
{
    int start = p_mark(p);
    if (!pe_accept_kw(p, KW_await))
        return pe_primary(p);
    ast_node *v = pe_primary(p);
    if (!v)
        return NULL;
    ast_node *n = p_new(p, AST_Await, start);
    n->v.Await.value = v;
    return n;
}

static ast_node *factor(parser *p);

/* power: await_primary '**' factor | await_primary */
static ast_node *power(parser *p)
{
    int start = p_mark(p);
    ast_node *a = await_primary(p);
    if (!a || !pe_at_op(p, OP_DOUBLESTAR))
        return a;
    int m = p_mark(p);
    p_next(p);
    /* `a ** b ** c ...` recurses through factor: count it */
    if (!p_enter(p))
        return NULL;
    ast_node *b = factor(p);
    p_leave(p);
    if (!b) {
        if (p->error)
            return NULL;
        p_reset(p, m);
        return a;
    }
    return binop(p, start, a, OP_Pow, b);
}

static ast_node *inversion(parser *p);

/* "'not' after an operator must be parenthesized", for `x + not y` and
 * `-not y`: the second pass's invalid_arithmetic ('not' inversion after a
 * sum/term operator) and invalid_factor ('not' factor after a unary one).
 * Called just after the operator; raises and returns 1, or returns 0 with
 * the position unchanged. */
static int invalid_not_after_operator(parser *p, int unary)
{
    if (!pe_second(p) || !pe_at_kw(p, KW_not))
        return 0;
    int m = p_mark(p);
    token *nt = p_next(p);
    ast_node *b = unary ? factor(p) : inversion(p);
    if (b) {
        p_raise_range(p, "SyntaxError", p_loc_tok(nt), p_loc_node(b),
                      "'not' after an operator must be parenthesized");
        return 1;
    }
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* factor (memo):
 *     | '+' factor | '-' factor | '~' factor
 *     | power */
static ast_node *factor(parser *p)
{
    token *t = pe_peek(p);
    if (t->type != T_OP || (t->op != OP_PLUS && t->op != OP_MINUS && t->op != OP_TILDE))
        return power(p);
    if (!p_enter(p))
        return NULL;
    int start = p_mark(p);
    p_next(p);
    ast_node *r = NULL;
    if (!invalid_not_after_operator(p, 1)) {
        ast_node *a = factor(p);
        if (a) {
            r = p_new(p, AST_UnaryOp, start);
            r->v.UnaryOp.op = t->op == OP_PLUS ? UNARY_UAdd : t->op == OP_MINUS ? UNARY_USub
                                                                                : UNARY_Invert;
            r->v.UnaryOp.operand = a;
        }
    }
    p_leave(p);
    return r;
}

/* The binary operators from bitwise_or down to term, all left-associative:
 *     bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
 *     bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
 *     bitwise_and: bitwise_and '&' shift_expr | shift_expr
 *     shift_expr: shift_expr ('<<'|'>>') sum | sum
 *     sum: sum ('+'|'-') term | term
 *     term: term ('*'|'/'|'//'|'%'|'@') factor | factor
 * parsed by precedence climbing instead of one function per level: the
 * same trees (every BinOp of a chain starts where its leftmost operand
 * does), without six calls per operand. */
enum { PREC_NONE, PREC_BOR, PREC_BXOR, PREC_BAND, PREC_SHIFT, PREC_SUM, PREC_TERM };

static int binop_prec(const token *t, ast_operator *op)
{
    if (t->type != T_OP)
        return PREC_NONE;
    switch (t->op) {
    case OP_VBAR: *op = OP_BitOr; return PREC_BOR;
    case OP_CIRCUMFLEX: *op = OP_BitXor; return PREC_BXOR;
    case OP_AMPER: *op = OP_BitAnd; return PREC_BAND;
    case OP_LEFTSHIFT: *op = OP_LShift; return PREC_SHIFT;
    case OP_RIGHTSHIFT: *op = OP_RShift; return PREC_SHIFT;
    case OP_PLUS: *op = OP_Add; return PREC_SUM;
    case OP_MINUS: *op = OP_Sub; return PREC_SUM;
    case OP_STAR: *op = OP_Mult; return PREC_TERM;
    case OP_SLASH: *op = OP_Div; return PREC_TERM;
    case OP_DOUBLESLASH: *op = OP_FloorDiv; return PREC_TERM;
    case OP_PERCENT: *op = OP_Mod; return PREC_TERM;
    case OP_AT: *op = OP_MatMult; return PREC_TERM;
    default: return PREC_NONE;
    }
}

/* Operators of precedence >= min_prec, over operands of higher ones. */
static ast_node *binary(parser *p, int min_prec)
{
    int start = p_mark(p);
    ast_node *a = factor(p);
    if (!a)
        return NULL;
    for (;;) {
        ast_operator op = OP_Add;
        int prec = binop_prec(pe_peek(p), &op);
        if (prec == PREC_NONE || prec < min_prec)
            return a;
        int m = p_mark(p);
        p->pos++;
        /* invalid_arithmetic: sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') 'not' inversion */
        if (prec >= PREC_SUM && invalid_not_after_operator(p, 0))
            return NULL;
        ast_node *b = binary(p, prec + 1);
        if (!b) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            return a;
        }
        a = binop(p, start, a, op, b);
    }
}

/* bitwise_or */
ast_node *parse_bitwise_or(parser *p)
{
    return binary(p, PREC_BOR);
}

/* compare_op_bitwise_or_pair: the operator before the next operand, or -1. */
static int compare_op(parser *p)
{
    token *t = pe_peek(p);
    if (t->type == T_OP) {
        switch (t->op) {
        case OP_EQEQUAL: p_next(p); return CMP_Eq;
        case OP_NOTEQUAL:
            /* "<>" is only valid with barry_as_FLUFL */
            if (t->end - t->start != 2 || t->start[0] != '!')
                return -1;
            p_next(p);
            return CMP_NotEq;
        case OP_LESSEQUAL: p_next(p); return CMP_LtE;
        case OP_LESS: p_next(p); return CMP_Lt;
        case OP_GREATEREQUAL: p_next(p); return CMP_GtE;
        case OP_GREATER: p_next(p); return CMP_Gt;
        default: return -1;
        }
    }
    if (t->type != T_NAME)
        return -1;
    if (t->kw == KW_in) {
        p_next(p);
        return CMP_In;
    }
    if (t->kw == KW_not) {
        token *u = p_peek_n(p, 1);
        if (u->type == T_NAME && u->kw == KW_in) {
            p_next(p);
            p_next(p);
            return CMP_NotIn;
        }
        return -1;
    }
    if (t->kw == KW_is) {
        p_next(p);
        if (pe_accept_kw(p, KW_not))
            return CMP_IsNot;
        return CMP_Is;
    }
    return -1;
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static ast_node *comparison(parser *p)
{
    int start = p_mark(p);
    ast_node *a = parse_bitwise_or(p);
    if (!a)
        return NULL;
    p_vec ops, rest;
    vec_init(&ops);
    vec_init(&rest);
    for (;;) {
        int m = p_mark(p);
        int op = compare_op(p);
        if (op < 0)
            break;
        ast_node *b = parse_bitwise_or(p);
        if (!b) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &ops, (void *)(intptr_t)op);
        vec_push(p, &rest, b);
    }
    if (ops.n == 0)
        return a;
    ast_node *n = p_new(p, AST_Compare, start);
    n->v.Compare.left = a;
    n->v.Compare.ops = vec_seq(p, &ops);
    n->v.Compare.comparators = vec_seq(p, &rest);
    return n;
}

/* inversion (memo): 'not' inversion | comparison */
static ast_node *inversion(parser *p)
{
    if (!pe_at_kw(p, KW_not))
        return comparison(p);
    if (!p_enter(p))
        return NULL;
    int start = p_mark(p);
    p_next(p);
    ast_node *a = inversion(p);
    ast_node *r = NULL;
    if (a) {
        r = p_new(p, AST_UnaryOp, start);
        r->v.UnaryOp.op = UNARY_Not;
        r->v.UnaryOp.operand = a;
    }
    p_leave(p);
    return r;
}

/* conjunction / disjunction: a ('and'|'or' b)+ as one BoolOp. */
static ast_node *boolop_level(parser *p, tok_kw kw, ast_node *(*operand)(parser *))
{
    int start = p_mark(p);
    ast_node *a = operand(p);
    if (!a || !pe_at_kw(p, kw))
        return a;
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (pe_at_kw(p, kw)) {
        int m = p_mark(p);
        p_next(p);
        ast_node *b = operand(p);
        if (!b) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, b);
    }
    if (v.n == 1)
        return a;
    ast_node *n = p_new(p, AST_BoolOp, start);
    n->v.BoolOp.op = kw == KW_and ? BOOLOP_And : BOOLOP_Or;
    n->v.BoolOp.values = vec_seq(p, &v);
    return n;
}

static ast_node *conjunction(parser *p)
{
    return boolop_level(p, KW_and, inversion);
}

/* disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
ast_node *parse_disjunction(parser *p)
{
    ast_node *r;
    if (pe_second(p) && !p->expr_memo)
        pe_memo_start(p);
    if (p->expr_memo && pe_memo_get(p, PE_MEMO_DISJUNCTION, &r))
        return r;
    int start = p_mark(p);
    r = boolop_level(p, KW_or, conjunction);
    if (p->expr_memo)
        pe_memo_put(p, PE_MEMO_DISJUNCTION, start, r);
    return r;
}

/* ---- expression ---- */

static ast_node *lambdef(parser *p);

/* expression_without_invalid: the expression rule with the second pass's
 * invalid rules switched off underneath. */
static ast_node *expression_rule(parser *p);

ast_node *pe_expression_noinvalid(parser *p)
{
    /* In the first pass the invalid rules are off anyway and the memo is
     * never read: creating it would only slow the rest of the pass. */
    if (!p->second_pass)
        return expression_rule(p);
    int save = p->call_invalid_rules;
    p->call_invalid_rules = 0;
    pe_memo_begin_noinvalid(p);
    ast_node *e = expression_rule(p);
    pe_memo_end_noinvalid(p);
    p->call_invalid_rules = save;
    return e;
}

/* invalid_expression's first alternative:
 *     STRING a=(!STRING expression_without_invalid)+ STRING
 *         "invalid syntax. Is this intended to be part of the string?" */
static int invalid_inside_string(parser *p, int start)
{
    if (p_tok(p, start)->type != T_STRING)
        return 0;
    int m = p_mark(p);
    p_reset(p, start + 1);
    ast_node *first = NULL, *last = NULL;
    while (!p_at_type(p, T_STRING)) {
        ast_node *e = pe_expression_noinvalid(p);
        if (!e)
            break;
        if (!first)
            first = e;
        last = e;
    }
    if (first && !p->error && p_at_type(p, T_STRING)) {
        P_RAISE_NODES(p, first, last, "invalid syntax. Is this intended to be part of the string?");
        return 1;
    }
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* invalid_expression's missing-comma alternative:
 *     !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
 * raised only inside brackets and not for `print x` / `exec x`. */
static int invalid_missing_comma(parser *p, int start, ast_node *a)
{
    token *s = p_tok(p, start);
    if (s->type == T_NAME && s->kw >= SKW_match)
        return 0;
    if (pe_is_name(s) && p_tok(p, start + 1)->type == T_STRING)
        return 0; /* NAME STRING, e.g. a bad string prefix; keywords are not NAMEs */
    if (!can_start_expression(p))
        return 0;
    int m = p_mark(p);
    ast_node *b = pe_expression_noinvalid(p);
    if (b && !is_legacy_name(a) && p->nest > 0) {
        P_RAISE_NODES(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
        return 1;
    }
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* The rest of invalid_expression, after a=disjunction:
 *     | a=disjunction 'if' b=disjunction !('else'|':')
 *         "expected 'else' after 'if' expression"
 *     | a=disjunction 'if' b=disjunction 'else' !expression
 *         "expected expression after 'else', but statement is given" */
static int invalid_if_else(parser *p, ast_node *a)
{
    if (!pe_at_kw(p, KW_if))
        return 0;
    int m = p_mark(p);
    p_next(p);
    ast_node *b = parse_disjunction(p);
    if (b) {
        token *t = pe_peek(p);
        if (!(t->type == T_NAME && t->kw == KW_else) && !(t->type == T_OP && t->op == OP_COLON)) {
            P_RAISE_NODES(p, a, b, "expected 'else' after 'if' expression");
            return 1;
        }
        if (t->type == T_NAME) {
            p_next(p);
            int e = p_mark(p);
            ast_node *c = pe_expression_noinvalid(p);
            if (!c && !p->error) {
                p_reset(p, e);
                token *u = pe_peek(p);
                P_RAISE_TOK(p, u, "expected expression after 'else', but statement is given");
                return 1;
            }
        }
    }
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* Could the next token begin a simple statement? Stands in for CPython's
 * simple_stmt in the rule below (only its success matters there). */
static int at_simple_stmt(parser *p)
{
    token *t = pe_peek(p);
    if (t->type == T_NAME) {
        switch (t->kw) {
        case KW_pass: case KW_break: case KW_continue: case KW_return: case KW_raise:
        case KW_del: case KW_yield: case KW_assert: case KW_global: case KW_nonlocal:
        case KW_import: case KW_from:
            return 1;
        default:
            break;
        }
    }
    if (t->type == T_OP && t->op == OP_STAR)
        return 1;
    return can_start_expression(p);
}

/* invalid_expression:
 *     | a=(pass_stmt|break_stmt|continue_stmt) 'if' b=disjunction 'else' c=simple_stmt
 *         "expected expression before 'if', but statement is given"
 * Tried at every expression start in the second pass; even failing, it
 * fetches the token after the keyword (which can be the end of input
 * inside brackets: "'(' was never closed"). */
static int invalid_statement_before_if(parser *p, int start)
{
    token *s = pe_peek(p);
    if (s->type != T_NAME || (s->kw != KW_pass && s->kw != KW_break && s->kw != KW_continue))
        return 0;
    p->pos++;
    if (pe_accept_kw(p, KW_if) && parse_disjunction(p) && pe_accept_kw(p, KW_else) &&
        at_simple_stmt(p)) {
        P_RAISE_TOK(p, s, "expected expression before 'if', but statement is given");
        return 1;
    }
    if (p->error)
        return 1;
    p_reset(p, start);
    return 0;
}

/* invalid_legacy_expression: a=NAME !'(' b=star_expressions
 *     "Missing parentheses in call to 'print'. Did you mean print(...)?"
 * CPython parses b after any name, and only then checks for print/exec:
 * errors raised inside b (or the end of input inside brackets) count. */
static int invalid_legacy(parser *p, int start)
{
    token *s = p_tok(p, start);
    if (!pe_is_name(s))
        return 0;
    int m = p_mark(p);
    p_reset(p, start + 1);
    if (!pe_at_op(p, OP_LPAR)) {
        ast_node *b = parse_star_expressions(p);
        size_t len = (size_t)(s->end - s->start);
        if (b && ((len == 5 && memcmp(s->start, "print", 5) == 0) ||
                  (len == 4 && memcmp(s->start, "exec", 4) == 0))) {
            p_raise_range(p, "SyntaxError", p_loc_tok(s), p_loc_node(b),
                          "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                          (int)len, s->start, (int)len, s->start);
            return 1;
        }
    }
    if (p->error)
        return 1;
    p_reset(p, m);
    return 0;
}

/* Whether the token after a primary can continue a disjunction around it:
 * '**', a binary or comparison operator, 'in', 'not', 'is', 'and', 'or'.
 * A superset is harmless (it only sends more cases the long way). */
static int continues_primary(const token *t)
{
    if (t->type == T_NAME)
        return t->kw == KW_in || t->kw == KW_not || t->kw == KW_is || t->kw == KW_and ||
               t->kw == KW_or;
    if (t->type != T_OP)
        return 0;
    switch (t->op) {
    case OP_DOUBLESTAR: case OP_VBAR: case OP_CIRCUMFLEX: case OP_AMPER:
    case OP_LEFTSHIFT: case OP_RIGHTSHIFT: case OP_PLUS: case OP_MINUS: case OP_STAR:
    case OP_SLASH: case OP_DOUBLESLASH: case OP_PERCENT: case OP_AT: case OP_EQEQUAL:
    case OP_NOTEQUAL: case OP_LESS: case OP_GREATER: case OP_LESSEQUAL:
    case OP_GREATEREQUAL:
        return 1;
    default:
        return 0;
    }
}

/* Most expressions are a lone primary (a name, a call, a constant), yet
 * the disjunction rule reaches one through ten levels of operators. In the
 * first pass, when the next token can only begin a primary, parse it
 * first: if no operator follows, it is the disjunction. Otherwise it is
 * stashed for the pe_primary call the full descent makes at the same token
 * (so it is never parsed twice) and 0 returned. Returns 1 when decided,
 * with *out the result (NULL: no match, as the full descent would find). */
static int primary_alone(parser *p, ast_node **out)
{
    const token *t = pe_peek(p);
    int starts = t->type == T_NAME ? !KW_IS_HARD(t->kw) || t->kw == KW_True ||
                                         t->kw == KW_False || t->kw == KW_None
               : t->type == T_OP   ? t->op == OP_LPAR || t->op == OP_LSQB ||
                                         t->op == OP_LBRACE || t->op == OP_ELLIPSIS
                                   : t->type == T_NUMBER || t->type == T_STRING ||
                                         t->type == T_FSTRING_START ||
                                         t->type == T_TSTRING_START;
    /* The second pass takes every rule as CPython does (its memo too). */
    if (p->second_pass || !starts)
        return 0;
    int start = p_mark(p);
    ast_node *e = pe_primary(p);
    if (!e || !continues_primary(pe_peek(p))) {
        *out = e;
        return 1;
    }
    p->stashed_primary = e;
    p->stashed_start = start;
    p->stashed_end = p_mark(p);
    p_reset(p, start);
    return 0;
}

/* expression (memo):
 *     | invalid_expression | invalid_legacy_expression
 *     | disjunction 'if' disjunction 'else' expression
 *     | disjunction
 *     | lambdef */
static ast_node *expression_body(parser *p)
{
    if (pe_at_kw(p, KW_lambda))
        return lambdef(p);
    int start = p_mark(p);
    /* invalid_expression's first alternative starts from the STRING token
     * itself, before any disjunction is parsed */
    int checks = pe_second(p) && !pe_shallow_off(p);
    if (checks && (invalid_inside_string(p, start) || invalid_statement_before_if(p, start)))
        return NULL;
    ast_node *a;
    if (!primary_alone(p, &a)) {
        a = parse_disjunction(p);
        p->stashed_primary = NULL;
    }
    if (!a)
        return NULL;
    if (checks) {
        int m = p_mark(p);
        if (invalid_missing_comma(p, start, a) ||
            invalid_if_else(p, a) ||
            invalid_legacy(p, start))
            return NULL;
        p_reset(p, m);
    }
    if (!pe_at_kw(p, KW_if))
        return a;
    int m = p_mark(p);
    p_next(p);
    ast_node *b = parse_disjunction(p);
    if (b && pe_accept_kw(p, KW_else)) {
        ast_node *c = parse_expression(p);
        if (c) {
            ast_node *n = p_new(p, AST_IfExp, start);
            n->v.IfExp.test = b;
            n->v.IfExp.body = a;
            n->v.IfExp.orelse = c;
            return n;
        }
    }
    if (p->error)
        return NULL;
    p_reset(p, m);
    return a;
}

static ast_node *expression_rule(parser *p)
{
    if (!p_enter(p))
        return NULL;
    int start = p_mark(p);
    ast_node *e = expression_body(p);
    if (!e && !p->error)
        p_reset(p, start);
    p_leave(p);
    return e;
}

/* The commonest expression is a lone name before ',' ')' '=' ':' or the
 * end of the line. In the first pass it is built at once, without the
 * descent through every rule to the atom, which would come to the same
 * Name having looked at the same two tokens. NULL when not the case. */
static ast_node *lone_name(parser *p)
{
    token *t = pe_peek(p);
    if (!pe_is_name(t))
        return NULL;
    token *u = p_peek_n(p, 1);
    int ends = u->type == T_NEWLINE ||
               (u->type == T_OP && (u->op == OP_COMMA || u->op == OP_RPAR ||
                                    u->op == OP_RSQB || u->op == OP_RBRACE ||
                                    u->op == OP_COLON || u->op == OP_EQUAL ||
                                    u->op == OP_SEMI));
    if (!ends)
        return NULL;
    p->pos++;
    return pe_name(p, t);
}

ast_node *parse_expression(parser *p)
{
    if (pe_second(p) && !p->expr_memo)
        pe_memo_start(p);
    if (!p->expr_memo) {
        ast_node *n = p->second_pass ? NULL : lone_name(p);
        return n ? n : expression_rule(p);
    }
    ast_node *r;
    if (pe_memo_get(p, PE_MEMO_EXPRESSION, &r))
        return r;
    int start = p_mark(p);
    r = expression_rule(p);
    pe_memo_put(p, PE_MEMO_EXPRESSION, start, r);
    return r;
}

/* lambdef: 'lambda' [lambda_params] ':' expression
 * invalid_expression also has, for f-/t-strings:
 *     'lambda' [lambda_params] ':' &FSTRING_MIDDLE
 *         "f-string: lambda expressions are not allowed without parentheses" */
static ast_node *lambdef(parser *p)
{
    int start = p_mark(p);
    token *kw = p_next(p);
    ast_node *args = parse_params(p, 1);
    if (!args)
        return NULL;
    token *colon = pe_accept_op(p, OP_COLON);
    if (!colon)
        return NULL;
    if (pe_second(p)) {
        int type = pe_peek(p)->type;
        if (type == T_FSTRING_MIDDLE || type == T_TSTRING_MIDDLE) {
            p_raise_range(p, "SyntaxError", p_loc_tok(kw), p_loc_tok(colon),
                          type == T_FSTRING_MIDDLE
                              ? "f-string: lambda expressions are not allowed without parentheses"
                              : "t-string: lambda expressions are not allowed without parentheses");
            return NULL;
        }
    }
    ast_node *body = parse_expression(p);
    if (!body)
        return NULL;
    ast_node *n = p_new(p, AST_Lambda, start);
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    return n;
}

/* ---- named and starred expressions ---- */

/* The atom at `start` is syntactically a list, tuple or generator
 * expression (CPython's lookahead !(list|tuple|genexp|...)). */
static int starts_with_display(parser *p, int start)
{
    token *s = p_tok(p, start);
    if (s->type == T_NAME)
        return s->kw == KW_True || s->kw == KW_None || s->kw == KW_False;
    if (s->type != T_OP || (s->op != OP_LPAR && s->op != OP_LSQB))
        return 0;
    int m = p_mark(p);
    p_reset(p, start);
    ast_node *a = pe_atom(p);
    p_reset(p, m);
    if (!a || a->lineno != s->lineno || a->col_offset != s->col_offset)
        return 0;
    return a->kind == AST_List || a->kind == AST_Tuple || a->kind == AST_GeneratorExp;
}

/* invalid_named_expression (memo):
 *     | a=expression ':=' expression
 *         "cannot use assignment expressions with %s"
 *     | a=NAME '=' b=bitwise_or !('='|':=')
 *         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
 *     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
 *         "cannot assign to %s here. Maybe you meant '==' instead of '='?" */
static int invalid_named_expression(parser *p, int start, ast_node *e)
{
    int m = p_mark(p);
    if (pe_at_op(p, OP_COLONEQUAL)) {
        p_next(p);
        if (parse_expression(p)) {
            P_RAISE_NODE(p, e, "cannot use assignment expressions with %s", p_expr_name(e));
            return 1;
        }
        if (p->error)
            return 1;
        p_reset(p, m);
        return 0;
    }
    if (!pe_at_op(p, OP_EQUAL))
        return 0;
    token *s = p_tok(p, start);
    if (pe_is_name(s) && m == start + 1) {
        p_next(p);
        ast_node *b = parse_bitwise_or(p);
        if (b && !pe_at_op(p, OP_EQUAL) && !pe_at_op(p, OP_COLONEQUAL)) {
            p_raise_range(p, "SyntaxError", p_loc_tok(s), p_loc_node(b),
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return 1;
        }
        if (p->error)
            return 1;
        p_reset(p, m);
    }
    if (!starts_with_display(p, start)) {
        p_reset(p, start);
        ast_node *a = parse_bitwise_or(p);
        if (a && pe_accept_op(p, OP_EQUAL)) {
            ast_node *b = parse_bitwise_or(p);
            if (b && !pe_at_op(p, OP_EQUAL) && !pe_at_op(p, OP_COLONEQUAL)) {
                P_RAISE_NODE(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                             p_expr_name(a));
                return 1;
            }
        }
        if (p->error)
            return 1;
    }
    p_reset(p, m);
    return 0;
}

/* assignment_expression: NAME ':=' ~ expression */
static ast_node *assignment_expression(parser *p)
{
    int start = p_mark(p);
    token *name = p_next(p);
    p_next(p); /* ':=' */
    ast_node *value = parse_expression(p);
    if (!value)
        return NULL;
    ast_node *target = pe_name(p, name);
    target->v.Name.ctx = CTX_Store;
    ast_node *n = p_new(p, AST_NamedExpr, start);
    n->v.NamedExpr.target = target;
    n->v.NamedExpr.value = value;
    return n;
}

/* named_expression:
 *     | assignment_expression
 *     | invalid_named_expression
 *     | expression !':=' */
ast_node *parse_named_expression(parser *p)
{
    int start = p_mark(p);
    if (pe_is_name(pe_peek(p)) && pe_at_op_n(p, 1, OP_COLONEQUAL))
        return assignment_expression(p);
    ast_node *e = parse_expression(p);
    if (!e)
        return NULL;
    if (pe_second(p) && invalid_named_expression(p, start, e))
        return NULL;
    if (pe_at_op(p, OP_COLONEQUAL)) {
        p_reset(p, start);
        return NULL;
    }
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
ast_node *parse_star_named_expression(parser *p)
{
    int start = p_mark(p);
    if (!pe_accept_op(p, OP_STAR))
        return parse_named_expression(p);
    ast_node *v = parse_bitwise_or(p);
    if (!v) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    return starred(p, start, v);
}

/* star_expression (memo): '*' bitwise_or | expression */
ast_node *parse_star_expression(parser *p)
{
    int start = p_mark(p);
    if (!pe_accept_op(p, OP_STAR))
        return parse_expression(p);
    ast_node *v = parse_bitwise_or(p);
    if (!v) {
        if (!p->error)
            p_reset(p, start);
        return NULL;
    }
    return starred(p, start, v);
}

/* starred_expression: '*' expression (call arguments and slices), with
 *     invalid_starred_expression_unpacking / invalid_starred_expression. */
ast_node *pe_starred_expression(parser *p)
{
    int start = p_mark(p);
    token *star = p_next(p);
    ast_node *v = parse_expression(p);
    if (!v) {
        if (!p->error && pe_second(p)) {
            p_reset(p, start + 1);
            p_raise(p, "Invalid star expression");
            (void)star;
        }
        return NULL;
    }
    if (pe_second(p) && pe_at_op(p, OP_EQUAL)) {
        int m = p_mark(p);
        p_next(p);
        ast_node *b = parse_expression(p);
        if (b) {
            p_raise_range(p, "SyntaxError", p_loc_tok(star), p_loc_node(b),
                          "cannot assign to iterable argument unpacking");
            return NULL;
        }
        if (p->error)
            return NULL;
        p_reset(p, m);
    }
    return starred(p, start, v);
}

/* A comma-separated sequence of `item`, as a Tuple when there is a comma:
 *     a=item b=(',' c=item)+ [','] | a=item ',' | item */
static ast_node *tuple_of(parser *p, ast_node *(*item)(parser *))
{
    int start = p_mark(p);
    ast_node *a = item(p);
    if (!a || !pe_at_op(p, OP_COMMA))
        return a;
    p_vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (pe_at_op(p, OP_COMMA)) {
        p_next(p);
        int m = p_mark(p);
        ast_node *e = item(p);
        if (!e) {
            if (p->error)
                return NULL;
            p_reset(p, m);
            break;
        }
        vec_push(p, &v, e);
    }
    return pe_tuple(p, start, &v);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
ast_node *parse_star_expressions(parser *p)
{
    return tuple_of(p, parse_star_expression);
}

/* expressions: expression (',' expression)* [','] */
ast_node *parse_expressions(parser *p)
{
    return tuple_of(p, parse_expression);
}

/* yield_expr:
 *     | 'yield' 'from' expression
 *     | 'yield' [star_expressions] */
ast_node *parse_yield_expr(parser *p)
{
    int start = p_mark(p);
    if (!pe_accept_kw(p, KW_yield))
        return NULL;
    if (pe_accept_kw(p, KW_from)) {
        ast_node *v = parse_expression(p);
        if (!v)
            return NULL;
        ast_node *n = p_new(p, AST_YieldFrom, start);
        n->v.YieldFrom.value = v;
        return n;
    }
    int m = p_mark(p);
    ast_node *v = NULL;
    if (can_start_expression(p) || pe_at_op(p, OP_STAR)) {
        v = parse_star_expressions(p);
        if (!v) {
            if (p->error)
                return NULL;
            p_reset(p, m);
        }
    }
    ast_node *n = p_new(p, AST_Yield, start);
    n->v.Yield.value = v;
    return n;
}

/* annotated_rhs: yield_expr | star_expressions */
ast_node *parse_annotated_rhs(parser *p)
{
    if (pe_at_kw(p, KW_yield))
        return parse_yield_expr(p);
    return parse_star_expressions(p);
}
