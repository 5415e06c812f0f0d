/* imports.c - the file's import list, relative import resolution and the
 * calls that import by name (__import__, importlib.import_module). */
#include "sem_internal.h"

#include <string.h>

void sem_import_add(sem_index *ix, const char *module, const char *name, const ast_node *via)
{
    sem_import_list *l = &ix->imports;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        sem_import *t = arena_alloc_raw(ix->a, (size_t)cap * sizeof *t);
        if (l->n)
            memcpy(t, l->items, (size_t)l->n * sizeof *t);
        l->items = t;
        l->cap = cap;
    }
    l->items[l->n++] = (sem_import){module, name, via};
}

int sem_imports(const sem_index *ix, const sem_import **out)
{
    *out = ix->imports.items;
    return ix->imports.n;
}

/* Without the file's module name the package is unknown: the import keeps
 * its dots (".x", "..a.b"), which no rule's absolute name can match. */
static const char *dotted_relative(arena *a, int level, const char *module)
{
    size_t m = module ? strlen(module) : 0;
    char *s = arena_alloc_raw(a, (size_t)level + m + 1);
    memset(s, '.', (size_t)level);
    if (m)
        memcpy(s + level, module, m);
    s[level + m] = '\0';
    return s;
}

/* The package a relative import of `level` dots starts from: the file's
 * own package for one dot, one level up per further dot. NULL when the
 * dots climb above the top-level package. */
static const char *relative_base(const sem_index *ix, int level, size_t *len)
{
    const char *name = ix->module_name;
    size_t n = strlen(name);
    /* A plain module's package is its parent; a package is its own. */
    int up = level - (ix->is_package ? 1 : 0);
    for (; up > 0; up--) {
        while (n > 0 && name[n - 1] != '.')
            n--;
        if (n == 0)
            return NULL;
        n--; /* the dot */
    }
    *len = n;
    return name;
}

const char *sem_from_module(const sem_index *ix, int level, const char *module)
{
    if (level == 0)
        return module ? module : "";
    size_t n;
    const char *base = ix->module_name ? relative_base(ix, level, &n) : NULL;
    if (!base || n == 0)
        return dotted_relative(ix->a, level, module);
    const char *pkg = arena_strndup(ix->a, base, n);
    return module ? sem_dotted(ix->a, pkg, module) : pkg;
}

/* The argument at position `pos` or given as keyword `kw`, or NULL. */
static const ast_node *call_arg(const ast_node *call, int pos, const char *kw)
{
    const ast_seq *args = call->v.Call.args;
    for (int i = 0; i < AST_SEQ_LEN(args) && i <= pos; i++)
        if (AST_SEQ_NODE(args, i)->kind == AST_Starred)
            return NULL;
    if (pos < AST_SEQ_LEN(args))
        return AST_SEQ_NODE(args, pos);
    const ast_seq *kws = call->v.Call.keywords;
    for (int i = 0; i < AST_SEQ_LEN(kws); i++) {
        const ast_node *k = AST_SEQ_NODE(kws, i);
        if (k->v.keyword.arg && strcmp(k->v.keyword.arg, kw) == 0)
            return k->v.keyword.value;
    }
    return NULL;
}

static const char *absolute_name_arg(const sem_index *ix, const ast_node *call, const char *kw)
{
    const char *name = sem_const_str(ix, call_arg(call, 0, kw));
    return name && name[0] && name[0] != '.' ? name : NULL;
}

/* __import__(name, globals, locals, fromlist, level) returns the top-level
 * package unless fromlist is non-empty; a non-zero level makes it
 * relative, which krait does not follow. */
static const char *dunder_import(const sem_index *ix, const ast_node *call, int *top_only)
{
    const ast_node *level = call_arg(call, 4, "level");
    long long lv;
    if (level && !(sem_const_int(ix, level, &lv) && lv == 0))
        return NULL;
    const ast_node *fromlist = call_arg(call, 3, "fromlist");
    *top_only = !fromlist || sem_truthy(ix, fromlist) == 0;
    return absolute_name_arg(ix, call, "name");
}

const char *sem_dynamic_import(const sem_index *ix, const ast_node *call, const char *callee,
                               int *top_only)
{
    *top_only = 0;
    if (strcmp(callee, "builtins.__import__") == 0)
        return dunder_import(ix, call, top_only);
    if (strcmp(callee, "importlib.import_module") == 0)
        return absolute_name_arg(ix, call, "name");
    return NULL;
}
