/* inputs_locks.c - the TOML lock files: uv.lock and pdm.lock and
 * poetry.lock ([[package]] name/version), pylock.toml (PEP 751,
 * [[packages]]). Each package is one record with its exact version and the
 * line of its [[package]] header. A package that comes from a VCS, a local
 * directory or an editable/virtual source (the project itself) is kept as
 * unauditable: its version, if any, is not a release on the index. */
#include <string.h>
#include <strings.h>

#include "deps/inputs_int.h"
#include "deps/toml.h"

bool deps_lock_kind(const char *path, deps_kind *kind)
{
    const char *b = deps_base_name(path);
    size_t n = strlen(b);
    if (strcmp(b, "uv.lock") == 0)
        *kind = DEPS_UV_LOCK;
    else if (strcmp(b, "poetry.lock") == 0)
        *kind = DEPS_POETRY_LOCK;
    else if (strcmp(b, "pdm.lock") == 0)
        *kind = DEPS_PDM_LOCK;
    else if (strcmp(b, "Pipfile.lock") == 0)
        *kind = DEPS_PIPFILE_LOCK;
    else if (strcmp(b, "pylock.toml") == 0 ||
             (n > 12 && strncmp(b, "pylock.", 7) == 0 && strcmp(b + n - 5, ".toml") == 0))
        *kind = DEPS_PYLOCK;
    else
        return false;
    return true;
}

/* Which source makes the package unauditable, per format. */
static const char *uv_source(const toml_value *pkg)
{
    const toml_value *src = toml_get(pkg, "source");
    if (toml_get(src, "git"))
        return "VCS requirement";
    if (toml_get(src, "editable") || toml_get(src, "virtual"))
        return "the project itself (editable or virtual source)";
    if (toml_get(src, "path") || toml_get(src, "directory"))
        return "local path requirement";
    if (toml_get(src, "url"))
        return "URL requirement";
    return NULL;
}

static const char *poetry_source(const toml_value *pkg)
{
    const char *type = toml_as_string(toml_get_path(pkg, "source.type"), NULL);
    if (!type || strcmp(type, "legacy") == 0)
        return NULL; /* PyPI or a private index: a release */
    if (strcmp(type, "git") == 0)
        return "VCS requirement";
    if (strcmp(type, "directory") == 0 || strcmp(type, "file") == 0)
        return "local path requirement";
    return "URL requirement";
}

static const char *pdm_source(const toml_value *pkg)
{
    if (toml_get(pkg, "git"))
        return "VCS requirement";
    if (toml_get(pkg, "editable"))
        return "editable requirement";
    if (toml_get(pkg, "path"))
        return "local path requirement";
    if (toml_get(pkg, "url"))
        return "URL requirement";
    return NULL;
}

static const char *pylock_source(const toml_value *pkg)
{
    if (toml_get(pkg, "vcs"))
        return "VCS requirement";
    if (toml_get(pkg, "directory"))
        return "local path requirement";
    if (toml_get(pkg, "archive"))
        return "URL requirement";
    return NULL;
}

static bool has_hashes(deps_kind kind, const toml_value *pkg)
{
    switch (kind) {
    case DEPS_UV_LOCK:
        return toml_get_path(pkg, "sdist.hash") || toml_len(toml_get(pkg, "wheels"));
    case DEPS_POETRY_LOCK:
    case DEPS_PDM_LOCK:
        return toml_len(toml_get(pkg, "files")) > 0;
    case DEPS_PYLOCK:
        return toml_get_path(pkg, "sdist.hashes") || toml_len(toml_get(pkg, "wheels")) ||
               toml_get_path(pkg, "archive.hashes");
    default:
        return false;
    }
}

static const char *group_of(deps_kind kind, const toml_value *pkg)
{
    if (kind == DEPS_POETRY_LOCK) /* poetry < 1.5 wrote a category */
        return toml_as_string(toml_get(pkg, "category"), NULL);
    if (kind == DEPS_PDM_LOCK) {
        const toml_value *g = toml_get(pkg, "groups");
        return toml_len(g) == 1 ? toml_as_string(toml_at(g, 0), NULL) : NULL;
    }
    return NULL;
}

static const char *source_of(deps_kind kind, const toml_value *pkg)
{
    switch (kind) {
    case DEPS_UV_LOCK:
        return uv_source(pkg);
    case DEPS_POETRY_LOCK:
        return poetry_source(pkg);
    case DEPS_PDM_LOCK:
        return pdm_source(pkg);
    default:
        return pylock_source(pkg);
    }
}

static size_t read_package(deps_set *s, const char *path, deps_kind kind, const toml_value *pkg)
{
    int line = toml_line(pkg);
    if (toml_type_of(pkg) != TOML_TABLE) {
        deps_error_at(s, path, line, "a package entry must be a table");
        return 0;
    }
    const char *name = toml_as_string(toml_get(pkg, "name"), NULL);
    if (!name) {
        deps_error_at(s, path, line, toml_get(pkg, "name") ? "package name is not a string"
                                                           : "package without a name");
        return 0;
    }
    deps_record *r = deps_add(s, path, line, kind);
    r->name = name;
    r->group = group_of(kind, pkg);
    r->hashes = has_hashes(kind, pkg);
    r->unauditable = source_of(kind, pkg);
    if (kind == DEPS_PYLOCK) {
        const char *m = toml_as_string(toml_get(pkg, "marker"), NULL);
        if (m)
            deps_set_marker(s, r, m);
    }
    deps_finish(s, r);
    if (!r->key)
        deps_error_at(s, path, line, "'%s' is not a valid package name", name);
    const char *version = toml_as_string(toml_get(pkg, "version"), NULL);
    if (version)
        deps_set_version(s, r, version);
    else if (!r->unauditable)
        r->unauditable = "no version in the lock file";
    return 1;
}

size_t deps_read_lock(deps_set *s, const char *path)
{
    deps_kind kind;
    if (!deps_lock_kind(path, &kind)) {
        deps_error_at(s, path, 0, "not a known lock file name");
        return 0;
    }
    size_t len;
    const char *text = deps_slurp(s, path, &len);
    return text ? deps_read_lock_text(s, path, text, len) : 0;
}

size_t deps_read_lock_text(deps_set *s, const char *path, const char *text, size_t len)
{
    deps_kind kind;
    if (!deps_lock_kind(path, &kind)) {
        deps_error_at(s, path, 0, "not a known lock file name");
        return 0;
    }
    path = deps_strdup(s, path);
    if (kind == DEPS_PIPFILE_LOCK)
        return deps_read_pipfile_text(s, path, text, len);
    toml_error err;
    const toml_value *root = toml_parse(s->a, text, len, &err);
    if (!root) {
        deps_error_at(s, path, err.line, "TOML: %s (column %d)", err.message, err.column);
        return 0;
    }
    const char *key = kind == DEPS_PYLOCK ? "packages" : "package";
    const toml_value *pkgs = toml_get(root, key);
    if (pkgs && toml_type_of(pkgs) != TOML_ARRAY) {
        deps_error_at(s, path, toml_line(pkgs), "'%s' must be an array of tables", key);
        return 0;
    }
    size_t added = 0;
    for (size_t i = 0; i < toml_len(pkgs); i++)
        added += read_package(s, path, kind, toml_at(pkgs, i));
    return added;
}
