/* osv_match.c - whether a version is affected (the OSV schema's
 * IsVulnerable pseudo-code over PEP 440 ordering), and the answers of a
 * dependency audit: the advisories affecting a pinned version or admitted
 * by a specifier set, merged by aliases, with the fixes to offer. Reads the
 * database only; every answer is allocated in the caller's arena. */
#include <stdlib.h>
#include <string.h>

#include "deps/osv_int.h"

/* ---- range evaluation -------------------------------------------------------- */

/* An event's place on the version line: introduced "0" is below every
 * version, a '*' limit above every version. */
static int rank(const osv_event *e)
{
    if (e->version)
        return 0;
    return e->kind == OSV_EV_INTRODUCED ? -1 : 1;
}

int osv_event_order(const osv_event *x, const osv_event *y)
{
    int rx = rank(x), ry = rank(y);
    if (rx || ry)
        return (rx > ry) - (rx < ry);
    return pep440_compare(x->version, y->version);
}

/* v compared with an event's version (<0, 0, >0). */
static int cmp_event(const pep440_version *v, const osv_event *e)
{
    int r = rank(e);
    return r ? -r : pep440_compare(v, e->version);
}

static bool before_limits(const osv_range *r, const pep440_version *v)
{
    if (!r->has_limit)
        return true;
    for (size_t i = 0; i < r->nevents; i++)
        if (r->events[i].kind == OSV_EV_LIMIT && cmp_event(v, &r->events[i]) < 0)
            return true;
    return false;
}

static bool range_affects(const osv_range *r, const pep440_version *v)
{
    if (!before_limits(r, v))
        return false;
    bool vulnerable = false;
    for (size_t i = 0; i < r->nevents; i++) {
        const osv_event *e = &r->events[i];
        int c = cmp_event(v, e);
        if (e->kind == OSV_EV_INTRODUCED && c >= 0)
            vulnerable = true;
        else if (e->kind == OSV_EV_FIXED && c >= 0)
            vulnerable = false;
        else if (e->kind == OSV_EV_LAST_AFFECTED && c > 0)
            vulnerable = false;
    }
    return vulnerable;
}

bool osv_affects(const osv_affected *aff, const pep440_version *v)
{
    size_t lo = 0, hi = aff->nversions; /* the list is sorted at load */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = pep440_compare(aff->versions[mid], v);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = 0; i < aff->nranges; i++)
        if (range_affects(&aff->ranges[i], v))
            return true;
    return false;
}

/* ---- one package's advisories, grouped ------------------------------------------ */

/* The index holds one entry per (advisory, affected entry); an advisory
 * may name the same package twice. A "hit" is one advisory of the package
 * with all its entries. */
typedef struct hit {
    const osv_advisory *adv;
    const osv_pkg_entry *entries;
    size_t nentries;
} hit;

static size_t package_hits(const osv_db *db, arena *a, const char *name, hit **out)
{
    const char *norm = pep503_normalize(a, name, strlen(name));
    const osv_pkg_entry *e;
    size_t n = osv_db_package(db, norm, &e), k = 0;
    hit *hits = arena_alloc(a, (n ? n : 1) * sizeof *hits);
    for (size_t i = 0; i < n; i++) {
        if (k && hits[k - 1].adv == e[i].adv) {
            hits[k - 1].nentries++;
            continue;
        }
        hits[k++] = (hit){e[i].adv, &e[i], 1};
    }
    *out = hits;
    return k;
}

static const osv_affected *hit_affects(const hit *h, const pep440_version *v)
{
    for (size_t i = 0; i < h->nentries; i++)
        if (osv_affects(h->entries[i].aff, v))
            return h->entries[i].aff;
    return NULL;
}

static bool any_affects(const hit *const *hs, size_t n, const pep440_version *v)
{
    for (size_t i = 0; i < n; i++)
        if (hit_affects(hs[i], v))
            return true;
    return false;
}

static int version_ptr_cmp(const void *x, const void *y)
{
    return pep440_compare(*(const pep440_version *const *)x, *(const pep440_version *const *)y);
}

