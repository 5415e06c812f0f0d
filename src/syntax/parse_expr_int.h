/* parse_expr_int.h - what parse_expr.c, parse_target.c and parse_args.c
 * share among themselves (not part of the parser's public contract). */
#ifndef KRAIT_PARSE_EXPR_INT_H
#define KRAIT_PARSE_EXPR_INT_H

#include "parser_core.h"

/* Inline versions of parser_core's token matching, for the hot paths:
 * the next token is usually already fetched. */
static inline token *pe_peek(parser *p)
{
    if (p->pos < p->fill)
        return &p->blocks[p->pos >> P_BLOCK_SHIFT][p->pos & (P_BLOCK - 1)];
    return p_peek(p);
}

static inline int pe_at_op(parser *p, tok_op op)
{
    token *t = pe_peek(p);
    return t->type == T_OP && t->op == op;
}

static inline int pe_at_kw(parser *p, tok_kw kw)
{
    token *t = pe_peek(p);
    return t->type == T_NAME && t->kw == kw;
}

/* An OP or keyword token is never the ENDMARKER or an error token, so
 * consuming it is a plain step forward. */
static inline token *pe_accept_op(parser *p, tok_op op)
{
    token *t = pe_peek(p);
    if (t->type != T_OP || t->op != op)
        return NULL;
    p->pos++;
    return t;
}

static inline token *pe_accept_kw(parser *p, tok_kw kw)
{
    token *t = pe_peek(p);
    if (t->type != T_NAME || t->kw != kw)
        return NULL;
    p->pos++;
    return t;
}

/* Second pass: CPython's invalid_* rules are active. */
static inline int pe_second(const parser *p) { return p->call_invalid_rules; }

/* The next token is OP `op` / the k-th next is. */
static inline int pe_at_op_n(parser *p, int k, tok_op op)
{
    token *t = k == 0 ? pe_peek(p) : p_peek_n(p, k);
    return t->type == T_OP && t->op == op;
}

/* A NAME that may be an identifier (not a hard keyword). */
static inline int pe_is_name(const token *t)
{
    return t->type == T_NAME && !KW_IS_HARD(t->kw);
}

/* parse_expr.c */
ast_node *pe_tuple(parser *p, int start, p_vec *v); /* Tuple (Load) from start */
ast_node *pe_primary(parser *p);          /* atom followed by trailers */
ast_node *pe_expression_noinvalid(parser *p); /* expression_without_invalid */
ast_node *pe_starred_expression(parser *p);  /* '*' expression */

/* parse_memo.c: the second pass's memo (see there). Rules memoized: */
enum { PE_MEMO_DISJUNCTION, PE_MEMO_EXPRESSION, PE_MEMO_RULES };
void pe_memo_start(parser *p);            /* at the second pass's first use */
void pe_memo_begin_noinvalid(parser *p);
void pe_memo_end_noinvalid(parser *p);
/* A memoized result for `rule` at the current position: 1 and *out set
 * (NULL for a failure) and the position moved past it; 0 if none. */
int pe_memo_get(parser *p, int rule, ast_node **out);
/* Record r (parsed from token `start` to the current position). */
void pe_memo_put(parser *p, int rule, int start, ast_node *r);

/* Second pass, a dict key after the first element: CPython never reports
 * the key's own invalid_expression errors (missing comma, if/else, print),
 * nor errors inside its trailers or later operands, only those inside a
 * leading bracketed atom (measured against CPython 3.14: `{a: 1, b 3}`,
 * `{a: 1, b(c d): 2}` and `{a: 1, 1 ** (a b)}` say "':' expected after
 * dictionary key"; `{a: 1, (b c)}` and `{a: 1, -(b c)}` "Perhaps you
 * forgot a comma?"). PE_SHALLOW_LEADING until the key's first atom is
 * parsed (a bracketed one gets the invalid rules), PE_SHALLOW_REST after
 * (everything runs with them off). Returns the previous setting. */
enum { PE_SHALLOW_NONE, PE_SHALLOW_REST, PE_SHALLOW_LEADING };
int pe_set_shallow_off(parser *p, int mode);
int pe_shallow_off(const parser *p);

/* parse_atom.c */
ast_node *pe_atom(parser *p);
ast_node *pe_name(parser *p, token *t);   /* Name node (Load) for token t */
ast_seq *pe_for_if_clauses(parser *p);    /* one or more for/if clauses */
int pe_at_comprehension(parser *p);       /* 'for' or 'async' 'for' next */
int pe_invalid_comprehension(parser *p);  /* at '(' '[' '{' after a primary */

/* parse_args.c: call arguments after '(' up to ')'; when allow_genexp, a
 * lone generator argument `f(x for x in y)` is accepted and returned in
 * *args, spanning from the '(' at token index `lpar`. */
int pe_call_args(parser *p, int allow_genexp, int lpar, ast_seq **args,
                 ast_seq **keywords);

#endif
