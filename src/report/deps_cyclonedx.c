/* deps_cyclonedx.c - `krait deps --format cyclonedx` (docs/formats.md,
 * "krait deps"): a CycloneDX 1.5 JSON BOM with its vulnerabilities (VEX).
 * One component per distinct (normalised name, version), identified by its
 * package URL; one vulnerability per (component, vulnerability). Nothing
 * is random: the serial number is derived from the content, the timestamp
 * is the run's start (SOURCE_DATE_EPOCH when set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deps_report.h"
#include "formats_common.h"
#include "json_write.h"

/* pkg:pypi/<normalised name>[@<version>]: the version percent-encoded
 * (purl-spec: '+' of a local version is %2B). NULL when the dependency has
 * no valid name. In `a`. */
static const char *purl_of(arena *a, const deps_record *r)
{
    if (!r->key)
        return NULL;
    buf b;
    buf_init(&b);
    buf_printf(&b, "pkg:pypi/%s", r->key);
    if (r->version) {
        buf_putc(&b, '@');
        for (const unsigned char *p = (const unsigned char *)r->version; *p; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_' || *p == '~')
                buf_putc(&b, (char)*p);
            else
                buf_printf(&b, "%%%02X", *p);
        }
    }
    size_t n = b.len + 1;
    char *s = arena_alloc(a, n);
    if (s)
        memcpy(s, b.data, n);
    buf_free(&b);
    return s;
}

/* The purl of every item (NULL: not a component), and which items are the
 * first of their purl. */
typedef struct cdx_index {
    const char **purl;
    unsigned char *first;
} cdx_index;

static int index_items(arena *a, const audit_result *res, cdx_index *x)
{
    x->purl = arena_alloc(a, (res->n + 1) * sizeof *x->purl);
    x->first = arena_alloc(a, res->n + 1);
    if (!x->purl || !x->first)
        return -1;
    for (size_t i = 0; i < res->n; i++) {
        x->purl[i] = purl_of(a, res->items[i].rec);
        x->first[i] = x->purl[i] != NULL;
        for (size_t j = 0; j < i && x->first[i]; j++)
            if (x->purl[j] && strcmp(x->purl[j], x->purl[i]) == 0)
                x->first[i] = 0;
    }
    return 0;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    return s ? fc_hash(h, s, strlen(s) + 1) : fc_hash(h, "", 1);
}

/* urn:uuid from two FNV-1a hashes of what the BOM says (components,
 * vulnerability IDs, the tool), with the version and variant bits set so it
 * is a well-formed RFC 4122 UUID (name-based, version 5, as the 1.5 schema
 * accepts versions 1 to 5 only; the hash is FNV-1a, not SHA-1). */
static void serial_number(char out[64], const audit_result *res, const cdx_index *x)
{
    uint64_t h[2] = {FC_HASH_SEED, 0x84222325cbf29ce4ULL};
    for (int s = 0; s < 2; s++) {
        h[s] = hash_str(h[s], "krait " KRAIT_VERSION);
        for (size_t i = 0; i < res->n; i++) {
            h[s] = hash_str(h[s], x->purl[i]);
            for (size_t k = 0; k < res->items[i].report.n; k++)
                h[s] = hash_str(h[s], res->items[i].report.vulns[k].id);
        }
    }
    char hex[33];
    snprintf(hex, sizeof hex, "%016llx%016llx", (unsigned long long)h[0],
             (unsigned long long)h[1]);
    hex[12] = '5';
    hex[16] = "89ab"[hex[16] % 4];
    snprintf(out, 64, "urn:uuid:%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16,
             hex + 20);
}

static void put_metadata(jw *w, const deps_report_input *in)
{
    char when[32];
    fc_iso_time(when, in->started_at, 1);
    jw_key(w, "metadata");
    jw_begin_object(w);
    jw_member_string(w, "timestamp", when);
    jw_key(w, "tools");
    jw_begin_object(w);
    jw_key(w, "components");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_member_string(w, "type", "application");
    jw_member_string(w, "name", "krait");
    jw_member_string(w, "version", KRAIT_VERSION);
    jw_end_object(w);
    jw_end_array(w);
    jw_end_object(w);
    jw_end_object(w);
}

