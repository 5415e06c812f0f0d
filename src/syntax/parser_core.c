/* parser_core.c - token window, matching, errors, node construction and the
 * two-pass driver that reproduces where CPython reports a syntax error. */
#include "parser_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/unicode.h"
#include "future.h"
#include "parser.h"

/* CPython's parser gives up at 6000 levels of rule recursion; ours counts
 * fewer levels per bracket, so the same input nests less deeply here. */
enum { P_MAX_DEPTH = 6000 };
/* Threads that parse get at least 8 MiB of stack (the main thread's default). */
#define P_MAX_STACK ((size_t)3 << 20)

/* ---- token window ---- */

static token *slot(parser *p, int index)
{
    return &p->blocks[index >> P_BLOCK_SHIFT][index & (P_BLOCK - 1)];
}

static void grow_blocks(parser *p)
{
    int need = (p->fill >> P_BLOCK_SHIFT) + 1;
    if (need <= p->nblocks)
        return;
    token **nb = realloc(p->blocks, (size_t)need * sizeof *nb);
    if (!nb)
        abort();
    p->blocks = nb;
    nb[need - 1] = malloc(P_BLOCK * sizeof(token));
    if (!nb[need - 1])
        abort();
    p->nblocks = need;
}

/* Fetch one more token. A tokenizer error is raised at once, as CPython's
 * _PyPegen_fill_token does; the error token stays in the window and matches
 * nothing, and later fetches repeat it. */
static token *fetch(parser *p)
{
    if (p->fill > 0) {
        token *last = slot(p, p->fill - 1);
        if (last->type == T_ERROR || last->type == T_ENDMARKER)
            return last;
    }
    grow_blocks(p);
    token *t = slot(p, p->fill);
    tok_next(p->tz, t);
    p->fill++;
    if (t->type == T_ERROR && !p->error)
        p_take_tokenizer_error(p);
    return t;
}

token *p_peek_fetch(parser *p, int k)
{
    while (p->pos + k >= p->fill) {
        token *t = fetch(p);
        if (t->type == T_ERROR || t->type == T_ENDMARKER)
            if (p->pos + k >= p->fill)
                return t;
    }
    return slot(p, p->pos + k);
}

token *p_next(parser *p)
{
    token *t = p_peek(p);
    /* At ENDMARKER or an error token, position stays put: they repeat. */
    if (p->pos < p->fill && t->type != T_ENDMARKER && t->type != T_ERROR)
        p->pos++;
    return t;
}

token *p_tok(parser *p, int index)
{
    return slot(p, index);
}

token *p_last_fetched(parser *p)
{
    return p->fill ? slot(p, p->fill - 1) : p_peek(p);
}

token *p_last_consumed(parser *p)
{
    return slot(p, p->pos - 1);
}

/* Release the blocks wholly behind the current position. Called only
 * between top-level statements, where no rule holds a token pointer. */
void p_commit(parser *p)
{
    int keep = (p->pos > 0 ? p->pos - 1 : 0) >> P_BLOCK_SHIFT;
    for (; p->first_block < keep; p->first_block++) {
        free(p->blocks[p->first_block]);
        p->blocks[p->first_block] = NULL;
    }
}

/* ---- matching ---- */

int p_at_op(parser *p, tok_op op)
{
    token *t = p_peek(p);
    return t->type == T_OP && t->op == op;
}

token *p_accept_op(parser *p, tok_op op)
{
    return p_at_op(p, op) ? p_next(p) : NULL;
}

int p_at_kw(parser *p, tok_kw kw)
{
    token *t = p_peek(p);
    return t->type == T_NAME && t->kw == kw;
}

token *p_accept_kw(parser *p, tok_kw kw)
{
    return p_at_kw(p, kw) ? p_next(p) : NULL;
}

int p_at_type(parser *p, tok_type type)
{
    return p_peek(p)->type == type;
}

token *p_accept_type(parser *p, tok_type type)
{
    return p_at_type(p, type) ? p_next(p) : NULL;
}

token *p_accept_name(parser *p)
{
    token *t = p_peek(p);
    return t->type == T_NAME && !KW_IS_HARD(t->kw) ? p_next(p) : NULL;
}

token *p_expect_forced_op(parser *p, tok_op op, const char *what)
{
    token *t = p_accept_op(p, op);
    if (!t && !p->error) {
        token *at = p_peek(p);
        p_raise_range(p, "SyntaxError", p_loc_tok(at), p_loc_tok(at), "expected %s", what);
    }
    return t;
}

