/* fuzz_pypi.c - libFuzzer target: any bytes as a PyPI JSON API document
 * (src/pypi/pypi_index.c), as a `pypi:` argument and as an index URL
 * (pypi_name.c), checking what the API promises: a parsed release has a
 * name and version; every text it holds is free of terminal controls; a
 * digest is 64 lowercase hex digits or absent; the chosen file is an sdist
 * or a .whl wheel of the release; a parsed request has a PEP 503 key and
 * nothing that could change a URL's meaning; an accepted index URL gives
 * a base without a trailing '/'. A crash, leak, hang, sanitizer report or
 * broken promise is a bug; a refusal is just an answer. No network: only
 * the parsers are fuzzed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "pypi/pypi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

static void check_text(const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        check(*p >= 0x20 && *p != 0x7f && !(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f));
}

static void check_release(const pypi_release *r)
{
    check(r->name && *r->name && r->version && *r->version);
    check_text(r->name);
    check_text(r->version);
    for (size_t i = 0; i < r->nrequires; i++)
        check_text(r->requires_dist[i]);
    for (size_t i = 0; i < r->nfiles; i++) {
        const pypi_file *f = &r->files[i];
        check(f->filename && f->url && f->packagetype);
        check_text(f->filename);
        check_text(f->url);
        check_text(f->yanked_reason);
        check_text(f->upload_time);
        check(!f->sha256 || (strlen(f->sha256) == 64 &&
                             strspn(f->sha256, "0123456789abcdef") == 64));
    }
    char err[256];
    const pypi_file *f = pypi_choose_file(r, err, sizeof err);
    if (f) {
        check(f >= r->files && f < r->files + r->nfiles);
        size_t n = strlen(f->filename);
        check(strcmp(f->packagetype, "sdist") == 0 ||
              (strcmp(f->packagetype, "bdist_wheel") == 0 && n >= 4 &&
               strcmp(f->filename + n - 4, ".whl") == 0));
    }
}

static void check_request(arena *a, const char *text)
{
    pypi_request r;
    char err[256];
    if (pypi_parse_request(a, text, &r, err, sizeof err) != 0)
        return;
    check(r.key && *r.key && !strpbrk(r.key, "/?#%@:\\ \t\r\n"));
    check(!r.version || (*r.version && !strpbrk(r.version, "/?#%@:\\ \t\r\n*")));
}

static void check_index(arena *a, const char *text)
{
    char err[256];
    const char *base = pypi_api_base(a, text, err, sizeof err);
    if (base) {
        size_t n = strlen(base);
        check(n > 0 && base[n - 1] != '/' && !strchr(base, '?') && !strchr(base, '#'));
    }
    (void)pypi_url_allowed(text);
    char shown[256];
    pypi_url_redact(text, shown, sizeof shown);
    check_text(shown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    pypi_release r;
    char err[256];
    if (pypi_release_parse(a, (const char *)data, size, &r, err, sizeof err) == 0)
        check_release(&r);
    /* The same bytes as a command-line argument and an index URL. */
    char *text = malloc(size + sizeof PYPI_PREFIX);
    memcpy(text, PYPI_PREFIX, sizeof PYPI_PREFIX - 1);
    memcpy(text + sizeof PYPI_PREFIX - 1, data, size);
    text[size + sizeof PYPI_PREFIX - 1] = '\0';
    check_request(a, text);
    check_index(a, text + sizeof PYPI_PREFIX - 1);
    free(text);
    arena_free(a);
    return 0;
}
