/* test_osv.c - OSV range evaluation and matching (src/deps/osv.h) on
 * hand-made advisories whose answers follow from the OSV schema's
 * pseudo-code by hand; tests/deps/osv/differential.py checks the same
 * evaluation against an independent implementation over the real export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "deps/osv.h"
#include "osv_zip.h"

/* An advisory for package "demo" with the given ranges JSON and versions. */
static char *advisory(const char *id, const char *aliases, const char *ranges,
                      const char *versions)
{
    char *s;
    if (asprintf(&s,
                 "{\"id\": \"%s\", \"modified\": \"2026-01-01T00:00:00Z\", \"aliases\": [%s],"
                 " \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"demo\"},"
                 " \"ranges\": [%s], \"versions\": [%s]}]}",
                 id, aliases, ranges, versions) < 0)
        abort();
    return s;
}

static osv_db *one_db(char *json)
{
    zip_member m = {"A.json", json, 0};
    char err[256] = "";
    osv_db *db = zip_open(&m, 1, NULL, err, sizeof err);
    free(json);
    if (!db)
        fail_msg("%s", err);
    assert_int_equal(osv_db_count(db), 1);
    return db;
}

/* Whether `version` of demo is affected by the database's one advisory. */
static bool affects(const osv_db *db, const char *version)
{
    arena *a = arena_new();
    const pep440_version *v = pep440_parse(a, version, strlen(version), NULL);
    assert_non_null(v);
    bool r = osv_affects(&osv_db_at(db, 0)->affected[0], v);
    arena_free(a);
    return r;
}

#define ECO(events) "{\"type\": \"ECOSYSTEM\", \"events\": [" events "]}"

static void test_introduced_zero_fixed(void **state)
{
    (void)state;
    osv_db *db = one_db(advisory("T-1", "", ECO("{\"introduced\": \"0\"}, {\"fixed\": \"1.4\"}"), ""));
    assert_true(affects(db, "0"));
    assert_true(affects(db, "0.dev0")); /* "0" is below every version, 0.dev0 too */
    assert_true(affects(db, "1.3.99"));
    assert_true(affects(db, "1.4rc1")); /* pre-releases sort before the release */
    assert_true(affects(db, "1.4.dev0"));
    assert_false(affects(db, "1.4"));
    assert_false(affects(db, "1.4.0"));
    assert_false(affects(db, "1.4.post1"));
    assert_false(affects(db, "1!0.1")); /* an epoch sorts above */
    osv_db_close(db);
}

static void test_last_affected(void **state)
{
    (void)state;
    osv_db *db = one_db(
        advisory("T-2", "", ECO("{\"introduced\": \"1.0\"}, {\"last_affected\": \"2.1\"}"), ""));
    assert_false(affects(db, "0.9"));
    assert_false(affects(db, "1.0rc1"));
    assert_true(affects(db, "1.0"));
    assert_true(affects(db, "2.1"));
    /* PEP 440 orders a local version above its public one: 2.1+local >
     * last_affected 2.1, so the pseudo-code says unaffected */
    assert_false(affects(db, "2.1+local"));
    assert_false(affects(db, "2.1.post1"));
    osv_db_close(db);
}

static void test_limit(void **state)
{
    (void)state;
    osv_db *db = one_db(advisory(
        "T-3", "", ECO("{\"introduced\": \"1.0\"}, {\"limit\": \"1.5\"}, {\"limit\": \"3.0\"}"), ""));
    assert_true(affects(db, "1.4"));
    assert_true(affects(db, "2.9")); /* below one of the limits: enough */
    assert_false(affects(db, "3.0"));
    assert_false(affects(db, "0.1"));
    osv_db_close(db);
    db = one_db(advisory("T-4", "", ECO("{\"introduced\": \"1.0\"}, {\"limit\": \"*\"}"), ""));
    assert_true(affects(db, "99"));
    osv_db_close(db);
}

static void test_multiple_ranges_and_unsorted_events(void **state)
{
    (void)state;
    /* written out of order: evaluation sorts by version first */
    osv_db *db = one_db(advisory("T-5", "",
                                 ECO("{\"fixed\": \"3.2.5\"}, {\"introduced\": \"3.0\"},"
                                     "{\"fixed\": \"1.0.2\"}, {\"introduced\": \"1.0.0\"}") ","
                                 ECO("{\"introduced\": \"5.0\"}"),
                                 ""));
    assert_false(affects(db, "0.9"));
    assert_true(affects(db, "1.0.1"));
    assert_false(affects(db, "1.0.2"));
    assert_false(affects(db, "2.0"));
    assert_true(affects(db, "3.1"));
    assert_false(affects(db, "3.2.5"));
    assert_false(affects(db, "4.9"));
    assert_true(affects(db, "5.0"));
    assert_true(affects(db, "700"));
    osv_db_close(db);
}