static void put_component(jw *w, const deps_record *r, const char *purl)
{
    jw_begin_object(w);
    jw_member_string(w, "type", "library");
    jw_member_string(w, "bom-ref", purl);
    jw_member_string(w, "name", r->key);
    if (r->version)
        jw_member_string(w, "version", r->version);
    jw_member_string(w, "purl", purl);
    jw_key(w, "properties");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_member_string(w, "name", "krait:declared_in");
    buf where;
    buf_init(&where);
    buf_printf(&where, "%s:%d", r->path, r->line);
    jw_member_string(w, "value", where.data);
    buf_free(&where);
    jw_end_object(w);
    if (r->specifier[0]) {
        jw_begin_object(w);
        jw_member_string(w, "name", "krait:specifier");
        jw_member_string(w, "value", r->specifier);
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_end_object(w);
}

static void put_source(jw *w, const char *id)
{
    char url[300];
    snprintf(url, sizeof url, "https://osv.dev/vulnerability/%s", id);
    jw_key(w, "source");
    jw_begin_object(w);
    jw_member_string(w, "name", "OSV");
    jw_member_string(w, "url", url);
    jw_end_object(w);
}

/* CVSS v3 qualitative rating (CVSS v3.1 specification, table 14). */
static const char *rating_of(double score)
{
    return score >= 9.0 ? "critical" : score >= 7.0 ? "high" : score >= 4.0 ? "medium"
           : score > 0   ? "low" : "none";
}

static const char *cvss_method(const osv_severity *s)
{
    if (strncmp(s->score, "CVSS:3.1/", 9) == 0)
        return "CVSSv31";
    if (strncmp(s->score, "CVSS:3.0/", 9) == 0)
        return "CVSSv3";
    if (strncmp(s->score, "CVSS:4.0/", 9) == 0)
        return "CVSSv4";
    return strcmp(s->type, "CVSS_V2") == 0 ? "CVSSv2" : "other";
}

static int vector_seen(const osv_vuln *v, size_t adv, size_t sev)
{
    const char *vec = v->advisories[adv]->severity[sev].score;
    for (size_t i = 0; i <= adv; i++)
        for (size_t k = 0; k < (i == adv ? sev : v->advisories[i]->nseverity); k++)
            if (strcmp(v->advisories[i]->severity[k].score, vec) == 0)
                return 1;
    return 0;
}

/* Every distinct CVSS vector of the merged advisories, with its base score
 * when computed; without any, the rating krait derives (audit_severity). */
static void put_ratings(jw *w, const osv_vuln *v)
{
    jw_key(w, "ratings");
    jw_begin_array(w);
    int any = 0;
    for (size_t i = 0; i < v->nadvisories; i++)
        for (size_t k = 0; k < v->advisories[i]->nseverity; k++) {
            const osv_severity *s = &v->advisories[i]->severity[k];
            if (!s->score || vector_seen(v, i, k))
                continue;
            any = 1;
            jw_begin_object(w);
            put_source(w, v->advisories[i]->id);
            if (s->has_base) {
                char text[16];
                snprintf(text, sizeof text, "%.1f", s->base);
                jw_key(w, "score");
                jw_raw(w, text);
                jw_member_string(w, "severity", rating_of(s->base));
            }
            jw_member_string(w, "method", cvss_method(s));
            jw_member_string(w, "vector", s->score);
            jw_end_object(w);
        }
    if (!any) {
        jw_begin_object(w);
        jw_member_string(w, "severity", audit_severity(v));
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void put_aliases(jw *w, const osv_vuln *v)
{
    jw_key(w, "references");
    jw_begin_array(w);
    for (size_t i = 0; i < v->nids; i++) {
        if (strcmp(v->ids[i], v->id) == 0)
            continue;
        jw_begin_object(w);
        jw_member_string(w, "id", v->ids[i]);
        put_source(w, v->ids[i]);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void put_advisories(jw *w, const osv_vuln *v)
{
    jw_key(w, "advisories");
    jw_begin_array(w);
    for (size_t i = 0; i < v->nadvisories; i++)
        for (size_t k = 0; k < v->advisories[i]->nreferences; k++) {
            jw_begin_object(w);
            jw_member_string(w, "url", v->advisories[i]->references[k].url);
            jw_end_object(w);
        }
    jw_end_array(w);
}

static void put_vulnerability(jw *w, arena *a, const audit_item *it, size_t k, const char *ref)
{
    const osv_vuln *v = &it->report.vulns[k];
    const pep440_version *fix = it->fixed_in_range && it->fixed_in_range[k]
                                    ? it->fixed_in_range[k]
                                    : v->fixed;
    jw_begin_object(w);
    jw_member_string(w, "id", v->id);
    put_source(w, v->id);
    put_aliases(w, v);
    put_ratings(w, v);
    const char *summary = audit_summary(a, v);
    if (summary)
        jw_member_string(w, "description", summary);
    if (fix) {
        buf rec;
        buf_init(&rec);
        buf_printf(&rec, "Upgrade to %s", pep440_to_string(a, fix));
        jw_member_string(w, "recommendation", rec.data);
        buf_free(&rec);
    }
    put_advisories(w, v);
    jw_key(w, "affects");
    jw_begin_array(w);
    jw_begin_object(w);
    jw_member_string(w, "ref", ref);
    jw_end_object(w);
    jw_end_array(w);
    jw_end_object(w);
}

/* Whether an earlier item with the same purl already reported vuln `id`. */
static int reported_before(const audit_result *res, const cdx_index *x, size_t item,
                           const char *id)
{
    for (size_t i = 0; i < item; i++) {
        if (!x->purl[i] || strcmp(x->purl[i], x->purl[item]) != 0)
            continue;
        for (size_t k = 0; k < res->items[i].report.n; k++)
            if (strcmp(res->items[i].report.vulns[k].id, id) == 0)
                return 1;
    }
    return 0;
}

static void put_bom(jw *w, arena *a, const deps_report_input *in, const cdx_index *x)
{
    const audit_result *res = in->audit;
    char serial[64];
    serial_number(serial, res, x);
    jw_begin_object(w);
    jw_member_string(w, "$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json");
    jw_member_string(w, "bomFormat", "CycloneDX");
    jw_member_string(w, "specVersion", "1.5");
    jw_member_string(w, "serialNumber", serial);
    jw_member_int(w, "version", 1);
    put_metadata(w, in);
    jw_key(w, "components");
    jw_begin_array(w);
    for (size_t i = 0; i < res->n; i++)
        if (x->first[i])
            put_component(w, res->items[i].rec, x->purl[i]);
    jw_end_array(w);
    jw_key(w, "vulnerabilities");
    jw_begin_array(w);
    for (size_t i = 0; i < res->n; i++)
        for (size_t k = 0; x->purl[i] && k < res->items[i].report.n; k++)
            if (!reported_before(res, x, i, res->items[i].report.vulns[k].id))
                put_vulnerability(w, a, &res->items[i], k, x->purl[i]);
    jw_end_array(w);
    jw_end_object(w);
}

int deps_report_cyclonedx(buf *out, const deps_report_input *in)
{
    arena *a = arena_new();
    cdx_index x;
    if (!a || index_items(a, in->audit, &x) != 0) {
        if (a)
            arena_free(a);
        return -1;
    }
    jw w;
    jw_init(&w, out);
    put_bom(&w, a, in, &x);
    buf_putc(out, '\n');
    arena_free(a);
    return 0;
}
