/* egress_dest.c - is this string a destination? URLs, IPv4 addresses and
 * webhooks for the egress family (egress.h). Pure string functions: what
 * the checks in egress.c add is the context (docstrings, comparisons). */
#include "egress.h"

#include <string.h>

#include "../base/buf.h"

enum { SHOWN_MAX = 200 };

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int starts_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (lower(*s) != *prefix)
            return 0;
    return 1;
}


/* Where a URL shown in a message ends: blanks, quotes and brackets, and
 * also control characters and non-ASCII bytes, so that a message never
 * carries terminal escapes or bidirectional overrides (an IRI's path is
 * cut there; hosts are ASCII anyway). */
static int is_blank(char c)
{
    unsigned char u = (unsigned char)c;
    return u <= ' ' || u >= 0x7F || c == '"' || c == '\'' || c == '<' || c == '>';
}

/* ------------------------------------------------------------------ IPv4 */

/* Parses a dotted quad at s (exactly four decimal octets, no leading
 * zeros); returns the bytes consumed, 0 when it is not one. */
static size_t parse_ipv4(const char *s, int octet[4])
{
    const char *p = s;
    for (int i = 0; i < 4; i++) {
        if (i > 0 && *p++ != '.')
            return 0;
        int v = 0, digits = 0;
        const char *first = p;
        while (*p >= '0' && *p <= '9' && digits < 4)
            v = v * 10 + (*p++ - '0'), digits++;
        if (digits == 0 || digits > 3 || v > 255 || (digits > 1 && *first == '0'))
            return 0;
        octet[i] = v;
    }
    return (size_t)(p - s);
}

/* Addresses that are never somewhere else: "this network", loopback,
 * netmasks and broadcast, the documentation ranges of RFC 5737, and
 * addresses ending in .0 (a network's own address, and what versions such
 * as "1.0.0.0" look like). */
static int ipv4_is_nowhere(const int o[4])
{
    return o[0] == 0 || o[0] == 127 || o[0] == 255 || o[3] == 0 ||
           (o[0] == 192 && o[1] == 0 && o[2] == 2) ||
           (o[0] == 198 && o[1] == 51 && o[2] == 100) ||
           (o[0] == 203 && o[1] == 0 && o[2] == 113);
}

static int port_ok(const char *p)
{
    long v = 0;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 6)
        v = v * 10 + (*p++ - '0'), digits++;
    return digits > 0 && digits <= 5 && v <= 65535 && *p == '\0';
}

int egress_ipv4_destination(const char *s)
{
    int o[4];
    size_t n = parse_ipv4(s, o);
    if (n == 0)
        return 0;
    if (s[n] != '\0' && !(s[n] == ':' && port_ok(s + n + 1)))
        return 0;
    return !ipv4_is_nowhere(o);
}

/* ------------------------------------------------------------------- URLs */

static const char *const url_schemes[] = {"http://", "https://", "ftp://", "ws://", "wss://",
                                          NULL};

/* Hosts that name no destination: reserved names (RFC 2606, RFC 6761) and
 * the owners of XML namespace and schema identifiers, which are compared,
 * never fetched. A host matches a name or any subdomain of it. */
static const char *const nowhere_domains[] = {
    "localhost", "example.com", "example.org", "example.net", "example", "test", "invalid",
    "w3.org", "xml.org", "xmlsoap.org", "purl.org", "schema.org", "json-schema.org",
    "schemas.microsoft.com", "schemas.openxmlformats.org", "ns.adobe.com", "xmlns.com",
    NULL};

/* Identifiers under real hosts that are names, not places to fetch: SAX
 * feature and property names, expat's internal entity base. Matched as
 * the start of the text after the scheme. */
static const char *const nowhere_prefixes[] = {"www.python.org/sax/", "xml.python.org/",
                                               NULL};

static int host_in_domain(const char *host, size_t len, const char *domain)
{
    size_t d = strlen(domain);
    if (len < d || strncmp(host + len - d, domain, d) != 0)
        return 0;
    return len == d || host[len - d - 1] == '.';
}

