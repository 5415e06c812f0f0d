/* tok_number.c - numeric literals, with CPython's checks and messages:
 * underscores only between digits, no leading zeros in decimal integers,
 * and no identifier character right after a number (except where one of
 * the keywords that may follow a number begins, which CPython accepts with
 * a warning: `1if x else y`). */
#include <stddef.h>
#include <stdio.h>

#include "tok_internal.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_xdigit(char c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* CPython's is_potential_identifier_char: bytes >= 128 count. */
static int is_id_char(char c)
{
    unsigned char u = (unsigned char)c;
    return (unsigned)((u | 0x20) - 'a') < 26u || is_digit(c) || c == '_' || u >= 128;
}

/* `word` at s, not followed by an identifier character. */
static int followed_by(const char *s, const char *word)
{
    while (*word)
        if (*s++ != *word++)
            return 0;
    return !is_id_char(*s);
}

/* After a number ending at q: 0 (error raised) if an identifier character
 * follows, unless it starts a keyword that may legally follow a number. */
static int end_of_number(tokenizer *t, token *out, const char *q, const char *kind)
{
    char c = *q;
    int keyword = 0;
    switch (c) {
    case 'a': keyword = followed_by(q + 1, "nd"); break;
    case 'e': keyword = followed_by(q + 1, "lse"); break;
    case 'f': keyword = followed_by(q + 1, "or"); break;
    case 'i': keyword = q[1] == 'f' || q[1] == 'n' || q[1] == 's'; break;
    case 'o': keyword = followed_by(q + 1, "r"); break;
    case 'n': keyword = followed_by(q + 1, "ot"); break;
    default: break;
    }
    if (!keyword && (unsigned char)c < 128 && is_id_char(c)) {
        tok_raise(t, out, q, "invalid %s literal", kind);
        return 0;
    }
    if (keyword) { /* accepted, with CPython's SyntaxWarning */
        char msg[40];
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        tok_warn(t, t->lineno, (int)(q - t->line_start), msg);
    }
    return 1;
}

/* Decimal digits with single underscores between them, from q (which is
 * past the first digit or at it). NULL after raising on a bad '_'. */
static const char *decimal_tail(tokenizer *t, token *out, const char *q)
{
    for (;;) {
        while (is_digit(*q))
            q++;
        if (*q != '_')
            return q;
        q++;
        if (!is_digit(*q)) {
            tok_raise(t, out, q, "invalid decimal literal");
            return NULL;
        }
    }
}

/* 0x, 0o, 0b literals: q is at the first character after the prefix. */
static const char *radix_digits(tokenizer *t, token *out, const char *q, int radix)
{
    const char *name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    for (;;) {
        if (*q == '_')
            q++;
        int ok = radix == 16 ? is_xdigit(*q) : (*q >= '0' && *q < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(*q))
                tok_raise(t, out, q + 1, "invalid digit '%c' in %s literal", *q, name);
            else
                tok_raise(t, out, q, "invalid %s literal", name);
            return NULL;
        }
        do
            q++;
        while (radix == 16 ? is_xdigit(*q) : (*q >= '0' && *q < '0' + radix));
        if (*q != '_')
            break;
    }
    if (radix != 16 && is_digit(*q)) {
        tok_raise(t, out, q + 1, "invalid digit '%c' in %s literal", *q, name);
        return NULL;
    }
    return end_of_number(t, out, q, name) ? q : NULL;
}

static int number_token(tokenizer *t, token *out, const char *start, const char *q)
{
    int scol = (int)(start - t->line_start);
    t->p = q;
    return tok_emit(t, out, T_NUMBER, start, t->lineno, scol, q);
}

/* Fraction digits (q just past the '.'), exponent, imaginary suffix. */
static int float_rest(tokenizer *t, token *out, const char *start, const char *q, int fraction)
{
    if (fraction && is_digit(*q) && !(q = decimal_tail(t, out, q)))
        return T_ERROR;
    if (*q == 'e' || *q == 'E') {
        const char *e = q++;
        if (*q == '+' || *q == '-') {
            q++;
            if (!is_digit(*q))
                return tok_raise(t, out, q, "invalid decimal literal");
        } else if (!is_digit(*q)) {
            /* `1else`: the number ends before the 'e'. */
            if (!end_of_number(t, out, e, "decimal"))
                return T_ERROR;
            return number_token(t, out, start, e);
        }
        if (!(q = decimal_tail(t, out, q)))
            return T_ERROR;
    }
    if (*q == 'j' || *q == 'J') {
        q++;
        if (!end_of_number(t, out, q, "imaginary"))
            return T_ERROR;
    } else if (!end_of_number(t, out, q, "decimal")) {
        return T_ERROR;
    }
    return number_token(t, out, start, q);
}

/* "0", "00", "0_0", "0.5", "0e1", "0j"; "01" is an error. */
static int zero_literal(tokenizer *t, token *out, const char *start, const char *q)
{
    for (;;) {
        if (*q == '_') {
            q++;
            if (!is_digit(*q))
                return tok_raise(t, out, q, "invalid decimal literal");
        }
        if (*q != '0')
            break;
        q++;
    }
    int nonzero = is_digit(*q);
    if (nonzero && !(q = decimal_tail(t, out, q)))
        return T_ERROR;
    if (*q == '.')
        return float_rest(t, out, start, q + 1, 1);
    if (*q == 'e' || *q == 'E' || *q == 'j' || *q == 'J')
        return float_rest(t, out, start, q, 0);
    if (nonzero)
        return tok_raise_at(t, out, t->lineno, (int)(start - t->line_start),
                            "leading zeros in decimal integer literals are not permitted; "
                            "use an 0o prefix for octal integers");
    if (!end_of_number(t, out, q, "decimal"))
        return T_ERROR;
    return number_token(t, out, start, q);
}

int tok_number(tokenizer *t, token *out, const char *start, const char *q, int fraction)
{
    if (fraction)
        return float_rest(t, out, start, q, 1);
    if (*q == '0') {
        char x = (char)(q[1] | 0x20);
        int radix = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
        if (radix) {
            q = radix_digits(t, out, q + 2, radix);
            return q ? number_token(t, out, start, q) : T_ERROR;
        }
        return zero_literal(t, out, start, q + 1);
    }
    if (!(q = decimal_tail(t, out, q)))
        return T_ERROR;
    if (*q == '.')
        return float_rest(t, out, start, q + 1, 1);
    return float_rest(t, out, start, q, 0);
}
