/* toml_scalar.c - TOML's scalar values: booleans, integers (decimal, hex,
 * octal, binary; 64-bit), floats (with inf and nan), and the four date and
 * time kinds, kept as validated text. Each reader matches exactly what
 * TOML 1.0.0 allows; whatever follows a value is the caller's to check. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "deps/toml_int.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int digit_value(char c, int base)
{
    int d = -1;
    if (c >= '0' && c <= '9')
        d = c - '0';
    else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
    return d < base ? d : -1;
}

/* Digits of `base` with single underscores between digits, from s: where
 * they end (s itself when there is no digit first). */
static const char *digits(const char *s, const char *end, int base)
{
    if (s >= end || digit_value(*s, base) < 0)
        return s;
    s++;
    for (;;) {
        if (s < end && digit_value(*s, base) >= 0)
            s++;
        else if (s + 1 < end && *s == '_' && digit_value(s[1], base) >= 0)
            s += 2;
        else
            return s;
    }
}

/* Characters that may not directly follow a number or a date (anything
 * else that could is a separator: space, newline, '#', ',', ']', '}'). */
static bool glued(const char *s, const char *end)
{
    if (s >= end)
        return false;
    char c = *s;
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '_' || c == '.' || c == '+' || c == '-' || c == ':';
}

/* --- integers and floats ------------------------------------------------------ */

