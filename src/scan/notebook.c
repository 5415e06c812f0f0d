/* notebook.c - a notebook's code cells as one Python module (notebook.h).
 * The JSON is read with cJSON; the cells' lines are then copied one by one,
 * a small line scanner keeping track of brackets and strings so that only
 * lines that start a statement are taken for IPython syntax. */
#include "notebook.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"

int notebook_is_path(const char *path)
{
    size_t n = strlen(path);
    return n > 6 && strcmp(path + n - 6, ".ipynb") == 0;
}

/* Where the line scanner is at the end of a line. */
typedef struct lex_state {
    int depth;       /* open brackets */
    char quote;      /* 0, '\'' or '"': inside a string */
    int triple;      /* the string is triple-quoted */
    int continued;   /* the line ended with a backslash */
} lex_state;

static int lex_clean(const lex_state *st)
{
    return st->depth == 0 && !st->quote && !st->continued;
}

/* Moves st past line[0..n) (no newline in it). */
static void lex_line(lex_state *st, const char *s, size_t n)
{
    st->continued = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (st->quote) {
            if (c == '\\') {
                i++;
                if (i >= n)
                    st->continued = 1;
            } else if (c == st->quote &&
                       (!st->triple || (i + 2 < n + 0 && s[i + 1] == c && s[i + 2] == c))) {
                i += st->triple ? 2 : 0;
                st->quote = 0;
            }
            continue;
        }
        if (c == '#')
            break;
        if (c == '\'' || c == '"') {
            st->quote = c;
            st->triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            i += st->triple ? 2 : 0;
        } else if (c == '(' || c == '[' || c == '{') {
            st->depth++;
        } else if ((c == ')' || c == ']' || c == '}') && st->depth > 0) {
            st->depth--;
        } else if (c == '\\' && i + 1 == n) {
            st->continued = 1;
        }
    }
    /* A one-quote string ends with its line unless continued. */
    if (st->quote && !st->triple && !st->continued)
        st->quote = 0;
}

typedef struct builder {
    arena *a;
    buf out;
    int line; /* lines written so far */
    nb_shell *shells;
    int nshells, cap_shells;
    int oom;
} builder;

static void add_shell(builder *b, const char *s, size_t n)
{
    if (b->nshells == b->cap_shells) {
        int cap = b->cap_shells ? b->cap_shells * 2 : 8;
        nb_shell *p = realloc(b->shells, (size_t)cap * sizeof *p);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->shells = p;
        b->cap_shells = cap;
    }
    if (n > 300)
        n = 300;
    b->shells[b->nshells].line = b->line + 1;
    b->shells[b->nshells++].command = arena_strndup(b->a, s, n);
}

static void put_line(builder *b, const char *s, size_t n)
{
    buf_put(&b->out, s, n);
    buf_putc(&b->out, '\n');
    b->line++;
}

/* "indent" + what + "  # " + the original text. */
static void put_neutralised(builder *b, const char *line, size_t indent, const char *what,
                            size_t whatlen, const char *orig, size_t n)
{
    buf_put(&b->out, line, indent);
    buf_put(&b->out, what, whatlen);
    buf_puts(&b->out, "  # ");
    put_line(b, orig, n);
}

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

static int magic_is_shell(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && is_word_char(s[k]))
        k++;
    return (k == 2 && memcmp(s, "sx", 2) == 0) || (k == 6 && memcmp(s, "system", 6) == 0);
}

/* `x = !cmd`, `x = %magic`: where the '!' or '%' is, or 0. */
static size_t assigned_escape(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '=') {
            if (i + 1 < n && s[i + 1] == '=')
                return 0;
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            return j < n && (s[j] == '!' || s[j] == '%') ? j : 0;
        }
        if (!is_word_char(c) && !strchr(" \t.,[]()*", c))
            return 0;
    }
    return 0;
}

/* One line that starts a statement: IPython syntax or plain Python. */
static void take_line(builder *b, const char *line, size_t n)
{
    size_t ind = 0;
    while (ind < n && (line[ind] == ' ' || line[ind] == '\t'))
        ind++;
    const char *s = line + ind;
    size_t m = n - ind;
    size_t end = m;
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    int help = m > 0 && (s[0] == '?' || (s[end - 1] == '?' && !memchr(s, '#', m)));
    if (m > 0 && (s[0] == '!' || s[0] == '%' || help)) {
        if (s[0] == '!' || (s[0] == '%' && magic_is_shell(s + 1, m - 1)))
            add_shell(b, s, m);
        put_neutralised(b, line, ind, "pass", 4, s, m);
        return;
    }
    size_t esc = assigned_escape(s, m);
    if (esc) {
        if (s[esc] == '!' || magic_is_shell(s + esc + 1, m - esc - 1))
            add_shell(b, s, m);
        buf_put(&b->out, line, ind + esc);
        put_neutralised(b, "", 0, "None", 4, s, m);
        return;
    }
    put_line(b, line, n);
}

