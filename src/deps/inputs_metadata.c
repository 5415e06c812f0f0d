/* inputs_metadata.c - an installed environment: every distribution's
 * metadata in a site-packages directory (*.dist-info/METADATA, legacy
 * *.egg-info/PKG-INFO directories and *.egg-info files), read as
 * importlib.metadata does: RFC 822 headers up to the first empty line,
 * names compared without case, the first Name and Version win.
 * Directories are read in sorted order so the output is deterministic. */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "deps/inputs_int.h"

/* The next header `name` from *at (a byte offset, advanced past it) up to
 * the first empty line: its value, trimmed, in (*v, *vn) and its line in
 * *line. False when there is none. Continuation lines are not joined:
 * neither Name, Version nor Requires-Dist is folded in practice. */
static bool next_header(const char *t, size_t len, size_t *at, int *lineno, const char *name,
                        const char **v, size_t *vn, int *line)
{
    size_t nl = strlen(name), i = *at;
    while (i < len) {
        size_t end = i;
        while (end < len && t[end] != '\n')
            end++;
        size_t n = end - i;
        if (n && t[i + n - 1] == '\r')
            n--;
        if (n == 0)
            return false; /* end of the headers: the body follows */
        *at = end + 1;
        (*lineno)++;
        if (n > nl && t[i + nl] == ':' && strncasecmp(t + i, name, nl) == 0) {
            *v = t + i + nl + 1;
            *vn = n - nl - 1;
            while (*vn && (**v == ' ' || **v == '\t'))
                (*v)++, (*vn)--;
            while (*vn && ((*v)[*vn - 1] == ' ' || (*v)[*vn - 1] == '\t'))
                (*vn)--;
            *line = *lineno;
            return true;
        }
        i = end + 1;
    }
    return false;
}

/* The value of header `name` (first occurrence) and its line; NULL if
 * absent. */
static const char *header(deps_set *s, const char *t, size_t len, const char *name, int *line)
{
    size_t at = 0, vn;
    int lineno = 0;
    const char *v;
    return next_header(t, len, &at, &lineno, name, &v, &vn, line) ? deps_strndup(s, v, vn)
                                                                   : NULL;
}

static size_t read_metadata(deps_set *s, const char *path)
{
    size_t len;
    const char *t = deps_slurp(s, path, &len);
    if (!t)
        return 0;
    int line = 0, vline = 0;
    const char *name = header(s, t, len, "Name", &line);
    const char *version = header(s, t, len, "Version", &vline);
    if (!name) {
        deps_error_at(s, path, 0, "metadata without a Name header");
        return 0;
    }
    deps_record *r = deps_add(s, path, line, DEPS_SITE_PACKAGES);
    r->name = name;
    deps_finish(s, r);
    if (!r->key)
        deps_error_at(s, path, line, "'%s' is not a valid package name", name);
    if (version)
        deps_set_version(s, r, version);
    else {
        r->unauditable = "no Version header";
        deps_error_at(s, path, 0, "metadata without a Version header");
    }
    return 1;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The entries of dir ending in .dist-info or .egg-info, sorted. */
static const char **metadata_entries(deps_set *s, const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    *count = 0;
    if (!d) {
        deps_error_at(s, dir, 0, "cannot open directory");
        return NULL;
    }
    size_t cap = 64;
    const char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (!has_suffix(e->d_name, ".dist-info") && !has_suffix(e->d_name, ".egg-info"))
            continue;
        if (*count == cap) {
            const char **more = realloc(names, 2 * cap * sizeof *names);
            if (!more)
                break;
            names = more, cap *= 2;
        }
        names[(*count)++] = deps_strdup(s, e->d_name);
    }
    closedir(d);
    if (!names)
        abort();
    qsort(names, *count, sizeof *names, by_name);
    return names;
}

