/* secrets_scan.c - known token formats as data, matched by one pass over
 * the string: a first-character filter, then the few prefixes that start
 * with that character (no regular expression per string, so scanning every
 * literal of a large tree costs little). Entropy and masking are in
 * secrets_text.c. */
#include <stddef.h>
#include <string.h>

#include "secrets_scan.h"

/* ---- structure checks for formats whose classes say too little ---- */

/* Legacy OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI") in the middle:
 * without it, "sk-" + 48 characters is too common a shape. */
static int valid_openai_legacy(const char *body, size_t len)
{
    return len >= 8 && memmem(body, len, "T3BlbkFJ", 8) != NULL;
}

/* SendGrid: 22 characters, '.', 43 characters. */
static int valid_sendgrid(const char *body, size_t len)
{
    return len == 66 && body[22] == '.' && memchr(body + 23, '.', len - 23) == NULL &&
           memchr(body, '.', 22) == NULL;
}

/* Slack: xoxb-<digits>-...: the body starts with a digit and has a '-'. */
static int valid_slack(const char *body, size_t len)
{
    return len > 0 && body[0] >= '0' && body[0] <= '9' && memchr(body, '-', len) != NULL;
}

/* Postman: 24 hex digits, '-', 34 hex digits. */
static int valid_postman(const char *body, size_t len)
{
    return len == 59 && body[24] == '-' && memchr(body, '-', 24) == NULL &&
           memchr(body + 25, '-', 34) == NULL;
}

static int b64url_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '-' || c == '+' ? 62 : c == '_' || c == '/' ? 63 : -1;
}

/* A JWT: three base64url parts (the token's "eyJ" is the start of the
 * first); the header decodes to a JSON object naming "alg". The body
 * given here follows "eyJ", which is base64 of '{"'. */
static int valid_jwt(const char *body, size_t len)
{
    const char *dot1 = memchr(body, '.', len);
    if (!dot1)
        return 0;
    const char *rest = dot1 + 1, *end = body + len;
    const char *dot2 = memchr(rest, '.', (size_t)(end - rest));
    if (!dot2 || dot2 == rest || memchr(dot2 + 1, '.', (size_t)(end - dot2 - 1)))
        return 0;
    /* decode "eyJ" + header: 3 chars of prefix first */
    char header[256];
    size_t hn = 0;
    unsigned acc = 0;
    int bits = 0;
    const char *prefix = "eyJ";
    for (size_t i = 0; i < 3 + (size_t)(dot1 - body) && hn < sizeof header - 1; i++) {
        int v = b64url_value((unsigned char)(i < 3 ? prefix[i] : body[i - 3]));
        if (v < 0)
            return 0;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            header[hn++] = (char)((acc >> bits) & 0xFF);
        }
    }
    header[hn] = '\0';
    return hn >= 8 && header[0] == '{' && strstr(header, "\"alg\"") != NULL;
}

/* ---- the table ---- */

/* Longer prefixes sharing a start come first (sk-ant- before sk-): the
 * first row that matches wins. Lengths are the body's, after the prefix. */
