/* parser_core.h - the machinery shared by the recursive-descent parser's
 * files (parse_stmt.c, parse_expr.c, parse_string.c).
 *
 * The parser follows CPython 3.14's PEG grammar (Grammar/python.gram): one
 * function per rule, named after it, with the production in the comment
 * above. Alternatives are tried in grammar order; backtracking is
 * p_mark/p_reset over a buffered token stream. As in CPython, a failing
 * parse is run a second time with p->call_invalid_rules set, so that the
 * invalid_* rules can raise their specific messages; the generic
 * "invalid syntax" falls back to the furthest token of the first pass.
 *
 * Conventions for every rule function:
 *   - returns the node (or 1/non-NULL) on success, NULL/0 on "no match";
 *   - after a failed call check p->error: once set, unwind at once;
 *   - on "no match" the function restores p->pos itself (p_reset);
 *   - recursive entry points call p_enter/p_leave (depth limit). */
#ifndef KRAIT_PARSER_CORE_H
#define KRAIT_PARSER_CORE_H

#include <stdarg.h>

#include "../base/arena.h"
#include "ast.h"
#include "diag.h"
#include "token.h"

enum { P_BLOCK_SHIFT = 10, P_BLOCK = 1 << P_BLOCK_SHIFT };

typedef struct parser {
    arena *a;
    tokenizer *tz;
    /* Tokens in fixed blocks that never move (token pointers stay valid);
     * blocks before `first_block` were released at a top-level commit. */
    token **blocks;
    int nblocks, first_block;
    int fill;     /* tokens fetched so far (absolute count): CPython's
                   * p->fill, which decides where some errors land */
    int avail;    /* tokens already read from the tokenizer (>= fill): it
                   * is asked for them in batches, fill only counts those
                   * the parser has looked at */
    int pos;      /* absolute index of the next token */
    int level;    /* recursion depth, see p_enter */
    char *stack_base; /* address of a local in py_parse, for p_enter */
    int call_invalid_rules; /* second pass: invalid_* rules active */
    int second_pass; /* set for the whole second pass (call_invalid_rules is
                      * switched off in places); the first pass's shortcuts
                      * in parse_expr.c are only taken without it */
    int error;    /* an error is set in err; unwind */
    int tok_failed; /* that error came from the tokenizer */
    /* Brackets open around the current token (CPython's token->level),
     * counted by the rules that consume '(' '[' '{': parse_expr.c's, and
     * any other file's that parses expressions inside its own brackets
     * (with-items, f-string replacement fields). Read by the "Perhaps you
     * forgot a comma?" check, which CPython only makes inside brackets. */
    int nest;
    /* parse_expr.c's second-pass memo (NULL until used): CPython's memo
     * outlives the expression_without_invalid parses that fill it, which
     * decides where later invalid_* rules get to run. */
    struct pe_memo *expr_memo;
    /* First pass: a primary parse_expr.c's shortcut through the precedence
     * levels parsed and then handed back (see primary_alone there), kept
     * for the pe_primary call at the same token that follows at once. */
    ast_node *stashed_primary;
    int stashed_start, stashed_end;
    syntax_error err;
    /* Second pass only: how many tokens the first pass fetched, and the
     * last of them. CPython's second pass reuses the first pass's tokens,
     * so an error raised "at the last token" lands at least that far;
     * krait re-tokenizes, and uses these to land in the same place. */
    int first_fill;
    token first_last;
} parser;

/* ---- tokens ---- */
/* The k-th token ahead (0 = next), fetched if needed. Inline because the
 * parser asks for the next token far more often than it fetches one. */
token *p_peek_fetch(parser *p, int k);
static inline token *p_peek_n(parser *p, int k)
{
    int i = p->pos + k;
    if (i < p->fill)
        return &p->blocks[i >> P_BLOCK_SHIFT][i & (P_BLOCK - 1)];
    return p_peek_fetch(p, k);
}
static inline token *p_peek(parser *p) { return p_peek_n(p, 0); }
/* Consume and return the next token. At the ENDMARKER or an error token
 * the position stays put: they repeat. */
