/* pypi.c - `pypi:NAME[==VERSION]`: the JSON document, the checks that it
 * answers the question asked, the choice of a file, its download and the
 * digest check; only then does a byte of it reach the caller. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "base/buf.h"
#include "deps/pep440.h"
#include "pypi/pypi.h"

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *index_url(const pypi_options *o)
{
    if (o->index_url)
        return o->index_url;
    const char *env = getenv("PIP_INDEX_URL");
    return env && *env ? env : PYPI_DEFAULT_INDEX;
}

static long timeout_seconds(const pypi_options *o)
{
    if (o->timeout > 0)
        return o->timeout;
    const char *env = getenv("KRAIT_PYPI_TIMEOUT");
    long t = env ? strtol(env, NULL, 10) : 0;
    return t > 0 ? t : 300;
}

static const char *json_url(arena *a, const char *base, const pypi_request *r)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, base);
    buf_puts(&b, "/pypi/");
    buf_puts(&b, r->key);
    if (r->version) {
        buf_putc(&b, '/');
        buf_puts(&b, r->version);
    }
    buf_puts(&b, "/json");
    const char *s = arena_strndup(a, b.data, b.len);
    buf_free(&b);
    return s;
}

typedef struct fetch_ctx {
    arena *a;
    const char *arg, *base;
    pypi_request req;
    long timeout;
} fetch_ctx;

/* A 404 for NAME/VERSION: is it the version or the whole project? */
static int explain_404(fetch_ctx *c, char *err, size_t errlen)
{
    if (c->req.version) {
        pypi_request project = c->req;
        project.version = NULL;
        pypi_limits lim = {c->timeout, 0, PYPI_MAX_JSON, -1};
        char *data, why[256];
        size_t len;
        long status;
        if (pypi_http_get(json_url(c->a, c->base, &project), &lim, &data, &len, &status, why,
                          sizeof why) == 0) {
            pypi_release rel;
            int ok = pypi_release_parse(c->a, data, len, &rel, why, sizeof why) == 0;
            free(data);
            if (ok)
                return fail(err, errlen, "%s: %s has no release %s (the latest is %s)", c->arg,
                            rel.name, c->req.version, rel.version);
        }
    }
    char shown[1024];
    pypi_url_redact(c->base, shown, sizeof shown);
    return fail(err, errlen,
                "%s: no project '%s' on %s (HTTP 404; an index without PyPI's JSON API "
                "answers the same)",
                c->arg, c->req.key, shown);
}

static int get_release(fetch_ctx *c, pypi_release *rel, char *err, size_t errlen)
{
    pypi_limits lim = {c->timeout, 0, PYPI_MAX_JSON, -1};
    char *data;
    size_t len;
    long status;
    char why[512];
    if (pypi_http_get(json_url(c->a, c->base, &c->req), &lim, &data, &len, &status, why,
                      sizeof why) != 0)
        return status == 404 ? explain_404(c, err, errlen)
                             : fail(err, errlen, "%s: %s", c->arg, why);
    int rc = pypi_release_parse(c->a, data, len, rel, why, sizeof why);
    free(data);
    if (rc != 0)
        return fail(err, errlen, "%s: %s", c->arg, why);
    return 0;
}

/* The index must answer for the project and version asked about. */
static int check_release(fetch_ctx *c, const pypi_release *rel, char *err, size_t errlen)
{
    const char *key = pep503_normalize(c->a, rel->name, strlen(rel->name));
    if (strcmp(key, c->req.key) != 0)
        return fail(err, errlen, "%s: the index answered for another project ('%s')", c->arg,
                    rel->name);
    pep440_error perr;
    const pep440_version *got = pep440_parse(c->a, rel->version, strlen(rel->version), &perr);
    if (!got)
        return fail(err, errlen, "%s: the index's version '%s' is not a PEP 440 version",
                    c->arg, rel->version);
    if (c->req.version) {
        const pep440_version *want =
            pep440_parse(c->a, c->req.version, strlen(c->req.version), &perr);
        if (!want || pep440_compare(got, want) != 0)
            return fail(err, errlen, "%s: the index answered for version %s", c->arg,
                        rel->version);
    }
    return 0;
}

static bool safe_filename(const char *name)
{
    if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '\\' || *p == '!')
            return false;
    return true;
}

