/* report.c - what every report format shares: which findings are shown,
 * the statistics, and the merged, sorted list of errors. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

int report_passes(const report_options *opt, const scan_finding *f)
{
    return (int)f->severity >= (int)opt->min_severity &&
           (int)f->confidence >= (int)opt->min_confidence;
}

int report_lists(const report_options *opt, const scan_finding *f)
{
    return report_passes(opt, f) && (f->suppressed == SUPPRESSED_NOT || opt->show_suppressed);
}

const char *report_level_name(rule_level level)
{
    switch (level) {
    case LOW:
        return "low";
    case MEDIUM:
        return "medium";
    case HIGH:
        return "high";
    }
    return "unknown";
}

const char *report_suppression_name(int suppressed)
{
    switch (suppressed) {
    case SUPPRESSED_NOSEC:
        return "nosec";
    case SUPPRESSED_NOQA:
        return "noqa";
    case SUPPRESSED_KRAIT:
        return "krait";
    default:
        return NULL;
    }
}

static void count_file(const scan_file *f, const report_options *opt, report_stats *st)
{
    if (f->failed) {
        st->errors++;
        return;
    }
    if (!f->scanned)
        return;
    st->files++;
    st->lines += f->lines;
    st->notes += f->nnotes;
    for (int i = 0; i < f->nfindings; i++) {
        const scan_finding *x = &f->findings[i];
        if (!report_passes(opt, x))
            continue;
        if (x->suppressed != SUPPRESSED_NOT) {
            st->suppressed++;
        } else {
            st->findings++;
            if (x->severity >= LOW && x->severity <= HIGH)
                st->by_severity[x->severity]++;
        }
    }
}

void report_compute_stats(const report_input *in, const report_options *opt,
                          report_stats *st)
{
    memset(st, 0, sizeof *st);
    st->errors = (long)in->nerrors;
    for (size_t i = 0; i < in->scan->nfiles; i++)
        count_file(&in->scan->files[i], opt, st);
}

static int compare_errors(const void *a, const void *b)
{
    const scan_error *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return strcmp(x->message, y->message);
}

int report_collect_errors(const report_input *in, scan_error **out, size_t *n)
{
    size_t total = in->nerrors;
    for (size_t i = 0; i < in->scan->nfiles; i++)
        total += (size_t)in->scan->files[i].failed;
    *out = NULL;
    *n = 0;
    if (total == 0)
        return 0;
    scan_error *all = malloc(total * sizeof *all);
    if (!all)
        return -1;
    if (in->nerrors)
        memcpy(all, in->errors, in->nerrors * sizeof *all);
    size_t k = in->nerrors;
    for (size_t i = 0; i < in->scan->nfiles; i++)
        if (in->scan->files[i].failed)
            all[k++] = in->scan->files[i].error;
    qsort(all, k, sizeof *all, compare_errors);
    *out = all;
    *n = k;
    return 0;
}
