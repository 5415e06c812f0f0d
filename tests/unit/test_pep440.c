/* test_pep440.c - the PEP 440 library (src/deps/pep440.h) on the cases
 * that are easy to get wrong. Every expected answer here was taken from
 * Python's `packaging` 23.0; tests/deps/pep440 checks a hundred thousand
 * generated ones the same way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "deps/pep440.h"

static int setup(void **state)
{
    *state = arena_new();
    return 0;
}

static int teardown(void **state)
{
    arena_free(*state);
    return 0;
}

static const pep440_version *parse(arena *a, const char *s)
{
    return pep440_parse(a, s, strlen(s), NULL);
}

/* The normalised form, or "invalid". */
static const char *norm(arena *a, const char *s)
{
    const pep440_version *v = parse(a, s);
    return v ? pep440_to_string(a, v) : "invalid";
}

static void normalises_every_spelling(void **state)
{
    arena *a = *state;
    static const char *const cases[][2] = {
        {"1.0", "1.0"},           {"v1.0", "1.0"},           {"V1.0", "1.0"},
        {"01.02", "1.2"},         {"0.0.0", "0.0.0"},        {"1.0-1", "1.0.post1"},
        {"1.0a-1", "1.0a1"},      /* the "-1" is the pre-release's number, not a post */
        {"1.0a1-1", "1.0a1.post1"}, {"1.0a.", "1.0a0"},      {"1.0a.-1", "1.0a0.post1"},
        {"1.0.dev.", "1.0.dev0"}, {"1.0-r-1", "1.0.post1"},  {"1.0.post-", "1.0.post0"},
        {"1.0pre.post.dev", "1.0rc0.post0.dev0"},           {"1.0c", "1.0rc0"},
        {"1.0preview", "1.0rc0"}, {"1.0-ALPHA_2", "1.0a2"},  {"1.0.BETA", "1.0b0"},
        {"1.0rev", "1.0.post0"},  {"1.0_r.7", "1.0.post7"},  {"v1!2", "1!2"},
        {"0!1", "1"},             {"007!1", "7!1"},          {"1.0+001.A-b", "1.0+1.a.b"},
        {"1.0+ab.01", "1.0+ab.1"}, {" \t1.0\n", "1.0"},
        {"\xE3\x80\x80" "1.0\xC2\xA0", "1.0"}, /* U+3000, U+00A0: Python's isspace() */
        {"1.0\x1c", "1.0"},       /* U+001C is whitespace to Python too */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_string_equal(norm(a, cases[i][0]), cases[i][1]);
}

static void rejects_what_packaging_rejects(void **state)
{
    arena *a = *state;
    static const char *const bad[] = {
        "", " ", "latest", "2004d", "2.0-beta-3x", "1.0.0-SNAPSHOT", "1.", "1..0", ".1",
        "1.0+", "1.0+a-", "1!v1", "1!!1", "1.0.dev1.post1", "1.0-dev-1x", "1 .0", "1.0 a1",
        "vv1.0", "1.0\xE2\x80\x8B" /* U+200B is not whitespace */, "\xD9\xA1" /* Arabic 1 */,
        "1.0+\xE2\x84\xAA" /* Kelvin sign: packaging folds it to k, krait refuses */,
        "1.0\xFF", "1.0.*", "1.0-",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_null(parse(a, bad[i]));
}

static void errors_say_where(void **state)
{
    arena *a = *state;
    pep440_error err = {0};
    assert_null(pep440_parse(a, "1.0x", 4, &err));
    assert_int_equal(err.offset, 3);
    assert_non_null(strstr(err.reason, "unexpected"));
    assert_null(pep440_parse(a, "  latest", 8, &err));
    assert_int_equal(err.offset, 2);
    assert_non_null(strstr(err.reason, "start with a number"));
    assert_null(pep440_parse(a, "1.0+", 4, &err));
    assert_int_equal(err.offset, 4);
    assert_null(pep440_parse(a, "", 0, &err));
    assert_string_equal(err.reason, "empty version");
    /* the length is respected: no read of the NUL or beyond */
    assert_string_equal(pep440_to_string(a, pep440_parse(a, "1.2.3", 3, NULL)), "1.2");
}

static int cmp(arena *a, const char *x, const char *y)
{
    const pep440_version *vx = parse(a, x), *vy = parse(a, y);
    assert_non_null(vx);
    assert_non_null(vy);
    return pep440_compare(vx, vy);
}

/* Each list is in increasing order, as packaging sorts it. */
static void orders_as_pep440_says(void **state)
{
    arena *a = *state;
    static const char *const order[] = {
        "1.0.dev0", "1.0a0.dev0", "1.0a0", "1.0a1", "1.0a1.post1.dev0", "1.0a1.post1",
        "1.0b1", "1.0rc1.dev3", "1.0c1", "1.0rc2", "1.0", "1.0+abc", "1.0+abc.z", "1.0+abc.1",
        "1.0+1", "1.0+2.a", "1.0+2.0", "1.0+10", "1.0.post0.dev0", "1.0.post0", "1.0.post1",
        "1.0.1", "1.1.dev1", "1.1", "2", "0!999999", "18446744073709551616",
        "18446744073709551617", "100000000000000000000000000000000000000", "1!0",
    };
    size_t n = sizeof order / sizeof *order;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int c = cmp(a, order[i], order[j]);
            assert_int_equal(c, i < j ? -1 : i > j ? 1 : 0);
        }
}

static void equal_is_equivalent(void **state)
{
    arena *a = *state;
    assert_int_equal(cmp(a, "1.0", "1.0.0.0"), 0);
    assert_int_equal(cmp(a, "1.0+ABC", "1.0+abc"), 0);
    assert_int_equal(cmp(a, "1.0+a-1", "1.0+a.01"), 0);
    assert_int_equal(cmp(a, "0!1.0c1", "1rc1"), 0);
    assert_int_equal(cmp(a, "000000000000000000000000000000000001", "1"), 0);
    assert_int_equal(cmp(a, "1.0+abc", "1.0"), 1);
    const pep440_version *x = parse(a, "1.0+abc"), *y = parse(a, "1.0");
    assert_int_equal(pep440_compare_public(x, y), 0);
}

static void flags(void **state)
{
    arena *a = *state;
    assert_true(pep440_is_prerelease(parse(a, "1.0.dev1")));
    assert_true(pep440_is_prerelease(parse(a, "1.0.post1.dev1")));
    assert_false(pep440_is_prerelease(parse(a, "1.0.post1")));
    assert_true(pep440_is_postrelease(parse(a, "1.0-1")));
    assert_true(pep440_is_devrelease(parse(a, "1.0dev")));
    const pep440_version *v = parse(a, "2!1.02.3rc4.post5.dev6+Ub.7");
    assert_int_equal(v->nrelease, 3);
    assert_int_equal(v->pre_kind, PEP440_PRE_RC);
    assert_int_equal(v->nlocal, 2);
    assert_false(v->local[0].numeric);
    assert_true(v->local[1].numeric);
    assert_string_equal(pep440_to_string(a, v), "2!1.2.3rc4.post5.dev6+ub.7");
}

static void huge_input_is_linear_and_safe(void **state)
{
    arena *a = *state;
    enum { N = 1 << 20 };
    char *s = malloc(2 * N + 1);
    for (size_t i = 0; i < N; i++) {
        s[2 * i] = '9';
        s[2 * i + 1] = '.';
    }
    s[2 * N - 1] = '\0'; /* 9.9.9....9: a million release numbers */
    const pep440_version *v = pep440_parse(a, s, 2 * N - 1, NULL);
    assert_non_null(v);
    assert_int_equal(v->nrelease, N);
    memset(s, '7', 2 * N); /* one number of two million digits */
    v = pep440_parse(a, s, 2 * N, NULL);
    assert_non_null(v);
    assert_int_equal(v->release[0].len, 2 * N);
    free(s);
}

/* ---- specifiers ---------------------------------------------------------- */

typedef struct contains_case {
    const char *set, *version;
    const char *answers; /* prereleases None, True, False */
} contains_case;

static void contains_as_packaging_does(void **state)
{
    arena *a = *state;
    static const contains_case cases[] = {
        /* an epoch stays glued to the first number in prefix matching */
        {"==1!2.0.*", "1!2", "000"},        {"==2.0.*", "2", "111"},
        {"==1!2.*", "1!2.0", "111"},
        /* ~= drops the last number of the text as written */
        {"~=1.0.POST1", "1.5", "000"},      {"~=1.0.post1", "1.5", "111"},
        {"~=1.0c1", "1.1", "000"},          {"~=1.0rc1", "1.1", "111"},
        {"~=1.0.pre1", "1.1", "000"},       {"~=1.0.r1", "1.1", "000"},
        {"~=1!1.0", "1!1.5", "111"},        {"~=v1.0", "1.5", "111"},
        {"~=2.2", "2.3", "111"},            {"~=2.2", "3.0", "000"},
        {"~=2.2.0", "2.3", "000"},
        /* exclusive comparisons and pre/post/local releases of the version */
        {"<3.1", "3.1.dev0", "000"},        {"<3.1", "3.0.dev0", "010"},
        {"<3.1rc1", "3.1.dev0", "010"},     {">3.1", "3.1.post1", "000"},
        {">3.1.post0", "3.1.post1", "111"}, {">3.1", "3.1+local", "000"},
        {"<1.0", "1.0+local", "000"},       {"<=1.0", "1.0+local", "111"},
        {">1!0", "2.0", "000"},             {"<9", "1!1.0", "000"},
        /* local labels */
        {"==1.0", "1.0+local", "111"},      {"==1.0+local", "1.0", "000"},
        {"==1.0+LOCAL", "1.0+local", "111"},
        /* arbitrary equality is on the normalised string, case-insensitive */
        {"===1.0", "1.0", "111"},           {"===1.0", "1.0.0", "000"},
        {"===v1.0", "1.0", "000"},          {"===1.0A1", "1.0a1", "110"},
        {"===1.0+\xE2\x84\xAA", "1.0+k", "111"},
        /* wildcards */
        {"==1.0.*", "1.0a1", "010"},        {"==1.0.*", "1.0.post1", "111"},
        {"==1.*", "1.0+abc", "111"},        {"!=1.0.*", "1.0.1", "000"},
        {"==1.0.0.0.*", "1", "111"},        {"==1.0.*", "1.0.0.0", "111"},
        {"==99999999999999999999999.*", "99999999999999999999999.1", "111"},
        /* pre-releases admitted when a specifier names one */
        {">=1.0a1", "1.0a2", "110"},        {">=1.0", "1.0a2", "000"},
        {">1.0a1", "1.0a2", "010"},         {"<1.0.dev1", "1.0.dev0", "010"},
        {"==1.0a1.post1.dev1", "1.0a1.post1.dev1", "110"},
        {"", "1.0a1", "010"},               {"", "1.0", "111"},
        {">=1.0,<2.0a1", "1.5", "111"},     {"== 1.0 ", "1.0", "111"},
        {"\xE3\x80\x80>=1.0\xC2\xA0,", "1.0", "111"},
    };
    static const pep440_prereleases modes[] = {
        PEP440_PRERELEASES_DEFAULT, PEP440_PRERELEASES_ALLOW, PEP440_PRERELEASES_DENY};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const pep440_specset *set =
            pep440_specset_parse(a, cases[i].set, strlen(cases[i].set), NULL);
        assert_non_null(set);
        const pep440_version *v = parse(a, cases[i].version);
        assert_non_null(v);
        for (int m = 0; m < 3; m++) {
            bool want = cases[i].answers[m] == '1';
            if (pep440_specset_contains(set, v, modes[m]) != want)
                fail_msg("'%s' in '%s' (mode %d): expected %d", cases[i].version,
                         cases[i].set, m, want);
        }
    }
}