static const secret_format formats[] = {
    {"AWS access key ID", "AKIA", SC_UPPER | SC_DIGIT, 16, 16, HIGH, NULL},
    {"AWS temporary access key ID", "ASIA", SC_UPPER | SC_DIGIT, 16, 16, MEDIUM, NULL},
    {"GitHub personal access token", "ghp_", SC_ALNUM, 36, 36, HIGH, NULL},
    {"GitHub OAuth access token", "gho_", SC_ALNUM, 36, 36, HIGH, NULL},
    {"GitHub user-to-server token", "ghu_", SC_ALNUM, 36, 36, HIGH, NULL},
    {"GitHub server-to-server token", "ghs_", SC_ALNUM, 36, 36, HIGH, NULL},
    {"GitHub refresh token", "ghr_", SC_ALNUM, 36, 36, HIGH, NULL},
    {"GitHub fine-grained personal access token", "github_pat_", SC_ALNUM | SC_UNDER, 70, 100,
     HIGH, NULL},
    {"GitLab personal access token", "glpat-", SC_ALNUM | SC_UNDER | SC_DASH, 20, 64, HIGH,
     NULL},
    {"GitLab runner token", "glrt-", SC_ALNUM | SC_UNDER | SC_DASH, 20, 64, HIGH, NULL},
    {"GitLab deploy token", "gldt-", SC_ALNUM | SC_UNDER | SC_DASH, 20, 64, HIGH, NULL},
    {"Grafana service account token", "glsa_", SC_ALNUM | SC_UNDER, 41, 41, HIGH, NULL},
    {"Slack bot token", "xoxb-", SC_ALNUM | SC_DASH, 10, 250, HIGH, valid_slack},
    {"Slack user token", "xoxp-", SC_ALNUM | SC_DASH, 10, 250, HIGH, valid_slack},
    {"Slack app token", "xoxa-", SC_ALNUM | SC_DASH, 10, 250, HIGH, valid_slack},
    {"Slack refresh token", "xoxr-", SC_ALNUM | SC_DASH, 10, 250, HIGH, valid_slack},
    {"Slack session token", "xoxs-", SC_ALNUM | SC_DASH, 10, 250, HIGH, valid_slack},
    {"Stripe live secret key", "sk_live_", SC_ALNUM, 24, 247, HIGH, NULL},
    {"Stripe live restricted key", "rk_live_", SC_ALNUM, 24, 247, HIGH, NULL},
    {"Stripe test secret key", "sk_test_", SC_ALNUM, 24, 247, LOW, NULL},
    {"Stripe test restricted key", "rk_test_", SC_ALNUM, 24, 247, LOW, NULL},
    {"Anthropic API key", "sk-ant-", SC_ALNUM | SC_UNDER | SC_DASH, 32, 250, HIGH, NULL},
    {"OpenAI project API key", "sk-proj-", SC_ALNUM | SC_UNDER | SC_DASH, 40, 250, HIGH, NULL},
    {"OpenAI service account key", "sk-svcacct-", SC_ALNUM | SC_UNDER | SC_DASH, 40, 250, HIGH,
     NULL},
    {"OpenAI admin key", "sk-admin-", SC_ALNUM | SC_UNDER | SC_DASH, 40, 250, HIGH, NULL},
    {"OpenAI API key", "sk-", SC_ALNUM, 48, 48, HIGH, valid_openai_legacy},
    {"Google API key", "AIza", SC_ALNUM | SC_UNDER | SC_DASH, 35, 35, HIGH, NULL},
    {"PyPI upload token", "pypi-AgEIcHlwaS5vcmc", SC_ALNUM | SC_UNDER | SC_DASH, 50, 1000, HIGH,
     NULL},
    {"TestPyPI upload token", "pypi-AgENdGVzdC5weXBpLm9yZw", SC_ALNUM | SC_UNDER | SC_DASH, 50,
     1000, MEDIUM, NULL},
    {"npm access token", "npm_", SC_ALNUM, 36, 36, HIGH, NULL},
    {"Twilio API key", "SK", SC_HEX, 32, 32, MEDIUM, NULL},
    {"SendGrid API key", "SG.", SC_ALNUM | SC_UNDER | SC_DASH | SC_DOT, 66, 66, HIGH,
     valid_sendgrid},
    {"Hugging Face access token", "hf_", SC_UPPER | SC_LOWER, 34, 34, HIGH, NULL},
    {"Hugging Face organization token", "api_org_", SC_UPPER | SC_LOWER, 34, 34, HIGH, NULL},
    {"Azure storage account key", "AccountKey=", SC_ALNUM | SC_B64, 86, 88, HIGH, NULL},
    {"Postman API key", "PMAK-", SC_HEX | SC_DASH, 59, 59, HIGH, valid_postman},
    {"Sentry auth token", "sntrys_", SC_ALNUM | SC_UNDER | SC_B64, 60, 400, HIGH, NULL},
    {"DigitalOcean personal access token", "dop_v1_", SC_HEX, 64, 64, HIGH, NULL},
    {"Databricks access token", "dapi", SC_HEX, 32, 32, HIGH, NULL},
    {"Shopify access token", "shpat_", SC_HEX, 32, 32, HIGH, NULL},
    {"Shopify shared secret", "shpss_", SC_HEX, 32, 32, HIGH, NULL},
    {"JSON Web Token", "eyJ", SC_ALNUM | SC_UNDER | SC_DASH | SC_DOT, 30, 8192, MEDIUM,
     valid_jwt},
};
enum { NFORMATS = sizeof formats / sizeof formats[0], SHORTEST_TOKEN = 20 };