/* The smallest `fixed` version of the hits above `above` (NULL: any) that
 * none of `judges` affects. The candidates are sorted first, so the usual
 * answer (the first or second fix) costs one or two evaluations. */
static const pep440_version *smallest_fix(arena *a, const hit *const *hs, size_t n,
                                          const hit *const *judges, size_t njudges,
                                          const pep440_version *above)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < hs[i]->nentries; j++)
            for (size_t r = 0; r < hs[i]->entries[j].aff->nranges; r++)
                count += hs[i]->entries[j].aff->ranges[r].nevents;
    const pep440_version **fixes = arena_alloc_raw(a, (count ? count : 1) * sizeof *fixes);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < hs[i]->nentries; j++) {
            const osv_affected *aff = hs[i]->entries[j].aff;
            for (size_t r = 0; r < aff->nranges; r++)
                for (size_t e = 0; e < aff->ranges[r].nevents; e++) {
                    const osv_event *ev = &aff->ranges[r].events[e];
                    if (ev->kind == OSV_EV_FIXED && ev->version &&
                        (!above || pep440_compare(ev->version, above) > 0))
                        fixes[k++] = ev->version;
                }
        }
    qsort(fixes, k, sizeof *fixes, version_ptr_cmp);
    /* The advisory that ruled out one candidate usually rules out the
     * next ones too: ask it first (a package such as tensorflow has
     * hundreds of advisories and as many fixes). */
    size_t blocker = 0;
    for (size_t i = 0; i < k; i++) {
        if ((i && pep440_compare(fixes[i - 1], fixes[i]) == 0) ||
            (njudges && hit_affects(judges[blocker], fixes[i])))
            continue;
        size_t j = 0;
        while (j < njudges && !hit_affects(judges[j], fixes[i]))
            j++;
        if (j == njudges)
            return fixes[i];
        blocker = j;
    }
    return NULL;
}

/* ---- merging by aliases ------------------------------------------------------------ */

/* One ID or alias of a selected hit, for grouping by equal strings. */
typedef struct id_ref {
    const char *id;
    size_t hit;
} id_ref;

static int id_ref_cmp(const void *x, const void *y)
{
    const id_ref *p = x, *q = y;
    int c = strcmp(p->id, q->id);
    return c ? c : (p->hit > q->hit) - (p->hit < q->hit);
}

static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

/* PYSEC- (the PyPI ecosystem's home database) before GHSA- before others. */
static int id_class(const char *id)
{
    if (strncmp(id, "PYSEC-", 6) == 0)
        return 0;
    return strncmp(id, "GHSA-", 5) == 0 ? 1 : 2;
}

static int primary_cmp(const char *x, const char *y)
{
    int c = id_class(x) - id_class(y);
    return c ? c : strcmp(x, y);
}

static int str_cmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The sorted, unique IDs and aliases of a group. */
static void group_ids(arena *a, const hit *const *hs, size_t n, osv_vuln *v)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += 1 + hs[i]->adv->naliases;
    const char **ids = arena_alloc(a, total * sizeof *ids);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        ids[k++] = hs[i]->adv->id;
        for (size_t j = 0; j < hs[i]->adv->naliases; j++)
            ids[k++] = hs[i]->adv->aliases[j];
    }
    qsort(ids, k, sizeof *ids, str_cmp);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || strcmp(ids[u - 1], ids[i]) != 0)
            ids[u++] = ids[i];
    v->ids = ids;
    v->nids = u;
}

/* One osv_vuln from the hits of a group (in ID order), with the primary
 * advisory moved first. */
static osv_vuln make_vuln(arena *a, const hit **hs, size_t n, const pep440_version *probe,
                          const pep440_version *above)
{
    osv_vuln v = {0};
    size_t p = 0;
    for (size_t i = 1; i < n; i++)
        if (primary_cmp(hs[i]->adv->id, hs[p]->adv->id) < 0)
            p = i;
    const hit *first = hs[p];
    memmove(hs + 1, hs, p * sizeof *hs);
    hs[0] = first;
    const osv_advisory **advs = arena_alloc(a, n * sizeof *advs);
    const osv_affected **affs = arena_alloc(a, n * sizeof *affs);
    for (size_t i = 0; i < n; i++) {
        advs[i] = hs[i]->adv;
        affs[i] = probe ? hit_affects(hs[i], probe) : NULL;
        if (!affs[i])
            affs[i] = hs[i]->entries[0].aff;
    }
    v.id = hs[0]->adv->id;
    v.advisories = advs;
    v.affected = affs;
    v.nadvisories = n;
    group_ids(a, (const hit *const *)hs, n, &v);
    v.fixed = smallest_fix(a, (const hit *const *)hs, n, (const hit *const *)hs, n, above);
    return v;
}

