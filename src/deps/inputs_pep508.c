/* inputs_pep508.c - PEP 508 requirement strings ("name[extra] >=1 ;
 * python_version < '3.9'", "name @ https://..."), parsed the way
 * packaging 23's Requirement does, so that what pip would accept krait
 * accepts: a context-sensitive tokenizer (each token a pattern tried at
 * the current position, \b word boundaries included), a recursive descent
 * over the same grammar, and the marker printed back in packaging's
 * normalised spelling (str(Marker)), quirks included: a doubly
 * parenthesised group loses its parentheses, and only the first marker
 * item's `extra` value is canonicalised. tests/deps/inputs/pep508_compare.py
 * checks every field against packaging on generated strings. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "deps/deps_input.h"
#include "deps/pep440_int.h"

/* Parenthesised markers deeper than this are refused (packaging would hit
 * Python's recursion limit much later; no real marker comes near). */
enum { MARKER_MAX_DEPTH = 64 };

typedef struct mnode mnode;
struct mnode {
    bool is_list;
    /* an item: lhs op rhs; *_var says a variable (printed bare) */
    const char *lhs, *op, *rhs;
    bool lhs_var, rhs_var;
    /* a list: elems[0] ops[0] elems[1] ... */
    mnode **elems;
    const char **ops;
    size_t n;
};

typedef struct p508 {
    arena *a;
    const char *s;
    size_t len, pos;
    const char *msg;
    size_t errpos;
    int depth;
} p508;

static bool fail(p508 *p, const char *msg)
{
    if (!p->msg) {
        p->msg = msg;
        p->errpos = p->pos;
    }
    return false;
}

/* Python's \w for str patterns: ASCII letters, digits, '_', and (an
 * approximation) every non-ASCII character. */
static bool is_word(p508 *p, size_t i)
{
    if (i >= p->len)
        return false;
    unsigned char c = (unsigned char)p->s[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 0x80;
}

static bool boundary(p508 *p, size_t i)
{
    bool before = i > 0 && is_word(p, i - 1);
    return before != is_word(p, i);
}

static bool at_end(p508 *p)
{
    return p->pos >= p->len;
}

static bool peek_char(p508 *p, char c)
{
    return p->pos < p->len && p->s[p->pos] == c;
}

/* WS: [ \t]+ */
static bool skip_ws(p508 *p)
{
    size_t start = p->pos;
    while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
        p->pos++;
    return p->pos > start;
}

static bool is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
}

/* IDENTIFIER: \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b, backtracking to the last
 * position where the closing \b holds. Returns the length, 0 if none. */
static size_t match_identifier(p508 *p)
{
    size_t i = p->pos;
    if (i >= p->len || !boundary(p, i))
        return 0;
    char c = p->s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        return 0;
    size_t end = i + 1;
    while (end < p->len && is_ident_char(p->s[end]))
        end++;
    for (; end > i; end--)
        if (boundary(p, end))
            return end - i;
    return 0;
}

/* A keyword between word boundaries ("and", "in", "not"). */
static bool match_word(p508 *p, const char *w)
{
    size_t n = strlen(w);
    return p->len - p->pos >= n && boundary(p, p->pos) &&
           memcmp(p->s + p->pos, w, n) == 0 && boundary(p, p->pos + n);
}

static const char *take(p508 *p, size_t n)
{
    const char *t = arena_strndup(p->a, p->s + p->pos, n);
    p->pos += n;
    return t;
}

/* ---- extras ---------------------------------------------------------------- */

static bool parse_extras(p508 *p, pep508_req *r)
{
    if (!peek_char(p, '['))
        return true;
    size_t open = p->pos++;
    skip_ws(p);
    const char **list = arena_alloc(p->a, sizeof *list * (p->len + 1));
    size_t n = 0, k = match_identifier(p);
    if (k) {
        list[n++] = take(p, k);
        for (;;) {
            skip_ws(p);
            if (match_identifier(p))
                return fail(p, "Expected comma between extra names");
            if (!peek_char(p, ','))
                break;
            p->pos++;
            skip_ws(p);
            if (!(k = match_identifier(p)))
                return fail(p, "Expected extra name after comma");
            list[n++] = take(p, k);
        }
    }
    skip_ws(p);
    if (!peek_char(p, ']')) {
        fail(p, "Expected closing RIGHT_BRACKET");
        p->errpos = open; /* packaging points at the opening bracket */
        return false;
    }
    p->pos++;
    r->extras = list;
    r->nextras = n;
    return true;
}

/* ---- specifiers ------------------------------------------------------------ */

static size_t match_op(p508 *p, const char *s, size_t left)
{
    static const char *const ops[] = {"===", "~=", "==", "!=", "<=", ">=", "<", ">"};
    (void)p;
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        size_t n = strlen(ops[i]);
        if (left >= n && memcmp(s, ops[i], n) == 0)
            return n;
    }
    return 0;
}

