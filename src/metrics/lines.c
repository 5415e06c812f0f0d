/* lines.c - what each physical line of a file is: code, blank, comment or
 * docstring, from the tokenizer's facts (the comments it met, the string
 * literals spanning lines) and the tree (which strings are docstrings),
 * never from a guess at the text: a '#' inside a string is no comment, a
 * blank line inside a string is no blank line.
 *
 * A line is code when it holds a character, other than whitespace, outside
 * every comment and docstring, or lies inside a string literal (that is not
 * a docstring) spanning several lines; otherwise docstring when a
 * docstring statement covers it; otherwise comment-only when it holds a
 * comment; otherwise blank. */
#include <stdlib.h>
#include <string.h>

#include "../syntax/ast_walk.h"
#include "metrics.h"

enum { L_CODE = 1, L_DOC = 2, L_COMMENT = 4 };

/* A docstring statement's extent (the Expr, parentheses included). */
typedef struct span {
    int lineno, col, end_lineno, end_col;
} span;

typedef struct spans {
    span *items;
    int n, cap, failed;
} spans;

static void push_span(spans *s, const ast_node *n)
{
    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 16;
        span *grown = realloc(s->items, (size_t)cap * sizeof *grown);
        if (!grown) {
            s->failed = 1;
            return;
        }
        s->items = grown;
        s->cap = cap;
    }
    s->items[s->n++] = (span){n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
}

/* CPython's _PyAST_GetDocString: a first statement that is an expression
 * statement of a str constant (not bytes, not an f-string). */
static const ast_node *docstring_of(const ast_seq *body)
{
    if (AST_SEQ_LEN(body) == 0)
        return NULL;
    const ast_node *s = AST_SEQ_NODE(body, 0);
    if (s->kind != AST_Expr)
        return NULL;
    const ast_node *v = s->v.Expr.value;
    return v->kind == AST_Constant && v->v.Constant.value.kind == CONST_STR ? s : NULL;
}

static ast_walk_action find_docstring(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    if (!enter)
        return AST_WALK_CONTINUE;
    const ast_seq *body = NULL;
    switch (n->kind) {
    case AST_Module: body = n->v.Module.body; break;
    case AST_ClassDef: body = n->v.ClassDef.body; break;
    case AST_FunctionDef: body = n->v.FunctionDef.body; break;
    case AST_AsyncFunctionDef: body = n->v.AsyncFunctionDef.body; break;
    default: return n->kind >= AST_BoolOp && n->kind <= AST_Slice ? AST_WALK_SKIP : AST_WALK_CONTINUE;
    }
    const ast_node *doc = docstring_of(body);
    if (doc)
        push_span(ctx, doc);
    return AST_WALK_CONTINUE;
}

static int by_start(const void *x, const void *y)
{
    const span *a = x, *b = y;
    if (a->lineno != b->lineno)
        return a->lineno < b->lineno ? -1 : 1;
    return (a->col > b->col) - (a->col < b->col);
}

static int inside(const span *s, int lineno, int col)
{
    if (lineno < s->lineno || lineno > s->end_lineno)
        return 0;
    if (lineno == s->lineno && col < s->col)
        return 0;
    return !(lineno == s->end_lineno && col >= s->end_col);
}

/* Docstrings never overlap: only the last one starting at or before the
 * place can hold it (binary search over the sorted spans). */
static int inside_any(const spans *d, int lineno, int col)
{
    int lo = 0, hi = d->n; /* first span starting after the place */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        const span *s = &d->items[mid];
        if (s->lineno < lineno || (s->lineno == lineno && s->col <= col))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && inside(&d->items[lo - 1], lineno, col);
}

/* Python's whitespace between tokens: space, tab, form feed. */
static int is_blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

/* Marks L_CODE on line `lineno` (text from `line` to its '\n') when a
 * character outside whitespace lies before the comment (comment_col, -1
 * for none) and outside the docstrings touching the line. */
