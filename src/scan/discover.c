/* discover.c - walking the PATH arguments into the list of files to scan.
 * The list is sorted and deduplicated at the end, so nothing downstream
 * depends on the order in which readdir happens to return entries. */
#include "discover.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/buf.h"
#include "archive.h"

/* A directory on the path from the argument to the one being walked: a
 * directory met again below itself (through a symlink) is a loop. */
typedef struct ancestor {
    dev_t dev;
    ino_t ino;
    const struct ancestor *parent;
} ancestor;

typedef struct walker {
    const discover_options *opt;
    file_list *out;
    buf path;       /* the full path of the entry being looked at */
    size_t rel_off; /* where the part relative to the argument starts */
    int oom;
} walker;

static const char *const skipped_dirs[] = {
    ".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", "node_modules",
    ".ipynb_checkpoints", /* Jupyter's copies of the notebooks beside it */
};

int discover_is_skipped_dir(const char *name)
{
    for (size_t i = 0; i < sizeof skipped_dirs / sizeof skipped_dirs[0]; i++)
        if (strcmp(name, skipped_dirs[i]) == 0)
            return 1;
    size_t n = strlen(name);
    return n > 9 && strcmp(name + n - 9, ".egg-info") == 0;
}

/* "#!/usr/bin/env python3", "#!/usr/bin/python2.7", "#! /opt/py/bin/python": the
 * first line names an interpreter whose name contains "python". */
int discover_has_python_shebang(const char *head, size_t len)
{
    if (len < 2 || head[0] != '#' || head[1] != '!')
        return 0;
    const char *nl = memchr(head, '\n', len);
    size_t line = nl ? (size_t)(nl - head) : len;
    for (size_t i = 2; i + 6 <= line; i++)
        if (memcmp(head + i, "python", 6) == 0)
            return 1;
    return 0;
}

static int grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 64;
    void *p = realloc(*items, ncap * size);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

static int add_path(file_list *l, const char *path, file_id id)
{
    /* A finished list (sorted, ids dropped) taking one more input: the
     * paths already there are deduplicated, their ids no longer needed. */
    if (!l->ids && l->cap_paths > 0) {
        l->ids = calloc(l->cap_paths, sizeof *l->ids);
        if (!l->ids)
            return -1;
    }
    void *items = (void *)l->paths;
    size_t cap = l->cap_paths;
    if (grow(&items, &cap, l->npaths, sizeof *l->paths) != 0)
        return -1;
    l->paths = items;
    items = l->ids;
    if (grow(&items, &l->cap_paths, l->npaths, sizeof *l->ids) != 0)
        return -1;
    l->ids = items;
    l->ids[l->npaths] = id;
    if (l->inputs) {
        items = l->inputs;
        if (grow(&items, &l->cap_inputs, l->npaths, sizeof *l->inputs) != 0)
            return -1;
        l->inputs = items;
        memset(&l->inputs[l->npaths], 0, sizeof *l->inputs);
    }
    l->paths[l->npaths++] = arena_strndup(l->a, path, strlen(path));
    return 0;
}

/* The inputs array appears with the first input held in memory: a scan of
 * plain files never has one. */
int discover_add_input(file_list *l, const char *path, const scan_input *in)
{
    if (!l->inputs) {
        l->cap_inputs = l->cap_paths > 64 ? l->cap_paths : 64;
        l->inputs = calloc(l->cap_inputs, sizeof *l->inputs);
        if (!l->inputs)
            return -1;
    }
    if (add_path(l, path, (file_id){0, 0, 0}) != 0)
        return -1;
    l->inputs[l->npaths - 1] = *in;
    l->inputs[l->npaths - 1].in_memory = 1;
    return 0;
}

static int add_error(file_list *l, const char *path, const char *message)
{
    void *items = l->errors;
    if (grow(&items, &l->cap_errors, l->nerrors, sizeof *l->errors) != 0)
        return -1;
    l->errors = items;
    scan_error *e = &l->errors[l->nerrors++];
    e->path = arena_strndup(l->a, path, strlen(path));
    e->line = 0;
    e->message = arena_strndup(l->a, message, strlen(message));
    return 0;
}

int discover_add_error(file_list *l, const char *path, const char *message)
{
    return add_error(l, path, message);
}

static const char *errno_message(int err)
{
    return err == ELOOP ? "symlink loop" : strerror(err);
}

static void note_error(walker *w, const char *message)
{
    if (add_error(w->out, w->path.data, message) != 0)
        w->oom = 1;
}

static void note_file(walker *w, dev_t dev, ino_t ino)
{
    if (add_path(w->out, w->path.data, (file_id){dev, ino, 1}) != 0)
        w->oom = 1;
}

/* pat against rel and name, read as people write it: "./tests" and
 * "tests/" mean the directory tests below the argument. */
