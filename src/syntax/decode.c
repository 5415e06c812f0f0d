/* decode.c - source bytes to UTF-8 text, in the order CPython's compile()
 * does it for a bytes source: null bytes first, then newline translation,
 * BOM, the PEP 263 declaration on line 1 or 2, and finally decoding with
 * the declared codec or validating the whole file as UTF-8 (so a bad byte
 * on the last line wins over every tokenizer error before it). */
#include "decode.h"

#include "codec_names.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(syntax_error *err, int lineno, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(syntax_error *err, int lineno, int col, const char *fmt, ...)
{
    err->type = "SyntaxError";
    err->lineno = lineno;
    /* CPython's errors without a line have offset -1 (printed col + 1). */
    err->col_offset = lineno == 0 ? -2 : col;
    err->end_lineno = -1;
    err->end_col_offset = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- newlines ---- */

/* Copies s into the arena with "\r\n" and lone "\r" turned into "\n" and a
 * final "\n" added when missing (CPython's translate_newlines for exec
 * input). The result is NUL-terminated; *outlen excludes the NUL. */
static char *translate_newlines(arena *a, const char *s, size_t n, size_t *outlen)
{
    char *buf = arena_alloc_raw(a, n + 2); /* filled below: no zeroing */
    const char *cr = memchr(s, '\r', n);
    size_t o;
    if (!cr) {
        memcpy(buf, s, n);
        o = n;
    } else {
        size_t pre = (size_t)(cr - s);
        memcpy(buf, s, pre);
        o = pre;
        for (size_t i = pre; i < n; i++) {
            char c = s[i];
            if (c == '\r') {
                buf[o++] = '\n';
                if (i + 1 < n && s[i + 1] == '\n')
                    i++;
            } else {
                buf[o++] = c;
            }
        }
    }
    if (o > 0 && buf[o - 1] != '\n')
        buf[o++] = '\n';
    buf[o] = '\0';
    *outlen = o;
    return buf;
}

/* ---- PEP 263 ---- */

/* CPython's get_normal_name: only the first 12 characters count. */
static const char *normal_name(const char *s)
{
    char b[13];
    int i;
    for (i = 0; i < 12 && s[i]; i++)
        b[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    b[i] = '\0';
    if (strcmp(b, "utf-8") == 0 || strncmp(b, "utf-8-", 6) == 0)
        return "utf-8";
    if (strcmp(b, "latin-1") == 0 || strcmp(b, "iso-8859-1") == 0 ||
        strcmp(b, "iso-latin-1") == 0 || strncmp(b, "latin-1-", 8) == 0 ||
        strncmp(b, "iso-8859-1-", 11) == 0 || strncmp(b, "iso-latin-1-", 12) == 0)
        return "iso-8859-1";
    return s;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\014';
}

static int is_name_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
}

/* One line (size bytes, as CPython passes it) searched for
 * `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`. Returns 1 and the name in
 * name[] (normalized) when found; sets *code_line when the line holds
 * anything but blanks and a comment (then line 2 is not looked at). */
static int coding_spec(const char *s, size_t size, char *name, size_t cap, int *code_line)
{
    size_t i = 0;
    long lim = (long)size - 6;
    for (; (long)i < lim; i++) {
        if (s[i] == '#')
            break;
        if (!is_blank(s[i]))
            goto no_spec;
    }
    for (; (long)i < lim; i++) {
        const char *t = s + i;
        if (memcmp(t, "coding", 6) != 0)
            continue;
        t += 6;
        if (*t != ':' && *t != '=')
            continue;
        do
            t++;
        while (*t == ' ' || *t == '\t');
        const char *begin = t;
        while (is_name_char(*t))
            t++;
        if (t > begin) {
            size_t n = (size_t)(t - begin);
            if (n >= cap)
                n = cap - 1;
            memcpy(name, begin, n);
            name[n] = '\0';
            const char *norm = normal_name(name);
            if (norm != name)
                snprintf(name, cap, "%s", norm);
            return 1;
        }
    }
no_spec:
    for (i = 0; i < size; i++) {
        if (s[i] == '#' || s[i] == '\n')
            break;
        if (!is_blank(s[i])) {
            *code_line = 1;
            break;
        }
    }
    return 0;
}

/* The declared encoding of lines 1-2 of s (after the BOM), or "" if none;
 * returns the line it is on (0 for none). */
static int find_declaration(const char *s, char *name, size_t cap)
{
    name[0] = '\0';
    const char *nl1 = strchr(s, '\n');
    if (!nl1)
        return 0;
    int code_line = 0;
    if (coding_spec(s, (size_t)(nl1 - s), name, cap, &code_line))
        return 1;
    if (code_line)
        return 0;
    const char *nl2 = strchr(nl1 + 1, '\n');
    if (nl2 && coding_spec(nl1 + 1, (size_t)(nl2 - nl1), name, cap, &code_line))
        return 2;
    return 0;
}

/* ---- UTF-8 ---- */

static size_t utf8_seq_len(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    size_t n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if ((size_t)(end - s) < n)
        return 0;
    unsigned cp = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Offset of the first byte that does not start a valid UTF-8 sequence,
 * or n when all is valid. Runs of ASCII go eight bytes at a time. */
static size_t utf8_invalid_at(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + n;
    while (s < end) {
        while (end - s >= 8) {
            uint64_t w;
            memcpy(&w, s, 8);
            if (w & 0x8080808080808080ull)
                break;
            s += 8;
        }
        if (s >= end)
            break;
        if (*s < 0x80) {
            s++;
            continue;
        }
        size_t k = utf8_seq_len(s, end);
        if (!k)
            return (size_t)(s - (const unsigned char *)text);
        s += k;
    }
    return n;
}

/* Why Python's UTF-8 codec rejects the sequence at s. */
static const char *utf8_reason(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4)
        return "invalid start byte";
    for (size_t i = 1; i < need; i++) {
        if (i >= n)
            return "unexpected end of data";
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return "invalid continuation byte";
    }
    return "invalid continuation byte";
}

static int not_utf8(syntax_error *err, const char *s, size_t at)
{
    int lineno = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n')
            lineno++, line_start = i + 1;
    return fail(err, lineno, (int)(at - line_start),
                "Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding "
                "declared; see https://peps.python.org/pep-0263/ for details",
                (unsigned char)s[at], lineno);
}

/* ---- codecs ---- */

static void put_utf8(char **o, unsigned cp)
{
    unsigned char *p = (unsigned char *)*o;
    if (cp < 0x80) {
        *p++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *p++ = (unsigned char)(0xC0 | (cp >> 6));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *p++ = (unsigned char)(0xE0 | (cp >> 12));
        *p++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *o = (char *)p;
}

/* Python's cp1252 for 0x80-0x9F; 0 marks the five undefined bytes. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

enum codec { C_UTF8, C_LATIN1, C_ASCII, C_CP1252, C_UNDEFINED, C_OTHER };

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Python's codec lookup key: lower case, runs of other characters than
 * letters, digits and '.' become one '_', no '_' at either end. */
static void python_codec_key(const char *name, char *key, size_t cap)
{
    size_t o = 0;
    int pending = 0;
    for (const char *s = name; *s && o + 2 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || c == '.') {
            if (pending && o > 0)
                key[o++] = '_';
            pending = 0;
            key[o++] = (char)tolower(c);
        } else {
            pending = 1;
        }
    }
    key[o] = '\0';
}

/* Python's codec for a lookup key (trying '.' as '_' too, as its search
 * function does), or NULL when Python has no such codec. */
static const char *python_codec(const char *key)
{
    char alt[64];
    snprintf(alt, sizeof alt, "%s", key);
    for (char *c = alt; *c; c++)
        if (*c == '.')
            *c = '_';
    size_t n = sizeof codec_names / sizeof codec_names[0];
    for (int pass = 0; pass < 2; pass++) {
        const char *k = pass ? alt : key;
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(k, codec_names[mid].key);
            if (c == 0)
                return codec_names[mid].codec;
            if (c < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
    }
    return NULL;
}

static enum codec classify(const char *codec)
{
    if (strcmp(codec, "utf-8") == 0 || strcmp(codec, "utf-8-sig") == 0)
        return C_UTF8;
    if (strcmp(codec, "iso8859-1") == 0)
        return C_LATIN1;
    if (strcmp(codec, "ascii") == 0)
        return C_ASCII;
    if (strcmp(codec, "cp1252") == 0)
        return C_CP1252;
    if (strcmp(codec, "undefined") == 0)
        return C_UNDEFINED;
    return C_OTHER;
}

/* Python's bytes-to-bytes codecs, which cannot decode a source file. */
static int binary_codec(const char *key)
{
    static const char *const binary[] = {"base64", "base_64", "base64_codec", "bz2", "bz2_codec",
                                         "hex", "hex_codec", "quopri", "quotedprintable",
                                         "quoted_printable", "quopri_codec", "rot13", "rot_13",
                                         "uu", "uu_codec", "zip", "zlib", "zlib_codec", NULL};
    return in_list(key, binary);
}

static int decode_single_byte(arena *a, const char *s, size_t n, enum codec c,
                              src_text *out, syntax_error *err)
{
    char *buf = arena_alloc(a, 3 * n + 1), *o = buf;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        unsigned cp = b;
        if (b >= 0x80) {
            if (c == C_ASCII)
                return fail(err, 0, 0, "'ascii' codec can't decode byte 0x%02x in position "
                            "%zu: ordinal not in range(128)", b, i);
            if (c == C_CP1252 && b < 0xA0) {
                cp = cp1252_high[b - 0x80];
                if (!cp)
                    return fail(err, 0, 0, "'charmap' codec can't decode byte 0x%02x in "
                                "position %zu: character maps to <undefined>", b, i);
            }
        }
        put_utf8(&o, cp);
    }
    *o = '\0';
    out->text = buf;
    out->len = (size_t)(o - buf);
    return 0;
}

/* iconv's names for Python's codec (its canonical name): mostly upper case
 * with '-' for '_', with some renamed. */
static void iconv_names(const char *codec, char names[3][64])
{
    static const char *const renamed[][2] = {
        /* glibc's SHIFT_JIS reads 0x5C as a yen sign; Python's, as '\\'. */
        {"shift_jis", "CP932"},
        {"mac-roman", "MACINTOSH"}, {"mac-latin2", "MAC-CENTRALEUROPE"},
        {"mac-iceland", "MAC-IS"}, {"ptcp154", "PT154"},
        {"euc_jis_2004", "EUC-JISX0213"}, {"euc_jisx0213", "EUC-JISX0213"},
        {"shift_jis_2004", "SHIFT_JISX0213"}, {"shift_jisx0213", "SHIFT_JISX0213"},
        /* Python reads UTF-16/32 without a BOM as little-endian. */
        {"utf-16", "UTF-16LE"}, {"utf-16-le", "UTF-16LE"}, {"utf-16-be", "UTF-16BE"},
        {"utf-32", "UTF-32LE"}, {"utf-32-le", "UTF-32LE"}, {"utf-32-be", "UTF-32BE"},
        {NULL, NULL},
    };
    names[0][0] = names[1][0] = names[2][0] = '\0';
    for (int i = 0; renamed[i][0]; i++)
        if (strcmp(codec, renamed[i][0]) == 0)
            snprintf(names[0], 64, "%s", renamed[i][1]);
    size_t n = 0;
    for (const char *s = codec; *s && n < 63; s++)
        names[1][n++] = *s == '_' ? '-' : (char)toupper((unsigned char)*s);
    names[1][n] = '\0';
    /* glibc wants ISO-8859-15 */
    if (strncmp(names[1], "ISO8859-", 8) == 0)
        snprintf(names[2], 64, "ISO-8859-%s", names[1] + 8);
    else if (strncmp(names[1], "ISO2022-", 8) == 0)
        snprintf(names[2], 64, "ISO-2022-%s", names[1] + 8);
}

/* glibc's CJK converters pass stray bytes 0x80-0x9F through as C1 controls
 * (and SHIFT_JIS reads 0x5C as a yen sign, hence CP932 above); Python's
 * multibyte codecs reject them. Returns the offset of the first such
 * character in the UTF-8 output, or len. */
static size_t multibyte_c1(const char *key, const char *s, size_t len)
{
    static const char *const cjk[] = {"jis", "euc", "big5", "gb", "hz", "johab", "ks_",
                                      "cp949", "cp950", "uhc", NULL};
    int multibyte = 0;
    for (int i = 0; cjk[i]; i++)
        if (strstr(key, cjk[i]))
            multibyte = 1;
    if (!multibyte || strcmp(key, "cp932") == 0)
        return len;
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F)
            return i;
    return len;
}