token *p_expect_forced_kw(parser *p, tok_kw kw, const char *what)
{
    token *t = p_accept_kw(p, kw);
    if (!t && !p->error) {
        token *at = p_peek(p);
        p_raise_range(p, "SyntaxError", p_loc_tok(at), p_loc_tok(at), "expected %s", what);
    }
    return t;
}

/* ---- errors ---- */

p_loc p_loc_tok(const token *t)
{
    p_loc l = {t->lineno, t->col_offset, t->end_lineno, t->end_col_offset};
    return l;
}

p_loc p_loc_node(const ast_node *n)
{
    p_loc l = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
    return l;
}

static void set_error(parser *p, const char *type, p_loc start, int end_lineno,
                      int end_col, const char *fmt, va_list ap)
{
    if (p->error)
        return;
    p->error = 1;
    p->err.type = type;
    p->err.lineno = start.lineno;
    p->err.col_offset = start.col_offset;
    p->err.end_lineno = end_lineno;
    p->err.end_col_offset = end_col;
    vsnprintf(p->err.msg, sizeof p->err.msg, fmt, ap);
}

void *p_raise_range(parser *p, const char *type, p_loc start, p_loc end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(p, type, start, end.end_lineno, end.end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_raise_from(parser *p, p_loc start, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(p, "SyntaxError", start, -1, -1, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *raise_at_last(parser *p, const char *type, const char *fmt, va_list ap)
{
    const token *t = p_last_fetched(p);
    if (p->call_invalid_rules && p->fill < p->first_fill)
        t = &p->first_last;
    set_error(p, type, p_loc_tok(t), t->end_lineno, t->end_col_offset, fmt, ap);
    return NULL;
}

void *p_raise(parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_at_last(p, "SyntaxError", fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_raise_indent(parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_at_last(p, "IndentationError", fmt, ap);
    va_end(ap);
    return NULL;
}

/* Two limits: CPython's count of rule levels, and the C stack actually used
 * since py_parse began, so that a deep input fails cleanly whatever the frame
 * sizes (sanitizer builds have much larger frames) and however many C
 * frames one counted level spans. */
int p_enter(parser *p)
{
    if (p->error)
        return 0;
    char here;
    size_t used = (size_t)(p->stack_base > &here ? p->stack_base - &here : &here - p->stack_base);
    if (++p->level > P_MAX_DEPTH || used > P_MAX_STACK) {
        p->level--;
        p_raise(p, "Parser stack overflowed - Python source too complex to parse");
        return 0;
    }
    return 1;
}

static void raise_unclosed_bracket(parser *p)
{
    char ch;
    int lineno, col;
    tok_innermost_bracket(p->tz, &ch, &lineno, &col);
    p_loc at = {lineno, col, lineno, -1};
    p_raise_range(p, "SyntaxError", at, at, "'%c' was never closed", ch);
}

void p_take_tokenizer_error(parser *p)
{
    if (tok_error_is_eof_in_brackets(p->tz)) {
        raise_unclosed_bracket(p);
    } else {
        p->err = *tok_error(p->tz);
        p->error = 1;
    }
    p->tok_failed = 1;
}

/* ---- nodes ---- */

static int is_whitespace_token(const token *t)
{
    return t->type == T_NEWLINE || t->type == T_INDENT || t->type == T_DEDENT ||
           t->type == T_ENDMARKER;
}

ast_node *p_new(parser *p, ast_kind kind, int start)
{
    ast_node *n = ast_new(p->a, kind);
    const token *s = slot(p, start);
    int last = p->pos - 1;
    while (last > start && is_whitespace_token(slot(p, last)))
        last--;
    const token *e = slot(p, last < start ? start : last);
    n->lineno = s->lineno;
    n->col_offset = s->col_offset;
    n->end_lineno = e->end_lineno;
    n->end_col_offset = e->end_col_offset;
    return n;
}

ast_node *p_new_loc(parser *p, ast_kind kind, p_loc start, p_loc end)
{
    ast_node *n = ast_new(p->a, kind);
    n->lineno = start.lineno;
    n->col_offset = start.col_offset;
    n->end_lineno = end.end_lineno;
    n->end_col_offset = end.end_col_offset;
    return n;
}

const char *p_ident(parser *p, const token *t)
{
    size_t len = (size_t)(t->end - t->start);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)t->start[i] >= 0x80)
            return uni_nfkc(p->a, t->start, len);
    return arena_strndup(p->a, t->start, len);
}

void vec_init(p_vec *v)
{
    v->items = v->small;
    v->n = 0;
    v->cap = (int)(sizeof v->small / sizeof v->small[0]);
}

void vec_push(parser *p, p_vec *v, void *item)
{
    if (v->n == v->cap) {
        void **ni = arena_alloc(p->a, (size_t)v->cap * 2 * sizeof *ni);
        memcpy(ni, v->items, (size_t)v->n * sizeof *ni);
        v->items = ni;
        v->cap *= 2;
    }
    v->items[v->n++] = item;
}

ast_seq *vec_seq(parser *p, p_vec *v)
{
    if (v->n == 0)
        return NULL;
    ast_seq *s = ast_seq_new(p->a, v->n);
    memcpy(s->items, v->items, (size_t)v->n * sizeof *v->items);
    return s;
}

ast_seq *seq1(parser *p, void *item)
{
    ast_seq *s = ast_seq_new(p->a, 1);
    s->items[0] = item;
    return s;
}

/* ---- driver ---- */

static void parser_init(parser *p, arena *a, const char *bytes, size_t len, char *stack_base)
{
    memset(p, 0, sizeof *p);
    p->stack_base = stack_base;
    p->a = a;
    p->tz = tok_new(a, bytes, len);
}

static void parser_release(parser *p)
{
    for (int i = p->first_block; i < p->nblocks; i++)
        free(p->blocks[i]);
    free(p->blocks);
    p->blocks = NULL;
    p->nblocks = p->first_block = 0;
}

/* CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a
 * parser error, read the rest of the file; an error the lexer raises there
 * (or a bracket never closed before the error's line) takes precedence,
 * unless the lexer stopped inside an f-string. */
static void check_rest_of_source(parser *p)
{
    int current_line = p_last_fetched(p)->lineno;
    token t;
    for (;;) {
        int type = tok_next(p->tz, &t);
        if (type == T_ENDMARKER)
            return;
        if (type != T_ERROR)
            continue;
        syntax_error replacement;
        int replace = 0;
        if (tok_error_is_raised(p->tz)) {
            replacement = *tok_error(p->tz);
            replace = 1;
        } else if (tok_level(p->tz) > 0) {
            char ch;
            int lineno, col;
            tok_innermost_bracket(p->tz, &ch, &lineno, &col);
            if (current_line > lineno) {
                replacement.type = "SyntaxError";
                replacement.lineno = replacement.end_lineno = lineno;
                replacement.col_offset = col;
                replacement.end_col_offset = -1;
                snprintf(replacement.msg, sizeof replacement.msg, "'%c' was never closed", ch);
                replace = 1;
            }
        }
        if (replace && tok_fstring_depth(p->tz) <= 0)
            p->err = replacement;
        return;
    }
}

/* CPython's _PyPegen_set_syntax_error, after the second pass. */
static void set_syntax_error(parser *p, const token *first_pass_last)
{
    if (p->error) {
        if (!p->tok_failed)
            check_rest_of_source(p);
        return;
    }
    if (first_pass_last->type == T_INDENT || first_pass_last->type == T_DEDENT) {
        p_raise_indent(p, first_pass_last->type == T_INDENT ? "unexpected indent"
                                                            : "unexpected unindent");
        return;
    }
    p_loc at = p_loc_tok(first_pass_last);
    p_raise_range(p, "SyntaxError", at, at, "invalid syntax");
    check_rest_of_source(p);
}

ast_node *py_parse(arena *a, const char *bytes, size_t len, syntax_error *err)
{
    char stack_base;
    parser p;
    parser_init(&p, a, bytes, len, &stack_base);
    ast_node *mod = parse_file(&p);
    if (mod && !p.error) {
        parser_release(&p);
        return py_check_future(mod, err) == 0 ? mod : NULL;
    }
    if (!p.error) {
        /* Second pass from a fresh tokenizer: the first may have released
         * tokens it had committed. */
        token last = *p_last_fetched(&p);
        int first_fill = p.fill;
        parser_release(&p);
        parser_init(&p, a, bytes, len, &stack_base);
        p.call_invalid_rules = 1;
        p.first_fill = first_fill;
        p.first_last = last;
        parse_file(&p);
        set_syntax_error(&p, &last);
    } else if (!p.tok_failed) {
        check_rest_of_source(&p);
    }
    *err = p.err;
    parser_release(&p);
    return NULL;
}