static int glob_matches(const char *pat, const char *rel, const char *name)
{
    if (pat[0] == '.' && pat[1] == '/')
        pat += 2;
    size_t n = strlen(pat);
    char trimmed[512];
    if (n > 1 && pat[n - 1] == '/' && n < sizeof trimmed) {
        memcpy(trimmed, pat, n - 1);
        trimmed[n - 1] = '\0';
        pat = trimmed;
    }
    return fnmatch(pat, rel, 0) == 0 || fnmatch(pat, name, 0) == 0;
}

static int matches_any(const char *const *pats, int n, const char *rel, const char *name)
{
    for (int i = 0; i < n; i++)
        if (glob_matches(pats[i], rel, name))
            return 1;
    return 0;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcmp(s + n - m, suffix) == 0;
}

static int looks_like_python_name(const char *name)
{
    return has_suffix(name, ".py") || has_suffix(name, ".pyw");
}

/* No extension: no dot past the first character (".envrc" counts as
 * extensionless; "setup.cfg" does not). */
static int is_extensionless(const char *name)
{
    return name[0] && strchr(name + 1, '.') == NULL;
}

/* Reads the first bytes only: a directory may hold big data files. An
 * unreadable file is not reported here: nobody asked for it by name. */
static int file_has_python_shebang(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return 0;
    char head[256];
    ssize_t n;
    do
        n = read(fd, head, sizeof head);
    while (n < 0 && errno == EINTR);
    close(fd);
    return n > 0 && discover_has_python_shebang(head, (size_t)n);
}

static int wants_file(walker *w, const char *name)
{
    const char *rel = w->path.data + w->rel_off;
    if (looks_like_python_name(name) || has_suffix(name, ".ipynb"))
        return 1;
    if (matches_any(w->opt->include, w->opt->ninclude, rel, name))
        return 1;
    return is_extensionless(name) && file_has_python_shebang(w->path.data);
}

/* A virtualenv is recognised by its pyvenv.cfg, whatever the directory's
 * name (.venv, venv, env, .direnv/python-3.12, ...). */
static int is_virtualenv(walker *w)
{
    size_t len = w->path.len;
    buf_puts(&w->path, "/pyvenv.cfg");
    struct stat st;
    int yes = stat(w->path.data, &st) == 0 && S_ISREG(st.st_mode);
    w->path.len = len;
    w->path.data[len] = '\0';
    return yes;
}

static void walk_dir(walker *w, const ancestor *up);

static int is_ancestor(const ancestor *up, const struct stat *st)
{
    for (; up; up = up->parent)
        if (up->dev == st->st_dev && up->ino == st->st_ino)
            return 1;
    return 0;
}

/* The entry w->path (base name `name`) inside a directory being walked.
 * `type` is readdir's d_type: a plain file needs no stat (most entries of a
 * big tree are); symlinks, directories and unknowns do. */
static void visit_entry(walker *w, const struct dirent *e, const ancestor *up)
{
    const char *name = e->d_name;
    const char *rel = w->path.data + w->rel_off;
    if (matches_any(w->opt->exclude, w->opt->nexclude, rel, name))
        return;
    if (e->d_type == DT_REG && w->opt->archives && discover_is_archive_name(name)) {
        if (discover_add_archive_file(w->out, w->path.data, w->opt) != 0)
            w->oom = 1;
        return;
    }
    if (e->d_type == DT_REG) {
        /* A plain file lives on its directory's device. */
        if (wants_file(w, name))
            note_file(w, up->dev, e->d_ino);
        return;
    }
    struct stat st;
    if (stat(w->path.data, &st) != 0) {
        /* A dangling link to something that is not Python is nobody's
         * business; a loop, or a broken *.py, is worth saying. */
        if (errno != ENOENT || looks_like_python_name(name))
            note_error(w, errno_message(errno));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (discover_is_skipped_dir(name) || is_virtualenv(w))
            return;
        if (is_ancestor(up, &st)) {
            note_error(w, "symlink loop");
            return;
        }
        ancestor here = {st.st_dev, st.st_ino, up};
        walk_dir(w, &here);
    } else if (S_ISREG(st.st_mode) && w->opt->archives && discover_is_archive_name(name)) {
        if (discover_add_archive_file(w->out, w->path.data, w->opt) != 0)
            w->oom = 1;
    } else if (S_ISREG(st.st_mode) && wants_file(w, name)) {
        note_file(w, st.st_dev, st.st_ino);
    }
}

