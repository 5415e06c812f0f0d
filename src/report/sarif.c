/* sarif.c - SARIF 2.1.0 (docs/formats.md, "SARIF"), the format GitHub code
 * scanning and most security dashboards read. One run; tool.driver.rules
 * holds the rules that have a result, in catalogue order (the whole
 * catalogue would add 300 KB of help text to every report); every
 * finding that passes the thresholds as a result, suppressed ones included
 * with a `suppressions` entry (consumers hide them but keep the audit
 * trail); errors and notes as tool execution notifications. Paths are
 * relative to SRCROOT, the working directory, which is what CI tools take
 * as the repository root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sarif_common.h"
#include "report.h"
#include "origin.h"

static const char *sarif_level(rule_level level)
{
    return level == HIGH ? "error" : level == MEDIUM ? "warning" : "note";
}

/* GitHub ranks alerts by this CVSS-like score: over 7.0 is high, 4.0 to
 * 6.9 medium, under 4.0 low. */
static const char *security_severity(rule_level level)
{
    return level == HIGH ? "8.0" : level == MEDIUM ? "5.5" : "3.0";
}

static void put_rule_help(jw *w, const rule_info *r)
{
    buf t, md;
    buf_init(&t);
    buf_init(&md);
    buf_printf(&t, "%s\n\nFix: %s", r->help, r->fix);
    buf_printf(&md, "%s\n\n**Fix:** %s", r->help, r->fix);
    if (r->cwe > 0) {
        buf_printf(&t, "\n\nCWE-%d: https://cwe.mitre.org/data/definitions/%d.html", r->cwe,
                   r->cwe);
        buf_printf(&md, "\n\n[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", r->cwe,
                   r->cwe);
    }
    jw_key(w, "help");
    jw_begin_object(w);
    jw_member_string(w, "text", t.data);
    jw_member_string(w, "markdown", md.data);
    jw_end_object(w);
    buf_free(&t);
    buf_free(&md);
}

static void put_rule_properties(jw *w, const rule_info *r)
{
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_key(w, "tags");
    jw_begin_array(w);
    jw_string(w, "security");
    if (r->cwe > 0) {
        char tag[40];
        snprintf(tag, sizeof tag, "external/cwe/cwe-%d", r->cwe);
        jw_string(w, tag);
    }
    jw_string(w, r->family);
    jw_end_array(w);
    jw_member_string(w, "precision", report_level_name(r->confidence));
    jw_member_string(w, "security-severity", security_severity(r->severity));
    jw_member_string(w, "bandit_id", r->bandit);
    jw_member_string(w, "ruff_code", r->ruff);
    jw_end_object(w);
}

static void put_rule(jw *w, const rule_info *r)
{
    jw_begin_object(w);
    jw_member_string(w, "id", r->id);
    jw_member_string(w, "name", r->name);
    sarif_put_text(w, "shortDescription", r->message);
    sarif_put_text(w, "fullDescription", r->help);
    put_rule_help(w, r);
    jw_key(w, "defaultConfiguration");
    jw_begin_object(w);
    jw_member_string(w, "level", sarif_level(r->severity));
    jw_end_object(w);
    put_rule_properties(w, r);
    jw_end_object(w);
}

/* rule_index[r]: the rule's place in tool.driver.rules, or -1. */
static void index_rules(const report_input *in, const report_options *opt,
                        int rule_index[RULE_COUNT])
{
    for (int r = 0; r < RULE_COUNT; r++)
        rule_index[r] = -1;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nfindings; k++)
            if (report_passes(opt, &f->findings[k]))
                rule_index[f->findings[k].rule] = 0;
    }
    int next = 0;
    for (int r = 0; r < RULE_COUNT; r++)
        if (rule_index[r] == 0)
            rule_index[r] = next++;
}

