/* test_report_formats.c - the SARIF, CSV, GitHub, JUnit and GitLab reports
 * built from a hand-made scan result: escaping of hostile paths and
 * snippets (quotes, commas, line breaks, "</", "]]>", control characters,
 * invalid UTF-8, non-ASCII), the CSV formula protection, URIs, stable
 * fingerprints, and the JSON writer the nested formats share. The whole
 * documents are validated by real parsers in tests/report/run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/formats_common.h"
#include "report/json_write.h"
#include "report/report.h"

static scan_finding finding_at(int rule, int line, int col, int end_col, const char *snippet)
{
    scan_finding f = {0};
    f.rule = rule;
    f.line = f.end_line = line;
    f.column = col;
    f.end_column = end_col;
    f.severity = MEDIUM;
    f.confidence = HIGH;
    f.message = "Use of exec() runs arbitrary code";
    f.snippet = snippet;
    return f;
}

static scan_file file_with(const char *path, scan_finding *fs, int n)
{
    scan_file f = {0};
    f.path = path;
    f.scanned = 1;
    f.lines = 10;
    f.findings = fs;
    f.nfindings = n;
    return f;
}

static char *render(report_writer *w, scan_file *files, size_t n, const scan_error *errs,
                    size_t nerr, const report_options *opt)
{
    scan_result r = {0};
    r.files = files;
    r.nfiles = n;
    report_input in = {.scan = &r, .errors = errs, .nerrors = nerr};
    buf out;
    buf_init(&out);
    assert_int_equal(w(&out, &in, opt), 0);
    return out.data;
}

static const report_options all = {.min_severity = LOW, .min_confidence = LOW};

static void test_csv_quoting(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding f = finding_at(kr102, 3, 5, 15, "exec(\"a,b\")\x01");
    scan_file file = file_with("d/a\"b,c\n</x>]]>\xc3\xa9\xff.py", &f, 1);
    char *out = render(report_csv, &file, 1, NULL, 0, &all);
    const char *row = "finding,KR102,B102,S102,78,medium,high,"
                      "\"d/a\"\"b,c\n</x>]]>\xc3\xa9\xef\xbf\xbd.py\",3,5,3,15,"
                      "Use of exec() runs arbitrary code,\"exec(\"\"a,b\"\")\x01\",\r\n";
    assert_non_null(strstr(out, row));
    assert_memory_equal(out, "kind,rule,bandit_id,", 20);
    assert_non_null(strstr(out, "\r\nsummary,,,,,,,,,,,,\"files scanned: 1 (10 lines), "
                                "findings: 1 (high 0, medium 1, low 0), suppressed: 0, "
                                "warnings: 0, errors: 0\",,\r\n"));
    free(out);
}

/* = + - @ TAB CR at the start of text from a scanned file: a quote first. */
static void test_csv_formula_protection(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding f = finding_at(kr102, 1, 2, 3, "@decorator(exec)");
    scan_file file = file_with("=HYPERLINK(\"x\").py", &f, 1);
    scan_error err = {"-rm.py", 0, "No such file or directory"};
    char *out = render(report_csv, &file, 1, &err, 1, &all);
    assert_non_null(strstr(out, ",\"'=HYPERLINK(\"\"x\"\").py\",1,2,1,3,"));
    assert_non_null(strstr(out, ",'@decorator(exec),"));
    assert_non_null(strstr(out, "\r\nerror,,,,,,,'-rm.py,,,,,No such file or directory,,\r\n"));
    free(out);
}

static void test_github_escaping(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding f = finding_at(kr102, 2, 1, 11, "exec(x)");
    f.message = "100% bad\r\n::error::injected";
    scan_file file = file_with("a:b,c%\n\x1b[31m.py", &f, 1);
    scan_error err = {"gone.py", 0, "No such file or directory"};
    char *out = render(report_github, &file, 1, &err, 1, &all);
    const char *want =
        "::warning file=a%3Ab%2Cc%25%0A<U+001B>[31m.py,line=2,endLine=2,col=1,endColumn=11,"
        "title=krait KR102 exec-call::KR102 [medium/high] 100%25 bad%0D%0A::error::injected\n"
        "::error file=gone.py,title=krait::No such file or directory\n"
        "krait: files scanned: 1 (10 lines), findings: 1 (high 0, medium 1, low 0), "
        "suppressed: 0, warnings: 0, errors: 1\n";
    assert_string_equal(out, want);
    free(out);
}

