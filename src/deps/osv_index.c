/* osv_index.c - when the index is used, written and trusted (see osv.h):
 * a fresh index turns an audit into a few seeks and inflates of the
 * audited packages' members; anything unexpected (a stale, torn or foreign
 * index, a member that no longer matches the zip directory) falls back to
 * the full load, which rewrites the index. The index never changes an
 * answer, only how much of the export is parsed to give it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deps/osv_index_int.h"

/* The index file must be smaller than this: a bigger one is not ours. */
#define INDEX_FILE_MAX ((size_t)1 << 30)

static const char *cache_base(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    return xdg && xdg[0] == '/' ? xdg : NULL; /* a relative one is invalid */
}

char *osv_index_path(const char *db_path)
{
    char *real = realpath(db_path, NULL);
    const char *xdg = cache_base(), *home = getenv("HOME");
    char *path = NULL;
    if (real && (xdg || (home && home[0]))) {
        unsigned long long h = (unsigned long long)osv_index_hash(real, strlen(real));
        if (asprintf(&path, "%s%s/krait/osv/index/%016llx.idx", xdg ? xdg : home,
                     xdg ? "" : "/.cache", h) < 0)
            path = NULL;
    }
    free(real);
    return path;
}

/* mkdir -p of the directories above `file` (0700: a user's cache). */
static bool make_parents(const char *file)
{
    char *p = strdup(file);
    if (!p)
        abort();
    bool ok = true;
    for (char *s = strchr(p + 1, '/'); ok && s; s = strchr(s + 1, '/')) {
        *s = '\0';
        ok = mkdir(p, 0700) == 0 || errno == EEXIST;
        *s = '/';
    }
    free(p);
    return ok;
}

static bool keys_equal(const osv_index_key *x, const osv_index_key *y)
{
    return memcmp(x, y, sizeof *x) == 0;
}

/* ---- reading the index and the members it names ------------------------------ */

static bool read_index_file(const char *path, osv_index *ix)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0)
        return false;
    unsigned char *data = NULL;
    size_t have = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size < INDEX_FILE_MAX) {
        data = malloc((size_t)st.st_size + 1);
        if (!data)
            abort();
        ssize_t got;
        while (have < (size_t)st.st_size &&
               (got = read(fd, data + have, (size_t)st.st_size - have)) > 0)
            have += (size_t)got;
    }
    close(fd);
    if (!data)
        return false;
    if (osv_index_decode(data, have, ix))
        return true;
    osv_index_release(ix); /* frees data */
    return false;
}

static int u32_cmp(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The members of the named packages' advisories, sorted, unique. */
static uint32_t *wanted_members(const osv_index *ix, const char *const *names, size_t n,
                                size_t *count)
{
    arena *tmp = arena_new();
    size_t total = 0, k = 0;
    const osv_index_package **ps = arena_alloc(tmp, (n ? n : 1) * sizeof *ps);
    for (size_t i = 0; i < n; i++) {
        ps[i] = osv_index_find(ix, pep503_normalize(tmp, names[i], strlen(names[i])));
        total += ps[i] ? ps[i]->nmembers : 0;
    }
    uint32_t *ids = malloc((total ? total : 1) * sizeof *ids);
    if (!ids)
        abort();
    for (size_t i = 0; i < n; i++)
        for (uint32_t j = 0; ps[i] && j < ps[i]->nmembers; j++)
            ids[k++] = ps[i]->members[j];
    arena_free(tmp);
    if (k)
        qsort(ids, k, sizeof *ids, u32_cmp);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || ids[u - 1] != ids[i])
            ids[u++] = ids[i];
    *count = u;
    return ids;
}

/* The whole export's stats, problems and newest date, from the index. */
static void adopt_totals(osv_db *db, const osv_index *ix)
{
    db->stats = ix->stats;
    db->nproblems = 0;
    for (size_t i = 0; i < ix->nproblems && i < OSV_PROBLEMS_MAX; i++)
        db->problems[db->nproblems++] = (osv_problem){
            arena_strndup(db->a, ix->problems[i].member, strlen(ix->problems[i].member)),
            arena_strndup(db->a, ix->problems[i].message, strlen(ix->problems[i].message))};
    db->newest = ix->newest ? arena_strndup(db->a, ix->newest, strlen(ix->newest)) : NULL;
}

/* Every wanted member read, checked and parsed; NULL (why set) at the first
 * member that does not match the zip or no longer parses as it did. */
static osv_db *load_members(int fd, const osv_index *ix, const uint32_t *ids, size_t n,
                            char *why, size_t whylen)
{
    size_t cap = 1;
    for (size_t i = 0; i < n; i++)
        if (ix->members[ids[i]].usize > cap)
            cap = (size_t)ix->members[ids[i]].usize;
    if (cap > osv_default_limits.member_max) {
        snprintf(why, whylen, "a member above the size limit");
        return NULL;
    }
    char *data = malloc(cap);
    if (!data)
        abort();
    osv_db *db = osv_db_new();
    for (size_t i = 0; db && i < n; i++) {
        const zip_member *m = &ix->members[ids[i]];
        bool ok = zip_read_member(fd, m, data, cap, why, whylen);
        size_t before = db->n;
        if (ok)
            osv_db_take(db, m->name, data, (size_t)m->usize);
        if (!ok || db->n != before + 1) {
            if (ok)
                snprintf(why, whylen, "%s no longer parses as indexed", m->name);
            osv_db_close(db);
            db = NULL;
        }
    }
    free(data);
    return db;
}

