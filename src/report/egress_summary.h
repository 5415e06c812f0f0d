/* egress_summary.h - the per-file egress verdict (docs/formats.md,
 * "Egress"): from a scan's findings in the egress family (KR10xx), each
 * scanned file either has "outbound connection logic found", with the
 * lines of those findings and the destinations they name (hard-coded URLs,
 * IP addresses, webhooks), or "no logic for connecting to remote services
 * found". Shown by the text and JSON reports when egress rules ran. */
#ifndef KRAIT_EGRESS_SUMMARY_H
#define KRAIT_EGRESS_SUMMARY_H

#include "report.h"

#define EGRESS_VERDICT_FOUND "outbound connection logic found"
#define EGRESS_VERDICT_NONE "no logic for connecting to remote services found"

typedef struct egress_file_summary {
    const char *path;
    int outbound;               /* 1: outbound connection logic found */
    int *lines;                 /* distinct lines of egress findings, ascending */
    int nlines;
    const char **destinations;  /* distinct, in order of line; point into messages */
    int ndestinations;
} egress_file_summary;

typedef struct egress_summary {
    /* 0 when no egress rule ran, the report does not say which rules ran
     * (report_input.rules NULL), or the thresholds hide egress findings
     * (--severity medium): then there is no verdict to give. */
    int active;
    egress_file_summary *files; /* every scanned file, in the report's order */
    size_t nfiles;
    size_t noutbound;           /* files with outbound connection logic */
} egress_summary;

/* Counts the findings the report counts: passing the thresholds and not
 * suppressed. Returns 0, or -1 when out of memory (*out then empty). */
int egress_summary_build(const report_input *in, const report_options *opt,
                         egress_summary *out);
void egress_summary_free(egress_summary *s);

/* The text report's section (nothing when inactive): the files with
 * outbound logic, each with its lines and destinations, then one line
 * counting the others. Returns 0, or -1 when out of memory. */
int egress_summary_text(buf *out, const report_input *in, const report_options *opt);

/* The JSON report's member `  "egress": {...},\n` (nothing when inactive).
 * Returns 0, or -1 when out of memory. */
int egress_summary_json(buf *out, const report_input *in, const report_options *opt);

#endif