static int decode_iconv(arena *a, const char *s, size_t n, const char *shown, const char *key,
                        src_text *out, syntax_error *err)
{
    char names[3][64];
    iconv_names(key, names);
    iconv_t cd = (iconv_t)-1;
    for (int i = 0; i < 3 && cd == (iconv_t)-1; i++)
        if (names[i][0])
            cd = iconv_open("UTF-8", names[i]);
    if (cd == (iconv_t)-1)
        return fail(err, 0, 0, "unknown encoding: %s", shown);
    size_t cap = 4 * n + 16;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    char *in = (char *)s, *o = buf;
    size_t inleft = n, outleft = cap - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &o, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1 || inleft) {
        int truncated = errno == EINVAL;
        size_t pos = (size_t)(in - s);
        free(buf);
        return fail(err, 0, 0, "'%s' codec can't decode byte 0x%02x in position %zu: %s", key,
                    pos < n ? (unsigned char)s[pos] : 0, pos,
                    truncated ? "truncated data" : "illegal multibyte sequence");
    }
    size_t len = (size_t)(o - buf);
    size_t c1 = multibyte_c1(key, buf, len);
    if (c1 < len) {
        unsigned byte = (unsigned char)buf[c1 + 1];
        free(buf);
        return fail(err, 0, 0, "'%s' codec can't decode byte 0x%02x in position %zu: "
                    "illegal multibyte sequence", key, byte, c1);
    }
    char *text = arena_alloc(a, len + 1);
    memcpy(text, buf, len);
    free(buf);
    /* iconv may have produced what Python would not (e.g. NUL from an
     * escape sequence); the tokenizer relies on no NUL inside. */
    if (memchr(text, 0, len))
        return fail(err, 0, 0, "source code string cannot contain null bytes");
    out->text = text;
    out->len = len;
    return 0;
}

