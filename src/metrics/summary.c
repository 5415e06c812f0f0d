/* summary.c - totals, the median and the rankings of `krait overview`,
 * computed after every file has been measured (in file order, so the
 * result does not depend on the number of threads). */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Most complex first; ties in path then line order, so the ranking is
 * stable. */
static int compare_ranked(const void *a, const void *b)
{
    const ranked_function *x = a, *y = b;
    if (x->block->complexity != y->block->complexity)
        return x->block->complexity > y->block->complexity ? -1 : 1;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    return (x->block->line > y->block->line) - (x->block->line < y->block->line);
}

static int compare_modules(const void *a, const void *b)
{
    const module_count *x = a, *y = b;
    if (x->origin != y->origin)
        return (int)x->origin - (int)y->origin;
    return strcmp(x->name, y->name);
}

static void add_lines(line_counts *sum, const line_counts *l)
{
    sum->physical += l->physical;
    sum->code += l->code;
    sum->blank += l->blank;
    sum->comment_only += l->comment_only;
    sum->docstring += l->docstring;
    sum->comment += l->comment;
}

static void add_structure(structure_counts *sum, const structure_counts *s)
{
    sum->statements += s->statements;
    sum->functions += s->functions;
    sum->classes += s->classes;
}

/* The tree's own top-level modules: the first component of every
 * measured file's module name ("mypkg" for mypkg/sub/x.py, "tool" for a
 * tool.py outside any package). */
static int collect_local_names(const scan_result *r, overview_summary *s)
{
    s->local_names = calloc(r->nfiles ? r->nfiles : 1, sizeof *s->local_names);
    if (!s->local_names)
        return -1;
    for (size_t i = 0; i < r->nfiles; i++) {
        const char *m = r->files[i].module_name;
        if (!m || !r->files[i].scanned)
            continue;
        const char *top = strndup(m, modules_top_len(m));
        if (!top)
            return -1;
        s->local_names[s->nlocal_names++] = top;
    }
    /* modules_set_init drops duplicates from the set's view only: every
     * string stays in local_names[0..nlocal_names) to be freed. */
    const char **view = malloc((s->nlocal_names ? s->nlocal_names : 1) * sizeof *view);
    if (!view)
        return -1;
    memcpy(view, s->local_names, s->nlocal_names * sizeof *view);
    modules_set_init(&s->local, view, s->nlocal_names);
    return 0;
}

module_origin overview_origin(const overview_summary *s, const module_use *m)
{
    return m->origin == MODULE_LOCAL ? MODULE_LOCAL : modules_classify(m->name, &s->local);
}

const char *overview_origin_name(module_origin o)
{
    switch (o) {
    case MODULE_STDLIB:
        return "stdlib";
    case MODULE_THIRD_PARTY:
        return "third_party";
    default:
        return "local";
    }
}

static int compare_uses(const void *a, const void *b)
{
    return strcmp((*(const module_use *const *)a)->name, (*(const module_use *const *)b)->name);
}

/* Every file's distinct modules, gathered and counted by name. */
static int count_modules(const scan_result *r, overview_summary *s)
{
    size_t total = 0;
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].metrics)
            total += (size_t)r->files[i].metrics->nmodules;
    const module_use **uses = malloc((total ? total : 1) * sizeof *uses);
    s->modules = calloc(total ? total : 1, sizeof *s->modules);
    if (!uses || !s->modules) {
        free(uses);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].metrics)
            for (int k = 0; k < r->files[i].metrics->nmodules; k++)
                uses[n++] = &r->files[i].metrics->modules[k];
    qsort(uses, n, sizeof *uses, compare_uses);
    for (size_t i = 0; i < n; i++) {
        module_count *last = s->nmodules ? &s->modules[s->nmodules - 1] : NULL;
        if (last && strcmp(last->name, uses[i]->name) == 0) {
            last->files++;
            continue;
        }
        module_origin o = overview_origin(s, uses[i]);
        s->modules[s->nmodules++] = (module_count){
            uses[i]->name, o, o == MODULE_THIRD_PARTY ? modules_distribution(uses[i]->name) : NULL,
            1};
    }
    free(uses);
    qsort(s->modules, s->nmodules, sizeof *s->modules, compare_modules);
    return 0;
}

static int rank_functions(const scan_result *r, overview_summary *s)
{
    size_t total = 0;
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].metrics)
            total += (size_t)r->files[i].metrics->nblocks;
    s->functions = malloc((total ? total : 1) * sizeof *s->functions);
    if (!s->functions)
        return -1;
    for (size_t i = 0; i < r->nfiles; i++) {
        const file_metrics *m = r->files[i].metrics;
        for (int k = 0; m && k < m->nblocks; k++)
            s->functions[s->nfunctions++] = (ranked_function){r->files[i].path, &m->blocks[k]};
    }
    qsort(s->functions, s->nfunctions, sizeof *s->functions, compare_ranked);
    return 0;
}

/* The true median: the middle value, or the mean of the two middle ones. */
static int file_complexities(const scan_result *r, overview_summary *s)
{
    int *c = malloc((r->nfiles ? r->nfiles : 1) * sizeof *c);
    if (!c)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < r->nfiles; i++) {
        const file_metrics *m = r->files[i].metrics;
        if (!m)
            continue;
        c[n++] = m->complexity;
        if (!s->max_complexity_path || m->complexity > s->max_complexity) {
            s->max_complexity = m->complexity;
            s->max_complexity_path = r->files[i].path;
        }
    }
    qsort(c, n, sizeof *c, compare_ints);
    if (n > 0)
        s->median_complexity = n % 2 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2.0;
    free(c);
    return 0;
}

int overview_summarize(const scan_result *r, overview_summary *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < r->nfiles; i++) {
        const scan_file *f = &r->files[i];
        if (f->failed || !f->metrics) {
            out->errors += f->failed;
            continue;
        }
        out->files++;
        add_lines(&out->lines, &f->metrics->lines);
        add_structure(&out->structure, &f->metrics->structure);
        out->warnings += f->metrics->nwarnings;
    }
    if (collect_local_names(r, out) != 0 || count_modules(r, out) != 0 ||
        rank_functions(r, out) != 0 || file_complexities(r, out) != 0) {
        overview_summary_free(out);
        return -1;
    }
    return 0;
}

void overview_summary_free(overview_summary *s)
{
    for (size_t i = 0; i < s->nlocal_names; i++)
        free((void *)s->local_names[i]);
    free(s->local_names);
    free((void *)s->local.names);
    free(s->functions);
    free(s->modules);
    memset(s, 0, sizeof *s);
}