static int vuln_cmp(const void *x, const void *y)
{
    return strcmp(((const osv_vuln *)x)->id, ((const osv_vuln *)y)->id);
}

/* Merge the selected hits into vulnerabilities (union-find on shared IDs). */
static void merge(arena *a, const hit *const *sel, size_t n, const pep440_version *probe,
                  const pep440_version *above, osv_report *out)
{
    size_t *parent = arena_alloc(a, (n ? n : 1) * sizeof *parent);
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    /* every (ID or alias, hit) sorted: hits sharing a string are adjacent */
    size_t nrefs = 0;
    for (size_t i = 0; i < n; i++)
        nrefs += 1 + sel[i]->adv->naliases;
    id_ref *refs = arena_alloc_raw(a, (nrefs ? nrefs : 1) * sizeof *refs);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        refs[k++] = (id_ref){sel[i]->adv->id, i};
        for (size_t j = 0; j < sel[i]->adv->naliases; j++)
            refs[k++] = (id_ref){sel[i]->adv->aliases[j], i};
    }
    qsort(refs, k, sizeof *refs, id_ref_cmp);
    for (size_t i = 1; i < k; i++)
        if (strcmp(refs[i - 1].id, refs[i].id) == 0) {
            size_t x = find_root(parent, refs[i - 1].hit), y = find_root(parent, refs[i].hit);
            /* the smaller index as the root keeps groups in ID order */
            if (x < y)
                parent[y] = x;
            else
                parent[x] = y;
        }
    osv_vuln *vulns = arena_alloc(a, (n ? n : 1) * sizeof *vulns);
    const hit **group = arena_alloc(a, (n ? n : 1) * sizeof *group);
    size_t nv = 0;
    /* members listed root by root: a counting pass, then a placing pass */
    size_t *start = arena_alloc(a, (n + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[find_root(parent, i) + 1]++;
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    size_t *fill = arena_alloc_raw(a, (n ? n : 1) * sizeof *fill);
    memcpy(fill, start, n * sizeof *fill);
    for (size_t i = 0; i < n; i++) /* in index order, so each group stays in ID order */
        group[fill[find_root(parent, i)]++] = sel[i];
    for (size_t root = 0; root < n; root++) {
        size_t g = start[root + 1] - start[root];
        if (!g)
            continue;
        const hit **copy = arena_alloc(a, g * sizeof *copy);
        memcpy(copy, group + start[root], g * sizeof *copy);
        vulns[nv++] = make_vuln(a, copy, g, probe, above);
    }
    qsort(vulns, nv, sizeof *vulns, vuln_cmp);
    out->vulns = vulns;
    out->n = nv;
}

/* ---- pinned versions ------------------------------------------------------------------ */

osv_report osv_match_version(const osv_db *db, arena *a, const char *name,
                             const pep440_version *v)
{
    osv_report out = {0};
    hit *hits;
    size_t n = package_hits(db, a, name, &hits), k = 0;
    const hit **all = arena_alloc(a, (n ? n : 1) * sizeof *all);
    const hit **sel = arena_alloc(a, (n ? n : 1) * sizeof *sel);
    for (size_t i = 0; i < n; i++) {
        all[i] = &hits[i];
        if (hit_affects(&hits[i], v))
            sel[k++] = &hits[i];
    }
    merge(a, sel, k, v, v, &out);
    if (k)
        out.safe = smallest_fix(a, all, n, all, n, v);
    return out;
}

/* ---- specifier sets ------------------------------------------------------------------- */

typedef struct cand_list {
    const pep440_version **v;
    size_t n, cap;
} cand_list;

static void cand_add(arena *a, cand_list *c, const pep440_version *v)
{
    if (!v)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        const pep440_version **grown = arena_alloc(a, cap * sizeof *grown);
        if (c->n)
            memcpy(grown, c->v, c->n * sizeof *grown);
        c->v = grown;
        c->cap = cap;
    }
    c->v[c->n++] = v;
}