static int in_class(unsigned char c, unsigned cls)
{
    if (c >= 'A' && c <= 'Z')
        return (cls & SC_UPPER) != 0;
    if (c >= 'a' && c <= 'z')
        return (cls & SC_LOWER) != 0 || ((cls & SC_HEX) && c <= 'f');
    if (c >= '0' && c <= '9')
        return (cls & (SC_DIGIT | SC_HEX)) != 0;
    return (c == '_' && (cls & SC_UNDER)) || (c == '-' && (cls & SC_DASH)) ||
           (c == '.' && (cls & SC_DOT)) || ((c == '+' || c == '/' || c == '=') && (cls & SC_B64));
}

static int is_alnum(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Values that fit a format but are visibly not a key: a run of one
 * character ("xxxx", "0000"), or too few distinct characters for random
 * text ("ghp_abababab..."). */
static int body_is_filler(const char *b, size_t n)
{
    int run = 1;
    for (size_t i = 1; i < n; i++) {
        run = b[i] == b[i - 1] ? run + 1 : 1;
        if (run >= 4)
            return 1;
    }
    unsigned char seen[256] = {0};
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += !seen[(unsigned char)b[i]]++;
    return distinct * 3 < (n < 30 ? n : 30);
}

static int match_format(const secret_format *f, const char *s, size_t n, size_t at,
                        secret_match *m)
{
    size_t plen = strlen(f->prefix);
    if (n - at < plen + f->min || memcmp(s + at, f->prefix, plen) != 0)
        return 0;
    const char *body = s + at + plen;
    size_t len = 0, room = n - at - plen;
    while (len < room && len <= f->max && in_class((unsigned char)body[len], f->chars))
        len++;
    if (len < f->min || len > f->max)
        return 0;
    /* the token must end there: not run into more letters or digits */
    if (len < room && is_alnum((unsigned char)body[len]))
        return 0;
    if (f->valid ? !f->valid(body, len) : body_is_filler(body, len))
        return 0;
    *m = (secret_match){.format = f, .start = at, .len = plen + len};
    return 1;
}

/* The first two characters of the table's prefixes: a position is
 * looked at only when both match (the unit test checks every format is
 * found, so a prefix missing here fails it). */
static const unsigned char first_char[256] = {
    ['A'] = 1, ['g'] = 1, ['x'] = 1, ['s'] = 1, ['r'] = 1, ['p'] = 1, ['n'] = 1,
    ['S'] = 1, ['h'] = 1, ['d'] = 1, ['e'] = 1, ['a'] = 1, ['P'] = 1,
};

static int may_start_token(const char *p)
{
    switch (p[0]) {
    case 'A':
        return p[1] == 'K' || p[1] == 'S' || p[1] == 'I' || p[1] == 'c';
    case 'g':
        return p[1] == 'h' || p[1] == 'i' || p[1] == 'l';
    case 's':
        return p[1] == 'k' || p[1] == 'h' || p[1] == 'n';
    case 'd':
        return p[1] == 'o' || p[1] == 'a';
    case 'S':
        return p[1] == 'K' || p[1] == 'G';
    case 'x':
        return p[1] == 'o';
    case 'r':
        return p[1] == 'k';
    case 'p':
        return p[1] == 'y';
    case 'n':
        return p[1] == 'p';
    case 'h':
        return p[1] == 'f';
    case 'e':
        return p[1] == 'y';
    case 'a':
        return p[1] == 'p';
    case 'P':
        return p[1] == 'M';
    default:
        return 0;
    }
}

int secret_find_token(const char *s, size_t n, secret_match *m)
{
    if (n < SHORTEST_TOKEN)
        return 0;
    for (size_t at = 0; at + SHORTEST_TOKEN <= n; at++) {
        unsigned char c = (unsigned char)s[at];
        if (!first_char[c] || !may_start_token(s + at))
            continue; /* no prefix starts so: the common case */
        if (at > 0 && (is_alnum((unsigned char)s[at - 1]) || s[at - 1] == '_'))
            continue; /* inside a word */
        for (int i = 0; i < NFORMATS; i++)
            if ((unsigned char)formats[i].prefix[0] == c && match_format(&formats[i], s, n, at, m))
                return 1;
    }
    return 0;
}

/* ---- private key blocks ---- */

/* memchr for the first byte, then a compare: glibc's memmem prepares
 * its two-way search on every call, which costs more than the search in
 * the short strings met here. */
static const char *find_text(const char *s, const char *end, const char *what)
{
    size_t wl = strlen(what);
    for (const char *p = s; p && end - p >= (ptrdiff_t)wl; p++) {
        p = memchr(p, what[0], (size_t)(end - p) - wl + 1);
        if (!p)
            return NULL;
        if (memcmp(p, what, wl) == 0)
            return p;
    }
    return NULL;
}

static int is_b64_char(unsigned char c)
{
    return is_alnum(c) || c == '+' || c == '/' || c == '=';
}

/* The base64 characters of a PEM body, up to its END line (or `end`):
 * header lines ("Proc-Type: ...") count too, which only lowers the bar. */
static size_t pem_body_chars(const char *p, const char *end, const char **stop)
{
    size_t count = 0;
    const char *footer = find_text(p, end, "-----END");
    const char *limit = footer ? footer : end;
    for (; p < limit; p++)
        count += is_b64_char((unsigned char)*p);
    if (footer) {
        const char *close = find_text(footer + 8, end, "-----");
        limit = close ? close + 5 : end;
    }
    *stop = limit;
    return count;
}

int secret_find_private_key(const char *s, size_t n, secret_match *m)
{
    const char *end = s + n;
    for (const char *p = s; (p = find_text(p, end, "-----BEGIN ")); p += 11) {
        const char *close = find_text(p + 11, end, "-----");
        if (!close || memchr(p, '\n', (size_t)(close - p)))
            continue;
        const char *pk = find_text(p + 11, close, "PRIVATE KEY");
        if (!pk)
            continue;
        const char *stop;
        if (pem_body_chars(close + 5, end, &stop) < 64)
            continue; /* a bare header: code that parses PEM, not a key */
        size_t kind_len = (size_t)(pk - (p + 11));
        *m = (secret_match){.format = NULL, .start = (size_t)(p - s), .len = (size_t)(stop - p)};
        m->encrypted = kind_len >= 9 && memcmp(p + 11, "ENCRYPTED", 9) == 0;
        m->kind = kind_len == 0                                     ? ""
                  : kind_len >= 3 && memcmp(p + 11, "RSA", 3) == 0  ? "RSA"
                  : kind_len >= 2 && memcmp(p + 11, "EC", 2) == 0   ? "EC"
                  : kind_len >= 3 && memcmp(p + 11, "DSA", 3) == 0  ? "DSA"
                  : kind_len >= 7 && memcmp(p + 11, "OPENSSH", 7) == 0 ? "OpenSSH"
                  : kind_len >= 3 && memcmp(p + 11, "PGP", 3) == 0  ? "PGP"
                  : m->encrypted                                    ? "encrypted"
                                                                    : "";
        return 1;
    }
    return 0;
}