/* `host` is lower case, without port or brackets' content checks. */
static int host_is_nowhere(const char *host, size_t len)
{
    while (len > 0 && host[len - 1] == '.')
        len--;
    if (len == 0)
        return 1;
    if (host[0] == '[')
        return (len == 5 && memcmp(host, "[::1]", 5) == 0) ||
               (len == 4 && memcmp(host, "[::]", 4) == 0);
    for (const char *const *d = nowhere_domains; *d; d++)
        if (host_in_domain(host, len, *d))
            return 1;
    char tmp[64];
    if (len < sizeof tmp) {
        memcpy(tmp, host, len);
        tmp[len] = '\0';
        int o[4];
        if (parse_ipv4(tmp, o) == len)
            return ipv4_is_nowhere(o);
    }
    return 0;
}

/* A literal host name: letters, digits, '-', '.', '_' (or a bracketed
 * IPv6 address). Anything else ("%s", "{host}", "$HOST") is a template. */
static int host_is_literal(const char *h, size_t len)
{
    if (len == 0)
        return 0;
    if (h[0] == '[') {
        if (h[len - 1] != ']' || len < 3)
            return 0;
        for (size_t i = 1; i + 1 < len; i++)
            if (!((h[i] >= '0' && h[i] <= '9') || (lower(h[i]) >= 'a' && lower(h[i]) <= 'f') ||
                  h[i] == ':' || h[i] == '.'))
                return 0;
        return 1;
    }
    for (size_t i = 0; i < len; i++) {
        char c = lower(h[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
              c == '_'))
            return 0;
    }
    return 1;
}

/* Query parameters whose value is a secret: Code Audit's names, and any
 * name that says key/token/secret/pass/sig/auth. */
static int param_is_secret(const char *name, size_t len)
{
    char tmp[64];
    if (len == 0 || len >= sizeof tmp)
        return 0;
    for (size_t i = 0; i < len; i++)
        tmp[i] = lower(name[i]);
    tmp[len] = '\0';
    static const char *const words[] = {"key", "token", "secret", "pass", "sig", "auth", NULL};
    for (const char *const *w = words; *w; w++)
        if (strstr(tmp, *w))
            return 1;
    return egress_secret_name(tmp) != NULL;
}

/* The query [q, end) with secret values replaced by ****. */
static void put_masked_query(buf *b, const char *q, const char *end)
{
    while (q < end) {
        const char *amp = memchr(q, '&', (size_t)(end - q));
        const char *stop = amp ? amp : end;
        const char *eq = memchr(q, '=', (size_t)(stop - q));
        if (eq && param_is_secret(q, (size_t)(eq - q))) {
            buf_put(b, q, (size_t)(eq - q) + 1);
            buf_puts(b, "****");
        } else {
            buf_put(b, q, (size_t)(stop - q));
        }
        if (amp)
            buf_putc(b, '&');
        q = amp ? amp + 1 : end;
    }
}

/* The shown text in the arena, cut at SHOWN_MAX bytes on a character
 * boundary with "..." after. */
static const char *shown_copy(arena *a, const buf *b)
{
    size_t n = b->len;
    int cut = n > SHOWN_MAX;
    if (cut) {
        n = SHOWN_MAX;
        while (n > 0 && ((unsigned char)b->data[n] & 0xC0) == 0x80)
            n--;
    }
    char *out = arena_alloc(a, n + 4);
    memcpy(out, b->data, n);
    memcpy(out + n, cut ? "..." : "", cut ? 4 : 1);
    return out;
}

/* Writes the URL [s, end) with its credentials masked. `at` is the '@'
 * ending the user information or NULL; `query` the '?' or NULL. */