/* X with one more release component "1" and nothing after the release:
 * a final version just above X (2.0 -> 2.0.1, 2.0rc1 -> 2.0.1). */
static const pep440_version *just_above(arena *a, const pep440_version *x)
{
    pep440_version *v = arena_alloc(a, sizeof *v);
    pep440_num *rel = arena_alloc(a, (x->nrelease + 1) * sizeof *rel);
    memcpy(rel, x->release, x->nrelease * sizeof *rel);
    rel[x->nrelease] = (pep440_num){"1", 1};
    v->epoch = x->epoch;
    v->release = rel;
    v->nrelease = x->nrelease + 1;
    return v;
}

/* The set's own versions; with `above`, also the points just above its
 * exclusive lower bounds and exclusions (>X, !=X: candidates for admission only: they may not be
 * real releases, so they are never offered as a safe version). */
static void spec_candidates(arena *a, const pep440_specset *set, bool above, cand_list *c)
{
    for (size_t i = 0; i < set->n; i++) {
        const pep440_spec *s = &set->specs[i];
        if (!s->version)
            continue;
        cand_add(a, c, s->version);
        if (above && (s->op == PEP440_OP_GT || (s->op == PEP440_OP_NE && !s->wildcard)))
            cand_add(a, c, just_above(a, s->version));
    }
}

static void hit_candidates(arena *a, const hit *h, const pep440_version *zero, cand_list *c)
{
    for (size_t i = 0; i < h->nentries; i++) {
        const osv_affected *aff = h->entries[i].aff;
        for (size_t j = 0; j < aff->nversions; j++)
            cand_add(a, c, aff->versions[j]);
        for (size_t r = 0; r < aff->nranges; r++)
            for (size_t k = 0; k < aff->ranges[r].nevents; k++) {
                const osv_event *e = &aff->ranges[r].events[k];
                cand_add(a, c, e->version ? e->version
                                          : e->kind == OSV_EV_INTRODUCED ? zero : NULL);
            }
    }
}

static bool admitted(const hit *h, const cand_list *c, const pep440_specset *set,
                     pep440_prereleases mode)
{
    for (size_t i = 0; i < c->n; i++)
        if (pep440_specset_contains(set, c->v[i], mode) && hit_affects(h, c->v[i]))
            return true;
    return false;
}

osv_report osv_match_specset(const osv_db *db, arena *a, const char *name,
                             const pep440_specset *set, pep440_prereleases mode)
{
    osv_report out = {0};
    hit *hits;
    size_t n = package_hits(db, a, name, &hits), k = 0;
    const pep440_version *zero = pep440_parse(a, "0", 1, NULL);
    const hit **all = arena_alloc(a, (n ? n : 1) * sizeof *all);
    const hit **sel = arena_alloc(a, (n ? n : 1) * sizeof *sel);
    cand_list spec = {0}, every = {0};
    spec_candidates(a, set, true, &spec);
    spec_candidates(a, set, false, &every);
    for (size_t i = 0; i < n; i++) {
        cand_list c = spec;
        c.cap = c.n; /* a copy grows into new memory, never into spec's */
        hit_candidates(a, &hits[i], zero, &c);
        hit_candidates(a, &hits[i], zero, &every);
        all[i] = &hits[i];
        if (admitted(&hits[i], &c, set, mode))
            sel[k++] = &hits[i];
    }
    merge(a, sel, k, NULL, NULL, &out);
    for (size_t i = 0; i < every.n; i++) {
        const pep440_version *v = every.v[i];
        if ((!out.safe || pep440_compare(v, out.safe) < 0) &&
            pep440_specset_contains(set, v, mode) && !any_affects(all, n, v))
            out.safe = v;
    }
    return out;
}
