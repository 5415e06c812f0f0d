/* symtab.c - the index's two hash tables (Name node -> scope; (scope,
 * name) -> symbol), Python's name lookup over them, and bindings,
 * including the late move of `global`/`nonlocal` bindings to their home
 * scope. Arena memory only; tables grow by doubling. */
#include "sem_internal.h"

#include <string.h>

/* ---- hash tables (arena memory, grown by doubling) ---------------------- */

uint32_t sem_hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static size_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 29;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 32));
}

static size_t sym_slot_hash(const sem_scope *scope, uint32_t h)
{
    return ptr_hash(scope) ^ h;
}

void sem_nodes_grow(sem_index *ix, size_t want)
{
    size_t cap = ix->nodes_cap ? ix->nodes_cap * 2 : 256;
    while (cap < want)
        cap *= 2;
    sem_node_slot *t = arena_alloc(ix->a, cap * sizeof *t);
    for (size_t i = 0; i < ix->nodes_cap; i++) {
        if (!ix->nodes[i].node)
            continue;
        size_t j = ptr_hash(ix->nodes[i].node) & (cap - 1);
        while (t[j].node)
            j = (j + 1) & (cap - 1);
        t[j] = ix->nodes[i];
    }
    ix->nodes = t;
    ix->nodes_cap = cap;
}

void sem_record_scope(sem_index *ix, const ast_node *n, const sem_scope *scope)
{
    if (10 * (ix->nodes_n + 1) > 7 * ix->nodes_cap) /* linear probing copes up to 0.7 */
        sem_nodes_grow(ix, 0);
    size_t j = ptr_hash(n) & (ix->nodes_cap - 1);
    while (ix->nodes[j].node && ix->nodes[j].node != n)
        j = (j + 1) & (ix->nodes_cap - 1);
    if (!ix->nodes[j].node)
        ix->nodes_n++;
    ix->nodes[j] = (sem_node_slot){n, scope};
}

const sem_scope *sem_scope_of(const sem_index *ix, const ast_node *n)
{
    if (!ix->nodes_cap)
        return NULL;
    size_t j = ptr_hash(n) & (ix->nodes_cap - 1);
    while (ix->nodes[j].node) {
        if (ix->nodes[j].node == n)
            return ix->nodes[j].scope;
        j = (j + 1) & (ix->nodes_cap - 1);
    }
    return NULL;
}

