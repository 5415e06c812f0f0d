/* overview_text.c - `krait overview` for people: the totals, the most
 * complex functions and files, the modules by origin, a per-file table,
 * then warnings and errors (docs/formats.md, "krait overview"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "origin.h"
#include "overview.h"

enum { DEFAULT_TOP = 10, MAX_PATH_WIDTH = 60 };

static long list_length(const overview_options *opt, size_t available)
{
    long top = opt->top > 0 ? opt->top : DEFAULT_TOP;
    return (size_t)top < available ? top : (long)available;
}

static const char *plural(long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void put_totals(buf *b, const overview_summary *s)
{
    const line_counts *l = &s->lines;
    buf_printf(b, "files: %ld measured, %ld with errors\n", s->files, s->errors);
    buf_printf(b,
               "lines: %ld (code %ld, blank %ld, comment-only %ld, docstring %ld; "
               "%ld with a comment)\n",
               l->physical, l->code, l->blank, l->comment_only, l->docstring, l->comment);
    buf_printf(b, "statements: %ld, functions: %ld, classes: %ld, warnings: %ld\n",
               s->structure.statements, s->structure.functions, s->structure.classes,
               s->warnings);
    buf_puts(b, "file complexity: median ");
    overview_put_median(b, s->median_complexity);
    buf_printf(b, ", max %d", s->max_complexity);
    if (s->max_complexity_path)
        buf_printf(b, " (%s)", s->max_complexity_path);
    buf_putc(b, '\n');
}

static int is_function(const cc_block *c)
{
    return c->kind != BLOCK_CLASS;
}

static void put_top_functions(buf *b, const overview_summary *s, const overview_options *opt)
{
    size_t nfun = 0;
    for (size_t i = 0; i < s->nfunctions; i++)
        nfun += is_function(s->functions[i].block);
    long n = list_length(opt, nfun);
    if (n == 0)
        return;
    buf_printf(b, "\nMost complex functions (%ld of %zu)\n", n, nfun);
    for (size_t i = 0, shown = 0; i < s->nfunctions && (long)shown < n; i++) {
        const ranked_function *r = &s->functions[i];
        if (!is_function(r->block))
            continue;
        buf_printf(b, "  %4d  %s:%d  %s\n", r->block->complexity, r->path, r->block->line,
                   r->block->name);
        shown++;
    }
}

static int compare_files_by_complexity(const void *a, const void *b)
{
    const scan_file *x = *(const scan_file *const *)a, *y = *(const scan_file *const *)b;
    if (x->metrics->complexity != y->metrics->complexity)
        return x->metrics->complexity > y->metrics->complexity ? -1 : 1;
    return strcmp(x->path, y->path);
}

static int put_top_files(buf *b, const overview_input *in, const overview_options *opt)
{
    const scan_file **files = malloc((in->scan->nfiles ? in->scan->nfiles : 1) * sizeof *files);
    if (!files)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < in->scan->nfiles; i++)
        if (in->scan->files[i].metrics)
            files[n++] = &in->scan->files[i];
    qsort(files, n, sizeof *files, compare_files_by_complexity);
    long top = list_length(opt, n);
    if (top > 0)
        buf_printf(b, "\nMost complex files (%ld of %zu)\n", top, n);
    for (long i = 0; i < top; i++)
        buf_printf(b, "  %4d  %s (%ld lines)\n", files[i]->metrics->complexity, files[i]->path,
                   files[i]->metrics->lines.physical);
    free(files);
    return 0;
}

static const char *origin_title(module_origin o)
{
    return o == MODULE_STDLIB ? "standard library" : o == MODULE_THIRD_PARTY ? "third party"
                                                                              : "local";
}

/* Most imported first, then by name. */
static int compare_counts(const void *a, const void *b)
{
    const module_count *x = *(const module_count *const *)a, *y = *(const module_count *const *)b;
    if (x->files != y->files)
        return x->files > y->files ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int put_origin(buf *b, const overview_summary *s, module_origin o,
                      const overview_options *opt)
{
    const module_count **m = malloc((s->nmodules ? s->nmodules : 1) * sizeof *m);
    if (!m)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < s->nmodules; i++)
        if (s->modules[i].origin == o)
            m[n++] = &s->modules[i];
    qsort(m, n, sizeof *m, compare_counts);
    long top = opt->top > 0 ? list_length(opt, n) : (long)n;
    buf_printf(b, "  %s: %zu\n", origin_title(o), n);
    for (long i = 0; i < top; i++) {
        buf_printf(b, "    %-32s %ld %s", m[i]->name, m[i]->files, plural(m[i]->files, "file", "files"));
        if (m[i]->distribution)
            buf_printf(b, "  (distribution %s)", m[i]->distribution);
        buf_putc(b, '\n');
    }
    if (top < (long)n)
        buf_printf(b, "    ... %ld more\n", (long)n - top);
    free(m);
    return 0;
}

