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

/* Tokens are read this many at a time (at most; never past a block). */
enum { P_BATCH = 64 };

/* Read the next batch into the window, up to the end of the current block.
 * Nothing follows a T_ERROR or T_ENDMARKER. */
static void read_batch(parser *p)
{
    int b = p->avail >> P_BLOCK_SHIFT;
    if (b >= p->nblocks) {
        token **nb = realloc(p->blocks, (size_t)(b + 1) * sizeof *nb);
        if (!nb)
            abort();
        p->blocks = nb;
        nb[b] = malloc(P_BLOCK * sizeof(token));
        if (!nb[b])
            abort();
        p->nblocks = b + 1;
    }
    int off = p->avail & (P_BLOCK - 1);
    int n = P_BLOCK - off < P_BATCH ? P_BLOCK - off : P_BATCH;
    p->avail += tok_next_n(p->tz, &p->blocks[b][off], n);
}

static int is_final(const token *t)
{
    return t->type == T_ERROR || t->type == T_ENDMARKER;
}

/* Fetch up to token index i, as CPython's _PyPegen_fill_token does one by
 * one; past the end, the final T_ENDMARKER or T_ERROR stands for every
 * later token (it is fetched once and repeats). A tokenizer error is raised
 * when its token is fetched; it matches nothing. */
static __attribute__((noinline)) token *fetch_slow(parser *p, int i)
{
    while (i >= p->avail && !(p->avail > 0 && is_final(slot(p, p->avail - 1))))
        read_batch(p);
    if (i >= p->avail)
        i = p->avail - 1;
    if (i >= p->fill) {
        p->fill = i + 1;
        token *last = slot(p, i);
        if (last->type == T_ERROR && !p->error)
            p_take_tokenizer_error(p);
    }
    return slot(p, i);
}

token *p_peek_fetch(parser *p, int k)
{
    int i = p->pos + k;
    if (i < p->avail) { /* the usual case: read ahead already */
        token *t = slot(p, i);
        if (t->type != T_ERROR) {
            if (i >= p->fill)
                p->fill = i + 1;
            return t;
        }
    }
    return fetch_slow(p, i);
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

/* ast_new, inlined: with the node's size known here, zeroing it is a few
 * stores rather than a call. */
static ast_node *new_node(parser *p, ast_kind kind)
{
    ast_node *n = arena_alloc(p->a, sizeof *n);
    n->kind = kind;
    return n;
}

ast_node *p_new(parser *p, ast_kind kind, int start)
{
    ast_node *n = new_node(p, kind);
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
    ast_node *n = new_node(p, kind);
    n->lineno = start.lineno;
    n->col_offset = start.col_offset;
    n->end_lineno = end.end_lineno;
    n->end_col_offset = end.end_col_offset;
    return n;
}

/* Copies while checking for non-ASCII, in one pass: names are short, and
 * almost all ASCII (the copy made before finding otherwise is wasted). */
const char *p_ident(parser *p, const token *t)
{
    size_t len = (size_t)(t->end - t->start);
    char *d = arena_alloc_raw(p->a, len + 1);
    unsigned char any = 0;
    for (size_t i = 0; i < len; i++)
        any |= (unsigned char)(d[i] = t->start[i]);
    if (any & 0x80)
        return uni_nfkc(p->a, t->start, len);
    d[len] = '\0';
    return d;
}

void vec_init(p_vec *v)
{
    v->items = v->small;
    v->n = 0;
    v->cap = (int)(sizeof v->small / sizeof v->small[0]);
}

void vec_grow(parser *p, p_vec *v)
{
    void **ni = arena_alloc_raw(p->a, (size_t)v->cap * 2 * sizeof *ni);
    memcpy(ni, v->items, (size_t)v->n * sizeof *ni);
    v->items = ni;
    v->cap *= 2;
}

/* ast_seq_new would zero the items only for them to be overwritten; most
 * sequences are short, so a loop beats the library calls. */
ast_seq *vec_seq(parser *p, p_vec *v)
{
    if (v->n == 0)
        return NULL;
    ast_seq *s = arena_alloc_raw(p->a, sizeof *s + (size_t)v->n * sizeof *v->items);
    s->n = v->n;
    for (int i = 0; i < v->n; i++)
        s->items[i] = v->items[i];
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
    for (int i = p->fill;; i++) {
        /* first the tokens read ahead in the last batch, then the rest */
        int type = i < p->avail ? slot(p, i)->type : tok_next(p->tz, &t);
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

/* What py_parse_file adds to the tree: the first pass's tokenizer kept the
 * comments and the warnings (the second pass, if any, re-reads the same
 * text). */
static void fill_file(py_file *file, const tokenizer *tz)
{
    size_t len;
    const char *text = tok_source(tz, &len);
    file->text = tok_decoded(tz) ? text : NULL;
    file->len = len;
    file->comments = tok_comments(tz, &file->ncomments);
    file->warnings = tok_warnings(tz, &file->nwarnings);
    file->strings = tok_string_spans(tz, &file->nstrings);
}

static ast_node *parse_source(arena *a, const char *bytes, size_t len, syntax_error *err,
                              py_file *file)
{
    char stack_base;
    parser p;
    parser_init(&p, a, bytes, len, &stack_base);
    if (file)
        tok_keep_comments(p.tz, a);
    ast_node *mod = parse_file(&p);
    if (file)
        fill_file(file, p.tz);
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
        p.second_pass = 1;
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

ast_node *py_parse(arena *a, const char *bytes, size_t len, syntax_error *err)
{
    return parse_source(a, bytes, len, err, NULL);
}

ast_node *py_parse_file(arena *a, const char *bytes, size_t len, syntax_error *err,
                        py_file *file)
{
    return parse_source(a, bytes, len, err, file);
}
