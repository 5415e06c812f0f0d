/* pypi_http.c - one bounded HTTP GET into memory. Redirects are followed
 * by hand, so that each target is checked by pypi_url_allowed before a
 * connection is made (libcurl's own redirect filter knows schemes, not
 * "plain http only to the loopback"). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "pypi/pypi.h"

enum { MAX_REDIRECTS = 5 };

typedef struct sink {
    char *data;
    size_t len, cap, max;
    bool too_large, no_memory;
} sink;

static size_t write_cb(char *data, size_t size, size_t n, void *user)
{
    sink *s = user;
    size_t len = size * n;
    if (len > s->max - s->len) {
        s->too_large = true;
        return 0; /* aborts the transfer */
    }
    if (s->len + len + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 16384;
        while (cap < s->len + len + 1)
            cap *= 2;
        char *p = realloc(s->data, cap);
        if (!p) {
            s->no_memory = true;
            return 0;
        }
        s->data = p;
        s->cap = cap;
    }
    memcpy(s->data + s->len, data, len);
    s->len += len;
    s->data[s->len] = '\0';
    return len;
}

static void set_options(CURL *c, const char *url, const pypi_limits *lim, sink *s, char *cerr)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, lim->connect_timeout ? lim->connect_timeout : 30L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, lim->timeout ? lim->timeout : 300L);
    /* A Content-Length above the limit ends the transfer before the body. */
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim->max_bytes);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "krait/" KRAIT_VERSION);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
}

static int fail(char *err, size_t errlen, const char *fmt, const char *url, const char *why)
{
    char shown[1024];
    pypi_url_redact(url, shown, sizeof shown);
    snprintf(err, errlen, fmt, shown, why);
    return -1;
}

/* One request, no redirect followed; *location is the target of a 3xx
 * (malloc'd) or NULL. */
static int get_once(const char *url, const pypi_limits *lim, sink *s, long *status,
                    char **location, char *err, size_t errlen)
{
    *location = NULL;
    CURL *c = curl_easy_init();
    if (!c)
        return fail(err, errlen, "%s: %s", url, "cannot start libcurl");
    char cerr[CURL_ERROR_SIZE] = "";
    set_options(c, url, lim, s, cerr);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
    char *loc = NULL;
    if (rc == CURLE_OK && *status >= 300 && *status < 400 &&
        curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc)
        *location = strdup(loc);
    curl_easy_cleanup(c);
    if (s->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
        char why[64];
        snprintf(why, sizeof why, "%zu", s->max);
        return fail(err, errlen, "%s: more than %s bytes: refused", url, why);
    }
    if (s->no_memory)
        return fail(err, errlen, "%s: %s", url, "out of memory");
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return fail(err, errlen, "%s: timed out (%s)", url, cerr[0] ? cerr : "no answer");
    if (rc == CURLE_PARTIAL_FILE)
        return fail(err, errlen, "%s: truncated download (%s)", url, cerr);
    if (rc != CURLE_OK)
        return fail(err, errlen, "%s: %s", url, cerr[0] ? cerr : curl_easy_strerror(rc));
    return 0;
}

static int check_status(const char *url, long status, char *err, size_t errlen)
{
    if (status >= 200 && status < 300)
        return 0;
    char why[64];
    snprintf(why, sizeof why, "HTTP status %ld", status);
    return fail(err, errlen, "%s: %s", url, why);
}

int pypi_http_get(const char *url, const pypi_limits *lim, char **data, size_t *len,
                  long *status, char *err, size_t errlen)
{
    *data = NULL;
    *len = 0;
    *status = 0;
    char *current = strdup(url);
    sink s = {0};
    int rc = -1;
    for (int hop = 0; current; hop++) {
        if (!pypi_url_allowed(current)) {
            fail(err, errlen, "%s: %s", current,
                 hop ? "redirected to a URL krait does not follow (only https, or plain http "
                       "to the loopback)"
                     : "only https:// URLs are fetched (plain http only to the loopback)");
            break;
        }
        if (hop > MAX_REDIRECTS) {
            fail(err, errlen, "%s: %s", url, "too many redirects");
            break;
        }
        free(s.data);
        memset(&s, 0, sizeof s);
        s.max = lim->max_bytes;
        char *next;
        if (get_once(current, lim, &s, status, &next, err, errlen) != 0)
            break;
        if (next) {
            free(current);
            current = next;
            continue;
        }
        rc = check_status(current, *status, err, errlen);
        break;
    }
    free(current);
    if (rc == 0 && lim->exact_size >= 0 && (long long)s.len != lim->exact_size) {
        char why[96];
        snprintf(why, sizeof why, "%zu bytes where the index announced %lld", s.len,
                 lim->exact_size);
        rc = fail(err, errlen, "%s: %s", url, why);
    }
    if (rc == 0 && !s.data)
        s.data = calloc(1, 1);
    if (rc != 0) {
        free(s.data);
        return -1;
    }
    *data = s.data;
    *len = s.len;
    return 0;
}