static bool is_version_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-' || c == '+' || c == '!' || c == '*';
}

/* SPECIFIER at the current position: an operator, spaces, a version. The
 * version ends where packaging's pattern must end (whitespace, ',', ';',
 * ')'), and what packaging's Specifier refuses does not match, as there. */
static size_t match_specifier(p508 *p)
{
    size_t i = p->pos, opn = match_op(p, p->s + i, p->len - i);
    if (!opn)
        return 0;
    size_t v = pep440_skip_space(p->s, p->len, i + opn), end = v;
    if (opn == 3) {
        while (end < p->len && !pep440_space_at(p->s, p->len, end) && p->s[end] != ';' &&
               p->s[end] != ')')
            end++;
    } else {
        while (end < p->len && is_version_char(p->s[end]))
            end++;
        if (end == v)
            return 0;
    }
    if (!pep440_spec_parse(p->a, p->s + i, end - i, NULL))
        return 0;
    return end - i;
}

static void parse_version_many(p508 *p, buf *out)
{
    size_t k;
    while ((k = match_specifier(p))) {
        buf_put(out, p->s + p->pos, k);
        p->pos += k;
        skip_ws(p);
        if (!peek_char(p, ','))
            break;
        buf_putc(out, ',');
        p->pos++;
        skip_ws(p);
    }
}

static bool parse_specifier(p508 *p, pep508_req *r)
{
    bool paren = peek_char(p, '(');
    size_t open = p->pos;
    if (paren)
        p->pos++;
    skip_ws(p);
    buf out;
    buf_init(&out);
    parse_version_many(p, &out);
    r->specifier = arena_strndup(p->a, out.data ? out.data : "", out.len);
    buf_free(&out);
    skip_ws(p);
    if (paren) {
        if (!peek_char(p, ')')) {
            fail(p, "Expected closing RIGHT_PARENTHESIS");
            p->errpos = open;
            return false;
        }
        p->pos++;
    }
    return true;
}

/* ---- markers --------------------------------------------------------------- */

static const char *const variables[] = {
    "python_version", "python_full_version", "os.name", "os_name", "sys.platform",
    "sys_platform", "platform_release", "platform_system", "platform.version",
    "platform_version", "platform.machine", "platform_machine",
    "platform.python_implementation", "platform_python_implementation",
    "python_implementation", "implementation_name", "implementation_version", "extra",
};

static const char *match_variable(p508 *p)
{
    for (size_t i = 0; i < sizeof variables / sizeof *variables; i++) {
        if (!match_word(p, variables[i]))
            continue;
        p->pos += strlen(variables[i]);
        if (strcmp(variables[i], "python_implementation") == 0)
            return "platform_python_implementation";
        char *v = arena_strndup(p->a, variables[i], strlen(variables[i]));
        for (char *c = v; *c; c++)
            if (*c == '.')
                *c = '_';
        return v;
    }
    return NULL;
}

/* The character a one-letter Python escape stands for, or 0. */
static char simple_escape(char e)
{
    switch (e) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    default: return 0;
    }
}

/* The value of a quoted string as ast.literal_eval gives it: the common
 * backslash escapes decoded, others kept (Python keeps "\d" as is). */
static const char *unquote(p508 *p, const char *s, size_t n)
{
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\\' || i + 1 == n) {
            buf_putc(&b, c);
            continue;
        }
        char e = s[++i], d = simple_escape(e);
        if (d) {
            buf_putc(&b, d);
        } else if (e != '\n') { /* backslash-newline is a line continuation */
            buf_putc(&b, '\\');
            buf_putc(&b, e);
        }
    }
    const char *v = arena_strndup(p->a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return v;
}

static bool parse_marker_var(p508 *p, const char **out, bool *is_var)
{
    const char *v = match_variable(p);
    if (v) {
        *out = v;
        *is_var = true;
        return true;
    }
    if (peek_char(p, '\'') || peek_char(p, '"')) {
        const char *close = memchr(p->s + p->pos + 1, p->s[p->pos], p->len - p->pos - 1);
        if (close) {
            size_t start = p->pos + 1, n = (size_t)(close - p->s) - start;
            if (n && p->s[start + n - 1] == '\\' &&
                (n < 2 || p->s[start + n - 2] != '\\'))
                return fail(p, "unterminated string (a backslash escapes the quote)");
            *out = unquote(p, p->s + start, n);
            *is_var = false;
            p->pos = (size_t)(close - p->s) + 1;
            return true;
        }
    }
    return fail(p, "Expected a marker variable or quoted string");
}