static void walk_dir(walker *w, const ancestor *up)
{
    DIR *d = opendir(w->path.data);
    if (!d) {
        note_error(w, errno_message(errno));
        return;
    }
    size_t len = w->path.len;
    struct dirent *e;
    while (!w->oom && (errno = 0, e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (len > 0 && w->path.data[len - 1] != '/')
            buf_putc(&w->path, '/');
        buf_puts(&w->path, e->d_name);
        visit_entry(w, e, up);
        w->path.len = len;
        w->path.data[len] = '\0';
    }
    if (errno != 0 && !w->oom) {
        int err = errno;
        note_error(w, strerror(err));
    }
    closedir(d);
}

/* One command-line argument: a file is taken as it is; a directory is
 * walked, even if its own name would be skipped inside a walk. */
static void visit_argument(walker *w, const char *arg)
{
    buf_clear(&w->path);
    buf_puts(&w->path, arg);
    if (strcmp(arg, "-") == 0) {
        if (add_path(w->out, SCAN_STDIN_PATH, (file_id){0, 0, 0}) != 0)
            w->oom = 1;
        return;
    }
    struct stat st;
    if (stat(arg, &st) != 0) {
        note_error(w, errno_message(errno));
        return;
    }
    if (!S_ISDIR(st.st_mode) && discover_is_archive_name(arg)) {
        if (discover_add_archive_file(w->out, arg, w->opt) != 0)
            w->oom = 1;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        note_file(w, st.st_dev, st.st_ino);
        return;
    }
    /* Paths inside are ARG/rel: rel starts after the separator. */
    size_t n = strlen(arg);
    w->rel_off = n > 0 && arg[n - 1] == '/' ? n : n + 1;
    ancestor root = {st.st_dev, st.st_ino, NULL};
    walk_dir(w, &root);
}

typedef struct found {
    const char *path;
    file_id id;
    size_t index; /* in the list before sorting: where its input is */
} found;

static int compare_found_paths(const void *a, const void *b)
{
    return strcmp(((const found *)a)->path, ((const found *)b)->path);
}

/* By identity, then path: the first of each file's group is its smallest
 * path, the one kept. */
static int compare_found_ids(const void *a, const void *b)
{
    const found *x = a, *y = b;
    if (x->id.known != y->id.known)
        return x->id.known - y->id.known;
    if (x->id.dev != y->id.dev)
        return x->id.dev < y->id.dev ? -1 : 1;
    if (x->id.ino != y->id.ino)
        return x->id.ino < y->id.ino ? -1 : 1;
    return strcmp(x->path, y->path);
}

static int same_file(const found *x, const found *y)
{
    return x->id.known && y->id.known && x->id.dev == y->id.dev && x->id.ino == y->id.ino;
}

/* The inputs follow their paths through the sort. */
static int reorder_inputs(file_list *l, const found *f, size_t k)
{
    if (!l->inputs)
        return 0;
    scan_input *in = calloc(k ? k : 1, sizeof *in);
    if (!in)
        return -1;
    for (size_t i = 0; i < k; i++)
        in[i] = l->inputs[f[i].index];
    free(l->inputs);
    l->inputs = in;
    l->cap_inputs = k ? k : 1;
    return 0;
}

/* Sorts the paths and keeps one per file (the smallest path), so that a
 * file reached through two arguments or a symlink is scanned once. */
static int sort_and_dedupe_paths(file_list *l)
{
    if (l->npaths == 0)
        return 0;
    found *f = malloc(l->npaths * sizeof *f);
    if (!f)
        return -1;
    for (size_t i = 0; i < l->npaths; i++)
        f[i] = (found){l->paths[i], l->ids[i], i};
    qsort(f, l->npaths, sizeof *f, compare_found_ids);
    size_t k = 0;
    for (size_t i = 0; i < l->npaths; i++)
        /* Without an identity (stdin, archive members), by path. */
        if (k == 0 || (f[i].id.known ? !same_file(&f[k - 1], &f[i])
                                     : strcmp(f[k - 1].path, f[i].path) != 0))
            f[k++] = f[i];
    qsort(f, k, sizeof *f, compare_found_paths);
    if (reorder_inputs(l, f, k) != 0) {
        free(f);
        return -1;
    }
    for (size_t i = 0; i < k; i++)
        l->paths[i] = f[i].path;
    l->npaths = k;
    free(f);
    free(l->ids);
    l->ids = NULL;
    return 0;
}

static int compare_errors(const void *a, const void *b)
{
    const scan_error *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : strcmp(x->message, y->message);
}

static int sort_and_dedupe(file_list *l)
{
    if (sort_and_dedupe_paths(l) != 0)
        return -1;
    if (l->nerrors > 1)
        qsort(l->errors, l->nerrors, sizeof *l->errors, compare_errors);
    size_t k = 0;
    for (size_t i = 0; i < l->nerrors; i++)
        if (k == 0 || compare_errors(&l->errors[k - 1], &l->errors[i]) != 0)
            l->errors[k++] = l->errors[i];
    l->nerrors = k;
    return 0;
}

int discover_sort(file_list *l)
{
    return sort_and_dedupe(l);
}

int discover_files(const discover_options *opt, const char *const *args, int nargs,
                   file_list *out)
{
    memset(out, 0, sizeof *out);
    out->a = arena_new();
    walker w = {.opt = opt, .out = out};
    buf_init(&w.path);
    for (int i = 0; i < nargs && !w.oom; i++)
        visit_argument(&w, args[i]);
    buf_free(&w.path);
    if (w.oom) {
        file_list_free(out);
        return -1;
    }
    if (sort_and_dedupe(out) != 0) {
        file_list_free(out);
        return -1;
    }
    return 0;
}

void file_list_free(file_list *l)
{
    free((void *)l->paths);
    free(l->ids);
    free(l->errors);
    free(l->inputs);
    arena_free(l->a);
    memset(l, 0, sizeof *l);
}