/* Decodes s (newline-translated, after the BOM) with Python's codec `name`. */
static int decode_with(arena *a, const char *s, size_t n, const char *name, src_text *out,
                       syntax_error *err)
{
    char key[64];
    python_codec_key(name, key, sizeof key);
    if (binary_codec(key))
        return fail(err, 0, 0, "'%s' is not a text encoding; use codecs.decode() to handle "
                    "arbitrary codecs", name);
    const char *codec = python_codec(key);
    if (!codec)
        return fail(err, 0, 0, "unknown encoding: %s", name);
    enum codec c = classify(codec);
    switch (c) {
    case C_UTF8: {
        size_t bad = utf8_invalid_at(s, n);
        if (bad < n)
            return fail(err, 0, 0, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                        (unsigned char)s[bad], bad, utf8_reason(s + bad, n - bad));
        out->text = s;
        out->len = n;
        return 0;
    }
    case C_LATIN1:
    case C_ASCII:
    case C_CP1252:
        return decode_single_byte(a, s, n, c, out, err);
    case C_UNDEFINED:
        return fail(err, 0, 0, "undefined encoding");
    case C_OTHER:
        break;
    }
    return decode_iconv(a, s, n, name, codec, out, err);
}

int src_decode(arena *a, const char *bytes, size_t len, src_text *out, syntax_error *err)
{
    memset(out, 0, sizeof *out);
    if (memchr(bytes, 0, len))
        return fail(err, 0, 0, "source code string cannot contain null bytes");
    size_t n;
    char *s = translate_newlines(a, bytes, len, &n);
    int bom = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
    if (bom)
        s += 3, n -= 3;
    char name[128];
    int decl_line = find_declaration(s, name, sizeof name);
    if (bom && name[0] && strcmp(name, "utf-8") != 0)
        return fail(err, decl_line, -1, "encoding problem: %s with BOM", name);
    if (name[0] && strcmp(name, "utf-8") != 0) {
        if (decode_with(a, s, n, name, out, err) < 0)
            return -1;
        /* Decoding may drop the newline translation's guarantee of a final
         * '\n' only for odd codecs; restore it. */
        if (out->len && out->text[out->len - 1] != '\n') {
            char *t = arena_alloc(a, out->len + 2);
            memcpy(t, out->text, out->len);
            t[out->len++] = '\n';
            out->text = t;
        }
    } else {
        size_t bad = utf8_invalid_at(s, n);
        if (bad < n)
            return not_utf8(err, s, bad);
        out->text = s;
        out->len = n;
    }
    return 0;
}
