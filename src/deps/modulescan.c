/* modulescan.c - third-party imports as dependencies (modulescan.h). */
#include "modulescan.h"

#include <string.h>

#include "deps/inputs_int.h"
#include "metrics/summary.h"
#include "scan/discover.h"

/* The distribution of a third-party module: the table's answer, else the
 * top-level module's own name (how most distributions are spelt). */
static const char *distribution_of(deps_set *s, const char *module)
{
    const char *d = modules_distribution(module);
    return d ? d : deps_strndup(s, module, modules_top_len(module));
}

static int already_added(const deps_set *s, size_t from, const char *name)
{
    for (size_t i = from; i < s->n; i++)
        if (strcmp(s->records[i].name, name) == 0)
            return 1;
    return 0;
}

/* Files in path order, modules in name order: the first import of each
 * distribution is where the record points. */
static size_t add_imports(deps_set *s, const scan_result *r, const overview_summary *sum)
{
    size_t before = s->n;
    for (size_t i = 0; i < r->nfiles; i++) {
        const file_metrics *m = r->files[i].metrics;
        for (int k = 0; m && k < m->nmodules; k++) {
            const module_use *u = &m->modules[k];
            if (overview_origin(sum, u) != MODULE_THIRD_PARTY)
                continue;
            const char *dist = distribution_of(s, u->name);
            if (!already_added(s, before, dist))
                deps_add_import(s, dist, u->name, r->files[i].path, u->line);
        }
    }
    return s->n - before;
}

static void note_failures(deps_set *s, const scan_result *r, const file_list *files)
{
    for (size_t i = 0; i < files->nerrors; i++)
        deps_note_at(s, files->errors[i].path, 0, "imports not read: %s",
                     files->errors[i].message);
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].failed)
            deps_note_at(s, r->files[i].path, r->files[i].error.line, "imports not read: %s",
                         r->files[i].error.message);
}

size_t deps_read_imports(deps_set *s, const char *path, int jobs, int fallback)
{
    discover_options dopt = {0};
    file_list files;
    if (discover_files(&dopt, &path, 1, &files) != 0)
        return 0;
    scan_options sopt = {.metrics = 1, .max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE, .jobs = jobs,
                         .inputs = files.inputs}; /* archive members, in memory */
    scan_result res;
    size_t added = 0;
    if (scan_files(&sopt, files.paths, files.npaths, &res) == 0) {
        overview_summary sum;
        if (overview_summarize(&res, &sum) == 0) {
            added = add_imports(s, &res, &sum);
            overview_summary_free(&sum);
        }
        note_failures(s, &res, &files);
        scan_result_free(&res);
    }
    file_list_free(&files);
    if (fallback)
        deps_note_at(s, path, 0,
                     "no dependency declaration: auditing the %zu distributions the code "
                     "imports, every version (versions are unknown)",
                     added);
    return added;
}
