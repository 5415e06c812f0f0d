/* osv_index_file.c - the index file's encoding (see osv_index_int.h).
 *
 * Layout, integers little-endian:
 *   header  "KRAITOSVIDX\0", u32 format, u64 body length, u64 body hash
 *           (FNV-1a 64 of the body: a torn or edited file is refused)
 *   body    key: 7 x u64 (osv_index_key)
 *           stats: the osv_stats fields, u64 each, in STATS_FIELDS order
 *           newest: str
 *           u32 n, then n problems: str member, str message
 *           u32 n, then n members: str name, u64 offset, csize, usize,
 *                                  u32 crc, u16 method, u16 flags
 *           u32 n, then n packages (sorted by name): str name, u32 k,
 *                                  k x u32 member indexes (ascending)
 *   str     u32 length, the bytes, a NUL (so names are used in place)
 * Bump INDEX_FORMAT whenever the layout, or what a full load keeps, changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deps/osv_index_int.h"

#define INDEX_MAGIC "KRAITOSVIDX"
enum { INDEX_FORMAT = 1, MAGIC_LEN = 12, HEADER_LEN = MAGIC_LEN + 4 + 8 + 8 };

#define STATS_FIELDS(X)                                                                    \
    X(members) X(not_json) X(loaded) X(withdrawn) X(no_pypi) X(bad_json) X(bad_schema)     \
    X(too_large) X(duplicates) X(ranges_ecosystem) X(ranges_ignored)                       \
    X(invalid_event_versions) X(invalid_list_versions) X(packages) X(bytes)

uint64_t osv_index_hash(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

void osv_index_key_of(const struct stat *st, osv_index_key *k)
{
    *k = (osv_index_key){(uint64_t)st->st_size, (uint64_t)st->st_mtim.tv_sec,
                         (uint64_t)st->st_mtim.tv_nsec, (uint64_t)st->st_ctim.tv_sec,
                         (uint64_t)st->st_ctim.tv_nsec, (uint64_t)st->st_ino,
                         (uint64_t)st->st_dev};
}

/* ---- writing ---------------------------------------------------------------- */

static void put_u(buf *b, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        buf_putc(b, (char)(v >> (8 * i) & 0xff));
}

static void put_str(buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_u(b, n, 4);
    buf_put(b, s ? s : "", n);
    buf_putc(b, '\0');
}

static void put_key_and_stats(buf *b, const osv_index_key *k, const osv_db *db)
{
    const uint64_t key[] = {k->size, k->mtime_s, k->mtime_ns, k->ctime_s,
                            k->ctime_ns, k->ino, k->dev};
    for (size_t i = 0; i < sizeof key / sizeof key[0]; i++)
        put_u(b, key[i], 8);
#define PUT_STAT(f) put_u(b, db->stats.f, 8);
    STATS_FIELDS(PUT_STAT)
#undef PUT_STAT
    put_str(b, db->newest);
    put_u(b, db->nproblems, 4);
    for (size_t i = 0; i < db->nproblems; i++) {
        put_str(b, db->problems[i].member);
        put_str(b, db->problems[i].message);
    }
}

static int member_name_cmp(const void *x, const void *y)
{
    return strcmp((*(const zip_member *const *)x)->name, (*(const zip_member *const *)y)->name);
}

/* The directory sorted by name, or NULL when a name occurs twice (which
 * of the two a stream reader met is then unknowable). */
static const zip_member **sorted_unique(const zip_member *dir, size_t n)
{
    const zip_member **v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        abort();
    for (size_t i = 0; i < n; i++)
        v[i] = &dir[i];
    qsort(v, n, sizeof *v, member_name_cmp);
    for (size_t i = 1; i < n; i++)
        if (strcmp(v[i - 1]->name, v[i]->name) == 0) {
            free(v);
            return NULL;
        }
    return v;
}