static void test_junit_escaping(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding f = finding_at(kr102, 1, 1, 8, "exec('</testcase>]]>\x01\xe2\x80\xae&')");
    scan_file file = file_with("a\"b<&>\x01\n.py", &f, 1);
    char *out = render(report_junit, &file, 1, NULL, 0, &all);
    assert_non_null(strstr(out, "<testcase name=\"a&quot;b&lt;&amp;&gt;&lt;U+0001&gt;&#10;.py\""));
    assert_non_null(
        strstr(out, "exec('&lt;/testcase&gt;]]&gt;&lt;U+0001&gt;&lt;U+202E&gt;&amp;')"));
    assert_null(strchr(out, '\x01'));
    assert_null(strstr(out, "\xe2\x80\xae"));
    assert_non_null(strstr(out, "tests=\"1\" failures=\"1\" errors=\"0\""));
    assert_non_null(strstr(out, "<failure message=\"KR102 [medium/high] Use of exec()"));
    assert_non_null(strstr(out, "type=\"KR102\">"));
    free(out);
}

static void test_junit_errors(void **state)
{
    (void)state;
    scan_file file = {0};
    file.path = "bad.py";
    file.failed = 1;
    file.error = (scan_error){"bad.py", 2, "SyntaxError: invalid syntax"};
    scan_error missing = {"gone.py", 0, "No such file or directory"};
    char *out = render(report_junit, &file, 1, &missing, 1, &all);
    assert_non_null(strstr(out, "tests=\"2\" failures=\"0\" errors=\"2\""));
    assert_non_null(strstr(out, "<error message=\"SyntaxError: invalid syntax\" "
                                "type=\"SyntaxError\">bad.py:2: SyntaxError: invalid syntax</error>"));
    assert_non_null(strstr(out, "type=\"ScanError\">gone.py: No such file or directory</error>"));
    free(out);
}

static void test_sarif_locations(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102"), kr901 = rules_find("KR901");
    scan_finding a = finding_at(kr901, 4, 5, 9, "    assert x");
    scan_finding b = finding_at(kr102, 5, 1, 8, "exec(x)  # nosec");
    b.suppressed = SUPPRESSED_NOSEC;
    scan_file files[3];
    files[0] = file_with("./d/a b%\xc3\xa9.py", &a, 1);
    files[1] = file_with("/nonexistent-root/x.py", &b, 1);
    files[2] = file_with(SCAN_STDIN_PATH, NULL, 0);
    report_options opt = all;
    opt.started_at = 1700000000;
    opt.command_line = "krait scan -f sarif d";
    char *out = render(report_sarif, files, 3, NULL, 0, &opt);
    assert_non_null(strstr(out, "\"uri\": \"d/a%20b%25%C3%A9.py\",\n"
                                "                  \"uriBaseId\": \"SRCROOT\""));
    assert_non_null(strstr(out, "\"uri\": \"file:///nonexistent-root/x.py\"\n"));
    assert_non_null(strstr(out, "\"columnKind\": \"unicodeCodePoints\""));
    assert_non_null(strstr(out, "\"startTimeUtc\": \"2023-11-14T22:13:20Z\""));
    assert_non_null(strstr(out, "\"commandLine\": \"krait scan -f sarif d\""));
    /* Only the rules with results, in catalogue order: KR102 then KR901. */
    char *r102 = strstr(out, "\"id\": \"KR102\""), *r901 = strstr(out, "\"id\": \"KR901\"");
    assert_true(r102 && r901 && r102 < r901);
    assert_null(strstr(out, "\"id\": \"KR107\""));
    assert_non_null(strstr(out, "\"ruleId\": \"KR901\",\n          \"ruleIndex\": 1,"));
    assert_non_null(strstr(out, "\"ruleId\": \"KR102\",\n          \"ruleIndex\": 0,"));
    assert_non_null(strstr(out, "\"kind\": \"inSource\""));
    assert_non_null(strstr(out, "\"external/cwe/cwe-78\""));
    assert_non_null(strstr(out, "\"security-severity\": \"5.5\""));
    free(out);
}

static void test_sarif_notifications(void **state)
{
    (void)state;
    scan_file file = {0};
    file.path = "bad.py";
    file.failed = 1;
    file.error = (scan_error){"bad.py", 2, "SyntaxError: invalid syntax"};
    char *out = render(report_sarif, &file, 1, NULL, 0, &all);
    assert_non_null(strstr(out, "\"executionSuccessful\": false"));
    assert_non_null(strstr(out, "\"level\": \"error\",\n"
                                "              \"message\": {\n"
                                "                \"text\": \"SyntaxError: invalid syntax\""));
    assert_non_null(strstr(out, "\"startLine\": 2"));
    assert_non_null(strstr(out, "\"results\": []"));
    assert_non_null(strstr(out, "\"rules\": []"));
    free(out);
}

/* Moved lines and re-indentation keep a fingerprint; a second identical
 * line gets its own. */
