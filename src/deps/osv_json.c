/* osv_json.c - one OSV JSON document (cJSON) into the advisory model of
 * osv.h. Strict about types (a field of the wrong type rejects the record
 * with a message naming the field), lenient about what is absent or
 * unknown, as the OSV schema asks of consumers. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "deps/osv_int.h"

/* Why a record was rejected: the field path, kept in the arena. */
typedef struct parse_ctx {
    osv_db *db;
    const char *why;
} parse_ctx;

static bool fail(parse_ctx *c, const char *why)
{
    if (!c->why)
        c->why = why;
    return false;
}

static const char *dup_str(parse_ctx *c, const char *s)
{
    return arena_strndup(c->db->a, s, strlen(s));
}

/* An optional string member: true and *out NULL when absent. */
static bool opt_string(parse_ctx *c, const cJSON *obj, const char *key, const char **out,
                       const char *why)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!it || cJSON_IsNull(it))
        return true;
    if (!cJSON_IsString(it))
        return fail(c, why);
    *out = dup_str(c, it->valuestring);
    return true;
}

/* An optional array member: true and *out NULL when absent. */
static bool opt_array(parse_ctx *c, const cJSON *obj, const char *key, const cJSON **out,
                      const char *why)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!it || cJSON_IsNull(it))
        return true;
    if (!cJSON_IsArray(it))
        return fail(c, why);
    *out = it;
    return true;
}

static bool string_list(parse_ctx *c, const cJSON *arr, const char *const **out, size_t *n,
                        const char *why)
{
    size_t count = arr ? (size_t)cJSON_GetArraySize(arr) : 0;
    const char **list = arena_alloc(c->db->a, (count ? count : 1) * sizeof *list);
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it))
            return fail(c, why);
        list[k++] = dup_str(c, it->valuestring);
    }
    *out = list;
    *n = k;
    return true;
}

static bool parse_severities(parse_ctx *c, const cJSON *arr, osv_severity *out, size_t *n)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        osv_severity s = {0};
        if (!cJSON_IsObject(it) ||
            !opt_string(c, it, "type", &s.type, "severity[]: not an object with a string type") ||
            !opt_string(c, it, "score", &s.score, "severity[].score: not a string"))
            return fail(c, "severity[]: not an object of strings");
        if (!s.type || !s.score)
            continue;
        if (strncmp(s.type, "CVSS_V3", 7) == 0)
            s.has_base = osv_cvss3_base(s.score, &s.base);
        out[(*n)++] = s;
    }
    return true;
}

static bool parse_references(parse_ctx *c, const cJSON *arr, osv_advisory *adv)
{
    size_t count = arr ? (size_t)cJSON_GetArraySize(arr) : 0;
    osv_reference *refs = arena_alloc(c->db->a, (count ? count : 1) * sizeof *refs);
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        osv_reference r;
        if (!cJSON_IsObject(it) ||
            !opt_string(c, it, "type", &r.type, "references[].type: not a string") ||
            !opt_string(c, it, "url", &r.url, "references[].url: not a string"))
            return fail(c, "references[]: not an object of strings");
        if (r.url)
            refs[k++] = r;
    }
    adv->references = refs;
    adv->nreferences = k;
    return true;
}

/* An event with its written position, so that sorting is stable. */
typedef struct placed_event {
    osv_event ev;
    size_t pos;
} placed_event;

static int placed_cmp(const void *x, const void *y)
{
    const placed_event *p = x, *q = y;
    int c = osv_event_order(&p->ev, &q->ev);
    return c ? c : (p->pos > q->pos) - (p->pos < q->pos);
}

static void sort_events(arena *a, osv_event *evs, size_t n)
{
    placed_event *tmp = arena_alloc_raw(a, (n ? n : 1) * sizeof *tmp);
    for (size_t i = 0; i < n; i++)
        tmp[i] = (placed_event){evs[i], i};
    qsort(tmp, n, sizeof *tmp, placed_cmp);
    for (size_t i = 0; i < n; i++)
        evs[i] = tmp[i].ev;
}

/* Index of the event kind named by the only member of an event object. */
static bool event_kind(const char *key, osv_event_kind *kind)
{
    static const char *const names[] = {"introduced", "fixed", "last_affected", "limit"};
    for (int k = 0; k < 4; k++)
        if (strcmp(key, names[k]) == 0) {
            *kind = (osv_event_kind)k;
            return true;
        }
    return false;
}

/* Parse one event into *ev; false (without failing the record) when its
 * version is not PEP 440 or its kind unknown. */
