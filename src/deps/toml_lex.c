/* toml_lex.c - the TOML reader's lexical layer: positions and errors,
 * UTF-8, whitespace and comments, keys, and strings. Numbers, booleans and
 * dates are in toml_scalar.c. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "deps/toml_int.h"

/* --- positions and errors -------------------------------------------------- */

/* Characters (UTF-8 lead bytes) in [from, to). */
static int count_chars(const char *from, const char *to)
{
    int n = 0;
    for (const char *s = from; s < to; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The 1-based column of `at` on the current line. Values are met in
 * increasing order, so counting on from the last answer keeps a
 * megabyte-long line linear. */
int tp_column(tparser *p, const char *at)
{
    if (p->col_line != p->line || !p->col_at || at < p->col_at) {
        p->col_line = p->line;
        p->col_at = p->line_start;
        p->col_val = 1;
    }
    p->col_val += count_chars(p->col_at, at);
    p->col_at = at;
    return p->col_val;
}

static size_t utf8_seq(const unsigned char *s, const unsigned char *end);

/* Messages quote the input (a key, a date) cut to a length: keep them valid
 * UTF-8 and free of control characters, whatever was cut or quoted. */
static void sanitize_message(char *m)
{
    unsigned char *s = (unsigned char *)m, *end = s + strlen(m);
    while (s < end) {
        size_t n = utf8_seq(s, end);
        if (!n || *s < 0x20 || *s == 0x7F) {
            *s++ = '?';
            continue;
        }
        s += n;
    }
}

/* Record the first error, at `at`. The location is computed from the start
 * of the input (once per parse), so `at` may be on any line. Returns false
 * so that callers can `return tp_fail(...)`. */
bool tp_fail(tparser *p, const char *at, const char *fmt, ...)
{
    if (p->failed)
        return false;
    p->failed = true;
    if (at > p->end)
        at = p->end;
    int line = 1;
    const char *start = p->src;
    for (const char *s = p->src; s < at; s++)
        if (*s == '\n') {
            line++;
            start = s + 1;
        }
    p->err->line = line;
    p->err->column = count_chars(start, at) + 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    sanitize_message(p->err->message);
    return false;
}

/* Move p to `to`, counting the newlines passed (strings and comments). */
static void advance_to(tparser *p, const char *to)
{
    for (const char *s = p->p; (s = memchr(s, '\n', (size_t)(to - s))) != NULL; s++) {
        p->line++;
        p->line_start = s + 1;
    }
    p->p = to;
}

/* --- UTF-8 ----------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (no overlongs, no surrogates,
 * nothing above U+10FFFF), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if ((size_t)(end - s) < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

bool tp_check_utf8(tparser *p)
{
    const unsigned char *s = (const unsigned char *)p->src, *end = (const unsigned char *)p->end;
    while (s < end) {
        if (*s < 0x80) {
            s++;
            continue;
        }
        size_t n = utf8_seq(s, end);
        if (!n)
            return tp_fail(p, (const char *)s, "invalid UTF-8 (byte 0x%02X)", *s);
        if (s == (const unsigned char *)p->src && n == 3 && s[1] == 0xBB && s[2] == 0xBF)
            return tp_fail(p, p->src, "a byte order mark is not allowed in TOML");
        s += n;
    }
    return true;
}

/* --- whitespace, newlines, comments ------------------------------------------ */

void tp_skip_ws(tparser *p)
{
    while (p->p < p->end && (*p->p == ' ' || *p->p == '\t'))
        p->p++;
}

bool tp_newline(tparser *p)
{
    const char *s = p->p;
    if (s < p->end && *s == '\r' && s + 1 < p->end && s[1] == '\n')
        s++;
    if (s >= p->end || *s != '\n')
        return false;
    p->p = s + 1;
    p->line++;
    p->line_start = p->p;
    return true;
}

/* TOML forbids control characters other than tab in comments and
 * single-line strings (U+0000-U+0008, U+000A-U+001F, U+007F). */
static bool is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t') || c == 0x7F;
}

static bool control_error(tparser *p, const char *at, const char *where)
{
    unsigned char c = (unsigned char)*at;
    if (c == '\r')
        return tp_fail(p, at, "a carriage return without a newline after it is not allowed %s",
                       where);
    return tp_fail(p, at, "control character U+%04X is not allowed %s", c, where);
}

bool tp_unexpected(tparser *p, const char *expected)
{
    if (p->p < p->end && is_control((unsigned char)*p->p))
        return control_error(p, p->p, "here");
    return tp_fail(p, p->p, "expected %s", expected);
}

bool tp_skip_comment(tparser *p)
{
    if (p->p >= p->end || *p->p != '#')
        return true;
    const char *s = p->p + 1;
    for (; s < p->end && *s != '\n'; s++)
        if (is_control((unsigned char)*s) && !(*s == '\r' && s + 1 < p->end && s[1] == '\n'))
            return control_error(p, s, "in a comment");
    if (s < p->end && s[-1] == '\r') /* leave CRLF whole for tp_newline */
        s--;
    p->p = s;
    return true;
}

bool tp_skip_ws_nl_comments(tparser *p)
{
    for (;;) {
        tp_skip_ws(p);
        if (!tp_skip_comment(p))
            return false;
        if (!tp_newline(p))
            return true;
    }
}

/* --- strings ------------------------------------------------------------------ */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static char *put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        *out++ = (char)cp;
    } else if (cp < 0x800) {
        *out++ = (char)(0xC0 | cp >> 6);
        *out++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = (char)(0xE0 | cp >> 12);
        *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *out++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *out++ = (char)(0xF0 | cp >> 18);
        *out++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *out++ = (char)(0x80 | (cp & 0x3F));
    }
    return out;
}

