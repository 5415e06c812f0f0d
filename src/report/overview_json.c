/* overview_json.c - `krait overview --format json` (docs/formats.md).
 * Members in a fixed order and no time, so the bytes are reproducible;
 * one array item per line, so that the document greps and diffs well. */
#include <stdio.h>
#include <stdlib.h>

#include "json_write.h"
#include "origin.h"
#include "overview.h"

int overview_collect_errors(const overview_input *in, scan_error **out, size_t *n)
{
    report_input r = {.scan = in->scan, .errors = in->errors, .nerrors = in->nerrors};
    return report_collect_errors(&r, out, n);
}

/* A median of integers is a whole number or a half: written without
 * printf's %g, whose decimal point follows the locale. */
void overview_put_median(buf *b, double m)
{
    long long twice = (long long)(m * 2.0);
    if (twice % 2 == 0)
        buf_printf(b, "%lld", twice / 2);
    else
        buf_printf(b, "%lld.5", twice / 2);
}

/* The shortest decimal that reads back as the same double (JSON numbers
 * are read as doubles): radon's index to the last bit, without printing
 * 17 digits for 72.5. The C locale is never changed, so '.' it is. */
static void put_double(buf *b, double v)
{
    char text[40];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(text, sizeof text, "%.*g", precision, v);
        if (strtod(text, NULL) == v)
            break;
    }
    buf_puts(b, text);
}

/* radon's ranks of the index: A 20-100, B 10-19, C 0-9. */
const char *overview_mi_rank(double mi)
{
    return mi >= 20 ? "A" : mi >= 10 ? "B" : "C";
}

static void put_nullable(buf *b, const char *s)
{
    if (s)
        json_put_string(b, s);
    else
        buf_puts(b, "null");
}

static void put_lines(buf *b, const line_counts *l)
{
    buf_printf(b,
               "\"lines\": %ld, \"code_lines\": %ld, \"blank_lines\": %ld, "
               "\"comment_lines\": %ld, \"comment_only_lines\": %ld, \"docstring_lines\": %ld",
               l->physical, l->code, l->blank, l->comment, l->comment_only, l->docstring);
}

static void put_structure(buf *b, const structure_counts *s)
{
    buf_printf(b, "\"statements\": %ld, \"functions\": %ld, \"classes\": %ld", s->statements,
               s->functions, s->classes);
}

static void put_summary(buf *b, const overview_summary *s)
{
    buf_printf(b, "  \"summary\": {\"files\": %ld, \"errors\": %ld, ", s->files, s->errors);
    put_lines(b, &s->lines);
    buf_puts(b, ", ");
    put_structure(b, &s->structure);
    buf_printf(b, ", \"warnings\": %ld, \"complexity\": {\"median\": ", s->warnings);
    overview_put_median(b, s->median_complexity);
    buf_printf(b, ", \"max\": %d}},\n", s->max_complexity);
}

