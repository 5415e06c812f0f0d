/* report.h - turning a scan's results into a report (docs/formats.md).
 * The reports are built in memory (a buf) so that the caller decides where
 * they go (stdout, or a temporary file renamed over -o FILE). */
#ifndef KRAIT_REPORT_H
#define KRAIT_REPORT_H

#include <stddef.h>

#include "../base/buf.h"
#include "../scan/scan.h"

typedef struct report_options {
    rule_level min_severity, min_confidence; /* findings below are not shown */
    int show_suppressed; /* list suppressed findings (marked as such) */
    int quiet;           /* text: no summary */
    int colour;          /* text: ANSI colours */
    double elapsed;      /* seconds; the text summary only */
} report_options;

/* What a report is made of: the discovery's errors and the scan's files. */
typedef struct report_input {
    const scan_result *scan;
    const scan_error *errors; /* from discover_files */
    size_t nerrors;
} report_input;

typedef struct report_stats {
    long files, lines;
    long by_severity[4]; /* indexed by rule_level: [LOW], [MEDIUM], [HIGH] */
    long findings;       /* listed and unsuppressed */
    long suppressed;     /* passed the thresholds, silenced by a comment */
    long errors;
} report_stats;

/* The finding passes the thresholds (suppressed or not). */
int report_passes(const report_options *opt, const scan_finding *f);
/* The finding is listed: passes, and is unsuppressed or --show-suppressed. */
int report_lists(const report_options *opt, const scan_finding *f);
void report_compute_stats(const report_input *in, const report_options *opt,
                          report_stats *st);

/* Every error, discovery's and the files', sorted by path then line, in
 * a malloc'd array (*out NULL when there are none). Returns 0, or -1 when
 * out of memory. */
int report_collect_errors(const report_input *in, scan_error **out, size_t *n);

const char *report_level_name(rule_level level); /* "low", "medium", "high" */
const char *report_suppression_name(int suppressed); /* "nosec", ... or NULL */

/* The reports; both return 0, or -1 when out of memory. */
int report_text(buf *out, const report_input *in, const report_options *opt);
int report_json(buf *out, const report_input *in, const report_options *opt);

#endif