static bool parse_event(parse_ctx *c, const cJSON *obj, osv_event *ev, bool *ok)
{
    *ok = true;
    const cJSON *m = obj->child;
    if (!cJSON_IsObject(obj) || !m || m->next || !cJSON_IsString(m) || !m->string)
        return fail(c, "ranges[].events[]: not an object with one string member");
    if (!event_kind(m->string, &ev->kind)) {
        *ok = false;
        return true;
    }
    ev->text = dup_str(c, m->valuestring);
    ev->version = NULL;
    if (ev->kind == OSV_EV_INTRODUCED && strcmp(ev->text, "0") == 0)
        return true;
    if (ev->kind == OSV_EV_LIMIT && strchr(ev->text, '*'))
        return true;
    ev->version = pep440_parse(c->db->a, ev->text, strlen(ev->text), NULL);
    if (!ev->version) {
        c->db->stats.invalid_event_versions++;
        *ok = false;
    }
    return true;
}

/* One range; *keep false for GIT/SEMVER ranges (counted). Events are
 * tagged with their position so the sort is stable. */
static bool parse_range(parse_ctx *c, const cJSON *obj, osv_range *out, bool *keep)
{
    const char *type;
    const cJSON *events;
    *keep = false;
    if (!cJSON_IsObject(obj) || !opt_string(c, obj, "type", &type, "ranges[].type: not a string") ||
        !opt_array(c, obj, "events", &events, "ranges[].events: not an array"))
        return fail(c, "ranges[]: not an object");
    if (!type || strcmp(type, "ECOSYSTEM") != 0) {
        c->db->stats.ranges_ignored++;
        return true;
    }
    c->db->stats.ranges_ecosystem++;
    size_t count = events ? (size_t)cJSON_GetArraySize(events) : 0;
    osv_event *evs = arena_alloc(c->db->a, (count ? count : 1) * sizeof *evs);
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, events) {
        bool ok;
        if (!parse_event(c, it, &evs[k], &ok))
            return false;
        if (ok) {
            out->has_limit |= evs[k].kind == OSV_EV_LIMIT;
            k++;
        }
    }
    sort_events(c->db->a, evs, k);
    out->events = evs;
    out->nevents = k;
    *keep = true;
    return true;
}

static int version_ptr_cmp(const void *x, const void *y)
{
    return pep440_compare(*(const pep440_version *const *)x, *(const pep440_version *const *)y);
}

static bool parse_versions(parse_ctx *c, const cJSON *arr, osv_affected *aff)
{
    size_t count = arr ? (size_t)cJSON_GetArraySize(arr) : 0;
    const pep440_version **vs = arena_alloc(c->db->a, (count ? count : 1) * sizeof *vs);
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it))
            return fail(c, "affected[].versions[]: not a string");
        const char *s = it->valuestring;
        const pep440_version *v = pep440_parse(c->db->a, s, strlen(s), NULL);
        if (v)
            vs[k++] = v;
        else
            c->db->stats.invalid_list_versions++;
    }
    qsort(vs, k, sizeof *vs, version_ptr_cmp); /* for osv_affects' binary search */
    aff->versions = vs;
    aff->nversions = k;
    return true;
}

static const char *compact_json(parse_ctx *c, const cJSON *obj, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it))
        return NULL;
    char *text = cJSON_PrintUnformatted(it);
    if (!text)
        return NULL;
    const char *copy = dup_str(c, text);
    cJSON_free(text);
    return copy;
}

/* One affected[] entry; *pypi false for other ecosystems. */
static bool parse_affected(parse_ctx *c, const cJSON *obj, osv_affected *aff, bool *pypi,
                           osv_severity *sev, size_t *nsev)
{
    const cJSON *pkg = cJSON_GetObjectItemCaseSensitive(obj, "package");
    const char *eco, *name;
    const cJSON *ranges, *versions, *severity;
    *pypi = false;
    if (!cJSON_IsObject(obj) || !cJSON_IsObject(pkg))
        return fail(c, "affected[].package: not an object");
    if (!opt_string(c, pkg, "ecosystem", &eco, "affected[].package.ecosystem: not a string") ||
        !opt_string(c, pkg, "name", &name, "affected[].package.name: not a string") ||
        !opt_array(c, obj, "ranges", &ranges, "affected[].ranges: not an array") ||
        !opt_array(c, obj, "versions", &versions, "affected[].versions: not an array") ||
        !opt_array(c, obj, "severity", &severity, "affected[].severity: not an array"))
        return false;
    if (!eco || !name || strcmp(eco, "PyPI") != 0)
        return true;
    *pypi = true;
    aff->raw_name = name;
    aff->name = pep503_normalize(c->db->a, name, strlen(name));
    size_t count = ranges ? (size_t)cJSON_GetArraySize(ranges) : 0;
    osv_range *rs = arena_alloc(c->db->a, (count ? count : 1) * sizeof *rs);
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, ranges) {
        bool keep;
        if (!parse_range(c, it, &rs[k], &keep))
            return false;
        k += keep;
    }
    aff->ranges = rs;
    aff->nranges = k;
    aff->ecosystem_specific = compact_json(c, obj, "ecosystem_specific");
    aff->database_specific = compact_json(c, obj, "database_specific");
    return parse_versions(c, versions, aff) && parse_severities(c, severity, sev, nsev);
}

