/* pyrepr.c - Python's repr() for constants (CPython 3.14's unicode_repr,
 * bytes_repr, float_repr and complex_repr). */
#include "pyrepr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/unicode.h"

static const char hex_digits[] = "0123456789abcdef";

/* Appends `\x`, `\u` or `\U` followed by `ndigits` lowercase hex digits. */
static void put_hex_escape(buf *out, char letter, unsigned v, int ndigits)
{
    char s[10];
    s[0] = '\\';
    s[1] = letter;
    for (int i = 0; i < ndigits; i++)
        s[2 + i] = hex_digits[(v >> (4 * (ndigits - 1 - i))) & 0xF];
    buf_put(out, s, (size_t)ndigits + 2);
}

/* Python prefers single quotes and switches to double quotes only when
 * that avoids escaping: the text holds ' but no ". */
static char choose_quote(const char *s, size_t len)
{
    int has_single = memchr(s, '\'', len) != NULL;
    int has_double = memchr(s, '"', len) != NULL;
    return has_single && !has_double ? '"' : '\'';
}

/* The escapes str and bytes share for ASCII; returns 0 if c needs none. */
static int put_ascii_escape(buf *out, unsigned c, char quote)
{
    switch (c) {
    case '\t': buf_put(out, "\\t", 2); return 1;
    case '\n': buf_put(out, "\\n", 2); return 1;
    case '\r': buf_put(out, "\\r", 2); return 1;
    case '\\': buf_put(out, "\\\\", 2); return 1;
    default: break;
    }
    if (c == (unsigned char)quote) {
        buf_putc(out, '\\');
        buf_putc(out, quote);
        return 1;
    }
    if (c < 0x20 || c == 0x7F) {
        put_hex_escape(out, 'x', c, 2);
        return 1;
    }
    return 0;
}

/* ASCII bytes that repr copies verbatim; runs of them go out in one put. */
static int is_plain_ascii(unsigned char c, char quote)
{
    return c >= 0x20 && c < 0x7F && c != '\\' && c != (unsigned char)quote;
}

static size_t plain_run(const char *s, size_t len, char quote)
{
    size_t i = 0;
    while (i < len && is_plain_ascii((unsigned char)s[i], quote))
        i++;
    return i;
}

static void put_non_ascii_char(buf *out, const char *s, size_t n, unsigned cp)
{
    if (uni_is_printable(cp))
        buf_put(out, s, n);
    else if (cp <= 0xFF)
        put_hex_escape(out, 'x', cp, 2);
    else if (cp <= 0xFFFF)
        put_hex_escape(out, 'u', cp, 4);
    else
        put_hex_escape(out, 'U', cp, 8);
}

void py_repr_str(buf *out, const char *s, size_t len)
{
    char quote = choose_quote(s, len);
    buf_reserve(out, len + 2);
    buf_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        size_t run = plain_run(s + i, len - i, quote);
        buf_put(out, s + i, run);
        i += run;
        if (i == len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            put_ascii_escape(out, c, quote);
            i++;
            continue;
        }
        unsigned cp;
        size_t n = uni_decode(s + i, len - i, &cp);
        if (n == 0) {
            /* Not valid UTF-8, so no Python str: show the raw byte rather
             * than lose it. */
            put_hex_escape(out, 'x', c, 2);
            i++;
            continue;
        }
        put_non_ascii_char(out, s + i, n, cp);
        i += n;
    }
    buf_putc(out, quote);
}

void py_repr_bytes(buf *out, const char *s, size_t len)
{
    char quote = choose_quote(s, len);
    buf_reserve(out, len + 3);
    buf_putc(out, 'b');
    buf_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        size_t run = plain_run(s + i, len - i, quote);
        buf_put(out, s + i, run);
        i += run;
        if (i == len)
            break;
        unsigned char c = (unsigned char)s[i++];
        if (!put_ascii_escape(out, c, quote))
            put_hex_escape(out, 'x', c, 2); /* 0x80..0xFF */
    }
    buf_putc(out, quote);
}

/* ---- floats ---------------------------------------------------------- */

/* A positive finite double as decimal digits d1 d2 ... dn with value
 * 0.d1d2...dn * 10^decpt, as David Gay's dtoa reports it. */
typedef struct decimal {
    char digits[24];
    int n;
    int decpt;
} decimal;

static void strip_trailing_zeros(decimal *d)
{
    while (d->n > 1 && d->digits[d->n - 1] == '0')
        d->n--;
}

/* x correctly rounded to `precision` significant digits (trailing zeros
 * kept). printf's %e is exact in glibc and musl; only digits and the
 * exponent are read, so the locale's decimal point does not matter. */
static void round_to_digits(double x, int precision, decimal *d)
{
    char s[64];
    snprintf(s, sizeof s, "%.*e", precision - 1, x);
    d->n = 0;
    const char *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            d->digits[d->n++] = *p;
    d->decpt = (*p == 'e' ? (int)strtol(p + 1, NULL, 10) : 0) + 1;
}

/* Reads d back as a double. The text has no decimal point, so strtod's
 * locale sensitivity cannot interfere. */
static double decimal_value(const decimal *d)
{
    char s[64];
    memcpy(s, d->digits, (size_t)d->n);
    snprintf(s + d->n, sizeof s - (size_t)d->n, "e%d", d->decpt - d->n);
    return strtod(s, NULL);
}

