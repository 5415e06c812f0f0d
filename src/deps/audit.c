/* audit.c - matching declared dependencies against advisories. */
#include "audit.h"

#include <string.h>
#include <strings.h>

/* An absent specifier allows every version: the empty set. */
static const pep440_specset *allowed_versions(arena *a, const deps_record *r)
{
    if (r->specset)
        return r->specset;
    pep440_error err;
    return pep440_specset_parse(a, "", 0, &err);
}

static bool affected_by_any(const osv_vuln *v, const pep440_version *version)
{
    for (size_t i = 0; i < v->nadvisories; i++)
        if (osv_affects(v->affected[i], version))
            return true;
    return false;
}

/* See audit_item.fixed_in_range. */
static const pep440_version *fix_in_range(const osv_vuln *v, const pep440_specset *set)
{
    const pep440_version *best = NULL;
    for (size_t i = 0; i < v->nadvisories; i++) {
        const osv_affected *aff = v->affected[i];
        for (size_t r = 0; r < aff->nranges; r++)
            for (size_t e = 0; e < aff->ranges[r].nevents; e++) {
                const osv_event *ev = &aff->ranges[r].events[e];
                if (ev->kind != OSV_EV_FIXED || !ev->version)
                    continue;
                if (best && pep440_compare(ev->version, best) >= 0)
                    continue;
                if (pep440_specset_contains(set, ev->version, PEP440_PRERELEASES_ALLOW) &&
                    !affected_by_any(v, ev->version))
                    best = ev->version;
            }
    }
    return best;
}

static void audit_one(const osv_db *db, arena *a, const deps_record *r, audit_item *it)
{
    it->rec = r;
    if (r->unauditable || !r->key) {
        it->status = AUDIT_UNAUDITABLE;
        return;
    }
    if (r->pinned) {
        it->status = AUDIT_PINNED;
        it->report = osv_match_version(db, a, r->key, r->pinned);
        return;
    }
    const pep440_specset *set = allowed_versions(a, r);
    if (!set) {
        it->status = AUDIT_UNAUDITABLE;
        return;
    }
    it->status = AUDIT_RANGE;
    it->report = osv_match_specset(db, a, r->key, set, PEP440_PRERELEASES_DEFAULT);
    it->fixed_in_range = arena_alloc(a, (it->report.n ? it->report.n : 1) * sizeof *it->fixed_in_range);
    for (size_t k = 0; k < it->report.n; k++)
        it->fixed_in_range[k] = fix_in_range(&it->report.vulns[k], set);
}

static bool is_ignored(const audit_options *opt, const osv_vuln *v)
{
    for (size_t i = 0; opt && i < opt->nignore; i++)
        for (size_t k = 0; k < v->nids; k++)
            if (strcasecmp(v->ids[k], opt->ignore[i]) == 0)
                return true;
    return false;
}

/* Drops the accepted vulnerabilities, keeping the order (and the
 * parallel fixed_in_range); returns how many were dropped. */
static size_t drop_ignored(const audit_options *opt, audit_item *it)
{
    size_t kept = 0, n = it->report.n;
    /* The report was built in the audit's own arena (osv.h), so it is
     * ours to filter in place. */
    osv_vuln *v = (osv_vuln *)it->report.vulns;
    for (size_t k = 0; k < n; k++) {
        if (is_ignored(opt, &v[k]))
            continue;
        if (it->fixed_in_range)
            it->fixed_in_range[kept] = it->fixed_in_range[k];
        v[kept++] = v[k];
    }
    it->report.n = kept;
    return n - kept;
}

int audit_run(const osv_db *db, const deps_set *deps, const audit_options *opt, arena *a,
              audit_result *out)
{
    memset(out, 0, sizeof *out);
    out->items = arena_alloc(a, (deps->n ? deps->n : 1) * sizeof *out->items);
    if (!out->items)
        return -1;
    for (size_t i = 0; i < deps->n; i++) {
        audit_item *it = &out->items[out->n++];
        audit_one(db, a, &deps->records[i], it);
        if (it->status == AUDIT_UNAUDITABLE) {
            out->unauditable++;
            continue;
        }
        out->audited++;
        out->ignored += drop_ignored(opt, it);
        out->vulnerabilities += it->report.n;
        out->vulnerable += it->report.n > 0;
    }
    return 0;
}

double audit_max_score(const osv_vuln *v)
{
    double best = -1;
    for (size_t i = 0; i < v->nadvisories; i++) {
        const osv_advisory *adv = v->advisories[i];
        for (size_t k = 0; k < adv->nseverity; k++)
            if (adv->severity[k].has_base && adv->severity[k].base > best)
                best = adv->severity[k].base;
    }
    return best;
}

/* CVSS v3's qualitative ratings (specification, section 5). */
static const char *rating(double score)
{
    return score >= 9.0 ? "critical" : score >= 7.0 ? "high" : score >= 4.0 ? "medium"
           : score > 0.0 ? "low" : "none";
}

const char *audit_severity(const osv_vuln *v)
{
    double score = audit_max_score(v);
    if (score >= 0)
        return rating(score);
    static const char *const names[][2] = {
        {"CRITICAL", "critical"}, {"HIGH", "high"}, {"MODERATE", "medium"},
        {"MEDIUM", "medium"},     {"LOW", "low"},
    };
    for (size_t i = 0; i < v->nadvisories; i++) {
        const char *s = v->advisories[i]->db_severity;
        for (size_t k = 0; s && k < sizeof names / sizeof names[0]; k++)
            if (strcasecmp(s, names[k][0]) == 0)
                return names[k][1];
    }
    return "unknown";
}

const char *audit_summary(arena *a, const osv_vuln *v)
{
    const osv_advisory *adv = v->advisories[0];
    if (adv->summary && *adv->summary)
        return adv->summary;
    const char *d = adv->details;
    if (!d)
        return NULL;
    while (*d == ' ' || *d == '\n')
        d++;
    size_t n = strcspn(d, "\n");
    /* A sentence ends at ". ", not at the dots of "before 2.20.0". */
    for (size_t i = 0; i + 1 < n; i++)
        if (d[i] == '.' && d[i + 1] == ' ') {
            n = i + 1;
            break;
        }
    if (n > 160) {
        n = 157;
        while (n > 0 && ((unsigned char)d[n] & 0xC0) == 0x80)
            n--; /* not in the middle of a UTF-8 sequence */
        char *out = arena_alloc(a, n + 4);
        memcpy(out, d, n);
        memcpy(out + n, "...", 4);
        return out;
    }
    return n ? arena_strndup(a, d, n) : NULL;
}
