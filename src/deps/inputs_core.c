/* inputs_core.c - the dependency set: records, errors and notes, reading
 * a declaration file whole, and what every reader does with a parsed
 * requirement (derive the key, the specifier set, the pinned version and
 * whether it can be audited). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "deps/inputs_int.h"

static const char *const kind_names[DEPS_KIND_COUNT] = {
    [DEPS_REQUIREMENTS] = "requirements",
    [DEPS_CONSTRAINTS] = "constraints",
    [DEPS_PYPROJECT] = "pyproject",
    [DEPS_PYPROJECT_EXTRA] = "pyproject-optional",
    [DEPS_POETRY] = "poetry",
    [DEPS_DEPENDENCY_GROUP] = "dependency-group",
    [DEPS_UV_LOCK] = "uv.lock",
    [DEPS_POETRY_LOCK] = "poetry.lock",
    [DEPS_PIPFILE_LOCK] = "Pipfile.lock",
    [DEPS_PDM_LOCK] = "pdm.lock",
    [DEPS_PYLOCK] = "pylock.toml",
    [DEPS_SITE_PACKAGES] = "site-packages",
    [DEPS_IMPORTS] = "imports",
    [DEPS_SETUP_CFG] = "setup.cfg",
    [DEPS_SETUP_PY] = "setup.py",
    [DEPS_METADATA] = "metadata",
};

const char *deps_kind_name(deps_kind k)
{
    return (unsigned)k < DEPS_KIND_COUNT ? kind_names[k] : "unknown";
}

deps_set *deps_set_new(void)
{
    deps_set *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->a = arena_new();
    return s;
}

void deps_set_free(deps_set *s)
{
    if (!s)
        return;
    free(s->records);
    free(s->errors);
    free(s->notes);
    free(s->seen);
    arena_free(s->a);
    free(s);
}

/* Grow a malloc'd array of `size`-byte items to hold one more. */
static void *grow(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(items, ncap * size);
    if (!p)
        abort();
    *cap = ncap;
    return p;
}

deps_record *deps_add(deps_set *s, const char *path, int line, deps_kind kind)
{
    s->records = grow(s->records, s->n, &s->cap, sizeof *s->records);
    deps_record *r = &s->records[s->n++];
    memset(r, 0, sizeof *r);
    r->path = path;
    r->line = line;
    r->kind = kind;
    r->specifier = "";
    return r;
}

static void add_message(deps_set *s, deps_error **items, size_t *n, size_t *cap,
                        const char *path, int line, const char *fmt, va_list ap)
{
    char tmp[512];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    *items = grow(*items, *n, cap, sizeof **items);
    (*items)[(*n)++] = (deps_error){deps_strdup(s, path), line, deps_strdup(s, tmp)};
}

void deps_error_at(deps_set *s, const char *path, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_message(s, &s->errors, &s->nerrors, &s->errcap, path, line, fmt, ap);
    va_end(ap);
}

void deps_note_at(deps_set *s, const char *path, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_message(s, &s->notes, &s->nnotes, &s->notecap, path, line, fmt, ap);
    va_end(ap);
}

const char *deps_strndup(deps_set *s, const char *text, size_t len)
{
    return arena_strndup(s->a, text, len);
}

const char *deps_strdup(deps_set *s, const char *text)
{
    return arena_strndup(s->a, text, strlen(text));
}

const char *deps_join_path(deps_set *s, const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    char *p = arena_alloc_raw(s->a, dl + nl + 2);
    memcpy(p, dir, dl);
    size_t at = dl;
    if (dl && dir[dl - 1] != '/')
        p[at++] = '/';
    memcpy(p + at, name, nl + 1);
    return p;
}

const char *deps_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool deps_seen(deps_set *s, const char *path)
{
    char real[PATH_MAX];
    const char *key = realpath(path, real) ? real : path;
    for (size_t i = 0; i < s->nseen; i++)
        if (strcmp(s->seen[i], key) == 0)
            return true;
    s->seen = grow(s->seen, s->nseen, &s->seencap, sizeof *s->seen);
    s->seen[s->nseen++] = deps_strdup(s, key);
    return false;
}