static void test_fingerprints(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding before[2] = {finding_at(kr102, 3, 5, 15, "    exec(code)"),
                              finding_at(kr102, 4, 5, 15, "    exec(code)")};
    scan_finding after[3] = {finding_at(kr102, 13, 9, 19, "exec( code )"),
                             finding_at(kr102, 40, 1, 11, "\texec(code)  "),
                             finding_at(kr102, 41, 1, 11, "exec(code)")};
    scan_file f1 = file_with("a.py", before, 2), f2 = file_with("a.py", after, 3);
    int ok1, ok2;
    fc_fingerprint *p1 = fc_fingerprints(&f1, "a.py", &ok1);
    fc_fingerprint *p2 = fc_fingerprints(&f2, "a.py", &ok2);
    assert_true(ok1 && ok2);
    assert_int_equal(strlen(p1[0].hex), 32);
    assert_string_not_equal(p1[0].hex, p1[1].hex);
    /* Moved 37 lines down and re-indented: the same two fingerprints. */
    assert_string_equal(p1[0].hex, p2[1].hex);
    assert_string_equal(p1[1].hex, p2[2].hex);
    /* "exec( code )" is not "exec(code)": inner spaces are kept as one. */
    assert_string_not_equal(p2[0].hex, p1[0].hex);
    fc_fingerprint *p3 = fc_fingerprints(&f1, "b.py", &ok1);
    assert_string_not_equal(p1[0].hex, p3[0].hex);
    free(p1);
    free(p2);
    free(p3);
}

static void test_gitlab(void **state)
{
    (void)state;
    int kr202 = rules_find("KR202");
    scan_finding f = finding_at(kr202, 7, 5, 37, "subprocess.call(cmd, shell=True)");
    f.severity = HIGH;
    f.end_line = 8;
    scan_file file = file_with("./app/v.py", &f, 1);
    report_options opt = all;
    opt.started_at = 1700000000;
    opt.elapsed = 61.7;
    char *out = render(report_gitlab, &file, 1, NULL, 0, &opt);
    assert_non_null(strstr(out, "\"version\": \"15.1.4\""));
    assert_non_null(strstr(out, "\"start_time\": \"2023-11-14T22:13:20\""));
    assert_non_null(strstr(out, "\"end_time\": \"2023-11-14T22:14:21\""));
    assert_non_null(strstr(out, "\"severity\": \"High\""));
    assert_non_null(strstr(out, "\"file\": \"app/v.py\",\n"
                                "        \"start_line\": 7,\n"
                                "        \"end_line\": 8"));
    char *primary = strstr(out, "\"type\": \"krait_rule_id\""), *cwe = strstr(out, "\"type\": \"cwe\"");
    char *bandit = strstr(out, "\"value\": \"B602\"");
    assert_true(primary && cwe && bandit && primary < cwe && cwe < bandit);
    assert_null(strstr(out, "\"confidence\""));
    assert_null(strstr(out, "\"message\":"));
    char *id = strstr(strstr(out, "\"vulnerabilities\""), "\"id\": \"");
    assert_non_null(id);
    id += 7;
    for (int i = 0; i < 36; i++)
        assert_true(i == 8 || i == 13 || i == 18 || i == 23 ? id[i] == '-'
                                                            : strchr("0123456789abcdef", id[i]) != NULL);
    free(out);
}

static void test_project_paths(void **state)
{
    (void)state;
    fc_cwd cwd = {"/home/u/proj"};
    assert_string_equal(fc_project_path("./././a/b.py", &cwd), "a/b.py");
    assert_string_equal(fc_project_path("/home/u/proj/src/x.py", &cwd), "src/x.py");
    assert_null(fc_project_path("/home/u/project/x.py", &cwd));
    assert_null(fc_project_path(SCAN_STDIN_PATH, &cwd));
    buf b;
    buf_init(&b);
    fc_put_uri_path(&b, "a:b/c d#e?f%\xff");
    assert_string_equal(b.data, "a%3Ab/c%20d%23e%3Ff%25%FF");
    buf_free(&b);
}

static void test_json_writer(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    jw w;
    jw_init(&w, &b);
    jw_begin_object(&w);
    jw_key(&w, "empty");
    jw_begin_array(&w);
    jw_end_array(&w);
    jw_key(&w, "list");
    jw_begin_array(&w);
    jw_int(&w, 1);
    jw_begin_object(&w);
    jw_end_object(&w);
    jw_string(&w, NULL);
    jw_end_array(&w);
    jw_member_bool(&w, "ok", 1);
    jw_member_string(&w, "s", "a\"\n\xe2\x80\xae");
    jw_end_object(&w);
    assert_string_equal(b.data, "{\n  \"empty\": [],\n  \"list\": [\n    1,\n    {},\n    null\n"
                                "  ],\n  \"ok\": true,\n  \"s\": \"a\\\"\\n\\u202e\"\n}");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_quoting),       cmocka_unit_test(test_csv_formula_protection),
        cmocka_unit_test(test_github_escaping),   cmocka_unit_test(test_junit_escaping),
        cmocka_unit_test(test_junit_errors),      cmocka_unit_test(test_sarif_locations),
        cmocka_unit_test(test_sarif_notifications), cmocka_unit_test(test_fingerprints),
        cmocka_unit_test(test_gitlab),            cmocka_unit_test(test_project_paths),
        cmocka_unit_test(test_json_writer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
