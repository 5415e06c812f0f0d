/* test_report_html.c - the HTML report built from hand-made scan results:
 * escaping of everything that comes from scanned files (a path, snippet
 * and message that try to inject markup, quotes, ampersands, control and
 * Trojan Source characters, invalid UTF-8), the only tags in the document
 * being the report's own, the highlighted columns, the counts, the clean
 * report, errors and notes, suppressed findings, and byte-identical output
 * for identical input. The browser test (tests/html/) checks the rest in a
 * real Chromium. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "metrics/measure.h"
#include "report/html_internal.h"
#include "report/report.h"

#define HOSTILE "</script><script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"

static scan_finding make_finding(int rule, int line, int col, int end_col, rule_level sev,
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

static char *render_with(const scan_file *files, size_t n, const scan_error *errs, size_t nerr,
                         const report_options *opt, const char *const *roots, int nroots)
{
    scan_result r = {0};
    r.files = (scan_file *)files;
    r.nfiles = n;
    report_input in = {.scan = &r, .errors = errs, .nerrors = nerr, .roots = roots, .nroots = nroots};
    buf out;
    buf_init(&out);
    assert_int_equal(report_html(&out, &in, opt), 0);
    return out.data;
}

static char *render(const scan_file *files, size_t n, const report_options *opt)
{
    return render_with(files, n, NULL, 0, opt, NULL, 0);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static char *escape(const char *s)
{
    buf b;
    buf_init(&b);
    html_text(&b, s);
    buf_putc(&b, '\0');
    return b.data;
}

static void test_escape_text(void **state)
{
    (void)state;
    char *got = escape("a<b>&\"c'd");
    assert_string_equal(got, "a&lt;b&gt;&amp;&quot;c&#39;d");
    free(got);
    /* Non-ASCII kept; tab kept; controls, DEL, C1, bidi, lone surrogate,
     * noncharacter shown as code points; a bad byte as U+FFFD. */
    got = escape("\xc3\xa9\t\x01\x7f\xc2\x85\xe2\x80\xae\xed\xb2\x80\xef\xbf\xbe\xff.");
    assert_string_equal(got, "\xc3\xa9\t&lt;U+0001&gt;&lt;U+007F&gt;&lt;U+0085&gt;"
                             "&lt;U+202E&gt;&lt;U+DC80&gt;&lt;U+FFFE&gt;\xef\xbf\xbd.");
    free(got);
    got = escape("line\nbreak\r");
    assert_string_equal(got, "line&lt;U+000A&gt;break&lt;U+000D&gt;");
    free(got);
    assert_int_equal(html_column_offset("\xc3\xa9xy", 2), 2);
    assert_int_equal(html_column_offset("ab", 9), 2);
}

/* The tag names the report writes; anything else in the markup came from
 * the data. Script and style bodies are skipped (they are constants). */
static const char *const own_tags[] = {
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "p", "span",
    "h1", "h2", "dl", "div", "dt", "dd", "code", "time", "main", "section", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "desc",
    "g", "text", "rect", "label", "select", "option", "input", "button", "output",
    "pre", "mark", "strong", "em", "a", "article", "h3", "footer", "script", "br", "nav",
    "line", NULL};

static int own_tag(const char *s, size_t n)
{
    for (int i = 0; own_tags[i]; i++)
        if (strlen(own_tags[i]) == n && strncmp(own_tags[i], s, n) == 0)
            return 1;
    return 0;
}

static void assert_only_own_tags(const char *html)
{
    for (const char *p = html; (p = strchr(p, '<')) != NULL;) {
        p++;
        if (*p == '/')
            p++;
        size_t n = strcspn(p, " >/\n");
        if (!own_tag(p, n))
            fail_msg("foreign tag <%.*s> in the report", (int)n, p);
        const char *close = NULL;
        if (n == 6 && strncmp(p, "script", 6) == 0 && p[-1] != '/')
            close = strstr(p, "</script>");
        if (n == 5 && strncmp(p, "style", 5) == 0 && p[-1] != '/')
            close = strstr(p, "</style>");
        if (close)
            p = close;
    }
}

