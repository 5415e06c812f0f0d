/* inputs_project.c - which files of a project declare dependencies, and
 * which reader each one gets.
 *
 * A project directory: at its top level requirements*.txt, pyproject.toml,
 * uv.lock, poetry.lock, Pipfile.lock, pdm.lock, pylock.toml and
 * pylock.*.toml, setup.py and setup.cfg; and requirements/ *.txt. Every file found is read and each
 * record keeps its source kind; lock files are not preferred over the
 * declarations they were made from (deps_input.h says why). A file
 * already read as another file's -r include is not read again. A Pipfile
 * without its lock gets a note: its constraints are not read. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "deps/inputs_int.h"

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The names in dir accepted by `want`, sorted; *n gets the count. */
static const char **list_dir(deps_set *s, const char *dir, bool (*want)(const char *),
                             size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    size_t cap = 16;
    const char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (!want(e->d_name))
            continue;
        if (*n == cap) {
            const char **more = realloc(names, 2 * cap * sizeof *names);
            if (!more)
                break;
            names = more, cap *= 2;
        }
        names[(*n)++] = deps_strdup(s, e->d_name);
    }
    closedir(d);
    if (!names)
        abort();
    qsort(names, *n, sizeof *names, by_name);
    return names;
}

static bool is_requirements_name(const char *n)
{
    return strncmp(n, "requirements", 12) == 0 && has_suffix(n, ".txt");
}

/* setuptools' legacy declarations (inputs_setupcfg.c, inputs_setup.c). */
static bool is_setup_name(const char *n)
{
    return strcmp(n, "setup.py") == 0 || strcmp(n, "setup.cfg") == 0;
}

static size_t read_setup_file(deps_set *s, const char *path)
{
    if (deps_seen(s, path))
        return 0;
    return strcmp(deps_base_name(path), "setup.py") == 0 ? deps_read_setup_py(s, path)
                                                         : deps_read_setup_cfg(s, path);
}

static bool is_declaration_name(const char *n)
{
    deps_kind k;
    return is_requirements_name(n) || strcmp(n, "pyproject.toml") == 0 || deps_lock_kind(n, &k) ||
           is_setup_name(n);
}

static bool is_txt(const char *n)
{
    return has_suffix(n, ".txt") && n[0] != '.';
}

static size_t read_file_by_name(deps_set *s, const char *path)
{
    deps_kind k;
    const char *b = deps_base_name(path);
    if (strcmp(b, "Pipfile") == 0) {
        deps_error_at(s, path, 0, "Pipfile is not read: run `pipenv lock` and audit Pipfile.lock");
        return 0;
    }
    if (is_setup_name(b))
        return read_setup_file(s, path);
    if (deps_is_archive_name(b))
        return deps_seen(s, path) ? 0 : deps_read_archive(s, path);
    bool toml = strcmp(b, "pyproject.toml") == 0 || deps_lock_kind(path, &k);
    if (!toml)
        return deps_read_requirements(s, path); /* skips a file read already */
    if (deps_seen(s, path))
        return 0;
    return strcmp(b, "pyproject.toml") == 0 ? deps_read_pyproject(s, path) : deps_read_lock(s, path);
}

size_t deps_read_project(deps_set *s, const char *dir)
{
    size_t n, added = 0;
    const char **names = list_dir(s, dir, is_declaration_name, &n);
    if (!names) {
        deps_error_at(s, dir, 0, "cannot open directory");
        return 0;
    }
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        const char *path = deps_join_path(s, dir, names[i]);
        if (!is_regular(path))
            continue;
        found++;
        deps_kind k;
        if (is_requirements_name(names[i]))
            added += deps_read_requirements(s, path); /* skips a file read already */
        else if (is_setup_name(names[i]))
            added += read_setup_file(s, path);
        else if (deps_seen(s, path))
            continue;
        else if (deps_lock_kind(path, &k))
            added += deps_read_lock(s, path);
        else
            added += deps_read_pyproject(s, path);
    }
    free(names);
    const char *sub = deps_join_path(s, dir, "requirements");
    names = list_dir(s, sub, is_txt, &n);
    for (size_t i = 0; names && i < n; i++) {
        const char *path = deps_join_path(s, sub, names[i]);
        if (is_regular(path))
            found++, added += deps_read_requirements(s, path);
    }
    free(names);
    const char *pipfile = deps_join_path(s, dir, "Pipfile");
    if (is_regular(pipfile) && !is_regular(deps_join_path(s, dir, "Pipfile.lock")))
        deps_note_at(s, pipfile, 0, "Pipfile is not read: run `pipenv lock` and audit Pipfile.lock");
    /* A note, not an error: `krait deps` then audits what the code imports. */
    if (!found)
        deps_note_at(s, dir, 0, "no dependency declarations found (requirements*.txt, "
                                "pyproject.toml, setup.py, setup.cfg or a lock file)");
    return added;
}

size_t deps_read_path(deps_set *s, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        deps_error_at(s, path, 0, "no such file or directory");
        return 0;
    }
    if (!S_ISDIR(st.st_mode))
        return read_file_by_name(s, path);
    size_t count = 0;
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)))
        count += has_suffix(e->d_name, ".dist-info") || strcmp(e->d_name, "pyvenv.cfg") == 0;
    if (d)
        closedir(d);
    return count ? deps_read_site_packages(s, path) : deps_read_project(s, path);
}
