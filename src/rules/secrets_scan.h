/* secrets_scan.h - the secrets family's pure text functions: the table of
 * known token formats and its hand-written matcher, private key blocks,
 * detect-secrets' Shannon entropy, placeholders, and masking. No AST and
 * no globals, so they are unit-tested on plain strings
 * (tests/unit/test_secrets.c). */
#ifndef KRAIT_SECRETS_SCAN_H
#define KRAIT_SECRETS_SCAN_H

#include <stddef.h>

#include "../base/arena.h"
#include "rules.h"

/* One known token format: a fixed prefix, then a body of `min`..`max`
 * characters of the classes `chars` (SC_* bits), ending where those
 * characters end. `valid`, when set, checks structure the classes cannot
 * say (a JWT's header, SendGrid's dot). */
typedef struct secret_format {
    const char *name;   /* "GitHub personal access token" */
    const char *prefix; /* "ghp_" */
    unsigned chars;     /* SC_* */
    unsigned short min, max;
    rule_level severity;
    int (*valid)(const char *body, size_t len);
} secret_format;

enum {
    SC_UPPER = 1, SC_LOWER = 2, SC_DIGIT = 4, SC_UNDER = 8, SC_DASH = 16, SC_DOT = 32,
    SC_HEX = 64,  /* 0-9 a-f only (lower-case hex) */
    SC_B64 = 128, /* '+', '/' and '=' of standard base64 */
    SC_ALNUM = SC_UPPER | SC_LOWER | SC_DIGIT,
};

/* A token found in a string: its format and where it is (start and length
 * of the whole token, prefix included). */
typedef struct secret_match {
    const secret_format *format; /* NULL for a private key block */
    const char *kind;            /* private keys: "RSA", "OPENSSH", "" ... */
    int encrypted;               /* private keys: ENCRYPTED PRIVATE KEY */
    size_t start, len;
} secret_match;

/* The first token of a known format in s[0..n): 1 and *m, else 0. */
int secret_find_token(const char *s, size_t n, secret_match *m);

/* The first private key block (-----BEGIN ... PRIVATE KEY----- followed by
 * at least 64 base64 characters) in s[0..n): 1 and *m (start, len: the
 * whole block up to its END line or the string's end). */
int secret_find_private_key(const char *s, size_t n, secret_match *m);

/* detect-secrets' Shannon entropy: the sum over the characters x of the
 * charset of -p(x) log2 p(x), p(x) = count(x) / n (n counts every
 * character of s, also those outside the charset). */
double secret_entropy(const char *s, size_t n, const char *charset);
extern const char secret_base64_chars[]; /* letters, digits, "+/\\-_=" */
extern const char secret_hex_chars[];    /* string.hexdigits */
/* detect-secrets' hex entropy: as above, minus 1.2 / log2(n) when s is all
 * decimal digits (n > 1). */
double secret_hex_entropy(const char *s, size_t n);

/* The detect-secrets limits. */
#define SECRET_BASE64_LIMIT 4.5
#define SECRET_HEX_LIMIT 3.0

/* 1 when s[0..n) looks like a random secret: only hex digits with hex
 * entropy above 3.0, or only base64 characters with entropy above 4.5; at
 * least 16 characters; not a placeholder, a UUID or a sequence. *entropy
 * and *charset ("hex" / "base64") say why. */
int secret_high_entropy(const char *s, size_t n, double *entropy, const char **charset);

/* 1 for values that stand for a secret without being one: "changeme",
 * "xxxx", "<your key>", "${VAR}", "%s", "{token}", "****", one repeated
 * character, "your_api_key_here", ... */
int secret_is_placeholder(const char *s, size_t n);

/* How many leading and trailing characters a mask of a secret of `nchars`
 * characters shows: 4 and 3 from 16 characters on, none below (a short
 * password would be half shown). Shared by messages and the scanner's
 * redaction of source lines (scan.c). */
void secret_mask_keep(size_t nchars, size_t *head, size_t *tail);

/* "AKIA****...PLE": the secret masked for a message (arena text). Bytes
 * outside printable ASCII are shown as '?'. */
const char *secret_mask(arena *a, const char *s, size_t n);

#endif