void sem_syms_grow(sem_index *ix)
{
    size_t cap = ix->syms_cap ? ix->syms_cap * 2 : 128;
    sem_sym **t = arena_alloc(ix->a, cap * sizeof *t);
    for (size_t i = 0; i < ix->syms_cap; i++) {
        sem_sym *s = ix->syms[i];
        if (!s)
            continue;
        size_t j = sym_slot_hash(s->scope, s->hash) & (cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = s;
    }
    ix->syms = t;
    ix->syms_cap = cap;
}

static sem_sym *sym_probe(const sem_index *ix, const sem_scope *scope, const char *name, uint32_t h,
                          size_t *slot)
{
    size_t j = sym_slot_hash(scope, h) & (ix->syms_cap - 1);
    for (sem_sym *s; (s = ix->syms[j]); j = (j + 1) & (ix->syms_cap - 1))
        if (s->scope == scope && s->hash == h && strcmp(s->name, name) == 0)
            return s;
    *slot = j;
    return NULL;
}

sem_sym *sem_sym_find(const sem_index *ix, const sem_scope *scope, const char *name)
{
    size_t slot;
    return ix->syms_cap ? sym_probe(ix, scope, name, sem_hash_str(name), &slot) : NULL;
}

sem_sym *sem_sym_get(sem_index *ix, const sem_scope *scope, const char *name)
{
    if (2 * (ix->syms_n + 1) > ix->syms_cap)
        sem_syms_grow(ix);
    uint32_t h = sem_hash_str(name);
    size_t slot;
    sem_sym *s = sym_probe(ix, scope, name, h, &slot);
    if (s)
        return s;
    s = arena_alloc(ix->a, sizeof *s);
    s->scope = scope;
    s->name = name;
    s->hash = h;
    ix->syms[slot] = s;
    ix->syms_n++;
    return s;
}

/* ---- name lookup, Python's rules ----------------------------------------- */

const sem_sym *sem_lookup(const sem_index *ix, const sem_scope *scope, const char *name)
{
    if (!ix->syms_cap)
        return NULL;
    uint32_t h = sem_hash_str(name);
    size_t slot;
    /* Class bodies are seen only by code directly in them, never by the
     * functions and comprehensions nested inside. */
    for (const sem_scope *s = scope; s; s = s->parent) {
        if (s->kind == SCOPE_CLASS && s != scope)
            continue;
        sem_sym *sym = sym_probe(ix, s, name, h, &slot);
        if (!sym)
            continue;
        if (sym->flags & SYM_GLOBAL)
            return sym_probe(ix, ix->module, name, h, &slot);
        if (sym->flags & SYM_NONLOCAL)
            continue;
        if (sym->flags & SYM_LOCAL)
            return sym;
    }
    return NULL;
}

/* ---- bindings ------------------------------------------------------------ */

sem_def *sem_bind(sem_index *ix, const sem_scope *scope, const char *name, sem_def_kind kind)
{
    sem_sym *s = sem_sym_get(ix, scope, name);
    sem_def *d = arena_alloc(ix->a, sizeof *d);
    d->kind = kind;
    if (s->last)
        s->last->next = d;
    else
        s->defs = d;
    s->last = d;
    s->ndefs++;
    s->flags |= SYM_LOCAL;
    return d;
}

/* `global`/`nonlocal` bindings are recorded in the declaring scope and
 * moved to their real home once the walk is over, so the order in which
 * the walk meets declaration and binding does not matter. */
static void move_defs(sem_index *ix, sem_sym *from, const sem_scope *to)
{
    if (!from->defs && !(from->flags & SYM_LOCAL))
        return;
    sem_sym *t = sem_sym_get(ix, to, from->name);
    t->flags |= SYM_LOCAL;
    if (!from->defs)
        return;
    if (t->last)
        t->last->next = from->defs;
    else
        t->defs = from->defs;
    t->last = from->last;
    t->ndefs += from->ndefs;
    from->defs = from->last = NULL;
    from->ndefs = 0;
}

static const sem_scope *nonlocal_home(const sem_index *ix, const sem_sym *from)
{
    for (const sem_scope *s = from->scope->parent; s && s->kind != SCOPE_MODULE; s = s->parent) {
        if (s->kind == SCOPE_CLASS)
            continue;
        const sem_sym *t = sem_sym_find(ix, s, from->name);
        if (t && !(t->flags & SYM_NONLOCAL) && (t->flags & SYM_LOCAL))
            return s;
    }
    return NULL;
}

void sem_apply_declarations(sem_index *ix)
{
    /* Moving may grow the table: collect first. Declarations are rare. */
    if (!ix->ndeclared)
        return;
    size_t n = 0;
    for (size_t i = 0; i < ix->syms_cap; i++)
        if (ix->syms[i] && (ix->syms[i]->flags & (SYM_GLOBAL | SYM_NONLOCAL)))
            n++;
    if (!n)
        return;
    sem_sym **todo = arena_alloc(ix->a, n * sizeof *todo);
    n = 0;
    for (size_t i = 0; i < ix->syms_cap; i++)
        if (ix->syms[i] && (ix->syms[i]->flags & (SYM_GLOBAL | SYM_NONLOCAL)))
            todo[n++] = ix->syms[i];
    for (size_t i = 0; i < n; i++) {
        sem_sym *s = todo[i];
        const sem_scope *home = (s->flags & SYM_GLOBAL) ? ix->module : nonlocal_home(ix, s);
        if (home && home != s->scope)
            move_defs(ix, s, home);
    }
}
