/* measure.c - one file's measurements, copied out of the scratch arena the
 * way the scanner copies findings: the worker's arena is reset for the
 * next file, the results outlive it. */
#include "measure.h"

#include <string.h>

static const char *keep(arena *out, const char *s)
{
    return s ? arena_strndup(out, s, strlen(s)) : NULL;
}

static const cc_block *copy_blocks(arena *out, const cc_block *in, int n)
{
    if (n <= 0)
        return NULL;
    cc_block *b = arena_alloc(out, (size_t)n * sizeof *b);
    for (int i = 0; i < n; i++) {
        b[i] = in[i];
        b[i].name = keep(out, in[i].name);
    }
    return b;
}

static const py_warning *copy_warnings(arena *out, const py_warning *in, int n)
{
    if (n <= 0)
        return NULL;
    py_warning *w = arena_alloc(out, (size_t)n * sizeof *w);
    for (int i = 0; i < n; i++) {
        w[i] = in[i];
        w[i].message = keep(out, in[i].message);
    }
    return w;
}

static const module_use *copy_modules(arena *out, const module_use *in, int n)
{
    if (n <= 0)
        return NULL;
    module_use *m = arena_alloc(out, (size_t)n * sizeof *m);
    for (int i = 0; i < n; i++) {
        m[i] = in[i];
        m[i].name = keep(out, in[i].name);
    }
    return m;
}

file_metrics *metrics_measure(arena *work, arena *out, const py_file *src,
                              const ast_node *module, const sem_index *sem)
{
    file_metrics *m = arena_alloc(out, sizeof *m);
    metrics_count_lines(src, module, &m->lines);
    metrics_count_structure(module, &m->structure);
    m->complexity = metrics_file_complexity(module);
    m->has_maintainability = metrics_maintainability(work, src, module, &m->maintainability) == 0;

    cc_block *blocks = NULL;
    int nblocks = metrics_cc_blocks(work, module, &blocks);
    m->blocks = copy_blocks(out, blocks, nblocks);
    m->nblocks = nblocks > 0 ? nblocks : 0;

    py_warning *warnings = NULL;
    int nwarnings = metrics_warnings(work, src, module, &warnings);
    m->warnings = copy_warnings(out, warnings, nwarnings);
    m->nwarnings = nwarnings > 0 ? nwarnings : 0;

    module_use *modules = NULL;
    int nmodules = modules_of_file(work, sem, &modules);
    m->modules = copy_modules(out, modules, nmodules);
    m->nmodules = nmodules > 0 ? nmodules : 0;
    return m;
}
