/* test_osv_load.c - loading OSV exports (src/deps/osv_load.c, osv_json.c):
 * hostile zips and documents (reported, never fatal for the others, never
 * a crash), a directory of files, the real export of tests/data/osv (every
 * advisory, timed, with answers checked by reading its JSON), and queries
 * from several threads at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <pthread.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/osv.h"
#include "osv_zip.h"

#define GOOD(id)                                                                              \
    "{\"id\": \"" id "\", \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": "  \
    "\"demo\"}, \"versions\": [\"1.0\"]}]}"

static const osv_limits small_limits = {.member_max = 1 << 16, .total_max = 1 << 20,
                                        .members_max = 100};

static bool has_problem(const osv_db *db, const char *member, const char *text)
{
    size_t n;
    const osv_problem *p = osv_db_problems(db, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].member, member) == 0 && strstr(p[i].message, text))
            return true;
    return false;
}

/* A document nested `depth` times with `open`/`close` around "1". */
static char *nested(const char *open, const char *close, size_t depth)
{
    size_t lo = strlen(open), lc = strlen(close);
    char *s = malloc(depth * (lo + lc) + 64), *p = s;
    p += sprintf(p, "{\"id\": \"DEEP\", \"x\": ");
    for (size_t i = 0; i < depth; i++, p += lo)
        memcpy(p, open, lo);
    *p++ = '1';
    for (size_t i = 0; i < depth; i++, p += lc)
        memcpy(p, close, lc);
    strcpy(p, "}");
    return s;
}

static void test_bad_members_are_reported(void **state)
{
    (void)state;
    char *deep_arrays = nested("[", "]", 3000000);
    char *deep_objects = nested("{\"a\":", "}", 1000000);
    zip_member m[] = {
        {"ok.json", GOOD("OK-1"), 0},
        {"broken.json", "{\"id\": \"X\", ", 0},
        {"binary.json", "\xff\xfe\x00\x01", 4},
        {"deep-arrays.json", deep_arrays, 0},
        {"deep-objects.json", deep_objects, 0},
        {"types.json", "{\"id\": \"T\", \"aliases\": 5}", 0},
        {"noid.json", "{\"affected\": []}", 0},
        {"event.json",
         "{\"id\": \"E\", \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"d\"},"
         " \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": 0}]}]}]}", 0},
        {"array.json", "[1, 2, 3]", 0},
        {"../../escape\x1b[31m.json", GOOD("OK-2"), 0},
        {"README.md", "not an advisory", 0},
    };
    char err[256] = "";
    osv_db *db = zip_open(m, sizeof m / sizeof m[0], NULL, err, sizeof err);
    free(deep_arrays);
    free(deep_objects);
    if (!db)
        fail_msg("%s", err);
    const osv_stats *s = osv_db_stats(db);
    assert_int_equal(s->loaded, 2);
    assert_int_equal(s->bad_json, 4); /* broken, binary, and both too deep for cJSON */
    assert_int_equal(s->bad_schema, 4);
    assert_int_equal(s->not_json, 1);
    assert_true(has_problem(db, "broken.json", "not valid JSON"));
    assert_true(has_problem(db, "deep-arrays.json", "nested too deeply"));
    assert_true(has_problem(db, "types.json", "aliases: not an array"));
    assert_true(has_problem(db, "noid.json", "no id"));
    assert_true(has_problem(db, "event.json", "events[]"));
    assert_true(has_problem(db, "array.json", "not a JSON object"));
    /* a hostile name is only a name: loaded, and printable in messages */
    const osv_advisory *adv = osv_db_find(db, "OK-2");
    assert_non_null(adv);
    assert_string_equal(adv->source, "../../escape\x1b[31m.json");
    osv_db_close(db);
}

