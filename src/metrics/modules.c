/* modules.c - standard library and distribution look-ups over the tables
 * of stdlib_modules.def and distributions.def, and the per-file module
 * inventory built from the semantic index's import list. */
#include "modules.h"

#include <stdlib.h>
#include <string.h>

static const char *const stdlib_names[] = {
#define STDLIB(name) name,
#include "stdlib_modules.def"
#undef STDLIB
};

typedef struct dist_row {
    const char *import; /* first member: searched like stdlib_names */
    const char *dist;
} dist_row;

static const dist_row dist_rows[] = {
#define DIST(import, dist, source, note) {import, dist},
#include "distributions.def"
#undef DIST
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* strcmp of key[0..len) (as a whole string) against name. */
static int cmp_key(const char *key, size_t len, const char *name)
{
    int r = strncmp(key, name, len);
    if (r)
        return r;
    return name[len] ? -1 : 0;
}

/* Binary search of a sorted table whose entries start with a `const char *`
 * name, `stride` bytes apart: the index of key[0..len), or -1. */
static long find_name(const void *base, size_t n, size_t stride, const char *key, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *name = *(const char *const *)((const char *)base + mid * stride);
        int r = cmp_key(key, len, name);
        if (r == 0)
            return (long)mid;
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

size_t modules_top_len(const char *dotted)
{
    const char *dot = strchr(dotted, '.');
    return dot ? (size_t)(dot - dotted) : strlen(dotted);
}

int modules_is_stdlib(const char *dotted)
{
    size_t len = modules_top_len(dotted);
    return len > 0 && find_name(stdlib_names, COUNT(stdlib_names), sizeof stdlib_names[0],
                                dotted, len) >= 0;
}

/* The row of the longest dotted prefix of dotted[0..len), or NULL. */
static const dist_row *dist_prefix(const char *dotted, size_t len)
{
    while (len > 0) {
        long i = find_name(dist_rows, COUNT(dist_rows), sizeof dist_rows[0], dotted, len);
        if (i >= 0)
            return &dist_rows[i];
        while (len > 0 && dotted[len - 1] != '.')
            len--;
        if (len > 0)
            len--; /* the dot */
    }
    return NULL;
}

const char *modules_distribution(const char *dotted)
{
    const dist_row *r = dist_prefix(dotted, strlen(dotted));
    /* A namespace row (empty distribution) ends the search unanswered. */
    return r && r->dist[0] ? r->dist : NULL;
}

/* ---- the tree's own modules ------------------------------------------------ */

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t modules_set_init(module_set *set, const char **names, size_t n)
{
    size_t k = 0;
    if (n > 0) {
        qsort(names, n, sizeof names[0], cmp_str_ptr);
        k = 1;
        for (size_t i = 1; i < n; i++)
            if (strcmp(names[i], names[k - 1]) != 0)
                names[k++] = names[i];
    }
    set->names = names;
    set->n = k;
    return k;
}

module_origin modules_classify(const char *dotted, const module_set *local)
{
    /* __main__ is the program being run: the tree's, whatever it is. */
    if (dotted[0] == '.' || strcmp(dotted, "__main__") == 0)
        return MODULE_LOCAL;
    if (strcmp(dotted, "__future__") == 0)
        return MODULE_STDLIB;
    size_t len = modules_top_len(dotted);
    if (local && local->n > 0 &&
        find_name(local->names, local->n, sizeof local->names[0], dotted, len) >= 0)
        return MODULE_LOCAL;
    return modules_is_stdlib(dotted) ? MODULE_STDLIB : MODULE_THIRD_PARTY;
}

/* ---- the per-file inventory ------------------------------------------------ */

static char *join_dotted(arena *a, const char *base, const char *name)
{
    size_t b = strlen(base), n = strlen(name);
    int dot = b > 0 && base[b - 1] != '.'; /* ".." + "x" is "..x" */
    char *s = arena_alloc_raw(a, b + (size_t)dot + n + 1);
    memcpy(s, base, b);
    if (dot)
        s[b] = '.';
    memcpy(s + b + dot, name, n + 1);
    return s;
}

/* The inventory name of one import (see module_use in modules.h). */
static const char *use_name(arena *a, const sem_import *im)
{
    const ast_node *via = im->via;
    if (via->kind != AST_ImportFrom || !im->name || strcmp(im->name, "*") == 0)
        return im->module;
    /* `from . import n`: n is most often a submodule (it may be a name the
     * package's __init__ defines; either way the import is local). */
    if (!via->v.ImportFrom.module)
        return join_dotted(a, im->module, im->name);
    const char *sub = join_dotted(a, im->module, im->name);
    if (find_name(dist_rows, COUNT(dist_rows), sizeof dist_rows[0], sub, strlen(sub)) >= 0)
        return sub;
    return im->module;
}

static int is_relative(const sem_import *im)
{
    return im->via->kind == AST_ImportFrom && im->via->v.ImportFrom.level > 0;
}

static int cmp_use(const void *pa, const void *pb)
{
    const module_use *a = pa, *b = pb;
    int r = strcmp(a->name, b->name);
    return r ? r : (a->line > b->line) - (a->line < b->line);
}

/* Folds runs of the same name (sorted) into one: first line, LOCAL if any
 * import was relative, dynamic only if all were. */
static int merge_uses(module_use *u, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (k > 0 && strcmp(u[k - 1].name, u[i].name) == 0) {
            if (u[i].origin == MODULE_LOCAL)
                u[k - 1].origin = MODULE_LOCAL;
            u[k - 1].dynamic &= u[i].dynamic;
            continue;
        }
        u[k++] = u[i];
    }
    return k;
}

int modules_of_file(arena *a, const sem_index *ix, module_use **out)
{
    const sem_import *ims;
    int n = sem_imports(ix, &ims);
    *out = NULL;
    if (n <= 0)
        return 0;
    module_use *u = arena_alloc_raw(a, (size_t)n * sizeof *u);
    for (int i = 0; i < n; i++) {
        const char *name = use_name(a, &ims[i]);
        module_origin origin = is_relative(&ims[i]) ? MODULE_LOCAL : modules_classify(name, NULL);
        u[i] = (module_use){name, ims[i].via->lineno, origin, ims[i].via->kind == AST_Call};
    }
    qsort(u, (size_t)n, sizeof *u, cmp_use);
    *out = u;
    return merge_uses(u, n);
}