static void put_driver(jw *w, const int rule_index[RULE_COUNT])
{
    jw_key(w, "tool");
    jw_begin_object(w);
    jw_key(w, "driver");
    jw_begin_object(w);
    jw_member_string(w, "name", "krait");
    jw_member_string(w, "version", KRAIT_VERSION);
    jw_member_string(w, "semanticVersion", KRAIT_VERSION);
    jw_key(w, "rules");
    jw_begin_array(w);
    for (int i = 0; i < RULE_COUNT; i++)
        if (rule_index[i] >= 0)
            put_rule(w, &rule_catalogue[i]);
    jw_end_array(w);
    jw_end_object(w);
    jw_end_object(w);
}

static void put_region(jw *w, const scan_finding *f)
{
    jw_key(w, "region");
    jw_begin_object(w);
    jw_member_int(w, "startLine", f->line);
    if (f->column >= 1)
        jw_member_int(w, "startColumn", f->column);
    if (f->end_line >= f->line && f->end_column >= 1) {
        jw_member_int(w, "endLine", f->end_line);
        jw_member_int(w, "endColumn", f->end_column);
    }
    jw_end_object(w);
    /* The snippet is the whole first line: a context region, which must
     * contain the region, so only for a range on one line. */
    if (f->snippet && f->end_line == f->line) {
        jw_key(w, "contextRegion");
        jw_begin_object(w);
        jw_member_int(w, "startLine", f->line);
        jw_key(w, "snippet");
        jw_begin_object(w);
        jw_member_string(w, "text", f->snippet);
        jw_end_object(w);
        jw_end_object(w);
    }
}

static void put_suppression(jw *w, int suppressed)
{
    static const char *const why[] = {
        [SUPPRESSED_NOSEC] = "# nosec comment",
        [SUPPRESSED_NOQA] = "# noqa comment",
        [SUPPRESSED_KRAIT] = "# krait: ignore[...] comment",
    };
    jw_key(w, "suppressions");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_member_string(w, "kind", "inSource");
    int known = suppressed > 0 && (size_t)suppressed < sizeof why / sizeof why[0];
    jw_member_string(w, "justification", known ? why[suppressed] : "suppression comment");
    jw_end_object(w);
    jw_end_array(w);
}

typedef struct sarif_ctx {
    const report_options *opt;
    fc_cwd cwd;
    int rule_index[RULE_COUNT];
} sarif_ctx;

static void put_result(jw *w, const scan_file *file, const scan_finding *f,
                       const char *fingerprint, const sarif_ctx *cx)
{
    jw_begin_object(w);
    jw_member_string(w, "ruleId", rule_catalogue[f->rule].id);
    jw_member_int(w, "ruleIndex", cx->rule_index[f->rule]);
    jw_member_string(w, "level", sarif_level(f->severity));
    sarif_put_text(w, "message", f->message);
    jw_key(w, "locations");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_key(w, "physicalLocation");
    jw_begin_object(w);
    sarif_put_artifact(w, file->path, &cx->cwd);
    put_region(w, f);
    jw_end_object(w);
    jw_end_object(w);
    jw_end_array(w);
    if (fingerprint) {
        jw_key(w, "partialFingerprints");
        jw_begin_object(w);
        jw_member_string(w, "krait/v1", fingerprint);
        jw_end_object(w);
    }
    if (f->suppressed != SUPPRESSED_NOT)
        put_suppression(w, f->suppressed);
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_member_string(w, "severity", report_level_name(f->severity));
    jw_member_string(w, "confidence", report_level_name(f->confidence));
    jw_end_object(w);
    jw_end_object(w);
}

static int put_file_results(jw *w, const scan_file *file, const sarif_ctx *cx)
{
    const char *rel = fc_project_path(file->path, &cx->cwd);
    int ok;
    fc_fingerprint *fp = fc_fingerprints(file, rel ? rel : file->path, &ok);
    if (!ok)
        return -1;
    for (int k = 0; k < file->nfindings; k++)
        if (report_passes(cx->opt, &file->findings[k]))
            put_result(w, file, &file->findings[k], fp ? fp[k].hex : NULL, cx);
    free(fp);
    return 0;
}