static inline token *p_next(parser *p)
{
    token *t = p_peek(p);
    if (t->type != T_ENDMARKER && t->type != T_ERROR)
        p->pos++;
    return t;
}
token *p_tok(parser *p, int index);    /* an already fetched token */
token *p_last_fetched(parser *p);      /* CPython's p->tokens[p->fill-1] */
token *p_last_consumed(parser *p);     /* p->tokens[p->pos-1] */
static inline int p_mark(const parser *p) { return p->pos; }
static inline void p_reset(parser *p, int mark) { p->pos = mark; }
/* Release tokens before the current position: only between top-level
 * statements (of either pass), where no rule holds a token pointer. */
void p_commit(parser *p);

/* Matching (consume on success, return the token; NULL otherwise).
 * Inline: the parser tries far more tokens than it takes. */
static inline int p_at_op(parser *p, tok_op op)
{
    token *t = p_peek(p);
    return t->type == T_OP && t->op == op;
}
static inline token *p_accept_op(parser *p, tok_op op)
{
    return p_at_op(p, op) ? p_next(p) : NULL;
}
static inline int p_at_kw(parser *p, tok_kw kw) /* hard or soft keyword token */
{
    token *t = p_peek(p);
    return t->type == T_NAME && t->kw == kw;
}
static inline token *p_accept_kw(parser *p, tok_kw kw)
{
    return p_at_kw(p, kw) ? p_next(p) : NULL;
}
static inline int p_at_type(parser *p, tok_type type)
{
    return p_peek(p)->type == type;
}
static inline token *p_accept_type(parser *p, tok_type type)
{
    return p_at_type(p, type) ? p_next(p) : NULL;
}
/* A NAME that is not a hard keyword. */
static inline token *p_accept_name(parser *p)
{
    token *t = p_peek(p);
    return t->type == T_NAME && !KW_IS_HARD(t->kw) ? p_next(p) : NULL;
}
/* CPython's expect_forced_token (`&&':'`): raise "expected 'X'" if absent. */
token *p_expect_forced_op(parser *p, tok_op op, const char *what);
token *p_expect_forced_kw(parser *p, tok_kw kw, const char *what);