static void test_hostile_input(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding fs[1] = {make_finding(kr102, 3, 1, 5, HIGH, "exec(\"" HOSTILE "\")\x1b\xe2\x80\xae")};
    fs[0].message = "message " HOSTILE;
    file_note note = {1, "note " HOSTILE};
    scan_file files[2] = {0};
    files[0].path = "dir/" HOSTILE "\xff\xc3\xa9.py";
    files[0].scanned = 1;
    files[0].lines = 3;
    files[0].findings = fs;
    files[0].nfindings = 1;
    files[0].notes = &note;
    files[0].nnotes = 1;
    files[1].path = "bad" HOSTILE ".py";
    files[1].failed = 1;
    files[1].error = (scan_error){files[1].path, 2, "SyntaxError: " HOSTILE};
    const char *roots[] = {"root " HOSTILE};
    report_options opt = {.min_severity = LOW, .min_confidence = LOW,
                          .command_line = "krait scan '" HOSTILE "'", .started_at = 0};
    char *got = render_with(files, 2, NULL, 0, &opt, roots, 1);
    assert_only_own_tags(got);
    assert_int_equal(count(got, "<script"), 1);
    assert_int_equal(count(got, "</script>"), 1);
    assert_null(strstr(got, "<img"));
    assert_null(strstr(got, "\x1b"));
    assert_null(strstr(got, "\xe2\x80\xae"));
    assert_null(strstr(got, "\xff"));
    const char *esc = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"
                      "&lt;img src=x onerror=alert(2)&gt;";
    /* title, h1, meta, command line, snippet, message, table path, data-path,
     * files row, chart label and desc, note, error path and message... */
    assert_true(count(got, esc) >= 12);
    assert_non_null(strstr(got, "data-path=\"dir/&lt;/script&gt;"));
    assert_non_null(strstr(got, "&lt;U+001B&gt;&lt;U+202E&gt;</code>"));
    assert_non_null(strstr(got, "\xef\xbf\xbd\xc3\xa9.py"));
    assert_non_null(strstr(got, "<time datetime=\"1970-01-01T00:00:00Z\">"));
    free(got);
}

static void test_marks_and_references(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding fs[3];
    fs[0] = make_finding(kr102, 1, 2, 9, MEDIUM, "\texec(\xc3\xa9) # x");
    fs[1] = make_finding(kr102, 2, 5, 2, LOW, "x = exec(");
    fs[1].end_line = 4; /* to the end of the line */
    fs[2] = make_finding(kr102, 5, 1, 1, LOW, "exec");
    scan_file f = {0};
    f.path = "m.py";
    f.scanned = 1;
    f.lines = 5;
    f.findings = fs;
    f.nfindings = 3;
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    char *got = render(&f, 1, &opt);
    assert_non_null(strstr(got, "<span class=\"sl hl\"><span class=\"ln\">1</span><code>\t<mark>"
                                "exec(\xc3\xa9)</mark> # x</code></span>"));
    assert_non_null(strstr(got, "<span class=\"ln\">2</span><code>x = <mark>exec(</mark></code>"));
    assert_non_null(strstr(got, "<span class=\"ln\">5</span><code><mark>e</mark>xec</code>"));
    assert_non_null(strstr(got, "https://cwe.mitre.org/data/definitions/78.html"));
    /* Each finding links to its rule's explanation, written once. */
    assert_int_equal(count(got, "<a href=\"#rule-KR102\">"), 3);
    assert_int_equal(count(got, "<article class=\"rule\" id=\"rule-KR102\">"), 1);
    /* The rule's explanation and fix, escaped from the catalogue. */
    buf fix;
    buf_init(&fix);
    html_text(&fix, rule_catalogue[kr102].fix);
    assert_non_null(strstr(got, fix.data));
    html_text(&fix, rule_catalogue[kr102].help);
    assert_non_null(strstr(got, fix.data + strlen(fix.data) / 2));
    buf_free(&fix);
    assert_non_null(strstr(got, "<option value=\"KR102\">KR102 exec-call (3)</option>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-findings\">3</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-medium\">1</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-low\">2</span>"));
    assert_non_null(strstr(got, "<td id=\"matrix-low-high\">2</td>"));
    assert_non_null(strstr(got, "<td id=\"confidence-high\">3</td>"));
    assert_null(strstr(got, "id=\"clean\""));
    assert_int_equal(count(got, "<tbody class=\"finding\""), 3);
    /* Same input, same bytes. */
    char *again = render(&f, 1, &opt);
    assert_string_equal(got, again);
    free(again);
    free(got);
}