static size_t read_site_dir(deps_set *s, const char *dir)
{
    size_t count, added = 0;
    const char **names = metadata_entries(s, dir, &count);
    for (size_t i = 0; i < count; i++) {
        const char *full = deps_join_path(s, dir, names[i]);
        if (has_suffix(names[i], ".dist-info"))
            added += read_metadata(s, deps_join_path(s, full, "METADATA"));
        else if (is_dir(full))
            added += read_metadata(s, deps_join_path(s, full, "PKG-INFO"));
        else
            added += read_metadata(s, full);
    }
    free(names);
    return added;
}

/* A virtualenv's site-packages: lib/python3.X/site-packages (sorted, all
 * of them), lib64/..., or Windows' Lib/site-packages. */
static size_t read_venv(deps_set *s, const char *root)
{
    size_t added = 0, found = 0;
    static const char *const libs[] = {"lib", "lib64"};
    for (size_t l = 0; l < 2; l++) {
        const char *lib = deps_join_path(s, root, libs[l]);
        DIR *d = opendir(lib);
        if (!d)
            continue;
        const char *py[32];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d)) && n < 32)
            if (strncmp(e->d_name, "python3", 7) == 0)
                py[n++] = deps_strdup(s, e->d_name);
        closedir(d);
        qsort(py, n, sizeof *py, by_name);
        for (size_t i = 0; i < n; i++) {
            const char *sp = deps_join_path(s, deps_join_path(s, lib, py[i]), "site-packages");
            if (is_dir(sp) && !deps_seen(s, sp))
                added += read_site_dir(s, sp), found++;
        }
    }
    const char *win = deps_join_path(s, root, "Lib/site-packages");
    if (is_dir(win) && !deps_seen(s, win))
        added += read_site_dir(s, win), found++;
    const char *b = deps_base_name(root);
    if (!found && (strcmp(b, "site-packages") == 0 || strcmp(b, "dist-packages") == 0))
        deps_note_at(s, root, 0, "no installed distributions");
    else if (!found)
        deps_error_at(s, root, 0, "no site-packages directory found (not a virtualenv?)");
    return added;
}

size_t deps_read_site_packages(deps_set *s, const char *dir)
{
    if (!is_dir(dir)) {
        deps_error_at(s, dir, 0, "not a directory");
        return 0;
    }
    size_t count;
    const char **names = metadata_entries(s, dir, &count);
    free(names);
    if (count)
        return deps_seen(s, dir) ? 0 : read_site_dir(s, dir);
    return read_venv(s, dir);
}

/* ---- a distribution's own metadata (sdist PKG-INFO, wheel METADATA) ---- */

static void add_requires_dist(deps_set *s, const char *path, const char *text, size_t len,
                              int line)
{
    const char *msg;
    size_t off;
    const pep508_req *q = pep508_parse(s->a, text, len, &msg, &off);
    if (!q) {
        deps_error_at(s, path, line, "invalid Requires-Dist '%.*s': %s (at column %zu)",
                      (int)len, text, msg, off + 1);
        return;
    }
    deps_record *r = deps_add(s, path, line, DEPS_METADATA);
    r->group = "requires_dist";
    deps_fill_from_req(s, r, q);
}

size_t deps_read_metadata_text(deps_set *s, const char *path, const char *text, size_t len)
{
    size_t before = s->n;
    int line = 0, vline = 0;
    const char *name = header(s, text, len, "Name", &line);
    const char *version = header(s, text, len, "Version", &vline);
    if (!name || !version) {
        deps_error_at(s, path, 0, "metadata without a %s header", name ? "Version" : "Name");
        return 0;
    }
    deps_record *r = deps_add(s, path, line, DEPS_METADATA);
    r->name = name;
    r->group = "release";
    deps_finish(s, r);
    if (!r->key)
        deps_error_at(s, path, line, "'%s' is not a valid package name", name);
    deps_set_version(s, r, version);
    size_t at = 0, vn;
    int lineno = 0, rline;
    const char *v;
    while (next_header(text, len, &at, &lineno, "Requires-Dist", &v, &vn, &rline))
        add_requires_dist(s, path, v, vn, rline);
    return s->n - before;
}