static void put_modules(buf *b, const overview_summary *s)
{
    buf_puts(b, "  \"modules\": [");
    for (size_t i = 0; i < s->nmodules; i++) {
        const module_count *m = &s->modules[i];
        buf_puts(b, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
        json_put_string(b, m->name);
        buf_printf(b, ", \"origin\": \"%s\", \"distribution\": ", overview_origin_name(m->origin));
        put_nullable(b, m->distribution);
        buf_printf(b, ", \"files\": %ld}", m->files);
    }
    buf_puts(b, s->nmodules ? "\n  ],\n" : "],\n");
}

static void put_file_modules(buf *b, const overview_summary *s, const file_metrics *m)
{
    buf_puts(b, "\"modules\": [");
    for (int k = 0; k < m->nmodules; k++) {
        buf_puts(b, k ? ", {\"name\": " : "{\"name\": ");
        json_put_string(b, m->modules[k].name);
        buf_printf(b, ", \"origin\": \"%s\", \"line\": %d}",
                   overview_origin_name(overview_origin(s, &m->modules[k])), m->modules[k].line);
    }
    buf_puts(b, "]");
}

static void put_file_warnings(buf *b, const file_metrics *m)
{
    buf_puts(b, "\"warnings\": [");
    for (int k = 0; k < m->nwarnings; k++) {
        buf_printf(b, "%s{\"line\": %d, \"message\": ", k ? ", " : "", m->warnings[k].lineno);
        json_put_string(b, m->warnings[k].message);
        buf_puts(b, "}");
    }
    buf_puts(b, "]");
}

static void put_files(buf *b, const overview_input *in)
{
    buf_puts(b, "  \"files\": [");
    int first = 1;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        if (!f->metrics)
            continue;
        buf_puts(b, first ? "\n    {\"path\": " : ",\n    {\"path\": ");
        first = 0;
        json_put_string(b, f->path);
        buf_puts(b, ", ");
        put_lines(b, &f->metrics->lines);
        buf_puts(b, ", ");
        put_structure(b, &f->metrics->structure);
        buf_printf(b, ", \"complexity\": %d, \"maintainability\": ", f->metrics->complexity);
        if (f->metrics->has_maintainability) {
            put_double(b, f->metrics->maintainability);
            buf_printf(b, ", \"maintainability_rank\": \"%s\", ",
                       overview_mi_rank(f->metrics->maintainability));
        } else {
            buf_puts(b, "null, \"maintainability_rank\": null, ");
        }
        put_file_warnings(b, f->metrics);
        buf_puts(b, ", ");
        put_file_modules(b, in->summary, f->metrics);
        buf_puts(b, "}");
    }
    buf_puts(b, first ? "],\n" : "\n  ],\n");
}

static const char *kind_name(block_kind k)
{
    return k == BLOCK_CLASS ? "class" : k == BLOCK_METHOD ? "method" : "function";
}

static void put_function(buf *b, const char *path, const cc_block *c)
{
    buf_puts(b, "{\"path\": ");
    json_put_string(b, path);
    buf_puts(b, ", \"name\": ");
    json_put_string(b, c->name);
    buf_printf(b, ", \"kind\": \"%s\", \"line\": %d, \"end_line\": %d, \"complexity\": %d}",
               kind_name(c->kind), c->line, c->end_line, c->complexity);
}

/* Every block in file and source order; with --top N, the N most complex. */
static void put_functions(buf *b, const overview_input *in, long top)
{
    buf_puts(b, "  \"functions\": [");
    long n = 0;
    if (top > 0) {
        const overview_summary *s = in->summary;
        for (size_t i = 0; i < s->nfunctions && n < top; i++, n++) {
            buf_puts(b, n ? ",\n    " : "\n    ");
            put_function(b, s->functions[i].path, s->functions[i].block);
        }
    } else {
        for (size_t i = 0; i < in->scan->nfiles; i++) {
            const scan_file *f = &in->scan->files[i];
            for (int k = 0; f->metrics && k < f->metrics->nblocks; k++, n++) {
                buf_puts(b, n ? ",\n    " : "\n    ");
                put_function(b, f->path, &f->metrics->blocks[k]);
            }
        }
    }
    buf_puts(b, n ? "\n  ],\n" : "],\n");
}

static void put_errors(buf *b, const scan_error *e, size_t n)
{
    buf_puts(b, "  \"errors\": [");
    for (size_t i = 0; i < n; i++) {
        buf_puts(b, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        json_put_string(b, e[i].path);
        if (e[i].line > 0)
            buf_printf(b, ", \"line\": %d, \"message\": ", e[i].line);
        else
            buf_puts(b, ", \"line\": null, \"message\": ");
        json_put_string(b, e[i].message);
        buf_puts(b, "}");
    }
    buf_puts(b, n ? "\n  ]\n" : "]\n");
}

int overview_json(buf *out, const overview_input *in, const overview_options *opt)
{
    scan_error *errors;
    size_t nerrors;
    if (overview_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    buf_puts(out, "{\n  \"tool\": {\"name\": \"krait\", \"version\": ");
    json_put_string(out, KRAIT_VERSION);
    buf_puts(out, "},\n");
    report_origins_json(out, opt->origins, opt->norigins);
    put_summary(out, in->summary);
    put_modules(out, in->summary);
    put_files(out, in);
    put_functions(out, in, opt->top);
    put_errors(out, errors, nerrors);
    buf_puts(out, "}\n");
    free(errors);
    return 0;
}