static void test_clean_report(void **state)
{
    (void)state;
    scan_file f = {0};
    f.path = "ok.py";
    f.scanned = 1;
    f.lines = 12;
    report_options opt = {.min_severity = LOW, .min_confidence = LOW,
                          .started_at = 1764067260};
    char *got = render(&f, 1, &opt);
    assert_non_null(strstr(got, "id=\"clean\"><strong>No findings.</strong> krait checked 1 "
                                "file (12 lines)"));
    assert_null(strstr(got, "id=\"charts\""));
    assert_null(strstr(got, "id=\"findings-table\""));
    assert_non_null(strstr(got, "No findings to list."));
    assert_non_null(strstr(got, "2025-11-25T10:41:00Z"));
    assert_non_null(strstr(got, "Python 3.14"));
    assert_non_null(strstr(got, KRAIT_VERSION));
    free(got);
    /* Nothing at all: still a whole document that says so. */
    got = render(NULL, 0, &opt);
    assert_non_null(strstr(got, "No Python file was found"));
    assert_non_null(strstr(got, "</html>\n"));
    free(got);
}

static void test_suppressed_errors_notes(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding fs[2] = {make_finding(kr102, 1, 1, 5, HIGH, "exec(a)"),
                          make_finding(kr102, 2, 1, 5, HIGH, "exec(b)  # nosec")};
    fs[1].suppressed = SUPPRESSED_NOSEC;
    file_note note = {2, "unknown rule 'B999'"};
    scan_file f = {0};
    f.path = "s.py";
    f.scanned = 1;
    f.lines = 2;
    f.findings = fs;
    f.nfindings = 2;
    f.notes = &note;
    f.nnotes = 1;
    scan_error disc = {"gone.py", 0, "No such file or directory"};
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    char *got = render_with(&f, 1, &disc, 1, &opt, NULL, 0);
    assert_int_equal(count(got, "<tbody class=\"finding"), 1);
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-suppressed\">1</span>"));
    assert_non_null(strstr(got, "--show-suppressed</code> lists them"));
    assert_non_null(strstr(got, "<code>gone.py</code></td><td class=\"num\"></td>"
                                "<td>No such file or directory</td>"));
    assert_non_null(strstr(got, "unknown rule &#39;B999&#39;"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-errors\">1</span>"));
    free(got);
    opt.show_suppressed = 1;
    got = render_with(&f, 1, &disc, 1, &opt, NULL, 0);
    assert_int_equal(count(got, "<tbody class=\"finding"), 2);
    assert_non_null(strstr(got, "<tbody class=\"finding suppressed\""));
    assert_non_null(strstr(got, "suppressed: nosec"));
    /* Listed, but not counted as a finding. */
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-high\">1</span>"));
    free(got);
    /* Below the threshold: neither listed nor counted. */
    opt.min_severity = HIGH;
    fs[0].severity = LOW;
    got = render_with(&f, 1, NULL, 0, &opt, NULL, 0);
    assert_non_null(strstr(got, "<span class=\"num\" id=\"count-findings\">0</span>"));
    assert_non_null(strstr(got, "at severity high or more"));
    free(got);
}