static bool parse_marker_op(p508 *p, const char **out)
{
    if (match_word(p, "in")) {
        p->pos += 2;
        *out = "in";
        return true;
    }
    if (match_word(p, "not")) {
        p->pos += 3;
        if (!skip_ws(p))
            return fail(p, "Expected whitespace after 'not'");
        if (!match_word(p, "in"))
            return fail(p, "Expected 'in' after 'not'");
        p->pos += 2;
        *out = "not in";
        return true;
    }
    static const char *const ops[] = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        size_t n = strlen(ops[i]);
        if (p->len - p->pos >= n && memcmp(p->s + p->pos, ops[i], n) == 0) {
            p->pos += n;
            *out = ops[i];
            return true;
        }
    }
    return fail(p, "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
}

static mnode *parse_marker(p508 *p);

static mnode *parse_marker_atom(p508 *p)
{
    skip_ws(p);
    mnode *m;
    if (peek_char(p, '(')) {
        size_t open = p->pos++;
        if (++p->depth > MARKER_MAX_DEPTH) {
            fail(p, "markers nested too deeply");
            return NULL;
        }
        skip_ws(p);
        m = parse_marker(p);
        p->depth--;
        if (!m)
            return NULL;
        skip_ws(p);
        if (!peek_char(p, ')')) {
            fail(p, "Expected closing RIGHT_PARENTHESIS");
            p->errpos = open;
            return NULL;
        }
        p->pos++;
    } else {
        m = arena_alloc(p->a, sizeof *m);
        skip_ws(p);
        if (!parse_marker_var(p, &m->lhs, &m->lhs_var))
            return NULL;
        skip_ws(p);
        if (!parse_marker_op(p, &m->op))
            return NULL;
        skip_ws(p);
        if (!parse_marker_var(p, &m->rhs, &m->rhs_var))
            return NULL;
        skip_ws(p);
    }
    skip_ws(p);
    return m;
}

static mnode *parse_marker(p508 *p)
{
    mnode *first = parse_marker_atom(p);
    if (!first)
        return NULL;
    size_t cap = 4, n = 1;
    mnode **elems = arena_alloc(p->a, sizeof *elems * cap);
    const char **ops = arena_alloc(p->a, sizeof *ops * cap);
    elems[0] = first;
    for (;;) {
        const char *op = match_word(p, "or") ? "or" : match_word(p, "and") ? "and" : NULL;
        if (!op)
            break;
        p->pos += strlen(op);
        mnode *next = parse_marker_atom(p);
        if (!next)
            return NULL;
        if (n == cap) {
            mnode **ne = arena_alloc(p->a, sizeof *ne * cap * 2);
            const char **no = arena_alloc(p->a, sizeof *no * cap * 2);
            memcpy(ne, elems, sizeof *ne * n);
            memcpy(no, ops, sizeof *no * n);
            elems = ne, ops = no, cap *= 2;
        }
        ops[n - 1] = op;
        elems[n++] = next;
    }
    mnode *list = arena_alloc(p->a, sizeof *list);
    *list = (mnode){.is_list = true, .elems = elems, .ops = ops, .n = n};
    return list;
}

static void put_operand(buf *b, const char *text, bool var)
{
    if (var) {
        buf_puts(b, text);
    } else {
        buf_putc(b, '"');
        buf_puts(b, text);
        buf_putc(b, '"');
    }
}

/* packaging's _format_marker: a one-element list prints its element as a
 * top-level marker (so "((a or b))" loses its parentheses); other nested
 * lists are parenthesised. */
static void format_marker(const mnode *m, bool first, buf *b)
{
    if (m->is_list && m->n == 1) {
        format_marker(m->elems[0], true, b);
    } else if (m->is_list) {
        if (!first)
            buf_putc(b, '(');
        for (size_t i = 0; i < m->n; i++) {
            if (i) {
                buf_putc(b, ' ');
                buf_puts(b, m->ops[i - 1]);
                buf_putc(b, ' ');
            }
            format_marker(m->elems[i], false, b);
        }
        if (!first)
            buf_putc(b, ')');
    } else {
        put_operand(b, m->lhs, m->lhs_var);
        buf_putc(b, ' ');
        buf_puts(b, m->op);
        buf_putc(b, ' ');
        put_operand(b, m->rhs, m->rhs_var);
    }
}

/* packaging's _normalize_extra_values looks at the first element only. */
static void normalize_extra(p508 *p, mnode *top)
{
    mnode *m = top->elems[0];
    if (m->is_list)
        return;
    if (m->lhs_var && strcmp(m->lhs, "extra") == 0) {
        m->rhs = pep503_normalize(p->a, m->rhs, strlen(m->rhs));
        m->rhs_var = false;
    } else if (m->rhs_var && strcmp(m->rhs, "extra") == 0) {
        m->lhs = pep503_normalize(p->a, m->lhs, strlen(m->lhs));
        m->lhs_var = false;
    }
}

