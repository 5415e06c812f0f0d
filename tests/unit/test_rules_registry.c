/* test_rules_registry.c - the catalogue and its match tables: lookups by
 * every spelling, and consistency of every row of every family (unique IDs
 * and names, IDs in their family's hundred, complete texts, valid levels,
 * every CALL/NODE/IMPORT row well formed and with a check). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/registry.h"

static void test_find_every_spelling(void **state)
{
    (void)state;
    int r = rules_find("KR102");
    assert_int_not_equal(r, -1);
    assert_string_equal(rule_catalogue[r].id, "KR102");
    assert_int_equal(rules_find("kr102"), r);
    assert_int_equal(rules_find("B102"), r);
    assert_int_equal(rules_find("b102"), r);
    assert_int_equal(rules_find("S102"), r);
    assert_int_equal(rules_find("s102"), r);
    assert_int_equal(rules_find("exec-call"), r);
    assert_int_equal(rules_find("Exec-Call"), r);
}

static void test_find_unknown(void **state)
{
    (void)state;
    assert_int_equal(rules_find("KR999"), -1);
    assert_int_equal(rules_find("B999"), -1);
    assert_int_equal(rules_find(""), -1);
    assert_int_equal(rules_find("KR10"), -1);   /* a prefix is not a match */
    assert_int_equal(rules_find("KR1021"), -1); /* nor a longer spelling */
    assert_int_equal(rules_find("exec"), -1);   /* a family is not a rule */
}

static void test_spelling_matches_by_length(void **state)
{
    (void)state;
    int r = rules_find("KR102");
    assert_true(rules_spelling_matches(r, "B102, B103", 4));
    assert_false(rules_spelling_matches(r, "B102, B103", 3));
    assert_false(rules_spelling_matches(r, "B1023", 5));
}

static void test_families(void **state)
{
    (void)state;
    assert_true(rules_family_known("exec"));
    assert_true(rules_family_known("hygiene"));
    assert_false(rules_family_known("Exec"));
    assert_false(rules_family_known("KR102"));
    int next = 0;
    for (int k = 0; k < RULE_FAMILY_COUNT; k++) {
        rule_family f = rules_family_at(k);
        assert_non_null(f.title);
        assert_true(f.title[0] != '\0');
        if (f.count == 0)
            continue;
        assert_int_equal(f.first, next); /* contiguous, in order */
        for (int r = f.first; r < f.first + f.count; r++) {
            assert_string_equal(rule_catalogue[r].family, f.name);
            /* a family's IDs are its hundred: KR1xx is the first family,
             * KR10xx the tenth */
            assert_int_equal(atoi(rule_catalogue[r].id + 2) / 100, k + 1);
        }
        next = f.first + f.count;
    }
    assert_int_equal(next, RULE_COUNT);
}

static int is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return s[n] == '\0';
}

/* Ruff codes: letters then digits (S602, and PLE2502 for Trojan Source). */
static int is_ruff_code(const char *s)
{
    size_t n = 0;
    while (s[n] >= 'A' && s[n] <= 'Z')
        n++;
    return n > 0 && s[n] && is_digits(s + n, strlen(s + n));
}

