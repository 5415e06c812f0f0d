/* deps_report.h - the reports of `krait deps` (docs/formats.md, "krait
 * deps"): text for people; JSON, SARIF and CycloneDX for programs; HTML. */
#ifndef KRAIT_DEPS_REPORT_H
#define KRAIT_DEPS_REPORT_H

#include "../base/buf.h"
#include "../deps/audit.h"

typedef struct deps_report_input {
    const deps_set *deps;
    const audit_result *audit;
    const osv_db *db;
    const char *db_path;
    /* When the run started (SOURCE_DATE_EPOCH when set): the
     * SARIF startTimeUtc and the CycloneDX metadata timestamp. */
    long long started_at;
    /* What was audited (the PATH arguments, then the --site-packages
     * directories) and the command line, for the HTML report's header;
     * NULL/0 when not recorded. */
    const char *const *roots;
    int nroots;
    const char *command_line;
} deps_report_input;

int deps_report_text(buf *out, const deps_report_input *in, int verbose);
int deps_report_json(buf *out, const deps_report_input *in);
/* SARIF 2.1.0 and CycloneDX 1.5 JSON (0, or -1 out of memory). */
int deps_report_sarif(buf *out, const deps_report_input *in);
int deps_report_cyclonedx(buf *out, const deps_report_input *in);
/* One self-contained HTML page in the scan report's frame (html_deps*.c;
 * 0, or -1 out of memory). */
int deps_report_html(buf *out, const deps_report_input *in);

#endif