static int put_modules(buf *b, const overview_summary *s, const overview_options *opt)
{
    buf_puts(b, "\nModules imported\n");
    const module_origin order[] = {MODULE_STDLIB, MODULE_THIRD_PARTY, MODULE_LOCAL};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (put_origin(b, s, order[i], opt) != 0)
            return -1;
    return 0;
}

static int path_width(const scan_result *r)
{
    int w = 4;
    for (size_t i = 0; i < r->nfiles; i++) {
        int n = (int)strlen(r->files[i].path);
        if (r->files[i].metrics && n > w)
            w = n;
    }
    return w > MAX_PATH_WIDTH ? MAX_PATH_WIDTH : w;
}

static void put_file_table(buf *b, const overview_input *in)
{
    int w = path_width(in->scan);
    buf_printf(b, "\nFiles\n  %-*s %7s %7s %7s %7s %7s %6s %7s %5s %7s %5s\n", w, "PATH",
               "LINES", "CODE", "COMMENT", "DOCSTR", "STMTS", "FUNCS", "CLASSES", "CC", "MI",
               "WARN");
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        const file_metrics *m = f->metrics;
        if (!m)
            continue;
        char mi[16] = "-";
        if (m->has_maintainability)
            snprintf(mi, sizeof mi, "%.1f %s", m->maintainability,
                     overview_mi_rank(m->maintainability));
        buf_printf(b, "  %-*s %7ld %7ld %7ld %7ld %7ld %6ld %7ld %5d %7s %5d\n", w, f->path,
                   m->lines.physical, m->lines.code, m->lines.comment, m->lines.docstring,
                   m->structure.statements, m->structure.functions, m->structure.classes,
                   m->complexity, mi, m->nwarnings);
    }
}

static void put_warnings(buf *b, const scan_result *r)
{
    for (size_t i = 0; i < r->nfiles; i++) {
        const file_metrics *m = r->files[i].metrics;
        for (int k = 0; m && k < m->nwarnings; k++)
            buf_printf(b, "%s:%d: SyntaxWarning: %s\n", r->files[i].path, m->warnings[k].lineno,
                       m->warnings[k].message);
    }
}

static int put_errors(buf *b, const overview_input *in)
{
    scan_error *e;
    size_t n;
    if (overview_collect_errors(in, &e, &n) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (e[i].line > 0)
            buf_printf(b, "%s:%d: error: %s\n", e[i].path, e[i].line, e[i].message);
        else
            buf_printf(b, "%s: error: %s\n", e[i].path, e[i].message);
    }
    free(e);
    return 0;
}

int overview_text(buf *out, const overview_input *in, const overview_options *opt)
{
    const overview_summary *s = in->summary;
    report_origins_text(out, opt->origins, opt->norigins);
    put_totals(out, s);
    put_top_functions(out, s, opt);
    if (put_top_files(out, in, opt) != 0 || put_modules(out, s, opt) != 0)
        return -1;
    if (!opt->quiet)
        put_file_table(out, in);
    if (s->warnings > 0 || s->errors > 0 || in->nerrors > 0)
        buf_putc(out, '\n');
    put_warnings(out, in->scan);
    if (put_errors(out, in) != 0)
        return -1;
    buf_printf(out, "\ntime: %.3f s\n", opt->elapsed);
    return 0;
}