/* Chart labels keep the end of a long path, measured as shown: a control
 * character takes the 8 characters of its <U+XXXX>. */
static void test_chart_labels(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding fs[1] = {make_finding(kr102, 1, 1, 5, HIGH, "exec(a)")};
    scan_file f[3] = {0};
    const char *paths[3] = {"short.py", "dir/0123456789012345678901234567890123456789.py",
                            "\x1b\x1b\x1b\x1b.py"};
    for (int i = 0; i < 3; i++) {
        f[i].path = paths[i];
        f[i].scanned = 1;
        f[i].lines = 1;
        f[i].findings = fs;
        f[i].nfindings = 1;
    }
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    char *got = render(f, 3, &opt);
    assert_non_null(strstr(got, "text-anchor=\"end\">short.py</text>"));
    assert_non_null(strstr(got, "text-anchor=\"end\">\xe2\x80\xa6"
                                "2345678901234567890123456789.py</text>"));
    assert_non_null(strstr(got, "text-anchor=\"end\">\xe2\x80\xa6&lt;U+001B&gt;&lt;U+001B&gt;"
                                "&lt;U+001B&gt;.py</text>"));
    assert_non_null(strstr(got, "Findings by file (the 3 with most, of 3)"));
    free(got);
}

/* With measurements (scan_options.metrics): the Files table grows their
 * columns, each file lists its imports by origin, and the tree's modules
 * get a section; without them neither appears. */
static void test_metrics(void **state)
{
    (void)state;
    module_use mods[3] = {{".util", 2, MODULE_LOCAL, 0},
                          {"os", 1, MODULE_STDLIB, 0},
                          {"yaml", 3, MODULE_THIRD_PARTY, 0}};
    file_metrics fm = {0};
    fm.lines = (line_counts){.physical = 20, .code = 11, .blank = 3, .comment_only = 2,
                             .docstring = 4, .comment = 5};
    fm.structure.functions = 2;
    fm.complexity = 7;
    fm.modules = mods;
    fm.nmodules = 3;
    scan_file f[2] = {0};
    f[0].path = "pkg/a.py";
    f[0].scanned = 1;
    f[0].lines = 20;
    f[0].metrics = &fm;
    f[1].path = "pkg/b.py";
    f[1].scanned = 1;
    f[1].lines = 1;
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    char *got = render(f, 2, &opt);
    assert_only_own_tags(got);
    assert_non_null(strstr(got, "<th scope=\"col\">Complexity</th>"));
    assert_non_null(strstr(got, "<td class=\"num\">11</td><td class=\"num\">5</td>"
                                "<td class=\"num\">4</td><td class=\"num\">7</td>"
                                "<td class=\"num\">2</td><td class=\"imports\">"
                                "<span class=\"origin origin-0\">stdlib:</span> os<br>"
                                "<span class=\"origin origin-1\">third party:</span> yaml<br>"
                                "<span class=\"origin origin-2\">local:</span> .util</td>"));
    assert_non_null(strstr(got, "id=\"modules-h\">Imported modules <span class=\"muted\">"
                                "(3)</span>"));
    assert_non_null(strstr(got, "<tr><td><code>yaml</code></td><td><span class=\"origin "
                                "origin-1\">third party</span></td><td>PyYAML</td>"
                                "<td class=\"num\">1</td></tr>"));
    free(got);
    f[0].metrics = NULL;
    got = render(f, 2, &opt);
    assert_null(strstr(got, "Complexity"));
    assert_null(strstr(got, "id=\"modules\""));
    free(got);
}

/* The lines around a finding (scan_finding.context): numbered from
 * context_first, the flagged ones (line..end_line) highlighted, the flagged
 * range marked from its column on its first line to its end column on its
 * last, whole in between. */
