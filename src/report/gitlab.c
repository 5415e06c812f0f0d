/* gitlab.c - GitLab's SAST report (security report schema 15.1.4,
 * docs/formats.md, "GitLab"), read from a job's `artifacts:reports:sast`.
 * One vulnerability per listed finding; krait's rule ID is the primary
 * identifier (GitLab tracks a vulnerability across commits by it and the
 * location), then the CWE, Bandit and Ruff IDs. Errors, notes and the
 * counts go to scan.messages. Fields the 15.x schema removed (message,
 * cve, confidence, category, scanner of a vulnerability) are not written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats_common.h"
#include "json_write.h"
#include "report.h"

#define SCHEMA_VERSION "15.1.4"
static const char schema_uri[] = "https://gitlab.com/gitlab-org/security-products/"
                                 "security-report-schemas/-/raw/v" SCHEMA_VERSION
                                 "/dist/sast-report-format.json";

/* The schema bounds a name to 255 characters. */
enum { NAME_MAX_CHARS = 255 };

static const char *gitlab_severity(rule_level level)
{
    return level == HIGH ? "High" : level == MEDIUM ? "Medium" : "Low";
}

static void put_identifier(jw *w, const char *type, const char *name, const char *value,
                           const char *url)
{
    jw_begin_object(w);
    jw_member_string(w, "type", type);
    jw_member_string(w, "name", name);
    jw_member_string(w, "value", value);
    if (url)
        jw_member_string(w, "url", url);
    jw_end_object(w);
}

static void put_identifiers(jw *w, const rule_info *r)
{
    char name[96], value[16], url[80];
    jw_key(w, "identifiers");
    jw_begin_array(w);
    snprintf(name, sizeof name, "krait %s %s", r->id, r->name);
    put_identifier(w, "krait_rule_id", name, r->id, NULL);
    if (r->cwe > 0) {
        snprintf(name, sizeof name, "CWE-%d", r->cwe);
        snprintf(value, sizeof value, "%d", r->cwe);
        snprintf(url, sizeof url, "https://cwe.mitre.org/data/definitions/%d.html", r->cwe);
        put_identifier(w, "cwe", name, value, url);
    }
    if (r->bandit) {
        snprintf(name, sizeof name, "Bandit Test ID %s", r->bandit);
        put_identifier(w, "bandit_test_id", name, r->bandit, NULL);
    }
    if (r->ruff) {
        snprintf(name, sizeof name, "Ruff rule %s", r->ruff);
        put_identifier(w, "ruff_rule", name, r->ruff, NULL);
    }
    jw_end_array(w);
}

/* 8-4-4-4-12 hex digits from the 32 of a fingerprint: GitLab recommends a
 * UUID as the id; this one is the same on every run. */
static void uuid_from(char out[37], const char *hex)
{
    snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/* At most NAME_MAX_CHARS code points of s, cut on a character boundary. */
static void put_name(jw *w, const char *s)
{
    size_t len = strlen(s), i = 0;
    for (int chars = 0; i < len && chars < NAME_MAX_CHARS; chars++) {
        unsigned cp;
        i += fc_next_cp(s + i, len - i, &cp);
    }
    buf b;
    buf_init(&b);
    buf_put(&b, s, i);
    jw_member_string(w, "name", b.data ? b.data : "");
    buf_free(&b);
}

static void put_flag(jw *w, int suppressed)
{
    char why[80];
    snprintf(why, sizeof why, "suppressed in the source by a %s comment",
             report_suppression_name(suppressed));
    jw_key(w, "flags");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_member_string(w, "type", "flagged-as-likely-false-positive");
    jw_member_string(w, "origin", "krait");
    jw_member_string(w, "description", why);
    jw_end_object(w);
    jw_end_array(w);
}

static void put_vulnerability(jw *w, const char *file, const scan_finding *f, const char *hex)
{
    const rule_info *r = &rule_catalogue[f->rule];
    char id[37];
    uuid_from(id, hex);
    buf desc;
    buf_init(&desc);
    buf_printf(&desc, "%s\n\n%s", f->message, r->help);
    jw_begin_object(w);
    jw_member_string(w, "id", id);
    put_name(w, r->message);
    jw_member_string(w, "description", desc.data);
    jw_member_string(w, "severity", gitlab_severity(f->severity));
    jw_member_string(w, "solution", r->fix);
    put_identifiers(w, r);
    jw_key(w, "location");
    jw_begin_object(w);
    jw_member_string(w, "file", file);
    jw_member_int(w, "start_line", f->line);
    jw_member_int(w, "end_line", f->end_line >= f->line ? f->end_line : f->line);
    jw_end_object(w);
    if (f->snippet)
        jw_member_string(w, "raw_source_code_extract", f->snippet);
    if (f->suppressed != SUPPRESSED_NOT)
        put_flag(w, f->suppressed);
    jw_end_object(w);
    buf_free(&desc);
}

static int put_vulnerabilities(jw *w, const report_input *in, const report_options *opt,
                               const fc_cwd *cwd)
{
    jw_key(w, "vulnerabilities");
    jw_begin_array(w);
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        const char *rel = fc_project_path(f->path, cwd);
        const char *file = rel ? rel : f->path;
        int ok;
        fc_fingerprint *fp = fc_fingerprints(f, file, &ok);
        if (!ok)
            return -1;
        for (int k = 0; k < f->nfindings; k++)
            if (report_lists(opt, &f->findings[k]))
                put_vulnerability(w, file, &f->findings[k], fp[k].hex);
        free(fp);
    }
    jw_end_array(w);
    return 0;
}

