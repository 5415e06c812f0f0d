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
    /* For reports that say how they were made (HTML header, SARIF
     * invocation): the command line as typed (NULL: unknown) and when the
     * scan started, in seconds since the epoch (the CLI honours
     * SOURCE_DATE_EPOCH, so reports can be reproducible). */
    const char *command_line;
    long long started_at;
    /* Inputs downloaded from a package index (`pypi:NAME`): the
     * release, file, digest and upload date (report/origin.h); text, JSON
     * and SARIF show them. NULL/0 for a scan of local paths only. */
    const struct report_origin *origins;
    size_t norigins;
} report_options;

/* What a report is made of: the discovery's errors and the scan's files. */
typedef struct report_input {
    const scan_result *scan;
    const scan_error *errors; /* from discover_files */
    size_t nerrors;
    /* The PATH arguments as given (SARIF's uriBaseId, report headers). */
    const char *const *roots;
    int nroots;
    /* The rules that were run (what a clean report says was checked);
     * NULL when unknown. */
    const rules_config *rules;
} report_input;

typedef struct report_stats {
    long files, lines;
    long by_severity[4]; /* indexed by rule_level: [LOW], [MEDIUM], [HIGH] */
    long findings;       /* listed and unsuppressed */
    long suppressed;     /* passed the thresholds, silenced by a comment */
    long notes;          /* warnings about scanned files (unknown IDs in comments) */
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

/* The reports; each returns 0, or -1 when out of memory. One function
 * per format, each in its own file (text.c, json.c, sarif.c, ...). */
typedef int report_writer(buf *out, const report_input *in, const report_options *opt);
report_writer report_text, report_json, report_sarif, report_csv, report_github,
    report_junit, report_gitlab, report_html;

typedef struct report_format {
    const char *name; /* as given to --format */
    report_writer *write;
} report_format;

/* The format called `name`, or NULL. */
const report_format *report_find_format(const char *name);
/* "text, json, ..." for usage messages. */
const char *report_format_names(void);

#endif
