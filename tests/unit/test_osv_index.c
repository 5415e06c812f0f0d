/* test_osv_index.c - the OSV index (src/deps/osv_index*.c, osv_zipdir.c):
 * a database opened through a fresh index must answer every question
 * about the packages asked for exactly as the full load does, describe the
 * whole export (stats, problems, newest date) identically, and fall back
 * to the full load, rewriting the index, when the zip changes or the index
 * is torn, edited or foreign. Each test has its own cache directory
 * (XDG_CACHE_HOME), so the index is built, then used, under the test's
 * eyes. */
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "deps/osv.h"
#include "osv_zip.h"

static char cache[64];

static int setup(void **state)
{
    (void)state;
    snprintf(cache, sizeof cache, "/tmp/krait-osv-index-XXXXXX");
    assert_non_null(mkdtemp(cache));
    setenv("XDG_CACHE_HOME", cache, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache);
    return system(cmd);
}

static const char *real_zip(void)
{
    static char path[1024];
    const char *src = __FILE__;
    const char *slash = strrchr(src, '/');
    snprintf(path, sizeof path, "%.*s/../data/osv/PyPI-all.zip",
             (int)(slash ? slash - src : 1), slash ? src : ".");
    return path;
}

static osv_db *open_for(const char *path, const char *const *names, size_t n,
                        osv_index_state want)
{
    char err[512] = "";
    osv_index_info info;
    osv_db *db = osv_db_open_for(path, names, n, &info, err, sizeof err);
    if (!db || info.state != want)
        fail_msg("%s: state %d, want %d (%s) %s", path, (int)info.state, (int)want, info.why,
                 err);
    return db;
}

/* The package's advisories, as "ID@affected-name;..." text. */
static char *package_text(const osv_db *db, const char *name)
{
    const osv_pkg_entry *es;
    size_t n = osv_db_package(db, name, &es);
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s@%s/%zu/%zu;", es[i].adv->id, es[i].aff->name, es[i].aff->nranges,
                   es[i].aff->nversions);
    buf_putc(&b, '\0');
    return b.data;
}

/* osv_match_version's answers about a package at some of the versions its
 * advisories list (at most 8 per list: the full lists make this slow), as
 * text. */
static char *answers_text(const osv_db *db, arena *a, const char *name)
{
    const osv_pkg_entry *es;
    size_t n = osv_db_package(db, name, &es);
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < es[i].aff->nversions; j += 1 + es[i].aff->nversions / 8) {
            osv_report r = osv_match_version(db, a, name, es[i].aff->versions[j]);
            buf_printf(&b, "%zu:", r.n);
            for (size_t k = 0; k < r.n; k++)
                buf_printf(&b, "%s,", r.vulns[k].id);
            buf_printf(&b, "%s;", r.safe ? pep440_to_string(a, r.safe) : "-");
        }
    buf_putc(&b, '\0');
    return b.data;
}

static void assert_same_totals(const osv_db *full, const osv_db *part)
{
    assert_memory_equal(osv_db_stats(full), osv_db_stats(part), sizeof(osv_stats));
    size_t nf, np;
    const osv_problem *pf = osv_db_problems(full, &nf), *pp = osv_db_problems(part, &np);
    assert_int_equal(nf, np);
    for (size_t i = 0; i < nf; i++) {
        assert_string_equal(pf[i].member, pp[i].member);
        assert_string_equal(pf[i].message, pp[i].message);
    }
    assert_string_equal(osv_db_newest_modified(full), osv_db_newest_modified(part));
}

static int str_cmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Every package of the real export, asked about in groups of 50: the same
 * advisories and the same answers as the full load. */