static int check_file(fetch_ctx *c, const pypi_release *rel, const pypi_file *f,
                      pypi_package *out, char *err, size_t errlen)
{
    if (f->yanked && !out->pinned)
        return fail(err, errlen,
                    "%s: %s %s is yanked%s%s%s: name the version (pypi:%s==%s) to audit it "
                    "anyway",
                    c->arg, rel->name, rel->version, f->yanked_reason ? " (" : "",
                    f->yanked_reason ? f->yanked_reason : "", f->yanked_reason ? ")" : "",
                    rel->name, rel->version);
    if (f->yanked) {
        const char *r = f->yanked_reason ? f->yanked_reason : "no reason given";
        size_t n = strlen(r) + 64;
        char *note = arena_alloc(c->a, n);
        snprintf(note, n, "yanked release (%s), audited because the version was named", r);
        out->note = note;
    }
    if (!safe_filename(f->filename))
        return fail(err, errlen, "%s: the index gives an unsafe file name", c->arg);
    if (!f->sha256)
        return fail(err, errlen, "%s: %s has no sha256 digest in the index: refused", c->arg,
                    f->filename);
    if (f->size > PYPI_MAX_ARCHIVE)
        return fail(err, errlen, "%s: %s is %lld bytes, more than krait's limit of %d: refused",
                    c->arg, f->filename, f->size, PYPI_MAX_ARCHIVE);
    return 0;
}

static int download(fetch_ctx *c, const pypi_file *f, pypi_package *out, char *err,
                    size_t errlen)
{
    pypi_limits lim = {c->timeout, 0, f->size >= 0 ? (size_t)f->size : PYPI_MAX_ARCHIVE,
                       f->size};
    char *data, why[512], hex[65];
    size_t len;
    long status;
    if (pypi_http_get(f->url, &lim, &data, &len, &status, why, sizeof why) != 0)
        return fail(err, errlen, "%s: %s: %s", c->arg, f->filename, why);
    if (pypi_sha256_hex(data, len, hex) != 0) {
        free(data);
        return fail(err, errlen, "%s: cannot compute a sha256 digest", c->arg);
    }
    if (strcmp(hex, f->sha256) != 0) {
        free(data);
        return fail(err, errlen, "%s: %s: sha256 mismatch (the index says %s, the download is %s): refused",
                    c->arg, f->filename, f->sha256, hex);
    }
    out->data = (unsigned char *)data;
    out->len = len;
    return 0;
}

static int resolve(fetch_ctx *c, const pypi_options *o, pypi_package *out, char *err,
                   size_t errlen)
{
    pypi_release *rel = arena_alloc(c->a, sizeof *rel);
    if (get_release(c, rel, err, errlen) != 0 || check_release(c, rel, err, errlen) != 0)
        return -1;
    out->release = rel;
    out->name = rel->name;
    out->version = rel->version;
    size_t n = strlen(rel->name) + strlen(rel->version) + 8;
    char *spec = arena_alloc(c->a, n);
    snprintf(spec, n, PYPI_PREFIX "%s==%s", rel->name, rel->version);
    out->spec = spec;
    char why[256];
    const pypi_file *f = pypi_choose_file(rel, why, sizeof why);
    if (!f)
        return o->download ? fail(err, errlen, "%s: %s", c->arg, why) : 0;
    if (check_file(c, rel, f, out, err, errlen) != 0)
        return -1;
    out->file = f;
    return o->download ? download(c, f, out, err, errlen) : 0;
}

int pypi_fetch(arena *a, const pypi_options *o, const char *arg, pypi_package *out, char *err,
               size_t errlen)
{
    memset(out, 0, sizeof *out);
    fetch_ctx c = {.a = a, .arg = arg, .timeout = timeout_seconds(o)};
    if (pypi_parse_request(a, arg, &c.req, err, errlen) != 0)
        return -1;
    out->pinned = c.req.version != NULL;
    char why[512];
    c.base = pypi_api_base(a, index_url(o), why, sizeof why);
    if (!c.base)
        return fail(err, errlen, "%s: %s", arg, why);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = resolve(&c, o, out, err, errlen);
    curl_global_cleanup();
    if (rc != 0)
        pypi_package_free(out);
    return rc;
}

void pypi_package_free(pypi_package *p)
{
    free(p->data);
    p->data = NULL;
    p->len = 0;
}