static long find_member(const zip_member **v, size_t n, const char *name)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(v[mid]->name, name);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* For each advisory (db order), its position in the sorted directory. */
static long *advisory_members(const osv_db *db, const zip_member **v, size_t n)
{
    long *at = malloc((db->n ? db->n : 1) * sizeof *at);
    if (!at)
        abort();
    for (size_t i = 0; i < db->n; i++)
        if ((at[i] = find_member(v, n, db->advs[i].source)) < 0) {
            free(at);
            return NULL;
        }
    return at;
}

static void put_member(buf *b, const zip_member *m)
{
    put_str(b, m->name);
    put_u(b, m->offset, 8);
    put_u(b, m->csize, 8);
    put_u(b, m->usize, 8);
    put_u(b, m->crc, 4);
    put_u(b, m->method, 2);
    put_u(b, m->flags, 2);
}

/* The packages, from the database's (package, ID)-sorted index; the member
 * table holds the kept advisories' members, in advisory (ID) order. */
static void put_members_and_packages(buf *b, const osv_db *db, const zip_member **v,
                                     const long *at)
{
    put_u(b, db->n, 4);
    for (size_t i = 0; i < db->n; i++)
        put_member(b, v[at[i]]);
    size_t npackages = db->stats.packages;
    put_u(b, npackages, 4);
    for (size_t i = 0; i < db->nindex;) {
        size_t end = i;
        while (end < db->nindex && strcmp(db->index[end].aff->name, db->index[i].aff->name) == 0)
            end++;
        put_str(b, db->index[i].aff->name);
        size_t count_at = b->len, k = 0;
        put_u(b, 0, 4);
        long last = -1;
        for (size_t j = i; j < end; j++) { /* sorted by ID = by advisory index */
            long adv = (long)(db->index[j].adv - db->advs);
            if (adv != last)
                put_u(b, (uint64_t)adv, 4), k++;
            last = adv;
        }
        for (int q = 0; q < 4; q++)
            b->data[count_at + q] = (char)(k >> (8 * q) & 0xff);
        i = end;
    }
}

bool osv_index_encode(const osv_db *db, const osv_index_key *key, const zip_member *dir,
                      size_t ndir, buf *out, char *why, size_t whylen)
{
    const zip_member **v = sorted_unique(dir, ndir);
    long *at = v ? advisory_members(db, v, ndir) : NULL;
    if (!at) {
        snprintf(why, whylen, v ? "an advisory's member is not in the zip directory"
                                : "a member name occurs twice in the zip");
        free(v);
        return false;
    }
    buf body;
    buf_init(&body);
    put_key_and_stats(&body, key, db);
    put_members_and_packages(&body, db, v, at);
    free(at);
    free(v);
    buf_put(out, INDEX_MAGIC, MAGIC_LEN); /* with its NUL */
    put_u(out, INDEX_FORMAT, 4);
    put_u(out, body.len, 8);
    put_u(out, osv_index_hash((const unsigned char *)body.data, body.len), 8);
    buf_put(out, body.data, body.len);
    buf_free(&body);
    return true;
}

/* ---- reading ---------------------------------------------------------------- */

typedef struct cursor {
    const unsigned char *p, *end;
    bool ok;
} cursor;

static uint64_t get_u(cursor *c, int bytes)
{
    if (!c->ok || c->end - c->p < bytes) {
        c->ok = false;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)c->p[i] << (8 * i);
    c->p += bytes;
    return v;
}

static const char *get_str(cursor *c)
{
    uint64_t n = get_u(c, 4);
    if (!c->ok || (uint64_t)(c->end - c->p) < n + 1 || c->p[n] != '\0' ||
        memchr(c->p, '\0', (size_t)n)) {
        c->ok = false;
        return "";
    }
    const char *s = (const char *)c->p;
    c->p += n + 1;
    return s;
}

/* A count of items each at least `min_bytes` long: bounded by what is left. */
static size_t get_count(cursor *c, size_t min_bytes)
{
    uint64_t n = get_u(c, 4);
    if (c->ok && n > (uint64_t)(c->end - c->p) / min_bytes)
        c->ok = false;
    return c->ok ? (size_t)n : 0;
}