static void test_size_limits(void **state)
{
    (void)state;
    /* a member over member_max is skipped, the rest loads */
    size_t big = (1 << 16) + 10;
    char *huge = malloc(big + 1);
    memset(huge, ' ', big);
    huge[big] = '\0';
    memcpy(huge, "{\"id\": \"HUGE\"}", 14);
    zip_member m[] = {{"huge.json", huge, 0}, {"ok.json", GOOD("OK-1"), 0}};
    char err[256] = "";
    osv_db *db = zip_open(m, 2, &small_limits, err, sizeof err);
    assert_non_null(db);
    assert_int_equal(osv_db_stats(db)->too_large, 1);
    assert_int_equal(osv_db_stats(db)->loaded, 1);
    assert_true(has_problem(db, "huge.json", "size limit"));
    osv_db_close(db);
    /* a zip bomb: 40 members of 60,000 spaces (tiny compressed) exceed the
     * 1 MiB total: the whole load is refused */
    zip_member bomb[40];
    char names[40][16];
    huge[60000] = '\0';
    for (int i = 0; i < 40; i++) {
        snprintf(names[i], sizeof names[i], "b%d.json", i);
        bomb[i] = (zip_member){names[i], huge, 0};
    }
    size_t zlen;
    void *zip = zip_build(bomb, 40, &zlen);
    assert_true(zlen < 40 * 1000);
    db = osv_db_open_zip_memory(zip, zlen, &small_limits, err, sizeof err);
    assert_null(db);
    assert_non_null(strstr(err, "zip bomb"));
    free(zip);
    /* too many members */
    zip_member many[101];
    char mnames[101][16];
    for (int i = 0; i < 101; i++) {
        snprintf(mnames[i], sizeof mnames[i], "m%d.txt", i);
        many[i] = (zip_member){mnames[i], "x", 0};
    }
    db = zip_open(many, 101, &small_limits, err, sizeof err);
    assert_null(db);
    assert_non_null(strstr(err, "more than 100 members"));
    free(huge);
}

static void test_duplicates_keep_newest(void **state)
{
    (void)state;
    zip_member m[] = {
        {"a.json", "{\"id\": \"D\", \"modified\": \"2020-01-01T00:00:00Z\", \"summary\": \"old\","
                   " \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"x\"}}]}", 0},
        {"b.json", "{\"id\": \"D\", \"modified\": \"2024-01-01T00:00:00Z\", \"summary\": \"new\","
                   " \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"x\"}}]}", 0},
    };
    char err[256];
    osv_db *db = zip_open(m, 2, NULL, err, sizeof err);
    assert_non_null(db);
    assert_int_equal(osv_db_count(db), 1);
    assert_int_equal(osv_db_stats(db)->duplicates, 1);
    assert_string_equal(osv_db_find(db, "D")->summary, "new");
    assert_string_equal(osv_db_newest_modified(db), "2024-01-01T00:00:00Z");
    osv_db_close(db);
}