static int is_kebab(const char *s)
{
    if (!s[0] || s[0] == '-')
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static void check_rule(int r)
{
    const rule_info *ri = &rule_catalogue[r];
    char where[64];
    snprintf(where, sizeof where, "rule %d (%s)", r, ri->id ? ri->id : "?");
    size_t digits = ri->id ? strlen(ri->id) - 2 : 0;
    if (!(ri->id && strncmp(ri->id, "KR", 2) == 0 && (digits == 3 || digits == 4) &&
          is_digits(ri->id + 2, digits)))
        fail_msg("%s: ID is not KR + 3 or 4 digits", where);
    if (!is_kebab(ri->name))
        fail_msg("%s: name '%s' is not kebab-case", where, ri->name);
    if (ri->severity < LOW || ri->severity > HIGH || ri->confidence < LOW ||
        ri->confidence > HIGH)
        fail_msg("%s: severity/confidence out of range", where);
    if (ri->cwe < 0 || ri->cwe > 2000)
        fail_msg("%s: CWE %d", where, ri->cwe);
    if (ri->bandit && !(ri->bandit[0] == 'B' && is_digits(ri->bandit + 1, 3)))
        fail_msg("%s: Bandit ID '%s'", where, ri->bandit);
    if (ri->ruff && !is_ruff_code(ri->ruff))
        fail_msg("%s: Ruff code '%s'", where, ri->ruff);
    if (!ri->message || !ri->message[0] || strchr(ri->message, '\n'))
        fail_msg("%s: message missing or not one line", where);
    if (!ri->help || strlen(ri->help) < 20)
        fail_msg("%s: help missing or too short", where);
    if (!ri->fix || strlen(ri->fix) < 10)
        fail_msg("%s: fix missing or too short", where);
}

static void test_catalogue_rows(void **state)
{
    (void)state;
    assert_true(RULE_COUNT > 0);
    for (int r = 0; r < RULE_COUNT; r++) {
        check_rule(r);
        for (int o = 0; o < r; o++) {
            if (strcmp(rule_catalogue[o].id, rule_catalogue[r].id) == 0)
                fail_msg("duplicate ID %s", rule_catalogue[r].id);
            if (strcmp(rule_catalogue[o].name, rule_catalogue[r].name) == 0)
                fail_msg("duplicate name %s", rule_catalogue[r].name);
        }
    }
}

/* IDs in numeric order within the catalogue (KR915 before KR1001): new
 * rules go in their family's place. */
static void test_catalogue_order(void **state)
{
    (void)state;
    for (int r = 1; r < RULE_COUNT; r++)
        if (atoi(rule_catalogue[r - 1].id + 2) >= atoi(rule_catalogue[r].id + 2))
            fail_msg("%s comes after %s", rule_catalogue[r].id, rule_catalogue[r - 1].id);
}

static int is_dotted_name(const char *s, int allow_star)
{
    if (!s || !s[0] || s[0] == '.')
        return 0;
    for (const char *p = s; *p; p++) {
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || *p == '_' || (*p == '.' && p[1] && p[1] != '.') ||
                 (allow_star && *p == '*' && !p[1]) ||
                 (*p == '(' && p[1] == ')'); /* "tarfile.open().extractall" */
        if (*p == ')' && p > s && p[-1] == '(')
            ok = 1;
        if (!ok)
            return 0;
    }
    return 1;
}

static void test_match_rows(void **state)
{
    (void)state;
    int n;
    const rule_row *rows = registry_all_rows(&n);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        const rule_row *row = &rows[i];
        const char *id = rule_catalogue[row->rule].id;
        if (!row->check)
            fail_msg("%s: row %d names a check that is not defined", id, i);
        if (row->kind >= 0) {
            if (row->pattern || row->kind >= AST_KIND_COUNT)
                fail_msg("%s: bad NODE row %d", id, i);
        } else if (!is_dotted_name(row->pattern, 1)) {
            fail_msg("%s: bad pattern '%s'", id, row->pattern ? row->pattern : "(null)");
        }
        for (int o = 0; o < i; o++)
            if (rows[o].rule == row->rule && rows[o].type == row->type && row->pattern &&
                rows[o].pattern && strcmp(rows[o].pattern, row->pattern) == 0)
                fail_msg("%s: row for '%s' repeated", id, row->pattern);
    }
}

static void test_call_lookup(void **state)
{
    (void)state;
    int n;
    const rule_row *rows = registry_calls("builtins.exec", &n);
    int kr102 = rules_find("KR102"), seen = 0;
    for (int i = 0; i < n; i++)
        seen |= rows[i].rule == kr102;
    assert_true(seen);
    registry_calls("builtins.exe", &n);
    assert_int_equal(n, 0);
    registry_calls("builtins.exec.x", &n);
    assert_int_equal(n, 0);
    registry_calls("", &n);
    assert_int_equal(n, 0);
    /* every exact CALL row is found by its own name */
    const rule_row *all = registry_all_rows(&n);
    for (int i = 0; i < n; i++) {
        if (all[i].kind >= 0 || !all[i].pattern || strchr(all[i].pattern, '*'))
            continue;
        int m, hit = 0;
        const rule_row *got = registry_calls(all[i].pattern, &m);
        for (int k = 0; k < m; k++)
            hit |= got[k].rule == all[i].rule;
        int mi;
        const rule_row *gi = registry_imports(all[i].pattern, strlen(all[i].pattern), &mi);
        for (int k = 0; k < mi; k++)
            hit |= gi[k].rule == all[i].rule;
        if (!hit)
            fail_msg("row '%s' of %s not found by lookup", all[i].pattern,
                     rule_catalogue[all[i].rule].id);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_every_spelling),
        cmocka_unit_test(test_find_unknown),
        cmocka_unit_test(test_spelling_matches_by_length),
        cmocka_unit_test(test_families),
        cmocka_unit_test(test_catalogue_rows),
        cmocka_unit_test(test_catalogue_order),
        cmocka_unit_test(test_match_rows),
        cmocka_unit_test(test_call_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
