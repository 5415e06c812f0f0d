/* unicode.c - character classes from generated tables, UTF-8 decoding,
 * NFKC through utf8proc. */
#include "unicode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "unicode_tables.h"

static int in_ranges(const uni_range *r, size_t n, unsigned cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

#define IN_TABLE(name, cp) \
    in_ranges(uni_##name##_ranges, sizeof uni_##name##_ranges / sizeof(uni_range), cp)

static int is_ascii_letter(unsigned cp)
{
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

int uni_is_xid_start(unsigned cp)
{
    if (cp < 0x80)
        return is_ascii_letter(cp) || cp == '_';
    return IN_TABLE(xid_start, cp);
}

int uni_is_xid_continue(unsigned cp)
{
    if (cp < 0x80)
        return is_ascii_letter(cp) || cp == '_' || (cp >= '0' && cp <= '9');
    return IN_TABLE(xid_continue, cp);
}

int uni_is_printable(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    return IN_TABLE(printable, cp);
}

static int is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

size_t uni_decode(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t len;
    unsigned v, min;
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        len = 2, v = u[0] & 0x1Fu, min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3, v = u[0] & 0x0Fu, min = 0x800;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        len = 4, v = u[0] & 0x07u, min = 0x10000;
    } else {
        return 0; /* stray continuation byte, overlong C0/C1, or F5..FF */
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if (!is_continuation(u[i]))
            return 0;
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    /* Surrogates D800..DFFF are deliberately accepted: Python str holds
     * them and the parser stores them in this 3-byte form. */
    if (v < min || v > 0x10FFFF)
        return 0;
    *cp = v;
    return len;
}

static int all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

char *uni_nfkc(arena *a, const char *s, size_t len)
{
    /* ASCII is its own NFKC form, and nearly every identifier is ASCII. */
    if (all_ascii(s, len))
        return arena_strndup(a, s, len);
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_COMPAT);
    if (n < 0) /* e.g. a surrogate, which utf8proc refuses: keep as is */
        return arena_strndup(a, s, len);
    char *r = arena_strndup(a, (const char *)mapped, (size_t)n);
    free(mapped);
    return r;
}