static void test_context_lines(void **state)
{
    (void)state;
    int kr102 = rules_find("KR102");
    scan_finding fs[2];
    fs[0] = make_finding(kr102, 3, 5, 9, HIGH, "x = exec(a)");
    fs[0].context = "# one\nimport os\nx = exec(a)\ny = <b>\n";
    fs[0].context_first = 1;
    fs[1] = make_finding(kr102, 11, 5, 3, HIGH, "x = exec(");
    fs[1].end_line = 13;
    fs[1].context = "a\nx = exec(\n  'arg',\n)\nz";
    fs[1].context_first = 10;
    scan_file f = {0};
    f.path = "c.py";
    f.scanned = 1;
    f.lines = 14;
    f.findings = fs;
    f.nfindings = 2;
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    char *got = render(&f, 1, &opt);
    assert_non_null(strstr(got, "<pre class=\"src\"><span class=\"sl\"><span class=\"ln\">1"
                                "</span><code># one</code></span><span class=\"sl\"><span "
                                "class=\"ln\">2</span><code>import os</code></span><span "
                                "class=\"sl hl\"><span class=\"ln\">3</span><code>x = <mark>"
                                "exec</mark>(a)</code></span><span class=\"sl\"><span class="
                                "\"ln\">4</span><code>y = &lt;b&gt;</code></span><span class="
                                "\"sl\"><span class=\"ln\">5</span><code></code></span></pre>"));
    assert_non_null(strstr(got, "<span class=\"ln\">10</span><code>a</code></span><span "
                                "class=\"sl hl\"><span class=\"ln\">11</span><code>x = <mark>"
                                "exec(</mark></code></span><span class=\"sl hl\"><span class="
                                "\"ln\">12</span><code>  <mark>&#39;arg&#39;,</mark></code>"
                                "</span><span class=\"sl hl\"><span class=\"ln\">13</span><code>"
                                "<mark>)</mark></code></span>"));
    assert_non_null(strstr(got, "<span class=\"ln\">14</span><code>z</code></span></pre>"));
    free(got);
}

/* The rules that were run, when the caller says (report_input.rules): in
 * the header and in the clean report's words. */
static void test_rules_run(void **state)
{
    (void)state;
    scan_file f = {0};
    f.path = "ok.py";
    f.scanned = 1;
    f.lines = 2;
    scan_result r = {0};
    r.files = &f;
    r.nfiles = 1;
    rules_config cfg;
    rules_config_default(&cfg);
    report_input in = {.scan = &r, .rules = &cfg};
    report_options opt = {.min_severity = LOW, .min_confidence = LOW};
    buf out;
    buf_init(&out);
    assert_int_equal(report_html(&out, &in, &opt), 0);
    char want[128];
    snprintf(want, sizeof want, "with all %d rules, %d families (exec, ", (int)RULE_COUNT,
             (int)RULE_FAMILY_COUNT);
    assert_non_null(strstr(out.data, want));
    assert_non_null(strstr(out.data, "<dt>Rules</dt><dd>all "));
    buf_free(&out);
    memset(cfg.enabled, 0, sizeof cfg.enabled);
    cfg.enabled[rules_find("KR102")] = 1;
    buf_init(&out);
    assert_int_equal(report_html(&out, &in, &opt), 0);
    rule_family exec = rules_family_at(html_rule_family(rules_find("KR102")));
    snprintf(want, sizeof want, "with 1 of the %d rules, 1 family (%s 1 of %d), at severity",
             (int)RULE_COUNT, exec.name, exec.count);
    assert_non_null(strstr(out.data, want));
    buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_text),
        cmocka_unit_test(test_hostile_input),
        cmocka_unit_test(test_marks_and_references),
        cmocka_unit_test(test_clean_report),
        cmocka_unit_test(test_suppressed_errors_notes),
        cmocka_unit_test(test_metrics),
        cmocka_unit_test(test_chart_labels),
        cmocka_unit_test(test_context_lines),
        cmocka_unit_test(test_rules_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