/* ---- errors (the first error set wins, as in CPython) ---- */
typedef struct p_loc { int lineno, col_offset, end_lineno, end_col_offset; } p_loc;
static inline p_loc p_loc_tok(const token *t)
{
    return (p_loc){t->lineno, t->col_offset, t->end_lineno, t->end_col_offset};
}
static inline p_loc p_loc_node(const ast_node *n)
{
    return (p_loc){n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
}

/* RAISE_ERROR_KNOWN_LOCATION: from start's start to end's end. */
void *p_raise_range(parser *p, const char *type, p_loc start, p_loc end,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* RAISE_SYNTAX_ERROR(msg): located at the last fetched token. */
void *p_raise(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* RAISE_INDENTATION_ERROR(msg): likewise, as IndentationError. */
void *p_raise_indent(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shorthands for RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _KNOWN_RANGE. */
#define P_RAISE_TOK(p, t, ...) p_raise_range((p), "SyntaxError", p_loc_tok(t), p_loc_tok(t), __VA_ARGS__)
#define P_RAISE_NODE(p, n, ...) p_raise_range((p), "SyntaxError", p_loc_node(n), p_loc_node(n), __VA_ARGS__)
#define P_RAISE_NODES(p, a, b, ...) p_raise_range((p), "SyntaxError", p_loc_node(a), p_loc_node(b), __VA_ARGS__)
/* RAISE_SYNTAX_ERROR_STARTING_FROM(a): from a's start, end unknown. */
void *p_raise_from(parser *p, p_loc start, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Recursion guard: returns 0 (with an error set) when nesting is too deep.
 * Every successful p_enter needs its p_leave. */
int p_enter(parser *p);
static inline void p_leave(parser *p) { p->level--; }

/* ---- nodes ---- */
/* A node spanning from token `start` (absolute index, usually a mark taken
 * at the rule's start) to the last non-NEWLINE/INDENT/DEDENT token consumed,
 * like CPython's EXTRA. */
ast_node *p_new(parser *p, ast_kind kind, int start);
ast_node *p_new_loc(parser *p, ast_kind kind, p_loc start, p_loc end);
/* A NAME token's text as an identifier: NFKC-normalized when non-ASCII. */
const char *p_ident(parser *p, const token *t);

/* Growable sequence; vec_seq returns NULL for an empty one. */
typedef struct p_vec {
    void **items;
    int n, cap;
    void *small[8];
} p_vec;
void vec_init(p_vec *v);
void vec_grow(parser *p, p_vec *v); /* vec_push's slow path */
static inline void vec_push(parser *p, p_vec *v, void *item)
{
    if (v->n == v->cap)
        vec_grow(p, v);
    v->items[v->n++] = item;
}
ast_seq *vec_seq(parser *p, p_vec *v);
ast_seq *seq1(parser *p, void *item);

/* ---- the grammar, by file ---- */
/* parse_stmt.c */
ast_node *parse_file(parser *p);              /* file: [statements] ENDMARKER */
/* parse_expr.c */
ast_node *parse_expression(parser *p);
ast_node *parse_named_expression(parser *p);
ast_node *parse_star_expressions(parser *p);
ast_node *parse_star_named_expression(parser *p);
ast_node *parse_yield_expr(parser *p);
ast_node *parse_annotated_rhs(parser *p);     /* yield_expr | star_expressions */
ast_node *parse_bitwise_or(parser *p);
ast_node *parse_disjunction(parser *p);
ast_node *parse_star_targets(parser *p);
ast_node *parse_single_target(parser *p);
ast_seq *parse_del_targets(parser *p);
/* Parameters of a def (up to ')') or a lambda (up to ':'), as an
 * `arguments` node (never NULL on success, fields empty for none). */
ast_node *parse_params(parser *p, int lambda);
/* Call arguments inside the parentheses (`arguments` rule, up to ')'). */
int parse_call_arguments(parser *p, ast_seq **args, ast_seq **keywords);
/* Set Store/Del context on a target in place (CPython's set_expr_context). */
ast_node *p_set_ctx(parser *p, ast_node *e, ast_ctx ctx);
/* expressions: expression (',' expression)* [','] (a Tuple when a comma). */
ast_node *parse_expressions(parser *p);
ast_node *parse_star_expression(parser *p);   /* '*' bitwise_or | expression */
/* star_target: one target, no bare tuple (e.g. a with-item after 'as'). */
ast_node *parse_star_target(parser *p);
/* Targets, "cover grammar" style: the statement parser parses the left side
 * of '=' (or of an augmented assignment) once with parse_star_expressions,
 * then converts it here instead of trying star_targets first as CPython's
 * PEG does. */
typedef enum { P_TARGETS_STAR, P_TARGETS_DEL, P_TARGETS_FOR } p_targets;
/* _PyPegen_get_expr_name: "function call", "literal", "yield expression"... */
const char *p_expr_name(const ast_node *e);
/* _PyPegen_get_invalid_target: the first part of e that cannot be a target
 * of this kind, or NULL when e is a valid one. */
ast_node *p_invalid_target(ast_node *e, p_targets kind);
/* RAISE_SYNTAX_ERROR_INVALID_TARGET: "cannot assign to %s" / "cannot delete
 * %s" at the invalid part; raises nothing (returns NULL) when e is valid. */
void *p_raise_invalid_target(parser *p, p_targets kind, ast_node *e);
/* e (from parse_star_expressions, the parser now at the '=' after it) as
 * the Store target of an assignment: the target on success; NULL with
 * CPython's error raised otherwise. `first`: e is the statement's first
 * target (CPython words the error differently for it: "cannot assign to
 * function call here. Maybe you meant '==' instead of '='?"). */
ast_node *p_as_star_targets(parser *p, ast_node *e, int first);
/* parse_string.c */
ast_node *parse_strings(parser *p);  /* one or more STRING/FSTRING/TSTRING atoms */

/* Used by the driver: the tokenizer's error becomes the parser's. */
void p_take_tokenizer_error(parser *p);

#endif
