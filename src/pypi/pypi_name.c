/* pypi_name.c - the `pypi:NAME[==VERSION]` argument and the index URL:
 * everything that ends up in a URL is validated here first. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "deps/pep440.h"
#include "pypi/pypi.h"

bool pypi_is_request(const char *arg)
{
    return strncmp(arg, PYPI_PREFIX, strlen(PYPI_PREFIX)) == 0;
}

static int fail(char *err, size_t errlen, const char *what, const char *arg, const char *why)
{
    snprintf(err, errlen, "%s: %s%s", arg, what, why);
    return -1;
}

int pypi_parse_request(arena *a, const char *arg, pypi_request *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    const char *spec = arg + strlen(PYPI_PREFIX);
    const char *eq = strstr(spec, "==");
    size_t nlen = eq ? (size_t)(eq - spec) : strlen(spec);
    if (nlen == 0)
        return fail(err, errlen, "", arg, "no project name (write pypi:NAME or pypi:NAME==VERSION)");
    if (!pep508_name_valid(spec, nlen))
        return fail(err, errlen, "", arg,
                    "not a valid project name (letters, digits, '-', '_' and '.'; a version is "
                    "given as pypi:NAME==VERSION, nothing else)");
    r->name = arena_strndup(a, spec, nlen);
    r->key = pep503_normalize(a, spec, nlen);
    if (!eq)
        return 0;
    const char *ver = eq + 2;
    if (*ver == '=')
        return fail(err, errlen, "", arg, "=== is not supported: give a PEP 440 version with ==");
    pep440_error perr;
    const pep440_version *v = pep440_parse(a, ver, strlen(ver), &perr);
    /* pep440_parse accepts surrounding spaces and "1.0.*" is no version:
     * neither belongs in a URL. */
    if (!v || strpbrk(ver, " \t*") || !*ver)
        return fail(err, errlen, "not a PEP 440 version: ", arg,
                    v ? "no spaces or wildcards" : perr.reason);
    r->version = pep440_to_string(a, v);
    return 0;
}

static bool host_is_loopback(const char *host)
{
    if (strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
        return true;
    if (strncmp(host, "127.", 4) != 0)
        return false;
    return strspn(host, "0123456789.") == strlen(host);
}

/* The scheme and host of url as libcurl parses them (lowercase scheme;
 * "" for a URL without host, file:///x). False when libcurl cannot parse
 * it, or the parts do not fit. *extra: it has a query or fragment. */
typedef struct url_info {
    char scheme[16];
    char host[256];
    char url[2048]; /* as libcurl normalises it ("http:/h" -> "http://h/") */
    bool extra;
} url_info;

static bool copy_part(CURLU *u, CURLUPart part, char *out, size_t size)
{
    char *v = NULL;
    out[0] = '\0';
    if (curl_url_get(u, part, &v, 0) != CURLUE_OK)
        return false;
    bool fits = strlen(v) < size;
    if (fits)
        strcpy(out, v);
    curl_free(v);
    return fits;
}

static bool has_part(CURLU *u, CURLUPart part)
{
    char *v = NULL;
    bool has = curl_url_get(u, part, &v, 0) == CURLUE_OK;
    curl_free(v);
    return has;
}

static bool url_parts(const char *url, url_info *info)
{
    memset(info, 0, sizeof *info);
    CURLU *u = curl_url();
    if (!u)
        return false;
    bool ok = curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
              copy_part(u, CURLUPART_SCHEME, info->scheme, sizeof info->scheme);
    if (ok && !copy_part(u, CURLUPART_HOST, info->host, sizeof info->host) && info->host[0])
        ok = false; /* too long */
    ok = ok && copy_part(u, CURLUPART_URL, info->url, sizeof info->url);
    info->extra = ok && (has_part(u, CURLUPART_QUERY) || has_part(u, CURLUPART_FRAGMENT));
    curl_url_cleanup(u);
    return ok;
}

bool pypi_url_allowed(const char *url)
{
    url_info i;
    if (!url_parts(url, &i))
        return false;
    return strcmp(i.scheme, "https") == 0 ||
           (strcmp(i.scheme, "http") == 0 && host_is_loopback(i.host));
}

void pypi_clean_text(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            *p = '?';
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            p[0] = '?';
            p[1] = '?';
            p++;
        }
    }
}

void pypi_url_redact(const char *url, char *out, size_t size)
{
    CURLU *u = curl_url();
    char *clean = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
        (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD))) {
        curl_url_set(u, CURLUPART_USER, NULL, 0);
        curl_url_set(u, CURLUPART_PASSWORD, NULL, 0);
        if (curl_url_get(u, CURLUPART_URL, &clean, 0) != CURLUE_OK)
            clean = NULL;
    }
    snprintf(out, size, "%s", clean ? clean : url);
    curl_free(clean);
    pypi_clean_text(out);
    curl_url_cleanup(u);
}

static bool strip_suffix(char *s, size_t *n, const char *suffix)
{
    size_t k = strlen(suffix);
    if (*n < k || strncmp(s + *n - k, suffix, k) != 0)
        return false;
    *n -= k;
    s[*n] = '\0';
    return true;
}

static void strip_slashes(char *s, size_t *n)
{
    while (*n > 0 && s[*n - 1] == '/')
        s[--*n] = '\0';
}

const char *pypi_api_base(arena *a, const char *index_url, char *err, size_t errlen)
{
    char shown[1024];
    pypi_url_redact(index_url, shown, sizeof shown);
    url_info i;
    if (!url_parts(index_url, &i)) {
        snprintf(err, errlen, "index URL '%s': not a URL", shown);
        return NULL;
    }
    bool http = strcmp(i.scheme, "http") == 0, https = strcmp(i.scheme, "https") == 0;
    if (!https && !(http && host_is_loopback(i.host))) {
        snprintf(err, errlen,
                 "index URL '%s': only https:// is accepted (plain http only to the loopback)",
                 shown);
        return NULL;
    }
    /* An empty "?" or "#" is no query for libcurl, but still one in text. */
    if (i.extra || strpbrk(index_url, "?#")) {
        snprintf(err, errlen, "index URL '%s': a query or fragment has no place here", shown);
        return NULL;
    }
    size_t n = strlen(i.url);
    char *s = arena_strndup(a, i.url, n);
    strip_slashes(s, &n);
    if (!strip_suffix(s, &n, "/+simple"))
        strip_suffix(s, &n, "/simple");
    strip_slashes(s, &n);
    return s;
}