static osv_db *load_subset(const char *path, const osv_index *ix, const char *const *names,
                           size_t n, char *why, size_t whylen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    osv_index_key key;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(why, whylen, "%s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    osv_index_key_of(&st, &key);
    osv_db *db = NULL;
    if (!keys_equal(&key, &ix->key)) {
        snprintf(why, whylen, "the database changed");
    } else {
        size_t count;
        uint32_t *ids = wanted_members(ix, names, n, &count);
        db = load_members(fd, ix, ids, count, why, whylen);
        free(ids);
    }
    close(fd);
    if (db) {
        osv_db_finish(db);
        adopt_totals(db, ix);
    }
    return db;
}

/* ---- writing ---------------------------------------------------------------------- */

static bool write_atomically(const char *path, const buf *b, char *why, size_t whylen)
{
    char *tmp = NULL;
    if (!make_parents(path) || asprintf(&tmp, "%s.XXXXXX", path) < 0) {
        snprintf(why, whylen, "cannot create the index directory: %s", strerror(errno));
        return false;
    }
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    for (size_t at = 0; ok && at < b->len;) {
        ssize_t put = write(fd, b->data + at, b->len - at);
        ok = put > 0;
        at += ok ? (size_t)put : 0;
    }
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        snprintf(why, whylen, "cannot write %s: %s", path, strerror(errno));
        if (fd >= 0)
            unlink(tmp);
    }
    free(tmp);
    return ok;
}

static bool encode_for(const char *path, const osv_db *db, buf *out, char *why, size_t whylen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "not a zip file");
        if (fd >= 0)
            close(fd);
        return false;
    }
    osv_index_key key;
    osv_index_key_of(&st, &key);
    arena *a = arena_new();
    zip_member *dir;
    size_t ndir;
    bool ok = zip_read_directory(fd, key.size, a, &dir, &ndir, why, whylen) &&
              osv_index_encode(db, &key, dir, ndir, out, why, whylen);
    arena_free(a);
    close(fd);
    return ok;
}

bool osv_index_write(const char *path, const osv_db *db, osv_index_info *info)
{
    char *ipath = osv_index_path(path);
    if (!ipath) {
        snprintf(info->why, sizeof info->why, "no cache directory (set XDG_CACHE_HOME or HOME)");
        return false;
    }
    snprintf(info->path, sizeof info->path, "%s", ipath);
    buf out;
    buf_init(&out);
    bool ok = encode_for(path, db, &out, info->why, sizeof info->why) &&
              write_atomically(ipath, &out, info->why, sizeof info->why);
    buf_free(&out);
    free(ipath);
    return ok;
}

/* ---- the entry point ------------------------------------------------------------- */

static bool same_file_state(const struct stat *x, const struct stat *y)
{
    osv_index_key a, b;
    osv_index_key_of(x, &a);
    osv_index_key_of(y, &b);
    return keys_equal(&a, &b);
}

/* The full load, and the index written for next time. */
static osv_db *load_whole(const char *path, const struct stat *before, osv_index_info *info,
                          char *err, size_t errlen)
{
    osv_db *db = osv_db_open(path, NULL, err, errlen);
    struct stat after;
    if (!db)
        return NULL;
    if (stat(path, &after) != 0 || !same_file_state(before, &after))
        snprintf(info->why, sizeof info->why, "the database changed while it was read");
    else if (osv_index_write(path, db, info))
        info->state = OSV_INDEX_BUILT;
    return db;
}

osv_db *osv_db_open_for(const char *path, const char *const *names, size_t n,
                        osv_index_info *info, char *err, size_t errlen)
{
    osv_index_info scratch;
    info = info ? info : &scratch;
    memset(info, 0, sizeof *info);
    struct stat st;
    if (stat(path, &st) != 0 || S_ISDIR(st.st_mode))
        return osv_db_open(path, NULL, err, errlen); /* its error, or a directory db */
    char *ipath = osv_index_path(path);
    if (!ipath)
        return osv_db_open(path, NULL, err, errlen);
    snprintf(info->path, sizeof info->path, "%s", ipath);
    info->state = OSV_INDEX_FAILED;
    osv_index ix;
    osv_db *db = NULL;
    if (read_index_file(ipath, &ix)) {
        db = load_subset(path, &ix, names, n, info->why, sizeof info->why);
        osv_index_release(&ix);
    } else {
        snprintf(info->why, sizeof info->why, "%s",
                 access(ipath, F_OK) == 0 ? "damaged or of another version" : "none yet");
    }
    free(ipath);
    if (db) {
        info->state = OSV_INDEX_USED;
        return db;
    }
    return load_whole(path, &st, info, err, errlen);
}