static void test_real_export_through_index(void **state)
{
    (void)state;
    char err[512];
    osv_db *full = osv_db_open(real_zip(), NULL, err, sizeof err);
    assert_non_null(full);
    osv_db_close(open_for(real_zip(), NULL, 0, OSV_INDEX_BUILT));
    size_t total = 0, n = 0;
    for (size_t i = 0; i < osv_db_count(full); i++)
        total += osv_db_at(full, i)->naffected;
    const char **names = malloc(total * sizeof *names);
    for (size_t i = 0; i < osv_db_count(full); i++)
        for (size_t j = 0; j < osv_db_at(full, i)->naffected; j++)
            names[n++] = osv_db_at(full, i)->affected[j].name;
    qsort(names, n, sizeof *names, str_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || strcmp(names[u - 1], names[i]) != 0)
            names[u++] = names[i];
    n = u;
    assert_int_equal(n, osv_db_stats(full)->packages);
    arena *a = arena_new();
    for (size_t at = 0; at < n; at += 50) {
        size_t k = n - at < 50 ? n - at : 50;
        osv_db *part = open_for(real_zip(), names + at, k, OSV_INDEX_USED);
        assert_same_totals(full, part);
        assert_true(osv_db_count(part) < osv_db_count(full));
        for (size_t i = 0; i < k; i++) {
            char *x = package_text(full, names[at + i]), *y = package_text(part, names[at + i]);
            assert_string_equal(x, y);
            free(x), free(y);
            if (i % 4) /* the answers of one package in four: matching is the slow part */
                continue;
            x = answers_text(full, a, names[at + i]), y = answers_text(part, a, names[at + i]);
            assert_string_equal(x, y);
            free(x), free(y);
        }
        osv_db_close(part);
    }
    /* any spelling; a package no advisory names loads nothing */
    const char *odd[] = {"Django", "no-such-package-anywhere"};
    osv_db *part = open_for(real_zip(), odd, 2, OSV_INDEX_USED);
    const osv_pkg_entry *es;
    assert_true(osv_db_package(part, "django", &es) > 10);
    assert_int_equal(osv_db_package(part, "no-such-package-anywhere", &es), 0);
    osv_db_close(part);
    arena_free(a);
    free(names);
    osv_db_close(full);
}

static const char *advisory(char *out, size_t len, const char *id, const char *pkg,
                            const char *fixed)
{
    snprintf(out, len,
             "{\"id\":\"%s\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"package\":"
             "{\"ecosystem\":\"PyPI\",\"name\":\"%s\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
             "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"%s\"}]}]}]}",
             id, pkg, fixed);
    return out;
}

static void write_zip(const char *path, const zip_member *m, size_t n)
{
    size_t len;
    void *z = zip_build(m, n, &len);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(z, 1, len, f), len);
    fclose(f);
    free(z);
}

static const char *fixed_of(osv_db *db, const char *pkg, const char *version)
{
    static char text[64];
    arena *a = arena_new();
    osv_report r = osv_match_version(db, a, pkg, pep440_parse(a, version, strlen(version), NULL));
    snprintf(text, sizeof text, "%s", r.n ? pep440_to_string(a, r.vulns[0].fixed) : "-");
    arena_free(a);
    return text;
}

/* A changed zip (new contents, same name) is noticed: the index is rebuilt
 * and the answers are the new ones. */
static void test_changed_zip_rebuilds(void **state)
{
    (void)state;
    char path[128], a1[512], a2[512];
    snprintf(path, sizeof path, "%s/db.zip", cache);
    zip_member v1[] = {{"A-1.json", advisory(a1, sizeof a1, "A-1", "alpha", "1.5"), 0},
                       {"B-1.json", advisory(a2, sizeof a2, "B-1", "beta", "2.0"), 0}};
    write_zip(path, v1, 2);
    const char *names[] = {"alpha"};
    osv_db *db = open_for(path, names, 1, OSV_INDEX_BUILT);
    osv_db_close(db);
    db = open_for(path, names, 1, OSV_INDEX_USED);
    assert_string_equal(fixed_of(db, "alpha", "1.0"), "1.5");
    assert_int_equal(osv_db_count(db), 1);
    osv_db_close(db);
    zip_member v2[] = {{"A-1.json", advisory(a1, sizeof a1, "A-1", "alpha", "1.7"), 0}};
    write_zip(path, v2, 1);
    db = open_for(path, names, 1, OSV_INDEX_BUILT);
    assert_string_equal(fixed_of(db, "alpha", "1.0"), "1.7");
    osv_db_close(db);
    db = open_for(path, names, 1, OSV_INDEX_USED);
    assert_string_equal(fixed_of(db, "alpha", "1.0"), "1.7");
    assert_int_equal(osv_db_stats(db)->loaded, 1);
    osv_db_close(db);
}