static int line_has_code(const char *line, const char *eol, int lineno, int comment_col,
                         const spans *d, int first, int last)
{
    const char *stop = comment_col >= 0 && line + comment_col < eol ? line + comment_col : eol;
    for (const char *c = line; c < stop; c++) {
        if (is_blank_char(*c))
            continue;
        int in_doc = 0;
        for (int i = first; i < last && !in_doc; i++)
            in_doc = inside(&d->items[i], lineno, (int)(c - line));
        if (!in_doc)
            return 1;
    }
    return 0;
}

static void mark_docstrings(unsigned char *flags, long nlines, const spans *d)
{
    for (int i = 0; i < d->n; i++)
        for (long l = d->items[i].lineno; l <= d->items[i].end_lineno && l <= nlines; l++)
            flags[l] |= L_DOC;
}

/* Lines inside a multi-line string literal are code, unless the literal
 * is (part of) a docstring. */
static void mark_strings(unsigned char *flags, long nlines, const py_file *src, const spans *d)
{
    for (int i = 0; i < src->nstrings; i++) {
        const py_string_span *s = &src->strings[i];
        if (inside_any(d, s->lineno, s->col_offset))
            continue;
        for (long l = s->lineno; l <= s->end_lineno && l <= nlines; l++)
            flags[l] |= L_CODE;
    }
}

/* Code and comments, line by line (comments come in source order). */
static void mark_lines(unsigned char *flags, const py_file *src, const spans *d)
{
    const char *p = src->text, *end = src->text + src->len;
    int ci = 0, di = 0;
    for (int lineno = 1; p < end; lineno++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        int comment_col = -1;
        while (ci < src->ncomments && src->comments[ci].lineno < lineno)
            ci++;
        if (ci < src->ncomments && src->comments[ci].lineno == lineno) {
            comment_col = src->comments[ci].col_offset;
            flags[lineno] |= L_COMMENT;
        }
        while (di < d->n && d->items[di].end_lineno < lineno)
            di++;
        int last = di;
        while (last < d->n && d->items[last].lineno <= lineno)
            last++;
        if (!(flags[lineno] & L_CODE) && line_has_code(p, eol, lineno, comment_col, d, di, last))
            flags[lineno] |= L_CODE;
        p = eol + 1;
    }
}

static long count_physical(const py_file *src)
{
    long n = 0;
    for (const char *p = src->text, *end = src->text + src->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    /* The decoded text ends in '\n' (decode.c adds a missing one); a text
     * from elsewhere may not. */
    if (src->len > 0 && src->text[src->len - 1] != '\n')
        n++;
    return n;
}

static void tally(const unsigned char *flags, long nlines, line_counts *out)
{
    for (long l = 1; l <= nlines; l++) {
        unsigned char f = flags[l];
        if (f & L_CODE)
            out->code++;
        else if (f & L_DOC)
            out->docstring++;
        else if (f & L_COMMENT)
            out->comment_only++;
        else
            out->blank++;
        if (f & L_COMMENT)
            out->comment++;
    }
}

void metrics_count_lines(const py_file *src, const ast_node *module, line_counts *out)
{
    *out = (line_counts){0, 0, 0, 0, 0, 0};
    if (!src || !src->text)
        return;
    long nlines = count_physical(src);
    out->physical = nlines;
    unsigned char *flags = calloc((size_t)nlines + 2, 1);
    spans docs = {NULL, 0, 0, 0};
    if (module)
        ast_walk(module, find_docstring, &docs);
    if (!flags || docs.failed) { /* out of memory: every line is code */
        out->code = nlines;
        free(flags);
        free(docs.items);
        return;
    }
    if (docs.n > 1)
        qsort(docs.items, (size_t)docs.n, sizeof *docs.items, by_start);
    mark_docstrings(flags, nlines, &docs);
    mark_strings(flags, nlines, src, &docs);
    mark_lines(flags, src, &docs);
    tally(flags, nlines, out);
    free(flags);
    free(docs.items);
}