static void put_message(jw *w, const char *level, const char *text)
{
    jw_begin_object(w);
    jw_member_string(w, "level", level);
    jw_member_string(w, "value", text);
    jw_end_object(w);
}

static void put_line_message(jw *w, const char *level, const char *path, int line,
                             const char *text)
{
    buf b;
    buf_init(&b);
    if (line > 0)
        buf_printf(&b, "%s:%d: %s", path, line, text);
    else
        buf_printf(&b, "%s: %s", path, text);
    put_message(w, level, b.data);
    buf_free(&b);
}

static int put_messages(jw *w, const report_input *in, const report_stats *st)
{
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    jw_key(w, "messages");
    jw_begin_array(w);
    buf summary;
    buf_init(&summary);
    buf_puts(&summary, "krait: ");
    fc_put_summary(&summary, st);
    put_message(w, "info", summary.data);
    buf_free(&summary);
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nnotes; k++)
            put_line_message(w, "warn", f->path, f->notes[k].line, f->notes[k].message);
    }
    for (size_t i = 0; i < nerrors; i++)
        put_line_message(w, "warn", errors[i].path, errors[i].line, errors[i].message);
    jw_end_array(w);
    free(errors);
    return 0;
}

static void put_tool(jw *w, const char *key)
{
    jw_key(w, key);
    jw_begin_object(w);
    jw_member_string(w, "id", "krait");
    jw_member_string(w, "name", "krait");
    jw_member_string(w, "version", KRAIT_VERSION);
    jw_key(w, "vendor");
    jw_begin_object(w);
    jw_member_string(w, "name", "krait");
    jw_end_object(w);
    jw_end_object(w);
}

static int put_scan(jw *w, const report_input *in, const report_options *opt,
                    const report_stats *st)
{
    char start[32], end[32];
    fc_iso_time(start, opt->started_at, 0);
    /* Whole seconds: the schema's times have no fraction. */
    fc_iso_time(end, opt->started_at + (long long)(opt->elapsed > 0 ? opt->elapsed : 0), 0);
    jw_key(w, "scan");
    jw_begin_object(w);
    put_tool(w, "analyzer");
    put_tool(w, "scanner");
    jw_member_string(w, "type", "sast");
    jw_member_string(w, "start_time", start);
    jw_member_string(w, "end_time", end);
    /* As the exit status: a failure only when nothing could be scanned. */
    jw_member_string(w, "status", st->files == 0 && st->errors > 0 ? "failure" : "success");
    if (put_messages(w, in, st) != 0)
        return -1;
    jw_end_object(w);
    return 0;
}

int report_gitlab(buf *out, const report_input *in, const report_options *opt)
{
    fc_cwd cwd;
    fc_get_cwd(&cwd);
    report_stats st;
    report_compute_stats(in, opt, &st);
    jw w;
    jw_init(&w, out);
    jw_begin_object(&w);
    jw_member_string(&w, "version", SCHEMA_VERSION);
    jw_member_string(&w, "schema", schema_uri);
    if (put_scan(&w, in, opt, &st) != 0 || put_vulnerabilities(&w, in, opt, &cwd) != 0)
        return -1;
    jw_end_object(&w);
    buf_putc(out, '\n');
    return 0;
}