/* \uXXXX or \UXXXXXXXX at s (s at the u/U): the code point, or -1 with the
 * error recorded. Only Unicode scalar values: no surrogates. */
static long unicode_escape(tparser *p, const char *s)
{
    int n = *s == 'u' ? 4 : 8;
    unsigned long cp = 0;
    for (int i = 1; i <= n; i++) {
        int d = s + i < p->end ? hex_digit(s[i]) : -1;
        if (d < 0) {
            tp_fail(p, s - 1, "\\%c needs %d hexadecimal digits", *s, n);
            return -1;
        }
        cp = cp * 16 + (unsigned)d;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        tp_fail(p, s - 1, "\\%c%.*s is not a Unicode scalar value", *s, n, s + 1);
        return -1;
    }
    return (long)cp;
}

/* Whitespace, then a newline: the line-ending backslash of multi-line
 * basic strings. s is after the backslash; returns where the string goes
 * on (after all following whitespace and newlines), or NULL. */
static const char *line_ending_backslash(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s < end && *s == '\r' && s + 1 < end && s[1] == '\n')
        s++;
    if (s >= end || *s != '\n')
        return NULL;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' ||
                       (*s == '\r' && s + 1 < end && s[1] == '\n')))
        s++;
    return s;
}

/* One escape at s (s at the backslash), written at *out (which it
 * advances) unless *out is NULL, the measuring pass. Returns the position
 * after it, or NULL on error. */
