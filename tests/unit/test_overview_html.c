/* test_overview_html.c - `krait overview --format html` built from
 * hand-made measurements: everything taken from the measured files (paths,
 * function names, module names and distributions, warning and error
 * messages, the roots and the command line) is escaped, the only tags are
 * the page's own, the numbers are the summary's, the lists follow --top,
 * the charts count right, and identical input gives identical bytes. The
 * browser test (tests/html/overview.mjs) checks the page in Chromium
 * against the JSON report of a real tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "metrics/measure.h"
#include "metrics/summary.h"
#include "report/overview.h"

#define HOSTILE "</script><script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"
#define ESCAPED "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;" \
                "&lt;img src=x onerror=alert(2)&gt;"

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* The tag names the page writes; anything else came from the data. */
static const char *const own_tags[] = {
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "p", "span", "h1",
    "h2", "h3", "dl", "div", "dt", "dd", "code", "time", "main", "section", "table", "thead",
    "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "desc", "g", "text", "rect", "line",
    "label", "input", "button", "output", "a", "nav", "footer", "script", "br", "details",
    "summary", "em", NULL};

static void assert_only_own_tags(const char *html)
{
    for (const char *p = html; (p = strchr(p, '<')) != NULL;) {
        p++;
        if (*p == '/')
            p++;
        size_t n = strcspn(p, " >/\n");
        int own = 0;
        for (int i = 0; own_tags[i] && !own; i++)
            own = strlen(own_tags[i]) == n && strncmp(own_tags[i], p, n) == 0;
        if (!own)
            fail_msg("foreign tag <%.*s> in the page", (int)n, p);
        const char *close = NULL;
        if (n == 6 && strncmp(p, "script", 6) == 0 && p[-1] != '/')
            close = strstr(p, "</script>");
        if (n == 5 && strncmp(p, "style", 5) == 0 && p[-1] != '/')
            close = strstr(p, "</style>");
        if (close)
            p = close;
    }
}

/* Two measured files (one with a hostile path, function name, module and
 * warning) and one that failed with a hostile message. */
typedef struct fixture {
    cc_block blocks[3];
    module_use mods[3];
    py_warning warn;
    file_metrics fm[2];
    scan_file files[3];
    scan_result scan;
    overview_summary sum;
} fixture;

static void build(fixture *x)
{
    memset(x, 0, sizeof *x);
    x->blocks[0] = (cc_block){"f" HOSTILE, BLOCK_FUNCTION, 3, 9, 0, 12};
    x->blocks[1] = (cc_block){"C", BLOCK_CLASS, 10, 20, 0, 50};
    x->blocks[2] = (cc_block){"C.m", BLOCK_METHOD, 11, 20, 4, 45};
    x->mods[0] = (module_use){"os", 1, MODULE_STDLIB, 0};
    x->mods[1] = (module_use){"yaml", 2, MODULE_THIRD_PARTY, 0};
    x->mods[2] = (module_use){"evil" HOSTILE, 3, MODULE_THIRD_PARTY, 0};
    x->warn = (py_warning){4, 0, "\"\\<\" is an invalid escape sequence " HOSTILE};
    x->fm[0].lines = (line_counts){20, 12, 3, 2, 3, 4};
    x->fm[0].structure = (structure_counts){15, 2, 1};
    x->fm[0].complexity = 30;
    x->fm[0].blocks = x->blocks;
    x->fm[0].nblocks = 3;
    x->fm[0].warnings = &x->warn;
    x->fm[0].nwarnings = 1;
    x->fm[0].modules = x->mods;
    x->fm[0].nmodules = 3;
    x->fm[1].lines = (line_counts){4, 2, 2, 0, 0, 0};
    x->fm[1].structure = (structure_counts){2, 0, 0};
    x->fm[1].complexity = 3;
    x->files[0] = (scan_file){.path = "dir/" HOSTILE ".py", .metrics = &x->fm[0], .scanned = 1};
    x->files[1] = (scan_file){.path = "plain.py", .metrics = &x->fm[1], .scanned = 1};
    x->files[2] = (scan_file){.path = "bad.py", .failed = 1};
    x->files[2].error = (scan_error){"bad.py", 2, "SyntaxError: " HOSTILE};
    x->scan.files = x->files;
    x->scan.nfiles = 3;
    assert_int_equal(overview_summarize(&x->scan, &x->sum), 0);
}

static char *render(fixture *x, long top)
{
    const char *roots[] = {"root " HOSTILE};
    overview_input in = {&x->scan, NULL, 0, &x->sum, roots, 1};
    overview_options opt = {.top = top, .command_line = "krait overview '" HOSTILE "'",
                            .started_at = 1764067260};
    buf out;
    buf_init(&out);
    assert_int_equal(overview_html(&out, &in, &opt), 0);
    buf_putc(&out, '\0');
    return out.data;
}

static void test_escaping(void **state)
{
    (void)state;
    fixture *x = malloc(sizeof *x);
    build(x);
    char *got = render(x, 0);
    assert_only_own_tags(got);
    assert_int_equal(count(got, "<script"), 1);
    assert_int_equal(count(got, "</script>"), 1);
    assert_null(strstr(got, "<img"));
    /* title, h1, header, command line, function name, function's path, file
     * row, both chart labels and descriptions, module (file row and module
     * table), warning path and message, error message... */
    assert_true(count(got, ESCAPED) >= 14);
    assert_non_null(strstr(got, "<td>f" ESCAPED "</td>"));
    assert_non_null(strstr(got, "<code>evil" ESCAPED "</code>"));
    assert_non_null(strstr(got, "&quot;\\&lt;&quot; is an invalid escape sequence " ESCAPED));
    assert_non_null(strstr(got, "SyntaxError: " ESCAPED));
    assert_non_null(strstr(got, "<time datetime=\"2025-11-25T10:41:00Z\">"));
    free(got);
    overview_summary_free(&x->sum);
    free(x);
}