static bool prefixed_integer(tparser *p, toml_value *v, int base)
{
    const char *s = p->p + 2, *e = digits(s, p->end, base);
    if (e == s || glued(e, p->end))
        return tp_fail(p, p->p, "invalid %s integer",
                       base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary");
    uint64_t n = 0;
    for (; s < e; s++) {
        if (*s == '_')
            continue;
        uint64_t d = (uint64_t)digit_value(*s, base);
        if (n > (UINT64_C(0x7FFFFFFFFFFFFFFF) - d) / (uint64_t)base)
            return tp_fail(p, p->p, "integer does not fit in 64 bits");
        n = n * (uint64_t)base + d;
    }
    v->type = TOML_INTEGER;
    v->u.i = (int64_t)n;
    p->p = e;
    return true;
}

static bool decimal_integer(tparser *p, toml_value *v, const char *s, const char *e, bool neg)
{
    uint64_t n = 0, limit = neg ? UINT64_C(0x8000000000000000) : UINT64_C(0x7FFFFFFFFFFFFFFF);
    for (; s < e; s++) {
        if (*s == '_')
            continue;
        uint64_t d = (uint64_t)(*s - '0');
        if (n > (limit - d) / 10)
            return tp_fail(p, p->p, "integer does not fit in 64 bits");
        n = n * 10 + d;
    }
    v->type = TOML_INTEGER;
    /* -2^63 has no positive counterpart: negate in unsigned arithmetic. */
    v->u.i = neg ? (int64_t)(~n + 1) : (int64_t)n;
    return true;
}

/* The float's text without underscores, converted by strtod (krait never
 * calls setlocale, so the decimal point is '.'; strtod rounds correctly,
 * and overflow gives inf, as in tomllib). */
static bool float_value(tparser *p, toml_value *v, const char *s, const char *e)
{
    size_t len = (size_t)(e - s);
    char small[64], *buf = len < sizeof small ? small : arena_alloc_raw(p->a, len + 1);
    size_t n = 0;
    for (; s < e; s++)
        if (*s != '_')
            buf[n++] = *s;
    buf[n] = '\0';
    v->type = TOML_FLOAT;
    v->u.f = strtod(buf, NULL);
    return true;
}

static bool special_float(tparser *p, toml_value *v)
{
    const char *s = p->p;
    bool neg = *s == '-';
    if (*s == '+' || *s == '-')
        s++;
    if (p->end - s < 3 || (memcmp(s, "inf", 3) != 0 && memcmp(s, "nan", 3) != 0))
        return false;
    v->type = TOML_FLOAT;
    v->u.f = s[0] == 'i' ? (neg ? -__builtin_inf() : __builtin_inf())
                         : (neg ? -__builtin_nan("") : __builtin_nan(""));
    p->p = s + 3;
    if (glued(p->p, p->end))
        return tp_fail(p, p->p - 3, "invalid value");
    return true;
}

static bool number(tparser *p, toml_value *v)
{
    const char *s = p->p, *end = p->end;
    if (s + 1 < end && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b'))
        return prefixed_integer(p, v, s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2);
    bool neg = *s == '-';
    if (*s == '+' || *s == '-')
        s++;
    const char *int_start = s;
    /* no leading zeros: "0" alone, or a non-zero digit first */
    const char *e = s < end && *s == '0' ? s + 1 : digits(s, end, 10);
    if (e == s)
        return tp_fail(p, p->p, "invalid value");
    const char *int_end = e;
    bool is_float = false;
    if (e < end && *e == '.') {
        const char *f = digits(e + 1, end, 10);
        if (f == e + 1)
            return tp_fail(p, e, "a decimal point must be followed by digits");
        e = f;
        is_float = true;
    }
    if (e < end && (*e == 'e' || *e == 'E')) {
        const char *x = e + 1;
        if (x < end && (*x == '+' || *x == '-'))
            x++;
        const char *f = digits(x, end, 10);
        if (f == x)
            return tp_fail(p, e, "an exponent needs digits");
        e = f;
        is_float = true;
    }
    if (glued(e, end))
        return tp_fail(p, p->p, *int_start == '0' && e == int_start + 1 && is_digit(*e)
                                    ? "leading zeros are not allowed in a number"
                                    : "invalid number");
    bool ok = is_float ? float_value(p, v, p->p, e)
                       : decimal_integer(p, v, int_start, int_end, neg);
    p->p = e;
    return ok;
}

/* --- dates and times ------------------------------------------------------------ */

/* n digits at s, as a number; -1 when they are not all there. */
static int fixed_digits(const char *s, const char *end, int n)
{
    int v = 0;
    if (end - s < n)
        return -1;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* HH:MM:SS[.fraction] at s: where it ends, or NULL. Hours 00-23, minutes
 * and seconds 00-59 (tomllib, like Python's datetime, has no leap second). */
static const char *time_at(const char *s, const char *end)
{
    if (end - s < 8)
        return NULL;
    int h = fixed_digits(s, end, 2), m = fixed_digits(s + 3, end, 2);
    int sec = fixed_digits(s + 6, end, 2);
    if (h < 0 || m < 0 || sec < 0 || s[2] != ':' || s[5] != ':' || h > 23 || m > 59 || sec > 59)
        return NULL;
    s += 8;
    if (s + 1 < end && *s == '.' && is_digit(s[1]))
        for (s++; s < end && is_digit(*s);)
            s++;
    return s;
}

/* Z or +HH:MM / -HH:MM at s: where it ends, or s when there is none. */
static const char *offset_at(const char *s, const char *end)
{
    if (s < end && (*s == 'Z' || *s == 'z'))
        return s + 1;
    if (end - s < 6 || (*s != '+' && *s != '-'))
        return s;
    int h = fixed_digits(s + 1, end, 2), m = fixed_digits(s + 4, end, 2);
    if (h < 0 || m < 0 || s[3] != ':' || h > 23 || m > 59)
        return s;
    return s + 6;
}

static bool valid_date(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    /* year 0000 is RFC 3339 but not Python's datetime: tomllib refuses it */
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

static void datetime_text(tparser *p, toml_value *v, const char *s, const char *e)
{
    char *t = arena_strndup(p->a, s, (size_t)(e - s));
    for (char *c = t; *c; c++)
        if (c == t + 10 && (*c == ' ' || *c == 't'))
            *c = 'T';
        else if (*c == 'z')
            *c = 'Z';
    v->u.str.s = t;
    v->u.str.len = (size_t)(e - s);
}

/* A date (YYYY-MM-DD), optionally with a time and an offset. */
static bool date_value(tparser *p, toml_value *v)
{
    const char *s = p->p, *end = p->end;
    if (end - s < 10 || s[7] != '-')
        return tp_fail(p, s, "invalid date (YYYY-MM-DD)");
    int y = fixed_digits(s, end, 4), m = fixed_digits(s + 5, end, 2);
    int d = fixed_digits(s + 8, end, 2);
    if (m < 0 || d < 0 || !valid_date(y, m, d))
        return tp_fail(p, s, "invalid date %.10s", s);
    const char *e = s + 10;
    v->type = TOML_DATE_LOCAL;
    const char *t = e < end && (*e == 'T' || *e == 't' || *e == ' ') ? time_at(e + 1, end) : NULL;
    if (t) {
        const char *o = offset_at(t, end);
        v->type = o == t ? TOML_DATETIME_LOCAL : TOML_DATETIME;
        e = o;
    }
    if (glued(e, end))
        return tp_fail(p, s, "invalid date or time");
    datetime_text(p, v, s, e);
    p->p = e;
    return true;
}

static bool time_value(tparser *p, toml_value *v)
{
    const char *e = time_at(p->p, p->end);
    if (!e || glued(e, p->end))
        return tp_fail(p, p->p, "invalid time");
    v->type = TOML_TIME_LOCAL;
    datetime_text(p, v, p->p, e);
    p->p = e;
    return true;
}

/* --- dispatch ------------------------------------------------------------------------ */

static bool starts_with(const tparser *p, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(p->end - p->p) >= n && memcmp(p->p, word, n) == 0;
}

static bool boolean(tparser *p, toml_value *v)
{
    bool t = starts_with(p, "true");
    if (!t && !starts_with(p, "false"))
        return tp_fail(p, p->p, "invalid value (true and false are lower case; a string "
                                "needs quotes)");
    p->p += t ? 4 : 5;
    if (glued(p->p, p->end))
        return tp_fail(p, p->p - (t ? 4 : 5), "invalid value (a string needs quotes)");
    v->type = TOML_BOOL;
    v->u.b = t;
    return true;
}

toml_value *tp_scalar(tparser *p)
{
    if (p->p >= p->end || *p->p == '\n' || *p->p == '#' ||
        (*p->p == '\r' && p->p + 1 < p->end && p->p[1] == '\n')) {
        tp_fail(p, p->p, "expected a value");
        return NULL;
    }
    if ((unsigned char)*p->p < 0x20 || *p->p == 0x7F) {
        tp_unexpected(p, "a value");
        return NULL;
    }
    char c = *p->p;
    if (c == '"' || c == '\'')
        return tp_string(p);
    toml_value *v = tv_new(p->a, TOML_BOOL, p->line, tp_column(p, p->p));
    bool ok;
    if (c == 't' || c == 'f')
        ok = boolean(p, v);
    else if (p->end - p->p > 4 && fixed_digits(p->p, p->end, 4) >= 0 && p->p[4] == '-')
        ok = date_value(p, v);
    else if (p->end - p->p > 2 && fixed_digits(p->p, p->end, 2) >= 0 && p->p[2] == ':')
        ok = time_value(p, v);
    else if (is_digit(c) || ((c == '+' || c == '-') && p->p + 1 < p->end && is_digit(p->p[1])))
        ok = number(p, v);
    else if (c == 'i' || c == 'n' || c == '+' || c == '-')
        ok = special_float(p, v) || tp_fail(p, p->p, "invalid value");
    else
        ok = tp_fail(p, p->p, "invalid value (a string needs quotes)");
    return ok ? v : NULL;
}
