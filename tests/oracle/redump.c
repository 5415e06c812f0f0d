/* redump.c - the dumper checked on its own: reads CPython's ast.dump text
 * (oracle answers, *.ok) back into an ast_node tree through ast_kinds[],
 * prints it again with ast_dump and compares byte for byte. This covers
 * ast_dump.c and pyrepr.c on every answer in the oracle cache whether or
 * not the parser is right. A test tool: it trusts its input.
 *     redump ANSWER...   prints "ANSWER: at char N: ..." per mismatch,
 *                        exits 1 if there was any. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "syntax/ast.h"
#include "syntax/ast_dump.h"

typedef struct rd {
    const char *p, *end;
    arena *a;
    int bad;
} rd;

static void fail(rd *r, const char *why)
{
    if (!r->bad)
        fprintf(stderr, "redump: %s at '%.40s'\n", why, r->p);
    r->bad = 1;
    r->p = r->end;
}

static int eat(rd *r, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(r->end - r->p) >= n && memcmp(r->p, s, n) == 0) {
        r->p += n;
        return 1;
    }
    return 0;
}

static size_t word(rd *r, const char **start)
{
    *start = r->p;
    while (r->p < r->end && (isalnum((unsigned char)*r->p) || *r->p == '_'))
        r->p++;
    return (size_t)(r->p - *start);
}

static unsigned hexval(rd *r, int n)
{
    unsigned v = 0;
    for (int i = 0; i < n; i++) {
        char c = *r->p++;
        v = v * 16 + (unsigned)(isdigit((unsigned char)c) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* A str or bytes repr: quote, escapes, quote. */
static void quoted(rd *r, buf *out, int is_bytes)
{
    char q = *r->p++;
    while (r->p < r->end && *r->p != q) {
        if (*r->p != '\\') {
            buf_putc(out, *r->p++);
            continue;
        }
        r->p++;
        char c = *r->p++;
        switch (c) {
        case 'n': buf_putc(out, '\n'); break;
        case 'r': buf_putc(out, '\r'); break;
        case 't': buf_putc(out, '\t'); break;
        case 'x': {
            unsigned v = hexval(r, 2);
            if (is_bytes)
                buf_putc(out, (char)v);
            else
                buf_put_utf8(out, v);
            break;
        }
        case 'u': buf_put_utf8(out, hexval(r, 4)); break;
        case 'U': buf_put_utf8(out, hexval(r, 8)); break;
        default: buf_putc(out, c); break;
        }
    }
    r->p++;
}

static const char *ident(rd *r, size_t *len)
{
    buf b;
    buf_init(&b);
    if (*r->p != '\'' && *r->p != '"') {
        fail(r, "identifier expected");
        *len = 0;
        return "";
    }
    quoted(r, &b, 0);
    char *s = arena_strndup(r->a, b.data ? b.data : "", b.len);
    *len = b.len;
    buf_free(&b);
    return s;
}

static void constant(rd *r, ast_const *c)
{
    const char *s;
    if (*r->p == '\'' || *r->p == '"' || (*r->p == 'b' && (r->p[1] == '\'' || r->p[1] == '"'))) {
        int is_bytes = *r->p == 'b';
        r->p += is_bytes;
        buf b;
        buf_init(&b);
        quoted(r, &b, is_bytes);
        c->kind = is_bytes ? CONST_BYTES : CONST_STR;
        c->u.str.len = b.len;
        c->u.str.s = arena_strndup(r->a, b.data ? b.data : "", b.len);
        buf_free(&b);
        return;
    }
    s = r->p;
    while (r->p < r->end && (isalnum((unsigned char)*r->p) || strchr(".+-_", *r->p)))
        r->p++;
    size_t n = (size_t)(r->p - s);
    char tmp[400];
    if (n >= sizeof tmp) {
        /* a long int */
        c->kind = CONST_INT;
        c->u.i.digits = s;
        c->u.i.len = (int)n;
        c->u.i.base = 10;
        return;
    }
    memcpy(tmp, s, n);
    tmp[n] = 0;
    if (!strcmp(tmp, "None")) c->kind = CONST_NONE;
    else if (!strcmp(tmp, "True")) c->kind = CONST_TRUE;
    else if (!strcmp(tmp, "False")) c->kind = CONST_FALSE;
    else if (!strcmp(tmp, "Ellipsis")) c->kind = CONST_ELLIPSIS;
    else if (tmp[n - 1] == 'j') {
        c->kind = CONST_COMPLEX;
        c->u.f = strtod(tmp, NULL);
    } else if (strpbrk(tmp, ".en") || !strcmp(tmp, "inf")) {
        c->kind = CONST_FLOAT;
        c->u.f = strtod(tmp, NULL);
    } else {
        c->kind = CONST_INT;
        c->u.i.digits = s;
        c->u.i.len = (int)n;
        c->u.i.base = 10;
    }
}

static int enum_index(rd *r, const char *const *names, int count)
{
    const char *s;
    size_t n = word(r, &s);
    eat(r, "()");
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], s, n))
            return i;
    fail(r, "unknown enum");
    return 0;
}

static ast_node *node(rd *r);