static void test_numbers(void **state)
{
    (void)state;
    fixture *x = malloc(sizeof *x);
    build(x);
    char *got = render(x, 0);
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-files\">2</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-errors\">1</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-lines\">24</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-code\">14</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-median\">16.5</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-max\">30</span>"));
    assert_non_null(strstr(got, "<span class=\"num\" id=\"ov-warnings\">1</span>"));
    /* Functions and methods, most complex first; the class left out. */
    assert_non_null(strstr(got, "Most complex functions <span class=\"muted\">(2 of 2)"));
    const char *m = strstr(got, "<td>C.m</td>"), *f = strstr(got, "<td>f&lt;");
    assert_true(m && f && m < f);
    assert_null(strstr(got, "<td>C</td><td>class</td>"));
    assert_non_null(strstr(got, "<tr><td>45</td><td class=\"r-F\">F</td><td>C.m</td><td>method"
                                "</td><td>dir/" ESCAPED ".py</td><td>11</td></tr>"));
    assert_non_null(strstr(got, "<td class=\"r-C\">C</td>"));
    /* The histogram: one file in 1-5, one in 21-50; ranks: one C, one F. */
    assert_non_null(strstr(got, "<title>1-5: 1 files</title>"));
    assert_non_null(strstr(got, "<title>21-50: 1 files</title>"));
    assert_non_null(strstr(got, "<title>F 41+: 1 functions</title>"));
    assert_non_null(strstr(got, "<title>A 1-5: 0 functions</title>"));
    /* The modules by origin, the distribution where it differs. */
    assert_non_null(strstr(got, "<tr><td><code>yaml</code></td><td>PyYAML</td>"
                                "<td class=\"num\">1</td></tr>"));
    assert_non_null(strstr(got, "id=\"modules-stdlib\""));
    /* Same input, same bytes; --top 1 keeps the most complex function. */
    char *again = render(x, 0);
    assert_string_equal(got, again);
    free(again);
    free(got);
    got = render(x, 1);
    assert_non_null(strstr(got, "Most complex functions <span class=\"muted\">(1 of 2)"));
    assert_non_null(strstr(got, "<td>C.m</td>"));
    assert_null(strstr(got, "<td>f&lt;"));
    free(got);
    overview_summary_free(&x->sum);
    free(x);
}

/* A long list of functions is folded under a preview of the 20 most
 * complex; the whole list is still in the page (JavaScript off too). And
 * the charts' file labels drop the common directory. */
static void test_folded_functions(void **state)
{
    (void)state;
    enum { N = 600 };
    cc_block *blocks = calloc(N, sizeof *blocks);
    for (int i = 0; i < N; i++)
        blocks[i] = (cc_block){"f", BLOCK_FUNCTION, i + 1, i + 1, 0, 1 + i % 50};
    file_metrics fm = {0};
    fm.blocks = blocks;
    fm.nblocks = N;
    scan_file f = {.path = "src/big.py", .metrics = &fm, .scanned = 1};
    scan_result r = {.files = &f, .nfiles = 1};
    overview_summary s;
    assert_int_equal(overview_summarize(&r, &s), 0);
    overview_input in = {&r, NULL, 0, &s, NULL, 0};
    overview_options opt = {0};
    buf out;
    buf_init(&out);
    assert_int_equal(overview_html(&out, &in, &opt), 0);
    buf_putc(&out, '\0');
    const char *preview = strstr(out.data, "id=\"functions-top\""),
               *all = strstr(out.data, "<details class=\"more\" id=\"functions-all\">"
                                       "<summary>All 600 functions");
    assert_true(preview && all && preview < all);
    assert_int_equal(count(preview, "<tr><td>") - count(all, "<tr><td>"), 20);
    assert_int_equal(count(all, "<tr><td>"), N);
    assert_non_null(strstr(preview, "<tr><td>50</td><td class=\"r-F\">F</td><td>f</td>"));
    /* The charts' labels leave out the directory every path starts with,
     * and say so; the bars' titles keep the whole path. */
    assert_non_null(strstr(out.data, "text-anchor=\"end\">big.py</text>"));
    assert_non_null(strstr(out.data, "<title>src/big.py: "));
    assert_non_null(strstr(out.data, "leave out <code>src/</code>, which every"));
    buf_free(&out);
    overview_summary_free(&s);
    free(blocks);
}

/* Nothing measured: still a whole page that says so. */
static void test_empty(void **state)
{
    (void)state;
    scan_result r = {0};
    overview_summary s;
    assert_int_equal(overview_summarize(&r, &s), 0);
    overview_input in = {&r, NULL, 0, &s, NULL, 0};
    overview_options opt = {0};
    buf out;
    buf_init(&out);
    assert_int_equal(overview_html(&out, &in, &opt), 0);
    buf_putc(&out, '\0');
    assert_non_null(strstr(out.data, "No file was measured"));
    assert_non_null(strstr(out.data, "No file could be measured."));
    assert_non_null(strstr(out.data, "</html>\n"));
    buf_free(&out);
    overview_summary_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_folded_functions),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