static void test_equal_events_keep_written_order(void **state)
{
    (void)state;
    /* introduced 2.0 then fixed 2.0: the walk ends "not vulnerable" */
    osv_db *db =
        one_db(advisory("T-6", "", ECO("{\"introduced\": \"2.0\"}, {\"fixed\": \"2.0\"}"), ""));
    assert_false(affects(db, "2.0"));
    osv_db_close(db);
    db = one_db(advisory("T-7", "", ECO("{\"fixed\": \"2.0\"}, {\"introduced\": \"2.0\"}"), ""));
    assert_true(affects(db, "2.0"));
    assert_true(affects(db, "2.5"));
    osv_db_close(db);
}

static void test_versions_list(void **state)
{
    (void)state;
    /* no range: only the listed versions, with PEP 440 equality */
    osv_db *db = one_db(advisory("T-8", "", "", "\"1.0\", \"1.2.0\", \"2.0-final\", \"latest\""));
    assert_true(affects(db, "1.0.0"));
    assert_true(affects(db, "1.2"));
    assert_false(affects(db, "1.1"));
    assert_false(affects(db, "1.0+local")); /* a local label is significant */
    assert_int_equal(osv_db_stats(db)->invalid_list_versions, 2);
    osv_db_close(db);
}

static void test_invalid_event_versions_dropped(void **state)
{
    (void)state;
    osv_db *db = one_db(advisory(
        "T-9", "", ECO("{\"introduced\": \"0\"}, {\"fixed\": \"1.0-final-x\"}, {\"fixed\": \"2.0\"}"),
        ""));
    assert_int_equal(osv_db_stats(db)->invalid_event_versions, 1);
    assert_true(affects(db, "1.5"));
    assert_false(affects(db, "2.0"));
    osv_db_close(db);
}

static void test_git_ranges_ignored(void **state)
{
    (void)state;
    osv_db *db = one_db(advisory(
        "T-10", "",
        "{\"type\": \"GIT\", \"repo\": \"x\", \"events\": [{\"introduced\": \"0\"}]},"
        "{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}]}",
        ""));
    assert_false(affects(db, "1.0"));
    assert_int_equal(osv_db_stats(db)->ranges_ignored, 2);
    assert_int_equal(osv_db_stats(db)->ranges_ecosystem, 0);
    osv_db_close(db);
}

/* ---- a small database: withdrawn, several packages, aliases ---------------- */

static const char *const small_docs[] = {
    /* A and B share CVE-1: one vulnerability */
    "{\"id\": \"GHSA-aaaa\", \"aliases\": [\"CVE-1\"], \"summary\": \"sum\", \"affected\": ["
    " {\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"Demo.Pkg\"}, \"ranges\": [{\"type\":"
    " \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"1.5\"}]}]},"
    " {\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"other\"}, \"versions\": [\"3.0\"]},"
    " {\"package\": {\"ecosystem\": \"npm\", \"name\": \"demo-pkg\"}, \"versions\": [\"9.0\"]}]}",
    "{\"id\": \"PYSEC-2\", \"aliases\": [\"CVE-1\"], \"affected\": ["
    " {\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"demo_pkg\"}, \"ranges\": [{\"type\":"
    " \"ECOSYSTEM\", \"events\": [{\"introduced\": \"1.0\"}, {\"fixed\": \"1.6\"}]}]}]}",
    /* C: unrelated, fixed in 2.0; its fix is the "safe" answer for 1.2 */
    "{\"id\": \"PYSEC-3\", \"aliases\": [\"CVE-3\"], \"affected\": ["
    " {\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"demo-pkg\"}, \"ranges\": [{\"type\":"
    " \"ECOSYSTEM\", \"events\": [{\"introduced\": \"1.2\"}, {\"fixed\": \"2.0\"}]}]}]}",
    /* withdrawn: ignored */
    "{\"id\": \"PYSEC-4\", \"withdrawn\": \"2026-01-01T00:00:00Z\", \"affected\": ["
    " {\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"demo-pkg\"}, \"ranges\": [{\"type\":"
    " \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}]}]}]}",
    /* npm only: not a PyPI advisory */
    "{\"id\": \"GHSA-npm\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\":"
    " \"demo-pkg\"}, \"versions\": [\"1.0\"]}]}",
};