static int put_results(jw *w, const report_input *in, const sarif_ctx *cx)
{
    jw_key(w, "results");
    jw_begin_array(w);
    for (size_t i = 0; i < in->scan->nfiles; i++)
        if (put_file_results(w, &in->scan->files[i], cx) != 0)
            return -1;
    jw_end_array(w);
    return 0;
}

static void put_notification(jw *w, const char *level, const char *path, int line,
                             const char *message, const fc_cwd *cwd)
{
    jw_begin_object(w);
    jw_member_string(w, "level", level);
    sarif_put_text(w, "message", message);
    sarif_put_line_location(w, path, line, cwd);
    jw_end_object(w);
}

static void put_notifications(jw *w, const report_input *in, const scan_error *errors,
                              size_t nerrors, const fc_cwd *cwd)
{
    jw_key(w, "toolExecutionNotifications");
    jw_begin_array(w);
    for (size_t i = 0; i < nerrors; i++)
        put_notification(w, "error", errors[i].path, errors[i].line, errors[i].message, cwd);
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nnotes; k++)
            put_notification(w, "warning", f->path, f->notes[k].line, f->notes[k].message, cwd);
    }
    jw_end_array(w);
}

static int put_invocation(jw *w, const report_input *in, const report_options *opt,
                          const report_stats *st, const fc_cwd *cwd)
{
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    char start[32];
    fc_iso_time(start, opt->started_at, 1);
    jw_key(w, "invocations");
    jw_begin_array(w);
    jw_begin_object(w);
    /* As the exit status: a failure only when nothing could be scanned. */
    jw_member_bool(w, "executionSuccessful", !(st->files == 0 && st->errors > 0));
    if (opt->command_line)
        jw_member_string(w, "commandLine", opt->command_line);
    jw_member_string(w, "startTimeUtc", start);
    put_notifications(w, in, errors, nerrors, cwd);
    report_origins_sarif(w, opt->origins, opt->norigins);
    jw_end_object(w);
    jw_end_array(w);
    free(errors);
    return 0;
}

static void put_stats(jw *w, const report_stats *st)
{
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_member_int(w, "files", st->files);
    jw_member_int(w, "lines", st->lines);
    jw_key(w, "findings");
    jw_begin_object(w);
    jw_member_int(w, "high", st->by_severity[HIGH]);
    jw_member_int(w, "medium", st->by_severity[MEDIUM]);
    jw_member_int(w, "low", st->by_severity[LOW]);
    jw_end_object(w);
    jw_member_int(w, "suppressed", st->suppressed);
    jw_member_int(w, "notes", st->notes);
    jw_member_int(w, "errors", st->errors);
    jw_end_object(w);
}

static int write_log(buf *out, const report_input *in, const sarif_ctx *cx)
{
    const report_options *opt = cx->opt;
    report_stats st;
    report_compute_stats(in, opt, &st);
    jw w;
    jw_init(&w, out);
    jw_begin_object(&w);
    jw_member_string(&w, "$schema", SARIF_SCHEMA_URI);
    jw_member_string(&w, "version", "2.1.0");
    jw_key(&w, "runs");
    jw_begin_array(&w);
    jw_begin_object(&w);
    put_driver(&w, cx->rule_index);
    if (put_invocation(&w, in, opt, &st, &cx->cwd) != 0)
        return -1;
    sarif_put_base_ids(&w, &cx->cwd);
    jw_member_string(&w, "columnKind", "unicodeCodePoints");
    if (put_results(&w, in, cx) != 0)
        return -1;
    put_stats(&w, &st);
    jw_end_object(&w);
    jw_end_array(&w);
    jw_end_object(&w);
    buf_putc(out, '\n');
    return 0;
}

int report_sarif(buf *out, const report_input *in, const report_options *opt)
{
    sarif_ctx *cx = malloc(sizeof *cx);
    if (!cx)
        return -1;
    cx->opt = opt;
    fc_get_cwd(&cx->cwd);
    index_rules(in, opt, cx->rule_index);
    int status = write_log(out, in, cx);
    free(cx);
    return status;
}