static size_t count_severities(const cJSON *root, const cJSON *affected)
{
    size_t n = (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "severity"));
    const cJSON *it;
    cJSON_ArrayForEach(it, affected)
        n += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(it, "severity"));
    return n;
}

static bool parse_affected_list(parse_ctx *c, const cJSON *affected, osv_advisory *adv,
                                osv_severity *sev, size_t *nsev)
{
    size_t count = (size_t)cJSON_GetArraySize(affected);
    osv_affected *affs = arena_alloc(c->db->a, (count ? count : 1) * sizeof *affs);
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, affected) {
        bool pypi;
        memset(&affs[k], 0, sizeof affs[k]);
        if (!parse_affected(c, it, &affs[k], &pypi, sev, nsev))
            return false;
        k += pypi;
    }
    adv->affected = affs;
    adv->naffected = k;
    return true;
}

static bool parse_top(parse_ctx *c, const cJSON *root, osv_advisory *adv, bool *withdrawn)
{
    const cJSON *aliases, *refs, *affected, *severity;
    const char *withdrawn_at;
    const cJSON *dbs = cJSON_GetObjectItemCaseSensitive(root, "database_specific");
    if (!cJSON_IsObject(root))
        return fail(c, "not a JSON object");
    if (!opt_string(c, root, "id", &adv->id, "id: not a string") ||
        !opt_string(c, root, "summary", &adv->summary, "summary: not a string") ||
        !opt_string(c, root, "details", &adv->details, "details: not a string") ||
        !opt_string(c, root, "published", &adv->published, "published: not a string") ||
        !opt_string(c, root, "modified", &adv->modified, "modified: not a string") ||
        !opt_string(c, root, "withdrawn", &withdrawn_at, "withdrawn: not a string") ||
        !opt_array(c, root, "aliases", &aliases, "aliases: not an array") ||
        !opt_array(c, root, "references", &refs, "references: not an array") ||
        !opt_array(c, root, "affected", &affected, "affected: not an array") ||
        !opt_array(c, root, "severity", &severity, "severity: not an array"))
        return false;
    if (!adv->id || !adv->id[0])
        return fail(c, "no id");
    *withdrawn = withdrawn_at != NULL;
    if (dbs && cJSON_IsObject(dbs) &&
        !opt_string(c, dbs, "severity", &adv->db_severity, "database_specific.severity: not a string"))
        return false;
    if (adv->details && strlen(adv->details) > OSV_DETAILS_MAX) {
        ((char *)adv->details)[OSV_DETAILS_MAX] = '\0';
        adv->details_truncated = true;
    }
    osv_severity *sev = arena_alloc(c->db->a, (count_severities(root, affected) + 1) * sizeof *sev);
    size_t nsev = 0;
    if (!string_list(c, aliases, &adv->aliases, &adv->naliases, "aliases[]: not a string") ||
        !parse_references(c, refs, adv) || !parse_severities(c, severity, sev, &nsev) ||
        !parse_affected_list(c, affected, adv, sev, &nsev))
        return false;
    adv->severity = sev;
    adv->nseverity = nsev;
    return true;
}

osv_parse_status osv_parse_advisory(osv_db *db, const char *member, const char *json,
                                    size_t len, osv_advisory *out, const char **why)
{
    parse_ctx c = {db, NULL};
    memset(out, 0, sizeof *out);
    *why = NULL;
    /* cJSON refuses nesting deeper than CJSON_NESTING_LIMIT (1000), so a
     * hostile document cannot exhaust the stack. */
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        *why = "not valid JSON (or nested too deeply)";
        return OSV_PARSE_BAD_JSON;
    }
    bool withdrawn = false;
    osv_stats before = db->stats; /* range counts only for kept records */
    bool ok = parse_top(&c, root, out, &withdrawn);
    cJSON_Delete(root);
    if (!ok || withdrawn || !out->naffected)
        db->stats = before;
    if (!ok) {
        *why = c.why ? c.why : "unexpected structure";
        return OSV_PARSE_BAD_SCHEMA;
    }
    out->source = arena_strndup(db->a, member, strlen(member));
    if (withdrawn)
        return OSV_PARSE_WITHDRAWN;
    return out->naffected ? OSV_PARSE_OK : OSV_PARSE_NO_PYPI;
}
