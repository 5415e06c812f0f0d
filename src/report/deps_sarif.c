/* deps_sarif.c - `krait deps --format sarif` (docs/formats.md, "krait
 * deps"): SARIF 2.1.0 for code-scanning dashboards. One result per
 * (dependency, vulnerability), located at the declaring file and line;
 * tool.driver.rules holds the vulnerabilities found, in order of first
 * appearance (the audit's order is deterministic). Paths are relative to
 * SRCROOT, the working directory, as in the scan's SARIF report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deps_report.h"
#include "sarif_common.h"
#include "json_write.h"

/* Rules: the distinct primary IDs, each with the vulnerability that first
 * named it (its advisories and aliases do not depend on the dependency). */
typedef struct ds_rules {
    const osv_vuln **v;
    size_t n;
} ds_rules;

static long rule_find(const ds_rules *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->v[i]->id, id) == 0)
            return (long)i;
    return -1;
}

static int rules_collect(const audit_result *res, ds_rules *r)
{
    r->n = 0;
    r->v = malloc((res->vulnerabilities + 1) * sizeof *r->v);
    if (!r->v)
        return -1;
    for (size_t i = 0; i < res->n; i++)
        for (size_t k = 0; k < res->items[i].report.n; k++) {
            const osv_vuln *v = &res->items[i].report.vulns[k];
            if (rule_find(r, v->id) < 0 && r->n <= res->vulnerabilities)
                r->v[r->n++] = v;
        }
    return 0;
}

static const char *level_of(const osv_vuln *v)
{
    const char *s = audit_severity(v);
    return strcmp(s, "critical") == 0 || strcmp(s, "high") == 0 ? "error"
           : strcmp(s, "medium") == 0                          ? "warning"
                                                               : "note";
}

/* The help: aliases, the fix and every advisory's references, as text and
 * as markdown. */
static void put_rule_help(jw *w, arena *a, const osv_vuln *v)
{
    buf t, md;
    buf_init(&t);
    buf_init(&md);
    const char *summary = audit_summary(a, v);
    buf_printf(&t, "%s: %s", v->id, summary ? summary : "no summary");
    buf_printf(&md, "**%s**: %s", v->id, summary ? summary : "no summary");
    buf_puts(&t, "\n\nIDs:");
    buf_puts(&md, "\n\nIDs:");
    for (size_t i = 0; i < v->nids; i++) {
        buf_printf(&t, " %s", v->ids[i]);
        buf_printf(&md, " [%s](https://osv.dev/vulnerability/%s)", v->ids[i], v->ids[i]);
    }
    if (v->fixed) {
        const char *f = pep440_to_string(a, v->fixed);
        buf_printf(&t, "\n\nFixed in %s.", f);
        buf_printf(&md, "\n\nFixed in %s.", f);
    }
    buf_puts(&t, "\n\nReferences:");
    buf_puts(&md, "\n\nReferences:\n");
    for (size_t i = 0; i < v->nadvisories; i++)
        for (size_t k = 0; k < v->advisories[i]->nreferences; k++) {
            const osv_reference *ref = &v->advisories[i]->references[k];
            buf_printf(&t, "\n%s: %s", ref->type ? ref->type : "WEB", ref->url);
            buf_printf(&md, "\n- %s: <%s>", ref->type ? ref->type : "WEB", ref->url);
        }
    jw_key(w, "help");
    jw_begin_object(w);
    jw_member_string(w, "text", t.data);
    jw_member_string(w, "markdown", md.data);
    jw_end_object(w);
    buf_free(&t);
    buf_free(&md);
}