static osv_db *small_db(void)
{
    zip_member m[5];
    char names[5][16];
    for (int i = 0; i < 5; i++) {
        snprintf(names[i], sizeof names[i], "%d.json", i);
        m[i] = (zip_member){names[i], small_docs[i], 0};
    }
    char err[256] = "";
    osv_db *db = zip_open(m, 5, NULL, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    return db;
}

static osv_report pinned(const osv_db *db, arena *a, const char *name, const char *version)
{
    return osv_match_version(db, a, name, pep440_parse(a, version, strlen(version), NULL));
}

static void assert_version(const pep440_version *v, const char *want)
{
    arena *a = arena_new();
    if (!want)
        assert_null(v);
    else {
        assert_non_null(v);
        assert_string_equal(pep440_to_string(a, v), want);
    }
    arena_free(a);
}

static void test_small_db_counts(void **state)
{
    (void)state;
    osv_db *db = small_db();
    const osv_stats *s = osv_db_stats(db);
    assert_int_equal(s->loaded, 3);
    assert_int_equal(s->withdrawn, 1);
    assert_int_equal(s->no_pypi, 1);
    assert_int_equal(s->packages, 2); /* demo-pkg and other */
    assert_non_null(osv_db_find(db, "PYSEC-3"));
    assert_null(osv_db_find(db, "PYSEC-4"));
    assert_int_equal(osv_db_find(db, "GHSA-aaaa")->naffected, 2); /* npm dropped */
    osv_db_close(db);
}

static void test_merge_by_alias(void **state)
{
    (void)state;
    osv_db *db = small_db();
    arena *a = arena_new();
    osv_report r = pinned(db, a, "DEMO_pkg", "1.2"); /* any spelling of the name */
    assert_int_equal(r.n, 2);
    /* GHSA-aaaa + PYSEC-2: primary PYSEC-2 (PYSEC before GHSA) */
    assert_string_equal(r.vulns[0].id, "PYSEC-2");
    assert_int_equal(r.vulns[0].nadvisories, 2);
    assert_string_equal(r.vulns[0].advisories[0]->id, "PYSEC-2");
    assert_int_equal(r.vulns[0].nids, 3);
    assert_string_equal(r.vulns[0].ids[0], "CVE-1");
    assert_string_equal(r.vulns[0].ids[1], "GHSA-aaaa");
    assert_string_equal(r.vulns[0].ids[2], "PYSEC-2");
    /* the group's fix: 1.5 is still affected by PYSEC-2, so 1.6 */
    assert_version(r.vulns[0].fixed, "1.6");
    assert_string_equal(r.vulns[1].id, "PYSEC-3");
    assert_version(r.vulns[1].fixed, "2.0");
    /* the upgrade that clears everything */
    assert_version(r.safe, "2.0");
    /* 0.5: only GHSA-aaaa affects it; still reported under its own ID */
    r = pinned(db, a, "demo-pkg", "0.5");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.vulns[0].id, "GHSA-aaaa");
    assert_version(r.vulns[0].fixed, "1.5");
    assert_version(r.safe, "2.0"); /* 1.5 and 1.6 are affected by others */
    r = pinned(db, a, "demo-pkg", "2.0");
    assert_int_equal(r.n, 0);
    r = pinned(db, a, "other", "3.0");
    assert_int_equal(r.n, 1);
    assert_null(r.vulns[0].fixed); /* a versions list names no fix */
    assert_null(r.safe);
    r = pinned(db, a, "unknown-package", "1.0");
    assert_int_equal(r.n, 0);
    arena_free(a);
    osv_db_close(db);
}

static osv_report ranged(const osv_db *db, arena *a, const char *spec)
{
    pep440_error err;
    const pep440_specset *set = pep440_specset_parse(a, spec, strlen(spec), &err);
    assert_non_null(set);
    return osv_match_specset(db, a, "demo-pkg", set, PEP440_PRERELEASES_DEFAULT);
}

