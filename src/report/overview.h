/* overview.h - the reports of `krait overview` (docs/formats.md,
 * "krait overview"): text for people, JSON for programs. */
#ifndef KRAIT_OVERVIEW_REPORT_H
#define KRAIT_OVERVIEW_REPORT_H

#include "../base/buf.h"
#include "../metrics/summary.h"
#include "report.h"

typedef struct overview_input {
    const scan_result *scan; /* run with scan_options.metrics */
    const scan_error *errors; /* from discover_files */
    size_t nerrors;
    const overview_summary *summary;
    const char *const *roots; /* the PATH arguments as given */
    int nroots;
} overview_input;

typedef struct overview_options {
    long top;     /* list lengths: 0 = text's default (10) / JSON's all */
    int quiet;    /* text: the summary only, no per-file table */
    double elapsed;
    const char *command_line; /* as for report_options (HTML header) */
    long long started_at;
    /* As report_options.origins (text and JSON show them). */
    const struct report_origin *origins;
    size_t norigins;
} overview_options;

int overview_text(buf *out, const overview_input *in, const overview_options *opt);
int overview_json(buf *out, const overview_input *in, const overview_options *opt);
/* One self-contained HTML page (html_overview.c). */
int overview_html(buf *out, const overview_input *in, const overview_options *opt);

/* radon's rank of a maintainability index: "A" (20-100), "B", "C" (0-9). */
const char *overview_mi_rank(double mi);

/* The median complexity as JSON and text write it: "7" or "7.5". */
void overview_put_median(buf *b, double m);

/* Every error (discovery's and the files'), sorted by path then line;
 * malloc'd. Returns 0, or -1 when out of memory. */
int overview_collect_errors(const overview_input *in, scan_error **out, size_t *n);

#endif