static const char *escape(tparser *p, const char *s, bool multiline, char **out)
{
    static const char simple[] = "b\bt\tn\nf\fr\r\"\"\\\\";
    char c = s + 1 < p->end ? s[1] : '\0';
    for (const char *e = simple; *e; e += 2)
        if (c == e[0]) {
            if (*out)
                *(*out)++ = e[1];
            return s + 2;
        }
    if (c == 'u' || c == 'U') {
        long cp = unicode_escape(p, s + 1);
        if (cp < 0)
            return NULL;
        if (*out)
            *out = put_utf8(*out, (unsigned)cp);
        return s + (c == 'u' ? 6 : 10);
    }
    if (multiline) {
        const char *next = line_ending_backslash(s + 1, p->end);
        if (next)
            return next;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return tp_fail(p, s, "a backslash followed by whitespace must end the line "
                             "(and only in a multi-line basic string)"),
               NULL;
    return tp_fail(p, s, "invalid escape sequence '\\%c' (use \\\\ for a backslash)",
                   (unsigned char)c >= 0x20 && (unsigned char)c < 0x7F ? c : '?'),
           NULL;
}

/* The body of a string from s (after the opening delimiter) to its closing
 * delimiter. With out == NULL it validates and returns where the body ends
 * (at the closing delimiter); with out it writes the decoded value (which
 * is never longer than the source) and *outlen. Returns NULL on error. */
static const char *string_body(tparser *p, const char *s, char quote, bool multiline,
                               char *out, size_t *outlen)
{
    char *o = out;
    const char *what = quote == '"' ? (multiline ? "in a multi-line string" : "in a string")
                                    : (multiline ? "in a multi-line literal string"
                                                 : "in a literal string");
    for (;;) {
        if (s >= p->end)
            return tp_fail(p, s, "unterminated string (end of file)"), NULL;
        char c = *s;
        if (c == quote && (!multiline || (s + 2 < p->end && s[1] == quote && s[2] == quote)))
            break;
        if (c == '\\' && quote == '"') {
            if (!(s = escape(p, s, multiline, &o)))
                return NULL;
            continue;
        }
        if (c == '\n' && !multiline)
            return tp_fail(p, s, "unterminated string (a newline before the closing quote)"),
                   NULL;
        if (multiline && c == '\r' && s + 1 < p->end && s[1] == '\n') {
            s++; /* CRLF is kept as LF, as tomllib does */
            continue;
        }
        if (is_control((unsigned char)c) && !(multiline && c == '\n'))
            return control_error(p, s, what), NULL;
        if (o)
            *o++ = c;
        s++;
    }
    if (o)
        *outlen = (size_t)(o - out);
    return s;
}

/* A string of any kind at p (multi-line ones only when allowed: not for keys). On
 * success p is after the closing delimiter and *val and *len hold the value,
 * NUL-terminated, in the arena. */
static bool string_at(tparser *p, bool allow_multiline, const char **val, size_t *len)
{
    char quote = *p->p;
    const char *s = p->p + 1;
    bool multiline = s + 1 < p->end && s[0] == quote && s[1] == quote;
    if (multiline) {
        if (!allow_multiline)
            return tp_fail(p, p->p, "a multi-line string cannot be a key");
        s += 2;
        if (s < p->end && *s == '\n')
            s++;
        else if (s + 1 < p->end && s[0] == '\r' && s[1] == '\n')
            s += 2;
    }
    const char *close = string_body(p, s, quote, multiline, NULL, NULL);
    if (!close)
        return false;
    size_t n = 0;
    char *out = arena_alloc_raw(p->a, (size_t)(close - s) + 3);
    string_body(p, s, quote, multiline, out, &n);
    close += multiline ? 3 : 1;
    /* Up to two quotes right before the closing three belong to the value. */
    for (int extra = 0; multiline && extra < 2 && close < p->end && *close == quote; extra++)
        out[n++] = *close++;
    out[n] = '\0';
    *val = out;
    *len = n;
    advance_to(p, close);
    return true;
}

toml_value *tp_string(tparser *p)
{
    int line = p->line, column = tp_column(p, p->p);
    toml_value *v = tv_new(p->a, TOML_STRING, line, column);
    if (!string_at(p, true, &v->u.str.s, &v->u.str.len))
        return NULL;
    return v;
}

/* --- keys ------------------------------------------------------------------- */

static bool is_bare_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

static bool key_part(tparser *p, tkey *k)
{
    k->line = p->line;
    k->column = tp_column(p, p->p);
    k->at = p->p;
    if (p->p < p->end && (*p->p == '"' || *p->p == '\'')) {
        return string_at(p, false, &k->s, &k->len);
    }
    const char *s = p->p;
    while (p->p < p->end && is_bare_key_char(*p->p))
        p->p++;
    if (p->p == s) {
        if (p->p >= p->end || *p->p == '\n' || *p->p == '\r')
            return tp_fail(p, p->p, "expected a key");
        if (is_control((unsigned char)*p->p))
            return tp_unexpected(p, "a key");
        return tp_fail(p, p->p, "expected a key: a bare key is letters, digits, '-' and "
                                "'_'; quote any other");
    }
    k->s = s;
    k->len = (size_t)(p->p - s);
    return true;
}

bool tp_key(tparser *p)
{
    p->nkeys = 0;
    for (;;) {
        size_t used = p->key_top + p->nkeys;
        if (used == p->keycap) {
            size_t cap = p->keycap ? p->keycap * 2 : 16;
            tkey *keys = arena_alloc_raw(p->a, cap * sizeof *keys);
            if (used)
                memcpy(keys, p->keys, used * sizeof *keys);
            p->keys = keys;
            p->keycap = cap;
        }
        if (!key_part(p, &p->keys[used]))
            return false;
        p->nkeys++;
        tp_skip_ws(p);
        if (p->p >= p->end || *p->p != '.')
            return true;
        p->p++;
        tp_skip_ws(p);
    }
}