static void test_specset(void **state)
{
    (void)state;
    osv_db *db = small_db();
    arena *a = arena_new();
    osv_report r = ranged(db, a, ">=1.0");
    assert_int_equal(r.n, 2); /* 1.0 is affected by the CVE-1 pair, 1.2 by PYSEC-3 */
    assert_version(r.safe, "2.0");
    r = ranged(db, a, ">=1.6");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.vulns[0].id, "PYSEC-3");
    r = ranged(db, a, ">=2.0");
    assert_int_equal(r.n, 0);
    assert_version(r.safe, "2.0");
    r = ranged(db, a, "<1.0");
    assert_int_equal(r.n, 1); /* "0" is a candidate: GHSA-aaaa */
    assert_string_equal(r.vulns[0].id, "GHSA-aaaa");
    assert_null(r.safe); /* every mentioned version below 1.0 is affected */
    /* an exclusive bound: > 1.6 still admits PYSEC-3 through 1.6.1 */
    r = ranged(db, a, ">1.6");
    assert_int_equal(r.n, 1);
    assert_version(r.safe, "2.0"); /* never the invented 1.6.1 */
    r = ranged(db, a, "==1.6.*");
    assert_int_equal(r.n, 1);
    r = ranged(db, a, "~=1.7");
    assert_int_equal(r.n, 1);
    r = ranged(db, a, ">=1.6,!=1.6");
    assert_int_equal(r.n, 1); /* PYSEC-3, through the candidate 1.6.1 */
    r = ranged(db, a, ">=1.6,!=1.6,<1.6.1");
    assert_int_equal(r.n, 0); /* 1.6.0.1 would be: beyond the candidates (osv.h) */
    r = ranged(db, a, "");
    assert_int_equal(r.n, 2);
    arena_free(a);
    osv_db_close(db);
}

static void test_specset_prereleases(void **state)
{
    (void)state;
    osv_db *db = one_db(advisory("T-11", "", ECO("{\"introduced\": \"2.0rc1\"}, {\"fixed\": \"2.0\"}"), ""));
    arena *a = arena_new();
    pep440_error err;
    const pep440_specset *set = pep440_specset_parse(a, ">=1.0", 5, &err);
    /* only a pre-release is affected: pip's default does not allow it */
    osv_report r = osv_match_specset(db, a, "demo", set, PEP440_PRERELEASES_DEFAULT);
    assert_int_equal(r.n, 0);
    r = osv_match_specset(db, a, "demo", set, PEP440_PRERELEASES_ALLOW);
    assert_int_equal(r.n, 1);
    set = pep440_specset_parse(a, ">=2.0rc1", 8, &err); /* names one: allowed */
    r = osv_match_specset(db, a, "demo", set, PEP440_PRERELEASES_DEFAULT);
    assert_int_equal(r.n, 1);
    arena_free(a);
    osv_db_close(db);
}

/* ---- CVSS v3 base scores: expected values from ruby-cvss-suite 3.1 (the
 * tests/deps/osv/cvss-oracle test checks every vector of the export) ----- */

static void test_cvss(void **state)
{
    (void)state;
    static const struct {
        const char *vector;
        double score;
    } cases[] = {
        {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
        {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
        {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1},
        {"CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N", 0.0},
        {"CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9},
        {"CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N", 1.8},
        {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H/E:P/RL:O", 9.9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double got = -1;
        assert_true(osv_cvss3_base(cases[i].vector, &got));
        if (got != cases[i].score)
            fail_msg("%s: %.1f, want %.1f", cases[i].vector, got, cases[i].score);
    }
    double s;
    assert_false(osv_cvss3_base("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", &s));
    assert_false(osv_cvss3_base("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", &s));
    assert_false(osv_cvss3_base("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", &s));
    assert_false(osv_cvss3_base("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", &s));
    assert_false(osv_cvss3_base("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", &s));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_introduced_zero_fixed),
        cmocka_unit_test(test_last_affected),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_multiple_ranges_and_unsorted_events),
        cmocka_unit_test(test_equal_events_keep_written_order),
        cmocka_unit_test(test_versions_list),
        cmocka_unit_test(test_invalid_event_versions_dropped),
        cmocka_unit_test(test_git_ranges_ignored),
        cmocka_unit_test(test_small_db_counts),
        cmocka_unit_test(test_merge_by_alias),
        cmocka_unit_test(test_specset),
        cmocka_unit_test(test_specset_prereleases),
        cmocka_unit_test(test_cvss),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