/* Moves d by one unit in its last digit, up or down; the result may lose
 * or gain a leading digit (999 -> 1000 is kept as 100 with decpt + 1). */
static void step_last_digit(decimal *d, int up)
{
    int i = d->n - 1;
    if (up) {
        while (i >= 0 && d->digits[i] == '9')
            d->digits[i--] = '0';
        if (i < 0) {
            d->digits[0] = '1';
            d->decpt++;
            return;
        }
        d->digits[i]++;
    } else {
        while (i >= 0 && d->digits[i] == '0')
            d->digits[i--] = '9';
        if (i < 0) /* all zeros: only for 0, which never gets here */
            return;
        d->digits[i]--;
        if (d->digits[0] == '0') { /* 100 -> 099 -> 99 */
            memmove(d->digits, d->digits + 1, (size_t)d->n - 1);
            d->n--;
            d->decpt--;
        }
    }
}

/* The shortest digit string that reads back as x, and among those the one
 * closest to x: what Python's repr prints. The nearest p-digit number is
 * tried first; when it falls just outside x's rounding interval, the
 * nearest on the other side can still be inside, because the interval is
 * lopsided at powers of two, so that one is tried too. */
static void shortest_digits(double x, decimal *d)
{
    for (int precision = 1; precision < 17; precision++) {
        round_to_digits(x, precision, d);
        double back = decimal_value(d);
        if (back == x)
            break;
        decimal other = *d;
        step_last_digit(&other, back < x);
        if (decimal_value(&other) == x) {
            *d = other;
            break;
        }
        if (precision == 16)
            round_to_digits(x, 17, d); /* 17 digits always round-trip */
    }
    strip_trailing_zeros(d);
}

static void put_zeros(buf *out, int count)
{
    for (int i = 0; i < count; i++)
        buf_putc(out, '0');
}

/* Python's 'r' format: positional when -4 <= exponent < 16, else
 * scientific with a signed, at least two-digit exponent. */
static void put_decimal(buf *out, const decimal *d, int add_dot_zero)
{
    if (d->decpt <= -4 || d->decpt > 16) {
        buf_putc(out, d->digits[0]);
        if (d->n > 1) {
            buf_putc(out, '.');
            buf_put(out, d->digits + 1, (size_t)d->n - 1);
        }
        int e = d->decpt - 1;
        buf_printf(out, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (d->decpt <= 0) {
        buf_put(out, "0.", 2);
        put_zeros(out, -d->decpt);
        buf_put(out, d->digits, (size_t)d->n);
    } else if (d->decpt < d->n) {
        buf_put(out, d->digits, (size_t)d->decpt);
        buf_putc(out, '.');
        buf_put(out, d->digits + d->decpt, (size_t)(d->n - d->decpt));
    } else {
        buf_put(out, d->digits, (size_t)d->n);
        put_zeros(out, d->decpt - d->n);
        if (add_dot_zero)
            buf_put(out, ".0", 2);
    }
}

static void put_double(buf *out, double x, int add_dot_zero)
{
    if (isnan(x)) {
        buf_puts(out, "nan");
        return;
    }
    if (signbit(x)) {
        buf_putc(out, '-');
        x = -x;
    }
    if (isinf(x)) {
        buf_puts(out, "inf");
        return;
    }
    decimal d;
    if (x == 0) {
        d.digits[0] = '0';
        d.n = 1;
        d.decpt = 1;
    } else {
        shortest_digits(x, &d);
    }
    put_decimal(out, &d, add_dot_zero);
}

void py_repr_float(buf *out, double x)
{
    put_double(out, x, 1);
}

/* complex_repr drops the real part when it is +0.0 and formats the
 * imaginary part with 'r' but without the ".0" a float would get. */
void py_repr_imag(buf *out, double imag)
{
    put_double(out, imag, 0);
    buf_putc(out, 'j');
}

/* Decimal literals (nearly all of them) go out as written, leading zeros
 * aside; only other bases need the conversion and its scratch memory. */
static void put_int_const(buf *out, const ast_const *c, arena *scratch)
{
    if (c->u.i.base != 10) {
        buf_puts(out, ast_int_to_decimal(scratch, c));
        return;
    }
    int i = 0;
    while (i < c->u.i.len - 1 && c->u.i.digits[i] == '0')
        i++;
    buf_put(out, c->u.i.digits + i, (size_t)(c->u.i.len - i));
}

void py_repr_const(buf *out, const ast_const *c, arena *scratch)
{
    switch (c->kind) {
    case CONST_NONE: buf_puts(out, "None"); break;
    case CONST_TRUE: buf_puts(out, "True"); break;
    case CONST_FALSE: buf_puts(out, "False"); break;
    case CONST_ELLIPSIS: buf_puts(out, "Ellipsis"); break;
    case CONST_INT: put_int_const(out, c, scratch); break;
    case CONST_FLOAT: py_repr_float(out, c->u.f); break;
    case CONST_COMPLEX: py_repr_imag(out, c->u.f); break;
    case CONST_STR: py_repr_str(out, c->u.str.s, c->u.str.len); break;
    case CONST_BYTES: py_repr_bytes(out, c->u.str.s, c->u.str.len); break;
    }
}
