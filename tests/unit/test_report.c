/* test_report.c - the text and JSON reports built from a hand-made scan
 * result: exact bytes, string escaping (control characters, invalid UTF-8
 * in paths, lone surrogates), thresholds, suppressed findings, caret lines
 * under tabs, wide characters and Trojan Source controls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/report.h"

static scan_finding finding_at(int rule, int line, int col, int end_col, rule_level sev,
                               const char *snippet)
{
    scan_finding f = {0};
    f.rule = rule;
    f.line = f.end_line = line;
    f.column = col;
    f.end_column = end_col;
    f.severity = sev;
    f.confidence = HIGH;
    f.message = "msg";
    f.snippet = snippet;
    return f;
}

static char *render(int json, const scan_file *files, size_t n, const scan_error *errs,
                    size_t nerr, const report_options *opt)
{
    scan_result r = {0};
    r.files = (scan_file *)files;
    r.nfiles = n;
    report_input in = {.scan = &r, .errors = errs, .nerrors = nerr};
    buf out;
    buf_init(&out);
    assert_int_equal((json ? report_json : report_text)(&out, &in, opt), 0);
    return out.data;
}

static void test_json_document(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    assert_true(kr102 >= 0);
    scan_finding fs[2];
    fs[0] = finding_at(kr102, 3, 5, 15, MEDIUM, "\texec(\"x\xe2\x80\xae\")\x01");
    fs[1] = finding_at(kr102, 4, 1, 11, MEDIUM, "exec(y)  # nosec");
    fs[1].suppressed = SUPPRESSED_NOSEC;
    file_note note = {2, "unknown rule 'B999' in suppression comment"};
    scan_file files[2] = {0};
    files[0].path = "a\xff\"b.py"; /* invalid UTF-8 and a quote */
    files[0].scanned = 1;
    files[0].lines = 10;
    files[0].findings = fs;
    files[0].nfindings = 2;
    files[0].notes = &note;
    files[0].nnotes = 1;
    files[1].path = "z.py";
    files[1].failed = 1;
    files[1].error = (scan_error){"z.py", 7, "SyntaxError: '\xed\xb2\x80'"}; /* U+DC80 */
    scan_error disc = {"missing.py", 0, "No such file or directory"};
    report_options opt = {.min_severity = LOW, .min_confidence = LOW, .show_suppressed = 1, .elapsed = 1.5};
    char *got = render(1, files, 2, &disc, 1, &opt);
    assert_string_equal(got,
        "{\n"
        "  \"tool\": {\"name\": \"krait\", \"version\": \"" KRAIT_VERSION "\"},\n"
        "  \"findings\": [\n"
        "    {\n"
        "      \"rule\": \"KR102\",\n"
        "      \"bandit_id\": \"B102\",\n"
        "      \"ruff_code\": \"S102\",\n"
        "      \"cwe\": 78,\n"
        "      \"severity\": \"medium\",\n"
        "      \"confidence\": \"high\",\n"
        "      \"path\": \"a\xef\xbf\xbd\\\"b.py\",\n"
        "      \"line\": 3,\n"
        "      \"column\": 5,\n"
        "      \"end_line\": 3,\n"
        "      \"end_column\": 15,\n"
        "      \"message\": \"msg\",\n"
        "      \"snippet\": \"\\texec(\\\"x\\u202e\\\")\\u0001\",\n"
        "      \"suppressed\": false\n"
        "    },\n"
        "    {\n"
        "      \"rule\": \"KR102\",\n"
        "      \"bandit_id\": \"B102\",\n"
        "      \"ruff_code\": \"S102\",\n"
        "      \"cwe\": 78,\n"
        "      \"severity\": \"medium\",\n"
        "      \"confidence\": \"high\",\n"
        "      \"path\": \"a\xef\xbf\xbd\\\"b.py\",\n"
        "      \"line\": 4,\n"
        "      \"column\": 1,\n"
        "      \"end_line\": 4,\n"
        "      \"end_column\": 11,\n"
        "      \"message\": \"msg\",\n"
        "      \"snippet\": \"exec(y)  # nosec\",\n"
        "      \"suppressed\": \"nosec\"\n"
        "    }\n"
        "  ],\n"
        "  \"notes\": [\n"
        "    {\"path\": \"a\xef\xbf\xbd\\\"b.py\", \"line\": 2, \"message\": \"unknown rule 'B999' in suppression comment\"}\n"
        "  ],\n"
        "  \"errors\": [\n"
        "    {\"path\": \"missing.py\", \"line\": null, \"message\": \"No such file or directory\"},\n"
        "    {\"path\": \"z.py\", \"line\": 7, \"message\": \"SyntaxError: '\\udc80'\"}\n"
        "  ],\n"
        "  \"stats\": {\n"
        "    \"files\": 1,\n"
        "    \"lines\": 10,\n"
        "    \"findings\": {\"high\": 0, \"medium\": 1, \"low\": 0},\n"
        "    \"suppressed\": 1,\n"
        "    \"notes\": 1,\n"
        "    \"errors\": 2\n"
        "  }\n"
        "}\n");
    free(got);
    /* Without --show-suppressed: no "suppressed" member, the silenced
     * finding is not listed but still counted. */
    opt.show_suppressed = 0;
    got = render(1, files, 1, NULL, 0, &opt);
    assert_null(strstr(got, "\"suppressed\": false"));
    assert_null(strstr(got, "\"line\": 4"));
    assert_non_null(strstr(got, "    \"suppressed\": 1,\n"));
    free(got);
}

