/* str_decode.c - escape sequences and prefixes of string literals, decoded
 * exactly as CPython 3.14's unicode-escape and bytes-escape decoders do,
 * including the text of their error messages. */
#include "str_decode.h"

#include <stdio.h>
#include <string.h>

#include "../base/uniname.h"

int str_prefix(const char *text, size_t len, size_t *prefix_len)
{
    int flags = 0;
    size_t i = 0;
    for (; i < len; i++) {
        switch (text[i]) {
        case 'r': case 'R': flags |= STR_RAW; continue;
        case 'b': case 'B': flags |= STR_BYTES; continue;
        case 'u': case 'U': flags |= STR_U; continue;
        case 'f': case 'F': flags |= STR_F; continue;
        case 't': case 'T': flags |= STR_T; continue;
        default: break;
        }
        break;
    }
    *prefix_len = i;
    return flags;
}

int str_split_literal(const char *text, size_t len, int *flags, const char **body, size_t *body_len)
{
    size_t p;
    *flags = str_prefix(text, len, &p);
    if (p >= len || (text[p] != '\'' && text[p] != '"'))
        return 0;
    char q = text[p];
    size_t quotes = p + 2 < len && text[p + 1] == q && text[p + 2] == q && len - p >= 6 ? 3 : 1;
    if (len - p < 2 * quotes)
        return 0;
    *body = text + p + quotes;
    *body_len = len - p - 2 * quotes;
    return 1;
}

/* ---- helpers ---- */

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) { /* surrogates too: Python str can hold them */
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static size_t utf8_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* CPython decodes a str literal by first rewriting each non-ASCII
 * character as a 10-byte "\UXXXXXXXX" escape, and its error messages count
 * positions in that rewritten text: this is the offset of body[to] there,
 * given that of body[from]. */
static size_t escaped_pos(const char *s, size_t from, size_t to, size_t pos)
{
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80)
            pos++;
        else if (c >= 0xC0)
            pos += 10;
    }
    return pos;
}

/* ---- str ---- */

typedef struct decoder {
    const char *s;
    size_t len, i; /* input and read position */
    char *o;
    size_t n;      /* output and its length */
    size_t vpos;   /* offset of s[i] in CPython's rewritten text */
    int how;       /* DEC_* */
    const char *invalid; /* str_value.invalid */
    char *err;
    size_t errsize;
} decoder;

/* The unicode-escape codec's error for the escape starting at `start`
 * (its offset vstart) and failing before s[end]. */
static int escape_error(decoder *d, size_t start, size_t vstart, size_t end, const char *what)
{
    size_t vend = escaped_pos(d->s, start, end, vstart);
    snprintf(d->err, d->errsize,
             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
             vstart, vend - 1, what);
    return 0;
}

/* \xXX, \uXXXX, \UXXXXXXXX: s[d->i] is the letter. */
static int decode_hex_escape(decoder *d, size_t start, size_t vstart, int count, const char *truncated)
{
    size_t j = d->i + 1;
    unsigned long v = 0;
    for (int k = 0; k < count; k++, j++) {
        int h = j < d->len ? hex_value(d->s[j]) : -1;
        if (h < 0)
            return escape_error(d, start, vstart, j, truncated);
        v = v * 16 + (unsigned long)h;
    }
    if (v > 0x10FFFF)
        return escape_error(d, start, vstart, j, "illegal Unicode character");
    d->n += put_utf8(d->o + d->n, (unsigned)v);
    d->i = j;
    return 1;
}

/* \N{NAME}: s[d->i] is the 'N'. */
static int decode_name_escape(decoder *d, size_t start, size_t vstart)
{
    static const char malformed[] = "malformed \\N character escape";
    size_t j = d->i + 1;
    if (j >= d->len || d->s[j] != '{')
        return escape_error(d, start, vstart, j, malformed);
    size_t name = j + 1, close = name;
    while (close < d->len && d->s[close] != '}')
        close++;
    if (close >= d->len || close == name)
        return escape_error(d, start, vstart, close, malformed);
    unsigned cp;
    if (!uni_lookup_name(d->s + name, close - name, &cp))
        return escape_error(d, start, vstart, close + 1, "unknown Unicode character name");
    d->n += put_utf8(d->o + d->n, cp);
    d->i = close + 1;
    return 1;
}

static int simple_escape(char c)
{
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
    }
}

/* Up to three octal digits starting at s[i]; *end gets the index after. */
static unsigned octal_escape(const char *s, size_t len, size_t i, size_t *end)
{
    unsigned v = 0;
    size_t j = i;
    for (; j < len && j < i + 3 && s[j] >= '0' && s[j] <= '7'; j++)
        v = v * 8 + (unsigned)(s[j] - '0');
    *end = j;
    return v;
}