static void put_rule(jw *w, arena *a, const osv_vuln *v)
{
    jw_begin_object(w);
    jw_member_string(w, "id", v->id);
    char uri[256];
    snprintf(uri, sizeof uri, "https://osv.dev/vulnerability/%s", v->id);
    jw_member_string(w, "helpUri", uri);
    const char *summary = audit_summary(a, v);
    sarif_put_text(w, "shortDescription", summary ? summary : v->id);
    put_rule_help(w, a, v);
    jw_key(w, "defaultConfiguration");
    jw_begin_object(w);
    jw_member_string(w, "level", level_of(v));
    jw_end_object(w);
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_key(w, "tags");
    jw_begin_array(w);
    jw_string(w, "security");
    jw_string(w, "dependency");
    jw_end_array(w);
    double score = audit_max_score(v);
    if (score >= 0) {
        /* GitHub ranks alerts by this; the CVSS base score is what it means. */
        char text[16];
        snprintf(text, sizeof text, "%.1f", score);
        jw_member_string(w, "security-severity", text);
    }
    jw_member_string(w, "severity", audit_severity(v));
    jw_end_object(w);
    jw_end_object(w);
}

static void put_driver(jw *w, arena *a, const ds_rules *r)
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
    for (size_t i = 0; i < r->n; i++)
        put_rule(w, a, r->v[i]);
    jw_end_array(w);
    jw_end_object(w);
    jw_end_object(w);
}

/* "requests 2.5.0" for an exact version, else "flask>=0.12,<2". */
static void put_requirement(buf *b, const audit_item *it)
{
    const deps_record *r = it->rec;
    buf_puts(b, r->name ? r->name : (r->url ? r->url : "?"));
    if (r->version && (it->status == AUDIT_PINNED || !r->specifier[0]))
        buf_printf(b, " %s", r->version);
    else
        buf_puts(b, r->specifier);
}

/* Stable across runs and line moves: package key, vulnerability ID and
 * project path, plus the rank among results with the same three (a file
 * may declare a package twice, in two groups). */
