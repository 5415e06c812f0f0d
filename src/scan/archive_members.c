/* archive_members.c - the table of one archive's members (archive_members.h). */
#include "archive_members.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "scan.h"

static size_t hash_path(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)h;
}

static int rehash(member_table *t)
{
    size_t ns = t->nslots ? t->nslots * 2 : 256;
    size_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        size_t k = hash_path(t->items[i].path) & (ns - 1);
        while (slots[k])
            k = (k + 1) & (ns - 1);
        slots[k] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
    return 0;
}

static member *append(member_table *t, arena *a, const char *path)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        member *p = realloc(t->items, cap * sizeof *p);
        if (!p)
            return NULL;
        t->items = p;
        t->cap = cap;
    }
    member *m = &t->items[t->n++];
    memset(m, 0, sizeof *m);
    m->path = arena_strndup(a, path, strlen(path));
    return m;
}

member *members_find(const member_table *t, const char *path)
{
    if (t->nslots == 0)
        return NULL;
    size_t k = hash_path(path) & (t->nslots - 1);
    for (; t->slots[k]; k = (k + 1) & (t->nslots - 1))
        if (strcmp(t->items[t->slots[k] - 1].path, path) == 0)
            return &t->items[t->slots[k] - 1];
    return NULL;
}

static int dir_is_package(const member_table *t, buf *b, size_t dirlen)
{
    b->len = dirlen;
    buf_puts(b, "/__init__.py");
    const member *m = members_find(t, b->data);
    b->len = dirlen;
    return m && m->data;
}

/* name = part + "." + name */
static void prepend(buf *name, const char *part, size_t n)
{
    buf tmp;
    buf_init(&tmp);
    buf_put(&tmp, part, n);
    if (name->len) {
        buf_putc(&tmp, '.');
        buf_put(&tmp, name->data, name->len);
    }
    buf_free(name);
    *name = tmp;
}

/* As scan_module_name (module.c) does on disk: the stem, then each parent
 * directory holding an __init__.py, up to the archive's root ('!'). */
static const char *module_of(const member_table *t, arena *a, const char *path, int *is_pkg)
{
    const char *root = strrchr(path, '!');
    const char *slash = strrchr(path, '/');
    if (!root || (slash && slash < root))
        slash = NULL;
    const char *base = slash ? slash + 1 : root + 1;
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".py") == 0)
        n -= 3;
    else if (n > 4 && strcmp(base + n - 4, ".pyw") == 0)
        n -= 4;
    *is_pkg = n == 8 && memcmp(base, "__init__", 8) == 0;
    if (!*is_pkg && !scan_module_part(base, n))
        return NULL;
    buf name, dir;
    buf_init(&name);
    buf_init(&dir);
    if (!*is_pkg)
        prepend(&name, base, n);
    buf_puts(&dir, path);
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    int ok = 1;
    while (dirlen > (size_t)(root - path) + 1 && dir_is_package(t, &dir, dirlen)) {
        dir.data[dirlen] = '\0';
        char *up = strrchr(dir.data, '/');
        const char *part = up && up > dir.data + (root - path) ? up + 1 : dir.data + (root - path) + 1;
        size_t pn = strlen(part);
        if (!scan_module_part(part, pn)) {
            ok = 0;
            break;
        }
        prepend(&name, part, pn);
        dirlen = part == dir.data + (root - path) + 1 ? 0 : (size_t)(up - dir.data);
    }
    const char *out = ok && name.len ? arena_strndup(a, name.data, name.len) : NULL;
    buf_free(&name);
    buf_free(&dir);
    return out;
}

member *members_get(member_table *t, arena *a, const char *path)
{
    /* Kept at most half full. */
    if ((t->n + 1) * 2 > t->nslots && rehash(t) != 0)
        return NULL;
    size_t k = hash_path(path) & (t->nslots - 1);
    for (; t->slots[k]; k = (k + 1) & (t->nslots - 1))
        if (strcmp(t->items[t->slots[k] - 1].path, path) == 0)
            return &t->items[t->slots[k] - 1];
    member *m = append(t, a, path);
    if (m)
        t->slots[k] = t->n;
    return m;
}

int members_add_finding(member *m, arena *a, int rule, const char *message)
{
    if (m->nfindings == m->cap_findings) {
        int cap = m->cap_findings ? m->cap_findings * 2 : 4;
        input_finding *p = realloc(m->findings, (size_t)cap * sizeof *p);
        if (!p)
            return -1;
        m->findings = p;
        m->cap_findings = cap;
    }
    m->findings[m->nfindings].rule = rule;
    m->findings[m->nfindings++].message = arena_strndup(a, message, strlen(message));
    return 0;
}

int members_flush(member_table *t, file_list *l)
{
    for (size_t i = 0; i < t->n; i++) {
        member *m = &t->items[i];
        if (!m->data && m->nfindings == 0)
            continue;
        scan_input in = {.in_memory = 1, .data = m->data, .len = m->len};
        if (m->data)
            in.module_name = module_of(t, l->a, m->path, &in.is_package);
        if (m->nfindings > 0) {
            size_t size = (size_t)m->nfindings * sizeof *m->findings;
            input_finding *f = arena_alloc_raw(l->a, size);
            memcpy(f, m->findings, size);
            in.findings = f;
            in.nfindings = m->nfindings;
        }
        if (discover_add_input(l, m->path, &in) != 0)
            return -1;
    }
    return 0;
}

void members_free(member_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->items[i].findings);
    free(t->items);
    free(t->slots);
    memset(t, 0, sizeof *t);
}
