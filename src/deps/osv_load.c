/* osv_load.c - reading the OSV export: the members of a zip (libarchive)
 * or the *.json files of a directory, under the size limits of osv_limits,
 * then sorting by ID (duplicates: the newer `modified` wins) and building
 * the package index. Nothing is ever written: member names are only used
 * in messages. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "deps/osv_int.h"

const osv_limits osv_default_limits = {
    .member_max = 8u << 20,
    .total_max = (size_t)2 << 30,
    .members_max = 1000000,
};

/* The state of one load. */
typedef struct loader {
    osv_db *db;
    osv_limits lim;
    char *err;
    size_t errlen;
    char *data; /* a member's bytes, member_max + 1 */
} loader;

static void set_error(loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(loader *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->err, l->errlen, fmt, ap);
    va_end(ap);
}

/* A member name fit for a terminal: control bytes become '?', at most
 * 200 bytes. */
static const char *printable(arena *a, const char *name)
{
    size_t len = strnlen(name, 200);
    char *p = arena_strndup(a, name, len);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
            p[i] = '?';
    return p;
}

void osv_add_problem(osv_db *db, const char *member, const char *message)
{
    if (db->nproblems < OSV_PROBLEMS_MAX)
        db->problems[db->nproblems++] = (osv_problem){printable(db->a, member), message};
}

static bool is_json_name(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcasecmp(name + n - 5, ".json") == 0;
}

static void push_advisory(osv_db *db, const osv_advisory *adv)
{
    if (db->n == db->cap) {
        size_t cap = db->cap ? db->cap * 2 : 1024;
        osv_advisory *grown = realloc(db->advs, cap * sizeof *grown);
        if (!grown)
            abort(); /* as the arena does: out of memory is not an input error */
        db->advs = grown;
        db->cap = cap;
    }
    db->advs[db->n++] = *adv;
}

/* One member's bytes: parse, count, keep. */
void osv_db_take(osv_db *db, const char *name, const char *json, size_t len)
{
    osv_advisory adv;
    const char *why;
    switch (osv_parse_advisory(db, name, json, len, &adv, &why)) {
    case OSV_PARSE_OK:
        push_advisory(db, &adv);
        break;
    case OSV_PARSE_WITHDRAWN:
        db->stats.withdrawn++;
        break;
    case OSV_PARSE_NO_PYPI:
        db->stats.no_pypi++;
        break;
    case OSV_PARSE_BAD_JSON:
        db->stats.bad_json++;
        osv_add_problem(db, name, why);
        break;
    case OSV_PARSE_BAD_SCHEMA:
        db->stats.bad_schema++;
        osv_add_problem(db, name, why);
        break;
    }
}

/* Counts a member against the limits; false (with the error set) when the
 * whole load must stop. */
static bool count_member(loader *l)
{
    if (++l->db->stats.members > l->lim.members_max) {
        set_error(l, "more than %zu members: not an OSV export (refusing a possible zip bomb)",
                  l->lim.members_max);
        return false;
    }
    return true;
}

static bool count_bytes(loader *l, size_t n)
{
    l->db->stats.bytes += n;
    if (l->db->stats.bytes > l->lim.total_max) {
        set_error(l, "more than %zu bytes uncompressed: refusing a possible zip bomb",
                  l->lim.total_max);
        return false;
    }
    return true;
}

/* ---- zip ------------------------------------------------------------------ */

static const char *ar_error(struct archive *ar)
{
    const char *e = archive_error_string(ar);
    return e ? e : "unknown error";
}

/* Reads the current member into l->data; *len = member_max + 1 when it is
 * larger than the limit. False on an archive error. */
static bool read_zip_member(loader *l, struct archive *ar, size_t *len)
{
    size_t have = 0, cap = l->lim.member_max + 1;
    for (;;) {
        la_ssize_t got = archive_read_data(ar, l->data + have, cap - have);
        if (got < 0) {
            set_error(l, "corrupt archive: %s", ar_error(ar));
            return false;
        }
        if (got == 0)
            break;
        have += (size_t)got;
        if (!count_bytes(l, (size_t)got))
            return false;
        if (have == cap)
            break; /* too large: the rest is skipped by the next header read */
    }
    *len = have;
    return true;
}