static void test_broken_archives(void **state)
{
    (void)state;
    zip_member m[] = {{"a.json", GOOD("A"), 0}, {"b.json", GOOD("B"), 0}};
    size_t zlen;
    char *zip = zip_build(m, 2, &zlen);
    char err[256] = "";
    for (size_t cut = 0; cut < zlen; cut += 7) { /* every truncation: an error, no crash */
        osv_db *db = osv_db_open_zip_memory(zip, cut, NULL, err, sizeof err);
        if (db) { /* libarchive may stop cleanly before a member: never more than we gave */
            assert_true(osv_db_count(db) <= 2);
            osv_db_close(db);
        }
    }
    osv_db *db = osv_db_open_zip_memory(zip, zlen / 2, NULL, err, sizeof err);
    assert_null(db);
    if (!strstr(err, "corrupt"))
        fail_msg("%s", err);
    db = osv_db_open_zip_memory("<html>", 6, NULL, err, sizeof err);
    assert_null(db);
    assert_non_null(strstr(err, "not a readable zip archive"));
    db = osv_db_open("/nonexistent/krait-osv.zip", NULL, err, sizeof err);
    assert_null(db);
    assert_non_null(strstr(err, "/nonexistent/krait-osv.zip: No such file"));
    free(zip);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/krait-osv-dir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    write_file(dir, "A.json", GOOD("A"));
    write_file(dir, "B.json", "{not json");
    write_file(dir, "notes.txt", "x");
    char sub[600], link[600];
    snprintf(sub, sizeof sub, "%s/sub.json", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(link, sizeof link, "%s/link.json", dir);
    assert_int_equal(symlink("A.json", link), 0); /* not followed */
    char err[256] = "";
    osv_db *db = osv_db_open(dir, NULL, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    assert_int_equal(osv_db_stats(db)->loaded, 1);
    assert_int_equal(osv_db_stats(db)->bad_json, 1);
    assert_int_equal(osv_db_stats(db)->not_json, 3); /* notes.txt, sub.json, link.json */
    assert_true(has_problem(db, "B.json", "not valid JSON"));
    osv_db_close(db);
    unlink(link);
    rmdir(sub);
    char path[600];
    const char *names[] = {"A.json", "B.json", "notes.txt"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* ---- the real export --------------------------------------------------------- */

static osv_db *real_db(void)
{
    char path[1024];
    const char *src = __FILE__; /* tests/unit/test_osv_load.c in the source tree */
    const char *slash = strrchr(src, '/');
    snprintf(path, sizeof path, "%.*s/../data/osv/PyPI-all.zip",
             (int)(slash ? slash - src : 1), slash ? src : ".");
    char err[512] = "";
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    osv_db *db = osv_db_open(path, NULL, err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!db)
        fail_msg("the real export is needed (tests/data/osv/PyPI-all.zip): %s", err);
    print_message("loaded %zu advisories in %.1f ms\n", osv_db_count(db),
                  (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    return db;
}

static void test_real_export_counts(void **state)
{
    (void)state;
    osv_db *db = real_db();
    const osv_stats *s = osv_db_stats(db);
    /* 2,661 documents: 10 withdrawn (counted by differential.py too) */
    assert_int_equal(s->members, 2661);
    assert_int_equal(s->loaded, 2651);
    assert_int_equal(s->withdrawn, 10);
    assert_int_equal(s->bad_json + s->bad_schema + s->too_large + s->duplicates, 0);
    assert_int_equal(s->packages, 660);
    const osv_advisory *adv = osv_db_find(db, "PYSEC-2023-74");
    assert_non_null(adv);
    assert_int_equal(adv->naliases, 2);
    assert_string_equal(adv->aliases[0], "CVE-2023-32681");
    assert_string_equal(adv->affected[0].name, "requests");
    assert_int_equal(adv->affected[0].nranges, 1); /* the GIT range is not kept */
    assert_string_equal(adv->published, "2023-05-26T18:15:00Z");
    osv_db_close(db);
}

static const char *show(arena *a, const pep440_version *v)
{
    return v ? pep440_to_string(a, v) : "(none)";
}

static void test_real_export_answers(void **state)
{
    (void)state;
    osv_db *db = real_db();
    arena *a = arena_new();
    /* requests 2.5.0 (read from the JSON): PYSEC-2015-17 [2.1.0, 2.6.0),
     * PYSEC-2018-28 [0, 2.20.0), PYSEC-2023-74 [2.3.0, 2.31.0); the
     * PYSEC-2014-13/14 pair stops at 2.3.0 */
    osv_report r = osv_match_version(db, a, "Requests", pep440_parse(a, "2.5.0", 5, NULL));
    assert_int_equal(r.n, 3);
    assert_string_equal(r.vulns[0].id, "PYSEC-2015-17");
    assert_string_equal(show(a, r.vulns[0].fixed), "2.6.0");
    assert_string_equal(r.vulns[1].id, "PYSEC-2018-28");
    assert_string_equal(show(a, r.vulns[1].fixed), "2.20.0");
    assert_string_equal(r.vulns[2].id, "PYSEC-2023-74");
    assert_string_equal(show(a, r.vulns[2].fixed), "2.31.0");
    assert_string_equal(show(a, r.safe), "2.31.0");
    r = osv_match_version(db, a, "requests", pep440_parse(a, "2.31.0", 6, NULL));
    assert_int_equal(r.n, 0);
    /* pandas: PYSEC-2020-73, < 1.0.4 */
    r = osv_match_version(db, a, "pandas", pep440_parse(a, "1.0.3", 5, NULL));
    assert_int_equal(r.n, 1);
    assert_string_equal(r.vulns[0].id, "PYSEC-2020-73");
    r = osv_match_version(db, a, "pandas", pep440_parse(a, "1.0.4", 5, NULL));
    assert_int_equal(r.n, 0);
    /* py: the export's one last_affected (1.11.0), PYSEC-2022-42969 */
    r = osv_match_version(db, a, "py", pep440_parse(a, "1.11.0", 6, NULL));
    assert_int_equal(r.n, 1);
    assert_null(r.vulns[0].fixed); /* no fix known */
    r = osv_match_version(db, a, "py", pep440_parse(a, "1.11.1", 6, NULL));
    assert_int_equal(r.n, 0);
    /* accesscontrol 5.1: PYSEC-2021-335 and PYSEC-2021-370 share
     * GHSA-qcx9-j53g-ccgf: one vulnerability, both fixed in 5.2 */
    r = osv_match_version(db, a, "AccessControl", pep440_parse(a, "5.1", 3, NULL));
    assert_int_equal(r.n, 1);
    assert_string_equal(r.vulns[0].id, "PYSEC-2021-335");
    assert_int_equal(r.vulns[0].nadvisories, 2);
    assert_int_equal(r.vulns[0].nids, 6);
    assert_string_equal(show(a, r.vulns[0].fixed), "5.2");
    /* zope 5.1, five advisories in three groups: PYSEC-2021-104 [5.0,
     * 5.2.1) + PYSEC-2021-88 [5.0, 5.2) (GHSA-5pr9-v234-jw36): 5.2 is still
     * affected by the first, fix 5.2.1; PYSEC-2021-368 [5.0, 5.3) +
     * PYSEC-2021-875 [5.0, 5.2) (GHSA-qcx9-j53g-ccgf): fix 5.3;
     * PYSEC-2023-193 [5.0, 5.8.6) alone. Primary IDs by byte order. */
    r = osv_match_version(db, a, "zope", pep440_parse(a, "5.1", 3, NULL));
    assert_int_equal(r.n, 3);
    assert_string_equal(r.vulns[0].id, "PYSEC-2021-104");
    assert_int_equal(r.vulns[0].nadvisories, 2);
    assert_string_equal(r.vulns[0].advisories[1]->id, "PYSEC-2021-88");
    assert_string_equal(show(a, r.vulns[0].fixed), "5.2.1");
    assert_string_equal(r.vulns[1].id, "PYSEC-2021-368");
    assert_int_equal(r.vulns[1].nadvisories, 2);
    assert_string_equal(show(a, r.vulns[1].fixed), "5.3");
    assert_string_equal(r.vulns[2].id, "PYSEC-2023-193");
    assert_string_equal(show(a, r.vulns[2].fixed), "5.8.6");
    assert_string_equal(show(a, r.safe), "5.8.6");
    /* unpinned: requests>=2.0 admits all five; >=2.20 only PYSEC-2023-74 */
    pep440_error err;
    r = osv_match_specset(db, a, "requests", pep440_specset_parse(a, ">=2.0", 5, &err),
                          PEP440_PRERELEASES_DEFAULT);
    assert_int_equal(r.n, 5);
    assert_string_equal(show(a, r.safe), "2.31.0");
    r = osv_match_specset(db, a, "requests", pep440_specset_parse(a, ">=2.20", 6, &err),
                          PEP440_PRERELEASES_DEFAULT);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.vulns[0].id, "PYSEC-2023-74");
    arena_free(a);
    osv_db_close(db);
}

/* ---- threads: the same answers from four threads at once ---------------------- */

typedef struct job {
    const osv_db *db;
    buf out;
} job;

/* Every (package, listed version) of the database, answered into a text. */
static void *answer_all(void *arg)
{
    job *j = arg;
    arena *a = arena_new();
    for (size_t i = 0; i < osv_db_count(j->db); i++) {
        const osv_advisory *adv = osv_db_at(j->db, i);
        for (size_t k = 0; k < adv->affected[0].nversions; k += 29) {
            osv_report r = osv_match_version(j->db, a, adv->affected[0].name,
                                             adv->affected[0].versions[k]);
            buf_printf(&j->out, "%s %zu %s;", adv->id, r.n, r.safe ? "s" : "-");
            for (size_t v = 0; v < r.n; v++)
                buf_printf(&j->out, "%s ", r.vulns[v].id);
        }
        arena_reset(a);
    }
    arena_free(a);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    osv_db *db = real_db();
    job jobs[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].db = db;
        buf_init(&jobs[i].out);
        assert_int_equal(pthread_create(&t[i], NULL, answer_all, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    job alone = {db, {0}};
    buf_init(&alone.out);
    answer_all(&alone);
    assert_true(alone.out.len > 10000);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(jobs[i].out.len, alone.out.len);
        assert_memory_equal(jobs[i].out.data, alone.out.data, alone.out.len);
        buf_free(&jobs[i].out);
    }
    buf_free(&alone.out);
    osv_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_members_are_reported),
        cmocka_unit_test(test_size_limits),
        cmocka_unit_test(test_duplicates_keep_newest),
        cmocka_unit_test(test_broken_archives),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_real_export_counts),
        cmocka_unit_test(test_real_export_answers),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