/* %%name at the start of a cell: 0 Python follows, 1 shell, 2 other text. */
static int cell_magic_kind(const char *s, size_t n)
{
    static const char *const python[] = {"time", "timeit", "capture", "prun", "debug"};
    static const char *const shell[] = {"bash", "sh", "script", "system", "!"};
    size_t k = 0;
    while (k < n && (is_word_char(s[k]) || s[k] == '!'))
        k++;
    for (size_t i = 0; i < sizeof python / sizeof *python; i++)
        if (strlen(python[i]) == k && memcmp(s, python[i], k) == 0)
            return 0;
    for (size_t i = 0; i < sizeof shell / sizeof *shell; i++)
        if (strlen(shell[i]) == k && memcmp(s, shell[i], k) == 0)
            return 1;
    return 2;
}

/* The next line of text[*pos..len): its length, *pos moved past it. */
static size_t next_line(const char *text, size_t len, size_t *pos, const char **line)
{
    *line = text + *pos;
    const char *nl = memchr(*line, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - *line) : len - *pos;
    *pos += n + (nl != NULL);
    return n;
}

static void take_cell(builder *b, const char *text, size_t len)
{
    lex_state st = {0};
    size_t pos = 0;
    const char *line;
    int magic = -1; /* the cell magic's kind, -1 none */
    while (pos < len) {
        size_t n = next_line(text, len, &pos, &line);
        if (magic < 0 && n >= 2 && line[0] == '%' && line[1] == '%' &&
            st.depth == 0 && !st.quote) {
            magic = cell_magic_kind(line + 2, n - 2);
            if (magic == 1)
                add_shell(b, line, n);
            put_neutralised(b, "", 0, "pass", 4, line, n);
            if (magic == 0)
                magic = 3; /* Python from here on */
            continue;
        }
        if (magic < 0)
            magic = 3; /* the first line decides */
        if (magic == 1 || magic == 2) {
            buf_putc(&b->out, '#');
            put_line(b, line, n);
            continue;
        }
        if (lex_clean(&st))
            take_line(b, line, n);
        else
            put_line(b, line, n);
        lex_line(&st, line, n);
    }
}

/* The source of a cell: a string or a list of strings, joined, with "\r\n"
 * and "\r" turned into "\n" (the scanner counts lines by '\n'). */
static int cell_source(const cJSON *src, buf *text)
{
    buf_clear(text);
    if (cJSON_IsString(src)) {
        buf_puts(text, src->valuestring);
    } else if (cJSON_IsArray(src)) {
        for (const cJSON *it = src->child; it; it = it->next) {
            if (!cJSON_IsString(it))
                return -1;
            buf_puts(text, it->valuestring);
        }
    } else {
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < text->len; i++) {
        char c = text->data[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < text->len && text->data[i + 1] == '\n')
                i++;
        }
        text->data[k++] = c;
    }
    text->len = k;
    return 0;
}

typedef struct reader {
    builder b;
    nb_cell *cells;
    int ncells, cap_cells;
    int number; /* cells met so far, of any type */
    buf text;
    char *msg;
    size_t msgsize;
} reader;