static void put_masked_url(buf *b, const char *s, const char *rest, const char *at,
                           const char *query, const char *end)
{
    buf_put(b, s, (size_t)(rest - s));
    if (at) {
        const char *colon = memchr(rest, ':', (size_t)(at - rest));
        if (colon) {
            buf_put(b, rest, (size_t)(colon - rest));
            buf_puts(b, ":****@");
        } else {
            buf_puts(b, "****@");
        }
        rest = at + 1;
    }
    const char *qend = query ? query + 1 : end;
    buf_put(b, rest, (size_t)(qend - rest));
    if (query) {
        const char *frag = memchr(query, '#', (size_t)(end - query));
        put_masked_query(b, query + 1, frag ? frag : end);
        if (frag)
            buf_put(b, frag, (size_t)(end - frag));
    }
}

int egress_url_destination(arena *a, const char *s, const char **shown)
{
    const char *rest = NULL;
    for (const char *const *sc = url_schemes; *sc && !rest; sc++)
        if (starts_nocase(s, *sc))
            rest = s + strlen(*sc);
    if (!rest)
        return 0;
    const char *end = rest;
    while (*end && !is_blank(*end))
        end++;
    size_t auth_len = strcspn(rest, "/?#");
    if (rest + auth_len > end)
        auth_len = (size_t)(end - rest);
    const char *at = NULL;
    for (size_t i = 0; i < auth_len; i++)
        if (rest[i] == '@')
            at = rest + i;
    const char *host = at ? at + 1 : rest;
    const char *auth_end = rest + auth_len;
    const char *host_end = host;
    if (*host == '[') {
        const char *close = memchr(host, ']', (size_t)(auth_end - host));
        host_end = close ? close + 1 : auth_end;
    } else {
        while (host_end < auth_end && *host_end != ':')
            host_end++;
    }
    size_t hlen = (size_t)(host_end - host);
    char lhost[256];
    if (hlen == 0 || hlen >= sizeof lhost || !host_is_literal(host, hlen))
        return 0;
    for (size_t i = 0; i < hlen; i++)
        lhost[i] = lower(host[i]);
    if (host_is_nowhere(lhost, hlen))
        return 0;
    for (const char *const *p = nowhere_prefixes; *p; p++)
        if (starts_nocase(rest, *p))
            return 0;
    const char *query = memchr(auth_end, '?', (size_t)(end - auth_end));
    buf b;
    buf_init(&b);
    put_masked_url(&b, s, rest, at, query, end);
    *shown = shown_copy(a, &b);
    buf_free(&b);
    return 1;
}

/* --------------------------------------------------------------- webhooks */

/* Each service's fixed prefix; what follows it is the secret. */
static const char *const webhook_prefixes[] = {
    "hooks.slack.com/services/", "hooks.slack.com/workflows/", "hooks.slack.com/triggers/",
    "discord.com/api/webhooks/", "discordapp.com/api/webhooks/",
    "canary.discord.com/api/webhooks/", "ptb.discord.com/api/webhooks/",
    "api.telegram.org/bot", "outlook.office.com/webhook/", ".webhook.office.com/", NULL};

/* Every prefix above holds "com/" or "org/" (any case): one pass over the
 * string rules most constants out before ten substring searches. */
static int may_hold_webhook(const char *s)
{
    for (; s[0] && s[1] && s[2] && s[3]; s++)
        if (s[3] == '/' && (((s[0] | 0x20) == 'c' && (s[1] | 0x20) == 'o' && (s[2] | 0x20) == 'm') ||
                            ((s[0] | 0x20) == 'o' && (s[1] | 0x20) == 'r' && (s[2] | 0x20) == 'g')))
            return 1;
    return 0;
}

int egress_webhook(arena *a, const char *s, const char **shown)
{
    if (!may_hold_webhook(s))
        return 0;
    for (const char *const *p = webhook_prefixes; *p; p++) {
        const char *hit = strcasestr(s, *p); /* glibc's is linear */
        if (!hit)
            continue;
        const char *start = hit;
        while (start > s && !is_blank(start[-1]))
            start--;
        const char *after = hit + strlen(*p);
        buf b;
        buf_init(&b);
        buf_put(&b, start, (size_t)(after - start));
        if (*after && !is_blank(*after))
            buf_puts(&b, "****");
        *shown = shown_copy(a, &b);
        buf_free(&b);
        return 1;
    }
    return 0;
}