char *deps_slurp(deps_set *s, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        deps_error_at(s, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        deps_error_at(s, path, 0, "not a regular file");
        fclose(f);
        return NULL;
    }
    if (st.st_size > DEPS_MAX_FILE) {
        deps_error_at(s, path, 0, "file too large (%lld bytes, limit %d)",
                      (long long)st.st_size, (int)DEPS_MAX_FILE);
        fclose(f);
        return NULL;
    }
    char *data = arena_alloc_raw(s->a, (size_t)st.st_size + 1);
    size_t got = fread(data, 1, (size_t)st.st_size, f);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        deps_error_at(s, path, 0, "read error");
        return NULL;
    }
    data[got] = '\0';
    *len = got;
    return data;
}

void deps_set_version(deps_set *s, deps_record *r, const char *version)
{
    r->version = version;
    r->pinned = pep440_parse(s->a, version, strlen(version), NULL);
    if (!r->pinned && !r->unauditable)
        r->unauditable = "legacy version (not PEP 440)";
}

/* The exact version a specifier set pins: one ==X (no wildcard) or ===X. */
static const pep440_spec *pinning_spec(const pep440_specset *set)
{
    for (size_t i = 0; i < set->n; i++) {
        const pep440_spec *sp = &set->specs[i];
        if ((sp->op == PEP440_OP_EQ && !sp->wildcard) || sp->op == PEP440_OP_ARBITRARY)
            return sp;
    }
    return NULL;
}

void deps_finish(deps_set *s, deps_record *r)
{
    if (r->name && !r->key && pep508_name_valid(r->name, strlen(r->name)))
        r->key = pep503_normalize(s->a, r->name, strlen(r->name));
    if (r->url && !r->unauditable)
        r->unauditable = "URL requirement";
    if (!r->specifier || !*r->specifier)
        return;
    pep440_error err;
    r->specset = pep440_specset_parse(s->a, r->specifier, strlen(r->specifier), &err);
    if (!r->specset) {
        deps_error_at(s, r->path, r->line, "%s: invalid version specifier '%s': %s",
                      r->name ? r->name : "?", r->specifier, err.reason);
        if (!r->unauditable)
            r->unauditable = "invalid version specifier";
        return;
    }
    const pep440_spec *pin = pinning_spec(r->specset);
    if (pin && !r->version) {
        r->version = deps_strndup(s, pin->text, pin->len);
        r->pinned = pin->version;
        if (!r->pinned && !r->unauditable)
            r->unauditable = "legacy version (not PEP 440)";
    }
}

void deps_fill_from_req(deps_set *s, deps_record *r, const pep508_req *q)
{
    r->name = q->name;
    r->extras = q->extras;
    r->nextras = q->nextras;
    r->specifier = q->specifier;
    r->marker = q->marker;
    r->marker_written = q->marker_written;
    r->url = q->url;
    deps_finish(s, r);
}

void deps_set_marker(deps_set *s, deps_record *r, const char *text)
{
    buf b;
    buf_init(&b);
    buf_printf(&b, "x; %s", text);
    const char *msg = NULL;
    const pep508_req *q = pep508_parse(s->a, b.data, b.len, &msg, NULL);
    buf_free(&b);
    r->marker_written = text;
    if (q) {
        r->marker = q->marker;
        return;
    }
    r->marker = text;
    deps_error_at(s, r->path, r->line, "%s: invalid environment marker '%s': %s",
                  r->name ? r->name : r->url ? r->url : "?", text, msg);
}

void deps_add_import(deps_set *s, const char *distribution, const char *module,
                     const char *path, int line)
{
    deps_record *r = deps_add(s, deps_strdup(s, path), line, DEPS_IMPORTS);
    r->name = deps_strdup(s, distribution);
    r->key = pep508_name_valid(distribution, strlen(distribution))
                 ? pep503_normalize(s->a, distribution, strlen(distribution))
                 : NULL;
    r->specifier = "";
    r->group = deps_strdup(s, module);
    deps_finish(s, r);
}