static void get_key_and_stats(cursor *c, osv_index *ix)
{
    uint64_t *key[] = {&ix->key.size, &ix->key.mtime_s, &ix->key.mtime_ns, &ix->key.ctime_s,
                       &ix->key.ctime_ns, &ix->key.ino, &ix->key.dev};
    for (size_t i = 0; i < sizeof key / sizeof key[0]; i++)
        *key[i] = get_u(c, 8);
#define GET_STAT(f) ix->stats.f = (size_t)get_u(c, 8);
    STATS_FIELDS(GET_STAT)
#undef GET_STAT
    const char *newest = get_str(c);
    ix->newest = *newest ? newest : NULL;
    ix->nproblems = get_count(c, 10);
    ix->problems = arena_alloc(ix->a, (ix->nproblems ? ix->nproblems : 1) * sizeof *ix->problems);
    for (size_t i = 0; i < ix->nproblems; i++) {
        ix->problems[i].member = get_str(c);
        ix->problems[i].message = get_str(c);
    }
}

static void get_members(cursor *c, osv_index *ix)
{
    ix->nmembers = get_count(c, 5 + 3 * 8 + 8);
    ix->members = arena_alloc(ix->a, (ix->nmembers ? ix->nmembers : 1) * sizeof *ix->members);
    for (size_t i = 0; i < ix->nmembers; i++) {
        zip_member *m = &ix->members[i];
        m->name = get_str(c);
        m->offset = get_u(c, 8);
        m->csize = get_u(c, 8);
        m->usize = get_u(c, 8);
        m->crc = (uint32_t)get_u(c, 4);
        m->method = (uint16_t)get_u(c, 2);
        m->flags = (uint16_t)get_u(c, 2);
    }
}

static void get_packages(cursor *c, osv_index *ix)
{
    ix->npackages = get_count(c, 9);
    ix->packages = arena_alloc(ix->a, (ix->npackages ? ix->npackages : 1) * sizeof *ix->packages);
    for (size_t i = 0; c->ok && i < ix->npackages; i++) {
        osv_index_package *p = &ix->packages[i];
        p->name = get_str(c);
        p->nmembers = (uint32_t)get_count(c, 4);
        uint32_t *ms = arena_alloc(ix->a, (p->nmembers ? p->nmembers : 1) * sizeof *ms);
        for (uint32_t j = 0; j < p->nmembers; j++) {
            ms[j] = (uint32_t)get_u(c, 4);
            if (ms[j] >= ix->nmembers || (j && ms[j] <= ms[j - 1]))
                c->ok = false;
        }
        p->members = ms;
        if (i && strcmp(ix->packages[i - 1].name, p->name) >= 0)
            c->ok = false; /* the lookup is a binary search */
    }
}

bool osv_index_decode(unsigned char *data, size_t len, osv_index *ix)
{
    memset(ix, 0, sizeof *ix);
    ix->data = data;
    ix->a = arena_new();
    cursor h = {data, data + len, len >= HEADER_LEN};
    if (!h.ok || memcmp(data, INDEX_MAGIC, MAGIC_LEN) != 0)
        return false;
    h.p += MAGIC_LEN;
    uint64_t format = get_u(&h, 4), body_len = get_u(&h, 8), hash = get_u(&h, 8);
    if (format != INDEX_FORMAT || body_len != len - HEADER_LEN ||
        osv_index_hash(data + HEADER_LEN, (size_t)body_len) != hash)
        return false;
    cursor c = {data + HEADER_LEN, data + len, true};
    get_key_and_stats(&c, ix);
    get_members(&c, ix);
    get_packages(&c, ix);
    return c.ok && c.p == c.end;
}

void osv_index_release(osv_index *ix)
{
    free(ix->data);
    arena_free(ix->a);
    memset(ix, 0, sizeof *ix);
}

const osv_index_package *osv_index_find(const osv_index *ix, const char *name)
{
    size_t lo = 0, hi = ix->npackages;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(ix->packages[mid].name, name);
        if (c == 0)
            return &ix->packages[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