static void test_json_empty(void **state)
{
    (void)state;
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    char *got = render(1, NULL, 0, NULL, 0, &opt);
    assert_non_null(strstr(got, "  \"findings\": [],\n  \"notes\": [],\n  \"errors\": [],\n"));
    free(got);
}

static void test_text_carets(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding fs[4];
    /* A tab before the range: kept in the caret line. */
    fs[0] = finding_at(kr102, 1, 3, 10, MEDIUM, "\t\texec(x)");
    /* A wide character before the range counts two cells. */
    fs[1] = finding_at(kr102, 2, 5, 12, MEDIUM, "\xe6\xbc\xa2 = exec(x)");
    /* A bidi override is escaped; its width moves the carets. */
    fs[2] = finding_at(kr102, 3, 1, 3, HIGH, "\xe2\x80\xaex = 1");
    /* A range continuing on later lines: carets to the end of the line. */
    fs[3] = finding_at(kr102, 4, 5, 2, LOW, "x = exec(");
    fs[3].end_line = 6;
    scan_file f = {0};
    f.path = "t.py";
    f.scanned = 1;
    f.lines = 6;
    f.findings = fs;
    f.nfindings = 4;
    report_options opt = {.min_severity = LOW, .min_confidence = LOW, .quiet = 1};
    char *got = render(0, &f, 1, NULL, 0, &opt);
    assert_string_equal(got,
        "t.py:1:3: KR102 [medium/high] msg\n"
        "    \t\texec(x)\n"
        "    \t\t^^^^^^^\n"
        "t.py:2:5: KR102 [medium/high] msg\n"
        "    \xe6\xbc\xa2 = exec(x)\n"
        "         ^^^^^^^\n"
        "t.py:3:1: KR102 [high/high] msg\n"
        "    <U+202E>x = 1\n"
        "    ^^^^^^^^^\n"
        "t.py:4:5: KR102 [low/high] msg\n"
        "    x = exec(\n"
        "        ^^^^^\n");
    free(got);
    /* Thresholds: only the high finding is left, and counted. */
    opt.min_severity = HIGH;
    opt.quiet = 0;
    got = render(0, &f, 1, NULL, 0, &opt);
    assert_non_null(strstr(got, "t.py:3:1:"));
    assert_null(strstr(got, "t.py:1:3:"));
    assert_non_null(strstr(got, "\nfiles scanned: 1 (6 lines)\n"
                                "findings: 1 (high 1, medium 0, low 0)\n"
                                "suppressed: 0\nerrors: 0\ntime: 0.000 s\n"));
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_document),
        cmocka_unit_test(test_json_empty),
        cmocka_unit_test(test_text_carets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
