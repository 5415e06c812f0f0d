/* deps_text.c - `krait deps` for people: each vulnerable dependency with
 * its vulnerabilities and the upgrade to make, what could not be audited,
 * the readers' errors, then a summary. */
#include <string.h>

#include "deps_report.h"

static void put_location(buf *b, const deps_record *r)
{
    if (r->line > 0)
        buf_printf(b, "%s:%d: ", r->path, r->line);
    else
        buf_printf(b, "%s: ", r->path);
}

static void put_requirement(buf *b, const deps_record *r)
{
    buf_puts(b, r->name ? r->name : (r->url ? r->url : "?"));
    if (r->version && !r->specifier[0])
        buf_printf(b, " %s", r->version);
    else
        buf_puts(b, r->specifier);
}

static void put_ids(buf *b, const osv_vuln *v)
{
    buf_puts(b, v->id);
    int first = 1;
    for (size_t i = 0; i < v->nids; i++) {
        if (strcmp(v->ids[i], v->id) == 0)
            continue;
        buf_puts(b, first ? " (" : ", ");
        buf_puts(b, v->ids[i]);
        first = 0;
    }
    if (!first)
        buf_putc(b, ')');
}

static void put_vuln(buf *b, arena *a, const osv_vuln *v, const pep440_version *fixed)
{
    buf_puts(b, "    ");
    put_ids(b, v);
    double score = audit_max_score(v);
    buf_printf(b, " [%s", audit_severity(v));
    if (score >= 0)
        buf_printf(b, " %.1f", score);
    buf_putc(b, ']');
    const char *summary = audit_summary(a, v);
    if (summary)
        buf_printf(b, " %s", summary);
    if (fixed)
        buf_printf(b, "; fixed in %s", pep440_to_string(a, fixed));
    buf_putc(b, '\n');
}

static void put_item(buf *b, arena *a, const audit_item *it)
{
    const deps_record *r = it->rec;
    put_location(b, r);
    put_requirement(b, r);
    if (it->status == AUDIT_PINNED)
        buf_printf(b, ": %zu known %s", it->report.n,
                   it->report.n == 1 ? "vulnerability" : "vulnerabilities");
    else
        buf_printf(b, ": the allowed versions still admit %zu known %s", it->report.n,
                   it->report.n == 1 ? "vulnerability" : "vulnerabilities");
    if (it->report.safe)
        buf_printf(b, "; %s %s", it->status == AUDIT_PINNED ? "upgrade to" : "lowest version without any:",
                   pep440_to_string(a, it->report.safe));
    buf_putc(b, '\n');
    for (size_t k = 0; k < it->report.n; k++) {
        const osv_vuln *v = &it->report.vulns[k];
        const pep440_version *in_range = it->fixed_in_range ? it->fixed_in_range[k] : NULL;
        put_vuln(b, a, v, in_range ? in_range : v->fixed);
    }
}

static void put_unauditable(buf *b, const audit_result *res)
{
    for (size_t i = 0; i < res->n; i++) {
        const audit_item *it = &res->items[i];
        if (it->status != AUDIT_UNAUDITABLE)
            continue;
        put_location(b, it->rec);
        put_requirement(b, it->rec);
        buf_printf(b, ": not audited: %s\n",
                   it->rec->unauditable ? it->rec->unauditable : "no valid name");
    }
}

static void put_problems(buf *b, const deps_error *e, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        if (e[i].line > 0)
            buf_printf(b, "%s:%d: %s: %s\n", e[i].path, e[i].line, what, e[i].message);
        else
            buf_printf(b, "%s: %s: %s\n", e[i].path, what, e[i].message);
    }
}

int deps_report_text(buf *out, const deps_report_input *in, int verbose)
{
    arena *a = arena_new();
    const audit_result *res = in->audit;
    for (size_t i = 0; i < res->n; i++)
        if (res->items[i].report.n > 0 || (verbose && res->items[i].status != AUDIT_UNAUDITABLE))
            put_item(out, a, &res->items[i]);
    put_unauditable(out, res);
    put_problems(out, in->deps->errors, in->deps->nerrors, "error");
    if (verbose)
        put_problems(out, in->deps->notes, in->deps->nnotes, "note");
    if (out->len)
        buf_putc(out, '\n');
    buf_printf(out, "dependencies: %zu (%zu audited, %zu not auditable)\n", res->n,
               res->audited, res->unauditable);
    buf_printf(out, "vulnerable: %zu, vulnerabilities: %zu", res->vulnerable,
               res->vulnerabilities);
    if (res->ignored)
        buf_printf(out, " (%zu ignored with --ignore-vuln)", res->ignored);
    buf_putc(out, '\n');
    buf_printf(out, "errors: %zu\n", in->deps->nerrors);
    const char *newest = osv_db_newest_modified(in->db);
    buf_printf(out, "database: %s (%zu advisories, newest modified %s)\n", in->db_path,
               osv_db_stats(in->db)->loaded, newest ? newest : "unknown");
    arena_free(a);
    return 0;
}