static void fingerprint(char hex[33], const deps_record *r, const char *id, const char *path,
                        int rank)
{
    const char *key = r->key ? r->key : (r->name ? r->name : "");
    uint64_t h[2] = {FC_HASH_SEED, 0x84222325cbf29ce4ULL};
    for (int i = 0; i < 2; i++) {
        h[i] = fc_hash(h[i], key, strlen(key) + 1);
        h[i] = fc_hash(h[i], id, strlen(id) + 1);
        h[i] = fc_hash(h[i], path, strlen(path) + 1);
        h[i] = fc_hash(h[i], &rank, sizeof rank);
    }
    snprintf(hex, 33, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
}

static int same_triple(const audit_item *a, const audit_item *b)
{
    const char *ka = a->rec->key ? a->rec->key : "", *kb = b->rec->key ? b->rec->key : "";
    return strcmp(ka, kb) == 0 && strcmp(a->rec->path, b->rec->path) == 0;
}

/* How many earlier items share this one's key and path and have the same
 * vulnerability. */
static int rank_of(const audit_result *res, size_t item, const char *id)
{
    int rank = 0;
    for (size_t i = 0; i < item; i++) {
        if (!same_triple(&res->items[i], &res->items[item]))
            continue;
        for (size_t k = 0; k < res->items[i].report.n; k++)
            if (strcmp(res->items[i].report.vulns[k].id, id) == 0)
                rank++;
    }
    return rank;
}

static void put_result(jw *w, arena *a, const deps_report_input *in, size_t item, size_t k,
                       const ds_rules *rules, const fc_cwd *cwd)
{
    const audit_item *it = &in->audit->items[item];
    const osv_vuln *v = &it->report.vulns[k];
    const pep440_version *fix = it->fixed_in_range && it->fixed_in_range[k]
                                    ? it->fixed_in_range[k]
                                    : v->fixed;
    buf msg;
    buf_init(&msg);
    put_requirement(&msg, it);
    const char *summary = audit_summary(a, v);
    buf_printf(&msg, ": %s", v->id);
    if (summary)
        buf_printf(&msg, " (%s)", summary);
    if (fix)
        buf_printf(&msg, "; fixed in %s", pep440_to_string(a, fix));
    jw_begin_object(w);
    jw_member_string(w, "ruleId", v->id);
    jw_member_int(w, "ruleIndex", rule_find(rules, v->id));
    jw_member_string(w, "level", level_of(v));
    sarif_put_text(w, "message", msg.data);
    sarif_put_line_location(w, it->rec->path, it->rec->line, cwd);
    const char *rel = fc_project_path(it->rec->path, cwd);
    char hex[33];
    fingerprint(hex, it->rec, v->id, rel ? rel : it->rec->path, rank_of(in->audit, item, v->id));
    jw_key(w, "partialFingerprints");
    jw_begin_object(w);
    jw_member_string(w, "krait/deps/v1", hex);
    jw_end_object(w);
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_member_string(w, "package", it->rec->name);
    jw_member_string(w, "version", it->rec->version);
    jw_member_string(w, "specifier", it->rec->specifier);
    jw_member_string(w, "fixed_in", fix ? pep440_to_string(a, fix) : NULL);
    jw_end_object(w);
    jw_end_object(w);
    buf_free(&msg);
}

static void put_notification(jw *w, const char *level, const deps_error *e, const fc_cwd *cwd)
{
    jw_begin_object(w);
    jw_member_string(w, "level", level);
    sarif_put_text(w, "message", e->message);
    if (e->path && e->path[0])
        sarif_put_line_location(w, e->path, e->line, cwd);
    jw_end_object(w);
}

static void put_invocation(jw *w, const deps_report_input *in, const fc_cwd *cwd)
{
    const deps_set *d = in->deps;
    char start[32];
    fc_iso_time(start, in->started_at, 1);
    jw_key(w, "invocations");
    jw_begin_array(w);
    jw_begin_object(w);
    /* As the exit status: a failure only when nothing could be read. */
    jw_member_bool(w, "executionSuccessful", !(d->n == 0 && d->nerrors > 0));
    jw_member_string(w, "startTimeUtc", start);
    jw_key(w, "toolExecutionNotifications");
    jw_begin_array(w);
    for (size_t i = 0; i < d->nerrors; i++)
        put_notification(w, "error", &d->errors[i], cwd);
    for (size_t i = 0; i < d->nnotes; i++)
        put_notification(w, "note", &d->notes[i], cwd);
    jw_end_array(w);
    jw_end_object(w);
    jw_end_array(w);
}

static void put_stats(jw *w, const deps_report_input *in)
{
    const audit_result *res = in->audit;
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_member_string(w, "database", in->db_path);
    jw_member_int(w, "advisories", (long long)osv_db_stats(in->db)->loaded);
    jw_member_int(w, "dependencies", (long long)res->n);
    jw_member_int(w, "audited", (long long)res->audited);
    jw_member_int(w, "not_auditable", (long long)res->unauditable);
    jw_member_int(w, "vulnerable", (long long)res->vulnerable);
    jw_member_int(w, "vulnerabilities", (long long)res->vulnerabilities);
    jw_member_int(w, "ignored", (long long)res->ignored);
    jw_end_object(w);
}

static void put_run(jw *w, arena *a, const deps_report_input *in, const ds_rules *rules,
                    const fc_cwd *cwd)
{
    jw_begin_object(w);
    put_driver(w, a, rules);
    put_invocation(w, in, cwd);
    sarif_put_base_ids(w, cwd);
    jw_key(w, "results");
    jw_begin_array(w);
    for (size_t i = 0; i < in->audit->n; i++)
        for (size_t k = 0; k < in->audit->items[i].report.n; k++)
            put_result(w, a, in, i, k, rules, cwd);
    jw_end_array(w);
    put_stats(w, in);
    jw_end_object(w);
}

int deps_report_sarif(buf *out, const deps_report_input *in)
{
    ds_rules rules;
    fc_cwd *cwd = malloc(sizeof *cwd);
    arena *a = arena_new();
    if (!cwd || !a || rules_collect(in->audit, &rules) != 0) {
        free(cwd);
        if (a)
            arena_free(a);
        return -1;
    }
    fc_get_cwd(cwd);
    jw w;
    jw_init(&w, out);
    jw_begin_object(&w);
    jw_member_string(&w, "$schema", SARIF_SCHEMA_URI);
    jw_member_string(&w, "version", "2.1.0");
    jw_key(&w, "runs");
    jw_begin_array(&w);
    put_run(&w, a, in, &rules, cwd);
    jw_end_array(&w);
    jw_end_object(&w);
    buf_putc(out, '\n');
    free(rules.v);
    free(cwd);
    arena_free(a);
    return 0;
}