static bool zip_member(loader *l, struct archive *ar, struct archive_entry *e)
{
    const char *name = archive_entry_pathname(e);
    if (!name)
        name = "(unnamed member)";
    if (!count_member(l))
        return false;
    if (archive_entry_filetype(e) != AE_IFREG || !is_json_name(name)) {
        l->db->stats.not_json++;
        return true;
    }
    if (archive_entry_size_is_set(e) && (uint64_t)archive_entry_size(e) > l->lim.member_max) {
        l->db->stats.too_large++;
        osv_add_problem(l->db, name, "larger than the member size limit: skipped");
        return true;
    }
    size_t len;
    if (!read_zip_member(l, ar, &len))
        return false;
    if (len > l->lim.member_max) {
        l->db->stats.too_large++;
        osv_add_problem(l->db, name, "larger than the member size limit: skipped");
        return true;
    }
    osv_db_take(l->db, name, l->data, len);
    return true;
}

static bool load_zip(loader *l, struct archive *ar, int opened)
{
    if (opened != ARCHIVE_OK) {
        set_error(l, "not a readable zip archive: %s", ar_error(ar));
        return false;
    }
    for (;;) {
        struct archive_entry *e;
        int r = archive_read_next_header(ar, &e);
        if (r == ARCHIVE_EOF)
            return true;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            set_error(l, "corrupt or truncated zip archive: %s", ar_error(ar));
            return false;
        }
        if (!zip_member(l, ar, e))
            return false;
    }
}

static struct archive *new_zip_reader(void)
{
    struct archive *ar = archive_read_new();
    if (!ar)
        abort();
    archive_read_support_format_zip(ar);
    return ar;
}

/* ---- directory ------------------------------------------------------------- */

static int name_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* One file of the directory, opened without following a symbolic link. */
static bool dir_member(loader *l, int dirfd, const char *name)
{
    if (!count_member(l))
        return false;
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        l->db->stats.not_json++;
        return true;
    }
    if ((size_t)st.st_size > l->lim.member_max) {
        close(fd);
        l->db->stats.too_large++;
        osv_add_problem(l->db, name, "larger than the member size limit: skipped");
        return true;
    }
    size_t have = 0;
    ssize_t got;
    while (have <= l->lim.member_max &&
           (got = read(fd, l->data + have, l->lim.member_max + 1 - have)) > 0)
        have += (size_t)got;
    close(fd);
    if (have > l->lim.member_max) {
        l->db->stats.too_large++;
        osv_add_problem(l->db, name, "larger than the member size limit: skipped");
        return true;
    }
    if (!count_bytes(l, have))
        return false;
    osv_db_take(l->db, name, l->data, have);
    return true;
}

static bool load_dir(loader *l, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        set_error(l, "%s: %s", path, strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    bool ok = true;
    while ((de = readdir(d))) {
        if (!is_json_name(de->d_name)) {
            l->db->stats.not_json += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown)
                abort();
            names = grown;
        }
        names[n++] = strdup(de->d_name);
    }
    if (n) /* readdir order is the file system's */
        qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        ok = ok && dir_member(l, dirfd(d), names[i]);
        free(names[i]);
    }
    free(names);
    closedir(d);
    return ok;
}

/* ---- after the load: order, duplicates, index ------------------------------ */

static int adv_cmp(const void *x, const void *y)
{
    const osv_advisory *p = x, *q = y;
    int c = strcmp(p->id, q->id);
    if (c)
        return c;
    /* the newer record first: it is the one kept */
    c = strcmp(q->modified ? q->modified : "", p->modified ? p->modified : "");
    return c ? c : strcmp(p->source, q->source);
}

static void drop_duplicates(osv_db *db)
{
    if (!db->n)
        return; /* advs is NULL: no qsort */
    qsort(db->advs, db->n, sizeof *db->advs, adv_cmp);
    size_t k = 0;
    for (size_t i = 0; i < db->n; i++) {
        if (k && strcmp(db->advs[k - 1].id, db->advs[i].id) == 0) {
            db->stats.duplicates++;
            osv_add_problem(db, db->advs[i].source, "an advisory ID seen before: skipped");
            continue;
        }
        db->advs[k++] = db->advs[i];
    }
    db->n = k;
    db->stats.loaded = k;
}

static int entry_cmp(const void *x, const void *y)
{
    const osv_pkg_entry *p = x, *q = y;
    int c = strcmp(p->aff->name, q->aff->name);
    if (c)
        return c;
    c = strcmp(p->adv->id, q->adv->id);
    return c ? c : (p->aff > q->aff) - (p->aff < q->aff);
}

