/* deps_json.c - `krait deps --format json` (docs/formats.md, "krait
 * deps"): one object per declared dependency, in the order read, with its
 * vulnerabilities; members in a fixed order, no time. */
#include <stdio.h>
#include <string.h>

#include "deps_report.h"
#include "json_write.h"

static void put_version(jw *w, arena *a, const char *key, const pep440_version *v)
{
    jw_member_string(w, key, v ? pep440_to_string(a, v) : NULL);
}

static void put_severities(jw *w, const osv_vuln *v)
{
    jw_key(w, "severity");
    jw_begin_array(w);
    for (size_t i = 0; i < v->nadvisories; i++) {
        const osv_advisory *adv = v->advisories[i];
        for (size_t k = 0; k < adv->nseverity; k++) {
            const osv_severity *s = &adv->severity[k];
            jw_begin_object(w);
            jw_member_string(w, "advisory", adv->id);
            jw_member_string(w, "type", s->type);
            jw_member_string(w, "vector", s->score);
            jw_key(w, "base_score");
            if (s->has_base) {
                /* CVSS base scores have one decimal by definition. */
                char text[16];
                snprintf(text, sizeof text, "%.1f", s->base);
                jw_raw(w, text);
            } else {
                jw_raw(w, "null");
            }
            jw_end_object(w);
        }
    }
    jw_end_array(w);
}

static void put_vuln(jw *w, arena *a, const osv_vuln *v, const pep440_version *in_range)
{
    jw_begin_object(w);
    jw_member_string(w, "id", v->id);
    jw_key(w, "ids");
    jw_begin_array(w);
    for (size_t i = 0; i < v->nids; i++)
        jw_string(w, v->ids[i]);
    jw_end_array(w);
    jw_member_string(w, "summary", audit_summary(a, v));
    jw_member_string(w, "severity_rating", audit_severity(v));
    put_severities(w, v);
    put_version(w, a, "fixed", v->fixed);
    put_version(w, a, "fixed_in_range", in_range);
    jw_end_object(w);
}

static const char *status_name(audit_status s)
{
    return s == AUDIT_PINNED ? "pinned" : s == AUDIT_RANGE ? "range" : "not_auditable";
}

static void put_item(jw *w, arena *a, const audit_item *it)
{
    const deps_record *r = it->rec;
    jw_begin_object(w);
    jw_member_string(w, "name", r->name);
    jw_member_string(w, "key", r->key);
    jw_member_string(w, "specifier", r->specifier);
    jw_member_string(w, "version", r->version);
    jw_member_string(w, "marker", r->marker);
    jw_member_string(w, "url", r->url);
    jw_member_string(w, "path", r->path);
    jw_member_int(w, "line", r->line);
    jw_member_string(w, "source", deps_kind_name(r->kind));
    jw_member_string(w, "group", r->group);
    jw_member_string(w, "status", status_name(it->status));
    jw_member_string(w, "not_auditable", it->status == AUDIT_UNAUDITABLE
                                             ? (r->unauditable ? r->unauditable : "no valid name")
                                             : NULL);
    put_version(w, a, it->status == AUDIT_PINNED ? "upgrade_to" : "lowest_safe", it->report.safe);
    jw_key(w, "vulnerabilities");
    jw_begin_array(w);
    for (size_t k = 0; k < it->report.n; k++)
        put_vuln(w, a, &it->report.vulns[k], it->fixed_in_range ? it->fixed_in_range[k] : NULL);
    jw_end_array(w);
    jw_end_object(w);
}

/* The flat list: one entry per (dependency, vulnerability), for programs
 * that want the vulnerabilities without walking the dependencies. */
static void put_vulnerability_list(jw *w, arena *a, const audit_result *res)
{
    jw_key(w, "vulnerabilities");
    jw_begin_array(w);
    for (size_t i = 0; i < res->n; i++) {
        const audit_item *it = &res->items[i];
        for (size_t k = 0; k < it->report.n; k++) {
            const osv_vuln *v = &it->report.vulns[k];
            const pep440_version *in_range = it->fixed_in_range ? it->fixed_in_range[k] : NULL;
            jw_begin_object(w);
            jw_member_string(w, "package", it->rec->name);
            jw_member_string(w, "version", it->rec->version);
            jw_member_string(w, "specifier", it->rec->specifier);
            jw_member_string(w, "path", it->rec->path);
            jw_member_int(w, "line", it->rec->line);
            jw_member_string(w, "id", v->id);
            jw_key(w, "aliases");
            jw_begin_array(w);
            for (size_t j = 0; j < v->nids; j++)
                if (strcmp(v->ids[j], v->id) != 0)
                    jw_string(w, v->ids[j]);
            jw_end_array(w);
            put_version(w, a, "fixed_in", in_range ? in_range : v->fixed);
            jw_member_string(w, "summary", audit_summary(a, v));
            jw_member_string(w, "severity_rating", audit_severity(v));
            jw_end_object(w);
        }
    }
    jw_end_array(w);
}

static void put_problems(jw *w, const char *key, const deps_error *e, size_t n)
{
    jw_key(w, key);
    jw_begin_array(w);
    for (size_t i = 0; i < n; i++) {
        jw_begin_object(w);
        jw_member_string(w, "path", e[i].path);
        jw_key(w, "line");
        if (e[i].line > 0)
            jw_int(w, e[i].line);
        else
            jw_raw(w, "null");
        jw_member_string(w, "message", e[i].message);
        jw_end_object(w);
    }
    jw_end_array(w);
}

int deps_report_json(buf *out, const deps_report_input *in)
{
    arena *a = arena_new();
    const audit_result *res = in->audit;
    jw w;
    jw_init(&w, out);
    jw_begin_object(&w);
    jw_key(&w, "tool");
    jw_begin_object(&w);
    jw_member_string(&w, "name", "krait");
    jw_member_string(&w, "version", KRAIT_VERSION);
    jw_end_object(&w);
    jw_key(&w, "database");
    jw_begin_object(&w);
    jw_member_string(&w, "path", in->db_path);
    jw_member_int(&w, "advisories", (long long)osv_db_stats(in->db)->loaded);
    jw_member_string(&w, "newest_modified", osv_db_newest_modified(in->db));
    jw_end_object(&w);
    jw_key(&w, "dependencies");
    jw_begin_array(&w);
    for (size_t i = 0; i < res->n; i++)
        put_item(&w, a, &res->items[i]);
    jw_end_array(&w);
    put_vulnerability_list(&w, a, res);
    put_problems(&w, "errors", in->deps->errors, in->deps->nerrors);
    put_problems(&w, "notes", in->deps->notes, in->deps->nnotes);
    jw_key(&w, "stats");
    jw_begin_object(&w);
    jw_member_int(&w, "dependencies", (long long)res->n);
    jw_member_int(&w, "audited", (long long)res->audited);
    jw_member_int(&w, "not_auditable", (long long)res->unauditable);
    jw_member_int(&w, "vulnerable", (long long)res->vulnerable);
    jw_member_int(&w, "vulnerabilities", (long long)res->vulnerabilities);
    jw_member_int(&w, "ignored", (long long)res->ignored);
    jw_member_int(&w, "errors", (long long)in->deps->nerrors);
    jw_end_object(&w);
    jw_end_object(&w);
    buf_putc(out, '\n');
    arena_free(a);
    return 0;
}