static int add_cell(reader *r, const cJSON *cell, int v3)
{
    r->number++;
    if (!cJSON_IsObject(cell)) {
        snprintf(r->msg, r->msgsize, "malformed notebook: cell %d is not an object", r->number);
        return -1;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(cell, "cell_type");
    if (!cJSON_IsString(type)) {
        snprintf(r->msg, r->msgsize, "malformed notebook: cell %d has no cell_type", r->number);
        return -1;
    }
    if (strcmp(type->valuestring, "code") != 0)
        return 0;
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(cell, v3 ? "input" : "source");
    if (cell_source(src, &r->text) != 0) {
        snprintf(r->msg, r->msgsize,
                 "malformed notebook: cell %d: source is not a string or a list of strings",
                 r->number);
        return -1;
    }
    if (r->ncells == r->cap_cells) {
        int cap = r->cap_cells ? r->cap_cells * 2 : 16;
        nb_cell *p = realloc(r->cells, (size_t)cap * sizeof *p);
        if (!p)
            return -1;
        r->cells = p;
        r->cap_cells = cap;
    }
    nb_cell *c = &r->cells[r->ncells++];
    c->number = r->number;
    c->first_line = r->b.line + 1;
    take_cell(&r->b, r->text.data ? r->text.data : "", r->text.len);
    c->nlines = r->b.line + 1 - c->first_line;
    return 0;
}

static int add_cells(reader *r, const cJSON *cells, int v3)
{
    if (!cJSON_IsArray(cells)) {
        snprintf(r->msg, r->msgsize, "malformed notebook: \"cells\" is not a list");
        return -1;
    }
    for (const cJSON *c = cells->child; c; c = c->next)
        if (add_cell(r, c, v3) != 0)
            return -1;
    return 0;
}

static int read_notebook(reader *r, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        snprintf(r->msg, r->msgsize, "malformed notebook: not a JSON object");
        return -1;
    }
    const cJSON *cells = cJSON_GetObjectItemCaseSensitive(root, "cells");
    if (cells)
        return add_cells(r, cells, 0);
    const cJSON *sheets = cJSON_GetObjectItemCaseSensitive(root, "worksheets");
    if (!cJSON_IsArray(sheets)) {
        snprintf(r->msg, r->msgsize, "malformed notebook: no \"cells\" (nbformat 4) or "
                                     "\"worksheets\" (nbformat 3)");
        return -1;
    }
    for (const cJSON *s = sheets->child; s; s = s->next) {
        const cJSON *c = cJSON_IsObject(s) ? cJSON_GetObjectItemCaseSensitive(s, "cells") : NULL;
        if (add_cells(r, c, 1) != 0)
            return -1;
    }
    return 0;
}

static void finish(reader *r, notebook *out)
{
    out->len = r->b.out.len;
    out->text = arena_strndup(r->b.a, r->b.out.data ? r->b.out.data : "", out->len);
    out->ncells = r->ncells;
    out->cells = arena_alloc(r->b.a, (size_t)(r->ncells + 1) * sizeof *out->cells);
    if (r->ncells)
        memcpy(out->cells, r->cells, (size_t)r->ncells * sizeof *out->cells);
    out->nshells = r->b.nshells;
    out->shells = arena_alloc(r->b.a, (size_t)(r->b.nshells + 1) * sizeof *out->shells);
    if (r->b.nshells)
        memcpy(out->shells, r->b.shells, (size_t)r->b.nshells * sizeof *out->shells);
}

/* cJSON's parser writes a global (the position of the last error, reset on
 * every call) and notebooks are read on several scan threads: the parse
 * itself is serialised. The tree it returns is private to the caller. */
static pthread_mutex_t cjson_parse_lock = PTHREAD_MUTEX_INITIALIZER;

static cJSON *parse_json(const char *data, size_t len)
{
    pthread_mutex_lock(&cjson_parse_lock);
    cJSON *root = cJSON_ParseWithLength(data, len);
    pthread_mutex_unlock(&cjson_parse_lock);
    return root;
}

int notebook_to_python(arena *a, const char *data, size_t len, notebook *out, char *msg,
                       size_t msgsize)
{
    memset(out, 0, sizeof *out);
    cJSON *root = parse_json(data, len);
    if (!root) {
        snprintf(msg, msgsize, "malformed notebook: not valid JSON");
        return -1;
    }
    reader r = {.b = {.a = a}, .msg = msg, .msgsize = msgsize};
    buf_init(&r.b.out);
    buf_init(&r.text);
    /* Cells may not declare their own encoding: line 1 says UTF-8. */
    put_line(&r.b, "# coding: utf-8", 15);
    int rc = read_notebook(&r, root);
    if (rc == 0 && r.b.oom) {
        snprintf(msg, msgsize, "out of memory");
        rc = -1;
    }
    if (rc == 0)
        finish(&r, out);
    cJSON_Delete(root);
    buf_free(&r.b.out);
    buf_free(&r.text);
    free(r.cells);
    free(r.b.shells);
    return rc;
}

const nb_cell *notebook_cell_at(const notebook *nb, int line)
{
    int lo = 0, hi = nb->ncells - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const nb_cell *c = &nb->cells[mid];
        if (line < c->first_line)
            hi = mid - 1;
        else if (line >= c->first_line + c->nlines)
            lo = mid + 1;
        else
            return c;
    }
    return NULL;
}