static bool parse_requirement_marker(p508 *p, pep508_req *r, const char *after,
                                     size_t span_start)
{
    if (!peek_char(p, ';')) {
        fail(p, after);
        p->errpos = span_start; /* packaging points at the URL or specifier */
        return false;
    }
    p->pos++;
    size_t start = p->pos;
    mnode *m = parse_marker(p);
    if (!m)
        return false;
    skip_ws(p);
    size_t end = p->pos;
    while (start < end && (p->s[start] == ' ' || p->s[start] == '\t'))
        start++;
    while (end > start && (p->s[end - 1] == ' ' || p->s[end - 1] == '\t'))
        end--;
    r->marker_written = arena_strndup(p->a, p->s + start, end - start);
    normalize_extra(p, m);
    buf b;
    buf_init(&b);
    format_marker(m, true, &b);
    r->marker = arena_strndup(p->a, b.data, b.len);
    buf_free(&b);
    return true;
}

/* ---- URLs -------------------------------------------------------------- */

/* packaging accepts a URL that urllib.parse finds a scheme and a host in,
 * or a file: URL that urlunparse gives back unchanged. */
static bool url_valid(const char *u, size_t n)
{
    const char *colon = memchr(u, ':', n);
    if (!colon || colon == u || !((*u | 0x20) >= 'a' && (*u | 0x20) <= 'z'))
        return false;
    for (const char *c = u; c < colon; c++)
        if (!((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z') && !(*c >= '0' && *c <= '9') &&
            *c != '+' && *c != '-' && *c != '.')
            return false;
    size_t sl = (size_t)(colon - u);
    const char *rest = colon + 1, *end = u + n;
    if (end - rest < 2 || rest[0] != '/' || rest[1] != '/')
        return false;
    const char *host = rest + 2, *h = host;
    while (h < end && *h != '/' && *h != '?' && *h != '#')
        h++;
    bool is_file = sl == 4 && memcmp(u, "file", 4) == 0;
    if (!is_file) {
        bool scheme_file = sl == 4 && strncasecmp(u, "file", 4) == 0;
        return !scheme_file && h > host;
    }
    if (h == host && end - h >= 2 && h[0] == '/' && h[1] == '/')
        return false;
    const char *q = memchr(h, '?', (size_t)(end - h)), *f = memchr(h, '#', (size_t)(end - h));
    if (q && (!f || q < f) && (q + 1 == end || q[1] == '#'))
        return false;
    return !(f && f + 1 == end);
}

static bool parse_details(p508 *p, pep508_req *r)
{
    if (peek_char(p, '@')) {
        p->pos++;
        skip_ws(p);
        size_t start = p->pos;
        while (p->pos < p->len && p->s[p->pos] != ' ' && p->s[p->pos] != '\t')
            p->pos++;
        if (p->pos == start)
            return fail(p, "Expected URL after @");
        r->url = arena_strndup(p->a, p->s + start, p->pos - start);
        if (at_end(p))
            return true;
        skip_ws(p);
        if (at_end(p))
            return true;
        return parse_requirement_marker(p, r, "Expected end or semicolon (after URL and whitespace)",
                                        start);
    }
    size_t spec_start = p->pos;
    if (!parse_specifier(p, r))
        return false;
    skip_ws(p);
    if (at_end(p))
        return true;
    return parse_requirement_marker(
        p, r,
        *r->specifier ? "Expected end or semicolon (after version specifier)"
                      : "Expected end or semicolon (after name and no valid version specifier)",
        spec_start);
}

const pep508_req *pep508_parse(arena *a, const char *text, size_t len, const char **msg,
                               size_t *offset)
{
    p508 p = {.a = a, .s = text, .len = len};
    pep508_req *r = arena_alloc(a, sizeof *r);
    r->specifier = "";
    skip_ws(&p);
    size_t k = match_identifier(&p);
    bool ok = k ? true : fail(&p, "Expected package name at the start of dependency specifier");
    if (ok) {
        r->name = take(&p, k);
        skip_ws(&p);
        ok = parse_extras(&p, r);
    }
    if (ok) {
        skip_ws(&p);
        ok = parse_details(&p, r);
    }
    if (ok && !at_end(&p))
        ok = fail(&p, "Expected end of dependency specifier");
    if (ok && r->url && !url_valid(r->url, strlen(r->url))) {
        p.pos = 0;
        ok = fail(&p, "Invalid URL");
    }
    if (!ok) {
        if (msg)
            *msg = p.msg;
        if (offset)
            *offset = p.errpos;
        return NULL;
    }
    return r;
}
