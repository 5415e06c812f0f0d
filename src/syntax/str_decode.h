/* str_decode.h - the meaning of string literal text, as CPython 3.14 gives
 * it: prefixes, escape sequences of str and bytes literals, and the literal
 * parts of f-/t-strings. Pure functions of the text, so they are unit
 * tested on their own (tests/unit/test_strings.c); parse_string.c builds
 * the AST around them. */
#ifndef KRAIT_STR_DECODE_H
#define KRAIT_STR_DECODE_H

#include <stddef.h>

#include "../base/arena.h"

enum {
    STR_RAW = 1,   /* r/R: no escape processing */
    STR_BYTES = 2, /* b/B */
    STR_U = 4,     /* u/U: Constant.kind = 'u' */
    STR_F = 8,     /* f/F */
    STR_T = 16     /* t/T */
};

/* A literal token's prefix letters as STR_* flags; *prefix_len gets their
 * count (the opening quote follows). */
int str_prefix(const char *text, size_t len, size_t *prefix_len);

/* Split a whole STRING token (prefix, quotes, body) into its flags and
 * body. Returns 0 if the text is not a complete literal. */
int str_split_literal(const char *text, size_t len, int *flags, const char **body, size_t *body_len);

/* A decoding result: arena-allocated, NUL-terminated, may contain NUL.
 * `invalid` points into the input at the character after the backslash of
 * the first escape CPython warns about (an unknown escape such as "\d", or
 * an octal one above 0o377 such as "\777"), NULL when there is none. */
typedef struct str_value {
    const char *s;
    size_t len;
    const char *invalid;
} str_value;

/* How the text is decoded. */
enum {
    DEC_BRACES = 1 /* f-/t-string literal part: "{{" and "}}" mean one brace */
};

/* Decode the body of a str literal (escapes unless STR_RAW in flags) to
 * UTF-8, lone surrogates as 3-byte sequences. On error returns 0 and
 * writes CPython's message ("(unicode error) 'unicodeescape' codec can't
 * decode bytes in position 0-6: unknown Unicode character name") to err. */
int str_decode(arena *a, const char *body, size_t len, int flags, int how,
               str_value *out, char *err, size_t errsize);

/* Decode the body of a bytes literal. Errors: a non-ASCII character
 * ("bytes can only contain ASCII literal characters", returns -1: CPython
 * places it on the token) or a bad \x escape ("(value error) invalid \x
 * escape at position N", returns 0). Returns 1 on success. */
int bytes_decode(arena *a, const char *body, size_t len, int flags,
                 str_value *out, char *err, size_t errsize);

#endif