static void flip_byte(const char *path, long at)
{
    int fd = open(path, O_RDWR);
    assert_true(fd >= 0);
    unsigned char c;
    assert_int_equal(pread(fd, &c, 1, at), 1);
    c ^= 0x5a;
    assert_int_equal(pwrite(fd, &c, 1, at), 1);
    close(fd);
}

/* A torn, edited or truncated index is refused (its checksum, its bounds)
 * and rebuilt; the answers never change. */
static void test_damaged_index_is_rebuilt(void **state)
{
    (void)state;
    char path[128], a1[512];
    snprintf(path, sizeof path, "%s/db.zip", cache);
    zip_member v1[] = {{"A-1.json", advisory(a1, sizeof a1, "A-1", "alpha", "1.5"), 0}};
    write_zip(path, v1, 1);
    const char *names[] = {"alpha"};
    osv_index_info info;
    char err[512];
    osv_db_close(osv_db_open_for(path, names, 1, &info, err, sizeof err));
    assert_int_equal(info.state, OSV_INDEX_BUILT);
    struct stat st;
    assert_int_equal(stat(info.path, &st), 0);
    for (long at = 0; at < st.st_size; at += 7) {
        flip_byte(info.path, at);
        osv_db *db = open_for(path, names, 1, OSV_INDEX_BUILT);
        assert_string_equal(fixed_of(db, "alpha", "1.0"), "1.5");
        osv_db_close(db);
    }
    assert_int_equal(truncate(info.path, st.st_size / 2), 0);
    osv_db_close(open_for(path, names, 1, OSV_INDEX_BUILT));
    osv_db_close(open_for(path, names, 1, OSV_INDEX_USED));
}

/* Two members under one name: which one the full load kept cannot be told
 * from the directory, so no index is written; the answers are the full
 * load's. A directory database is never indexed. */
static void test_no_index_when_ambiguous_or_directory(void **state)
{
    (void)state;
    char path[128], a1[512], a2[512];
    snprintf(path, sizeof path, "%s/db.zip", cache);
    zip_member twice[] = {{"A-1.json", advisory(a1, sizeof a1, "A-1", "alpha", "1.5"), 0},
                          {"A-1.json", advisory(a2, sizeof a2, "A-2", "alpha", "1.9"), 0}};
    write_zip(path, twice, 2);
    const char *names[] = {"alpha"};
    osv_db *db = open_for(path, names, 1, OSV_INDEX_FAILED);
    assert_int_equal(osv_db_count(db), 2);
    osv_db_close(db);
    db = open_for(cache, names, 1, OSV_INDEX_NONE); /* a directory (no .json files) */
    assert_int_equal(osv_db_count(db), 0);
    osv_db_close(db);
    unsetenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    unsetenv("HOME");
    db = open_for(path, names, 1, OSV_INDEX_NONE);
    osv_db_close(db);
    if (home)
        setenv("HOME", home, 1);
    setenv("XDG_CACHE_HOME", cache, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_real_export_through_index, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changed_zip_rebuilds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_index_is_rebuilt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_index_when_ambiguous_or_directory, setup,
                                        teardown),
    };
    if (getenv("TEST_FILTER"))
        cmocka_set_test_filter(getenv("TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
