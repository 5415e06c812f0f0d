/* secrets_text.c - what the secrets family measures about a string value:
 * detect-secrets' entropy, the shapes that are placeholders, UUIDs and
 * sequences rather than secrets, and the mask shown instead of a secret. */
#include <math.h>
#include <string.h>

#include "secrets_scan.h"

/* detect-secrets' Base64HighEntropyString charset, as its entropy loop
 * sees it: string.ascii_letters + string.digits + '+/' + '\\-_' + '='
 * (the backslash is iterated over, though its regex never lets one in). */
const char secret_base64_chars[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/\\-_=";
const char secret_hex_chars[] = "0123456789abcdefABCDEF";

double secret_entropy(const char *s, size_t n, const char *charset)
{
    if (n == 0)
        return 0.0;
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++)
        count[(unsigned char)s[i]]++;
    double e = 0.0;
    for (const char *c = charset; *c; c++) {
        size_t k = count[(unsigned char)*c];
        if (k) {
            double p = (double)k / (double)n;
            e -= p * log2(p);
        }
    }
    return e;
}

static int is_hex_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The characters detect-secrets' base64 regex accepts (its class
 * `[A-Za-z0-9+/\-_=]`, where `\-` is the dash). */
static int is_b64_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '+' || c == '/' || c == '-' || c == '_' || c == '=';
}

static int all_of(const char *s, size_t n, int (*in)(unsigned char))
{
    for (size_t i = 0; i < n; i++)
        if (!in((unsigned char)s[i]))
            return 0;
    return 1;
}

static int is_digit_char(unsigned char c)
{
    return c >= '0' && c <= '9';
}

double secret_hex_entropy(const char *s, size_t n)
{
    double e = secret_entropy(s, n, secret_hex_chars);
    /* detect-secrets: int(data) succeeds, i.e. only decimal digits */
    if (n > 1 && all_of(s, n, is_digit_char))
        e -= 1.2 / log2((double)n);
    return e;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int contains_nocase(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i + wl <= n; i++) {
        size_t k = 0;
        while (k < wl && lower((unsigned char)s[i + k]) == word[k])
            k++;
        if (k == wl)
            return 1;
    }
    return 0;
}

int secret_is_placeholder(const char *s, size_t n)
{
    static const char *const words[] = {
        "xxx", "***", "...", "changeme", "change_me", "change-me", "your", "placeholder",
        "dummy", "redacted", "replace", "insert", "example", "sample", "<", "${", "{{",
        "%s", "%(", "{", "$(", NULL};
    if (n == 0)
        return 1;
    for (int i = 0; words[i]; i++)
        if (contains_nocase(s, n, words[i]))
            return 1;
    for (size_t i = 1; i < n; i++)
        if (s[i] != s[0])
            return 0;
    return 1; /* one repeated character */
}

/* 8-4-4-4-12 hex digits: an identifier (detect-secrets skips them too). */
static int is_uuid(const char *s, size_t n)
{
    if (n != 36)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex_char((unsigned char)s[i]))
            return 0;
    }
    return 1;
}

/* "abcdefghijklmnop", "0123456789ABCDEF...": mostly steps of one
 * (detect-secrets' is_sequential_string catches the same alphabets). */
static int is_sequence(const char *s, size_t n)
{
    size_t steps = 0;
    for (size_t i = 1; i < n; i++) {
        int a = lower((unsigned char)s[i - 1]), b = lower((unsigned char)s[i]);
        steps += b == a + 1 || (a == '9' && (b == 'a' || b == '0')) || (a == 'z' && b == '0');
    }
    return n > 1 && steps * 4 >= (n - 1) * 3;
}

/* The charset test and the entropy first: they reject almost every string
 * at once; the placeholder words are looked for only in random ones. */
int secret_high_entropy(const char *s, size_t n, double *entropy, const char **charset)
{
    if (n < 16)
        return 0;
    if (all_of(s, n, is_hex_char)) {
        *entropy = secret_hex_entropy(s, n);
        *charset = "hex";
        if (!(*entropy > SECRET_HEX_LIMIT))
            return 0;
    } else if (all_of(s, n, is_b64_char)) {
        *entropy = secret_entropy(s, n, secret_base64_chars);
        *charset = "base64";
        if (!(*entropy > SECRET_BASE64_LIMIT))
            return 0;
    } else {
        return 0;
    }
    return !secret_is_placeholder(s, n) && !is_uuid(s, n) && !is_sequence(s, n);
}

void secret_mask_keep(size_t nchars, size_t *head, size_t *tail)
{
    *head = nchars >= 16 ? 4 : 0;
    *tail = nchars >= 16 ? 3 : 0;
}

const char *secret_mask(arena *a, const char *s, size_t n)
{
    size_t head, tail;
    secret_mask_keep(n, &head, &tail);
    char *out = arena_alloc_raw(a, head + tail + 8);
    size_t k = 0;
    for (size_t i = 0; i < head; i++)
        out[k++] = s[i] > 0x20 && s[i] < 0x7f && s[i] != '\'' ? s[i] : '?';
    memcpy(out + k, tail ? "****..." : "****", tail ? 7 : 4);
    k += tail ? 7 : 4;
    for (size_t i = n - tail; i < n; i++)
        out[k++] = s[i] > 0x20 && s[i] < 0x7f && s[i] != '\'' ? s[i] : '?';
    out[k] = '\0';
    return out;
}