static void specifier_syntax(void **state)
{
    arena *a = *state;
    static const char *const good[] = {"=== foo", "===", ">= 1.0", ">=v1.0", "!=1.0+a",
                                       ">1.0-1", "", " , ,", "~=1.0,==1.*", "==1.0.*"};
    static const char *const bad[] = {"==1.0.*+a", "<1.0+a", "~=1", "~=1.*", "==1.0a1.*",
                                      "===foo bar", "===foo)", "===a;", "> = 1.0", "==1.0 .*",
                                      "<=1.0.*", "=1.0", "=>1.0", "<==1", "1.0", ">=",
                                      "===\xC3", ">=1.0,foo"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        if (!pep440_specset_parse(a, good[i], strlen(good[i]), NULL))
            fail_msg("rejected '%s'", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (pep440_specset_parse(a, bad[i], strlen(bad[i]), NULL))
            fail_msg("accepted '%s'", bad[i]);
    pep440_error err = {0};
    assert_null(pep440_specset_parse(a, ">=1.0, <2.0+x", 13, &err));
    assert_int_equal(err.offset, 8);
    assert_non_null(strstr(err.reason, "local"));
    assert_null(pep440_specset_parse(a, ">=1.0,~=2", 9, &err));
    assert_non_null(strstr(err.reason, "two numbers"));
}

static void specifier_fields(void **state)
{
    arena *a = *state;
    const pep440_specset *set = pep440_specset_parse(a, " ~= 1.4.5a4 , !=1.5.* ,===x", 27, NULL);
    assert_non_null(set);
    assert_int_equal(set->n, 3);
    assert_int_equal(set->specs[0].op, PEP440_OP_COMPATIBLE);
    assert_string_equal(set->specs[0].text, "1.4.5a4");
    assert_true(set->specs[0].prerelease);
    assert_true(set->specs[1].wildcard);
    assert_string_equal(pep440_op_name(set->specs[1].op), "!=");
    assert_false(set->specs[1].prerelease);
    assert_null(set->specs[2].version); /* "x" is no version */
    assert_true(pep440_specset_names_prerelease(set));
    const pep440_spec *one = pep440_spec_parse(a, "<2", 2, NULL);
    assert_non_null(one);
    assert_true(pep440_spec_contains(one, parse(a, "1.9"), PEP440_PRERELEASES_DEFAULT));
    assert_false(pep440_spec_contains(one, parse(a, "1.9a1"), PEP440_PRERELEASES_DEFAULT));
    assert_true(pep440_spec_contains(one, parse(a, "1.9a1"), PEP440_PRERELEASES_ALLOW));
}

/* ---- names ------------------------------------------------------------------ */

static void names(void **state)
{
    arena *a = *state;
    static const char *const cases[][2] = {
        {"Foo.Bar_baz", "foo-bar-baz"}, {"foo--bar", "foo-bar"}, {"a.-_b", "a-b"},
        {"-A-", "-a-"},                 {"", ""},                 {"zope.interface", "zope-interface"},
        {"Ruamel.YAML.clib", "ruamel-yaml-clib"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_string_equal(pep503_normalize(a, cases[i][0], strlen(cases[i][0])), cases[i][1]);
    assert_true(pep508_name_valid("A", 1));
    assert_true(pep508_name_valid("zope.interface", 14));
    assert_false(pep508_name_valid("-a", 2));
    assert_false(pep508_name_valid("a.", 2));
    assert_false(pep508_name_valid("a b", 3));
    assert_false(pep508_name_valid("", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(normalises_every_spelling, setup, teardown),
        cmocka_unit_test_setup_teardown(rejects_what_packaging_rejects, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_say_where, setup, teardown),
        cmocka_unit_test_setup_teardown(orders_as_pep440_says, setup, teardown),
        cmocka_unit_test_setup_teardown(equal_is_equivalent, setup, teardown),
        cmocka_unit_test_setup_teardown(flags, setup, teardown),
        cmocka_unit_test_setup_teardown(huge_input_is_linear_and_safe, setup, teardown),
        cmocka_unit_test_setup_teardown(contains_as_packaging_does, setup, teardown),
        cmocka_unit_test_setup_teardown(specifier_syntax, setup, teardown),
        cmocka_unit_test_setup_teardown(specifier_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