static void build_index(osv_db *db)
{
    size_t n = 0;
    for (size_t i = 0; i < db->n; i++)
        n += db->advs[i].naffected;
    db->index = malloc((n ? n : 1) * sizeof *db->index);
    if (!db->index)
        abort();
    for (size_t i = 0; i < db->n; i++) {
        const osv_advisory *adv = &db->advs[i];
        for (size_t j = 0; j < adv->naffected; j++)
            db->index[db->nindex++] = (osv_pkg_entry){adv, &adv->affected[j]};
        if (adv->modified && (!db->newest || strcmp(adv->modified, db->newest) > 0))
            db->newest = adv->modified;
    }
    qsort(db->index, db->nindex, sizeof *db->index, entry_cmp);
    for (size_t i = 0; i < db->nindex; i++)
        db->stats.packages +=
            !i || strcmp(db->index[i - 1].aff->name, db->index[i].aff->name) != 0;
}

/* ---- entry points ------------------------------------------------------------ */

osv_db *osv_db_new(void)
{
    osv_db *db = calloc(1, sizeof *db);
    if (!db)
        abort();
    db->a = arena_new();
    return db;
}

void osv_db_finish(osv_db *db)
{
    drop_duplicates(db);
    build_index(db);
}

static osv_db *new_db(loader *l, const osv_limits *limits, char *err, size_t errlen)
{
    osv_db *db = osv_db_new();
    *l = (loader){db, limits ? *limits : osv_default_limits, err, errlen, NULL};
    l->data = malloc(l->lim.member_max + 1);
    if (!l->data)
        abort();
    return db;
}

static osv_db *finish(loader *l, bool ok)
{
    free(l->data);
    if (!ok) {
        osv_db_close(l->db);
        return NULL;
    }
    osv_db_finish(l->db);
    return l->db;
}

osv_db *osv_db_open(const char *path, const osv_limits *limits, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    loader l;
    new_db(&l, limits, err, errlen);
    if (S_ISDIR(st.st_mode))
        return finish(&l, load_dir(&l, path));
    struct archive *ar = new_zip_reader();
    bool ok = load_zip(&l, ar, archive_read_open_filename(ar, path, 1 << 16));
    archive_read_free(ar);
    if (!ok) {
        /* the path first, as every message of krait does */
        char *msg = strdup(err);
        snprintf(err, errlen, "%s: %s", path, msg ? msg : "cannot read");
        free(msg);
    }
    return finish(&l, ok);
}

osv_db *osv_db_open_zip_memory(const void *data, size_t len, const osv_limits *limits,
                               char *err, size_t errlen)
{
    loader l;
    new_db(&l, limits, err, errlen);
    struct archive *ar = new_zip_reader();
    bool ok = load_zip(&l, ar, archive_read_open_memory(ar, data, len));
    archive_read_free(ar);
    return finish(&l, ok);
}

void osv_db_close(osv_db *db)
{
    if (!db)
        return;
    arena_free(db->a);
    free(db->advs);
    free(db->index);
    free(db);
}

const osv_stats *osv_db_stats(const osv_db *db)
{
    return &db->stats;
}

const osv_problem *osv_db_problems(const osv_db *db, size_t *n)
{
    *n = db->nproblems;
    return db->problems;
}

size_t osv_db_count(const osv_db *db)
{
    return db->n;
}

const osv_advisory *osv_db_at(const osv_db *db, size_t i)
{
    return i < db->n ? &db->advs[i] : NULL;
}

const osv_advisory *osv_db_find(const osv_db *db, const char *id)
{
    size_t lo = 0, hi = db->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(db->advs[mid].id, id);
        if (c == 0)
            return &db->advs[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *osv_db_newest_modified(const osv_db *db)
{
    return db->newest;
}

size_t osv_db_package(const osv_db *db, const char *name, const osv_pkg_entry **out)
{
    size_t lo = 0, hi = db->nindex;
    while (lo < hi) { /* the first entry >= name */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(db->index[mid].aff->name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < db->nindex && strcmp(db->index[end].aff->name, name) == 0)
        end++;
    *out = db->index + lo;
    return end - lo;
}

char *osv_default_db_path(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    const char *tail = "/krait/osv/PyPI-all.zip";
    char *path = NULL;
    /* XDG: a relative XDG_CACHE_HOME is invalid and must be ignored */
    if (xdg && xdg[0] == '/') {
        if (asprintf(&path, "%s%s", xdg, tail) < 0)
            return NULL;
    } else if (home && home[0]) {
        if (asprintf(&path, "%s/.cache%s", home, tail) < 0)
            return NULL;
    }
    return path;
}