static ast_seq *list(rd *r, ast_field_kind kind)
{
    void *items[4096];
    void **many = items;
    int n = 0, cap = 4096;
    if (!eat(r, "[")) {
        fail(r, "[ expected");
        return NULL;
    }
    while (!r->bad && !eat(r, "]")) {
        if (n && !eat(r, ", "))
            fail(r, ", expected in list");
        void *x;
        if (kind == FK_SEQ_IDENT) {
            size_t len;
            x = (void *)ident(r, &len);
        } else if (kind == FK_SEQ_CMPOP) {
            x = (void *)(intptr_t)enum_index(r, ast_cmpop_names, 10);
        } else if (eat(r, "None")) {
            x = NULL;
        } else {
            x = node(r);
        }
        if (n == cap) {
            void **bigger = malloc(sizeof(void *) * (size_t)cap * 2);
            memcpy(bigger, many, sizeof(void *) * (size_t)n);
            if (many != items)
                free(many);
            many = bigger;
            cap *= 2;
        }
        many[n++] = x;
    }
    ast_seq *s = ast_seq_new(r->a, n);
    memcpy(s->items, many, sizeof(void *) * (size_t)n);
    if (many != items)
        free(many);
    return s;
}

static void field_value(rd *r, ast_node *n, const ast_field_info *fi)
{
    void *p = (char *)n + fi->offset;
    size_t len;
    switch (fi->kind) {
    case FK_NODE:
    case FK_NODE_OPT: *(ast_node **)p = eat(r, "None") ? NULL : node(r); break;
    case FK_SEQ:
    case FK_SEQ_IDENT:
    case FK_SEQ_CMPOP: *(ast_seq **)p = list(r, fi->kind); break;
    case FK_IDENT:
    case FK_IDENT_OPT: *(const char **)p = ident(r, &len); break;
    case FK_INT: *(int *)p = (int)strtol(r->p, (char **)&r->p, 10); break;
    case FK_CONST: constant(r, (ast_const *)p); break;
    case FK_CTX: *(ast_ctx *)p = (ast_ctx)enum_index(r, ast_ctx_names, 3); break;
    case FK_BOOLOP: *(ast_boolop *)p = (ast_boolop)enum_index(r, ast_boolop_names, 2); break;
    case FK_OPERATOR: *(ast_operator *)p = (ast_operator)enum_index(r, ast_operator_names, 13); break;
    case FK_UNARYOP: *(ast_unaryop *)p = (ast_unaryop)enum_index(r, ast_unaryop_names, 4); break;
    }
}

static ast_node *node(rd *r)
{
    const char *s;
    size_t n = word(r, &s);
    int kind = -1;
    for (int k = 0; k < AST_KIND_COUNT; k++)
        if (strlen(ast_kinds[k].name) == n && !memcmp(ast_kinds[k].name, s, n))
            kind = k;
    if (kind < 0 || !eat(r, "(")) {
        fail(r, "node expected");
        return NULL;
    }
    ast_node *nd = ast_new(r->a, (ast_kind)kind);
    const ast_kind_info *ki = &ast_kinds[kind];
    int first = 1;
    while (!r->bad && !eat(r, ")")) {
        if (!first && !eat(r, ", "))
            fail(r, ", expected");
        first = 0;
        const char *fname;
        size_t fl = word(r, &fname);
        if (!eat(r, "=")) {
            fail(r, "= expected");
            break;
        }
        int *pos = NULL;
        if (fl == 6 && !memcmp(fname, "lineno", 6)) pos = &nd->lineno;
        else if (fl == 10 && !memcmp(fname, "col_offset", 10)) pos = &nd->col_offset;
        else if (fl == 10 && !memcmp(fname, "end_lineno", 10)) pos = &nd->end_lineno;
        else if (fl == 14 && !memcmp(fname, "end_col_offset", 14)) pos = &nd->end_col_offset;
        if (pos && ki->has_pos) {
            *pos = (int)strtol(r->p, (char **)&r->p, 10);
            continue;
        }
        const ast_field_info *fi = NULL;
        for (int i = 0; i < ki->nfields; i++)
            if (strlen(ki->fields[i].name) == fl && !memcmp(ki->fields[i].name, fname, fl))
                fi = &ki->fields[i];
        if (!fi) {
            fail(r, "unknown field");
            break;
        }
        field_value(r, nd, fi);
    }
    return nd;
}

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        buf in;
        buf_init(&in);
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
            buf_put(&in, chunk, got);
        fclose(f);
        if (in.len && in.data[in.len - 1] == '\n')
            in.data[--in.len] = 0;
        arena *a = arena_new();
        rd r = {in.data, in.data + in.len, a, 0};
        ast_node *tree = node(&r);
        buf out;
        buf_init(&out);
        if (!r.bad)
            ast_dump(&out, tree, a);
        if (r.bad || out.len != in.len || memcmp(out.data, in.data, in.len)) {
            size_t k = 0;
            while (!r.bad && k < out.len && k < in.len && out.data[k] == in.data[k])
                k++;
            printf("%s: REDUMP at char %zu: got '%.60s' want '%.60s'\n", argv[i], k,
                   r.bad ? "(unreadable)" : out.data + (k > 20 ? k - 20 : 0),
                   in.data + (k > 20 ? k - 20 : 0));
            failed++;
        }
        buf_free(&out);
        buf_free(&in);
        arena_free(a);
    }
    return failed != 0;
}