/* One escape sequence; s[d->i] is the backslash. */
static int decode_escape(decoder *d)
{
    size_t start = d->i, vstart = d->vpos;
    if (d->i + 1 >= d->len || (unsigned char)d->s[d->i + 1] >= 0x80) {
        /* A backslash before a non-ASCII character, or ending an f-string
         * part, stays a backslash (CPython rewrites it as \u005c). */
        d->o[d->n++] = '\\';
        d->i++;
        d->vpos += 6;
        return 1;
    }
    char c = d->s[++d->i];
    int simple = simple_escape(c);
    if (c == '\n') {
        d->i++;
    } else if (simple >= 0) {
        d->o[d->n++] = (char)simple;
        d->i++;
    } else if (c >= '0' && c <= '7') {
        size_t end;
        unsigned v = octal_escape(d->s, d->len, d->i, &end);
        if (v > 0377 && !d->invalid) /* only a warning */
            d->invalid = d->s + d->i;
        d->n += put_utf8(d->o + d->n, v);
        d->i = end;
    } else if (c == 'x' || c == 'u' || c == 'U') {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        const char *msg = c == 'x'   ? "truncated \\xXX escape"
                          : c == 'u' ? "truncated \\uXXXX escape"
                                     : "truncated \\UXXXXXXXX escape";
        if (!decode_hex_escape(d, start, vstart, count, msg))
            return 0;
    } else if (c == 'N') {
        if (!decode_name_escape(d, start, vstart))
            return 0;
    } else {
        /* Unknown escape: kept as written (CPython only warns). In an
         * f-string, "\\{{" is a backslash and one brace: CPython's lexer
         * undoubles the braces before the escape is decoded. */
        if (!d->invalid)
            d->invalid = d->s + d->i;
        d->o[d->n++] = '\\';
        d->o[d->n++] = c;
        d->i++;
        if ((d->how & DEC_BRACES) && (c == '{' || c == '}') && d->i < d->len && d->s[d->i] == c)
            d->i++;
    }
    d->vpos = escaped_pos(d->s, start, d->i, vstart);
    return 1;
}

int str_decode(arena *a, const char *body, size_t len, int flags, int how,
               str_value *out, char *err, size_t errsize)
{
    int plain = (flags & STR_RAW) || !memchr(body, '\\', len);
    if (plain && (how & DEC_BRACES))
        plain = !memchr(body, '{', len) && !memchr(body, '}', len);
    if (plain) {
        char *o = arena_alloc(a, len + 1);
        memcpy(o, body, len);
        out->s = o;
        out->len = len;
        out->invalid = NULL;
        return 1;
    }
    /* Every escape is at least as long as what it stands for. */
    decoder d = {body, len, 0, arena_alloc(a, len + 1), 0, 0, how, NULL, err, errsize};
    int raw = flags & STR_RAW;
    while (d.i < d.len) {
        unsigned char c = (unsigned char)d.s[d.i];
        if (c == '\\' && !raw) {
            if (!decode_escape(&d))
                return 0;
        } else if ((how & DEC_BRACES) && (c == '{' || c == '}') && d.i + 1 < d.len &&
                   d.s[d.i + 1] == (char)c) {
            d.o[d.n++] = (char)c;
            d.i += 2;
            d.vpos += 2;
        } else if (c >= 0x80) {
            size_t l = utf8_len(c);
            for (size_t k = 0; k < l && d.i < d.len; k++)
                d.o[d.n++] = d.s[d.i++];
            d.vpos += 10;
        } else {
            d.o[d.n++] = (char)c;
            d.i++;
            d.vpos++;
        }
    }
    d.o[d.n] = '\0';
    out->s = d.o;
    out->len = d.n;
    out->invalid = d.invalid;
    return 1;
}

/* ---- bytes ---- */

int bytes_decode(arena *a, const char *s, size_t len, int flags,
                 str_value *out, char *err, size_t errsize)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            snprintf(err, errsize, "bytes can only contain ASCII literal characters");
            return -1;
        }
    char *o = arena_alloc(a, len + 1);
    size_t n = 0;
    const char *invalid = NULL;
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c != '\\' || (flags & STR_RAW) || i + 1 >= len) {
            o[n++] = c;
            i++;
            continue;
        }
        size_t start = i;
        c = s[++i];
        int simple = simple_escape(c);
        if (c == '\n') {
            i++;
        } else if (simple >= 0) {
            o[n++] = (char)simple;
            i++;
        } else if (c >= '0' && c <= '7') {
            size_t end;
            unsigned v = octal_escape(s, len, i, &end);
            if (v > 0377 && !invalid)
                invalid = s + i;
            o[n++] = (char)(v & 0xFF);
            i = end;
        } else if (c == 'x') {
            int hi = i + 1 < len ? hex_value(s[i + 1]) : -1;
            int lo = i + 2 < len ? hex_value(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                snprintf(err, errsize, "(value error) invalid \\x escape at position %zu", start);
                return 0;
            }
            o[n++] = (char)(hi * 16 + lo);
            i += 3;
        } else {
            if (!invalid)
                invalid = s + i;
            o[n++] = '\\';
            o[n++] = c;
            i++;
        }
    }
    o[n] = '\0';
    out->s = o;
    out->len = n;
    out->invalid = invalid;
    return 1;
}
