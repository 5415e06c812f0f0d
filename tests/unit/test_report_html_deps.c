/* test_report_html_deps.c - `krait deps --format html` built from a real
 * audit (deps_read_requirements_text, osv_db_open on a directory of
 * hand-written advisories, audit_run): advisory text (summary, details,
 * aliases, reference types and URLs, database severity) and the audited
 * file's names and markers are escaped, the only tags are the page's own,
 * only http(s) references become links, bidirectional controls are shown
 * as code points, the numbers are the audit's, one section is written per
 * package and vulnerability, an empty audit still makes a page, and the
 * same input gives the same bytes. The browser test (tests/html/deps.mjs)
 * checks the page in Chromium against the JSON report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "deps/audit.h"
#include "report/deps_report.h"

#define HOSTILE "</script><script>alert(1)</script>\\\"'&<img src=x onerror=alert(2)>"
/* HOSTILE as it appears in JSON text above, once escaped for HTML. */
#define ESCAPED "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;" \
                "&lt;img src=x onerror=alert(2)&gt;"
/* HOSTILE outside JSON keeps its backslash. */
#define ESCAPED_RAW "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\&quot;&#39;&amp;" \
                    "&lt;img src=x onerror=alert(2)&gt;"

static const char adv_evil[] =
    "{\"id\": \"PYSEC-1-" HOSTILE "\", \"modified\": \"2025-01-02T00:00:00Z\","
    " \"aliases\": [\"CVE-1\", \"" HOSTILE "\"],"
    " \"summary\": \"S " HOSTILE " \\u202e\","
    " \"details\": \"D " HOSTILE "\\n\\nsecond paragraph\","
    " \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],"
    " \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"evil\"},"
    "   \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"2.0\"}]}]}],"
    " \"references\": [{\"type\": \"WEB\", \"url\": \"javascript:alert(3)\"},"
    "   {\"type\": \"" HOSTILE "\", \"url\": \" JAVASCRIPT:alert(4)\"},"
    "   {\"type\": \"WEB\", \"url\": \"data:text/html,x\"},"
    "   {\"type\": \"FIX\", \"url\": \"https://example.com/?q=" HOSTILE "\"}],"
    " \"database_specific\": {\"severity\": \"" HOSTILE "\"}}";

/* The same flaw under another ID (a shared CVE alias): merged into one. */
static const char adv_twin[] =
    "{\"id\": \"GHSA-1\", \"modified\": \"2025-03-01T00:00:00Z\", \"aliases\": [\"CVE-1\"],"
    " \"summary\": \"twin\", \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"evil\"},"
    "   \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"1.0\"}, {\"fixed\": \"1.9\"}]}]}]}";

static const char requirements[] =
    "evil==1.5\n"
    "evil>=1.0\n"
    "safe==1.0 ; sys_platform == \"<script>alert(5)</script>\"\n"
    "-e git+https://example.com/x.git#egg=tool\n";

typedef struct fixture {
    char dir[64];
    osv_db *db;
    deps_set *deps;
    arena *a;
    audit_result res;
    deps_report_input in;
} fixture;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void build(fixture *x, const char *reqs, const char *reqs_path)
{
    memset(x, 0, sizeof *x);
    strcpy(x->dir, "/tmp/krait-html-deps-XXXXXX");
    assert_non_null(mkdtemp(x->dir));
    write_file(x->dir, "evil.json", adv_evil);
    write_file(x->dir, "twin.json", adv_twin);
    char err[256];
    x->db = osv_db_open(x->dir, &osv_default_limits, err, sizeof err);
    if (!x->db)
        fail_msg("%s", err);
    assert_int_equal(osv_db_count(x->db), 2);
    x->deps = deps_set_new();
    deps_read_requirements_text(x->deps, reqs_path, reqs, strlen(reqs));
    x->a = arena_new();
    assert_int_equal(audit_run(x->db, x->deps, NULL, x->a, &x->res), 0);
    static const char *const roots[] = {"proj/" HOSTILE};
    x->in = (deps_report_input){x->deps, &x->res, x->db, "db/" HOSTILE, 1764067260,
                                roots, 1, "krait deps " HOSTILE};
}

static void unbuild(fixture *x)
{
    char path[128];
    snprintf(path, sizeof path, "%s/evil.json", x->dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/twin.json", x->dir);
    unlink(path);
    rmdir(x->dir);
    arena_free(x->a);
    deps_set_free(x->deps);
    osv_db_close(x->db);
}

static char *render(const deps_report_input *in)
{
    buf b;
    buf_init(&b);
    assert_int_equal(deps_report_html(&b, in), 0);
    buf_putc(&b, '\0');
    return b.data;
}

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
    "tbody", "tr", "th", "td", "label", "input", "button", "output", "a", "nav", "footer",
    "script", "br", "details", "summary", "em", "strong", "ul", "li", NULL};

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

/* Every href is an anchor of the page or an http(s) URL. */
static void assert_safe_links(const char *html)
{
    int web = 0;
    for (const char *p = html; (p = strstr(p, "href=\"")) != NULL;) {
        p += 6;
        if (*p == '#')
            continue;
        if (strncmp(p, "https://", 8) != 0 && strncmp(p, "http://", 7) != 0)
            fail_msg("a link that is not http(s): %.40s", p);
        const char *end = strchr(p, '"');
        assert_non_null(end);
        assert_true(strncmp(end, "\" rel=\"noopener noreferrer\"", 27) == 0);
        web++;
    }
    assert_int_equal(web, 1); /* the https reference only */
}

static void test_escaping(void **state)
{
    (void)state;
    fixture x;
    build(&x, requirements, "reqs/" HOSTILE ".txt");
    char *html = render(&x.in);
    assert_only_own_tags(html);
    assert_int_equal(count(html, "<script"), 1);
    assert_null(strstr(html, "onerror=alert(2)>"));
    assert_safe_links(html);
    /* Each hostile string shown, escaped: the advisory's ID, alias,
     * summary, details, reference type and URL, database severity; the
     * marker; the file, the roots, the database path and the command
     * line. */
    assert_true(count(html, ESCAPED) >= 9);
    assert_true(count(html, ESCAPED_RAW) >= 5);
    assert_non_null(strstr(html, "sys_platform == &quot;&lt;script&gt;alert(5)&lt;/script&gt;&quot;"));
    assert_non_null(strstr(html, "<code>javascript:alert(3)</code>"));
    assert_non_null(strstr(html, "<code>data:text/html,x</code>"));
    assert_null(strstr(html, "\xE2\x80\xAE"));
    assert_non_null(strstr(html, "&lt;U+202E&gt;"));
    free(html);
    unbuild(&x);
}

static void test_numbers(void **state)
{
    (void)state;
    fixture x;
    build(&x, requirements, "requirements.txt");
    char *html = render(&x.in);
    assert_int_equal(x.res.n, 4);
    assert_int_equal(x.res.vulnerable, 2);
    assert_int_equal(x.res.vulnerabilities, 2);
    assert_non_null(strstr(html, "id=\"n-dependencies\">4<"));
    assert_non_null(strstr(html, "id=\"n-audited\">3<"));
    assert_non_null(strstr(html, "id=\"n-vulnerable\">2<"));
    assert_non_null(strstr(html, "id=\"n-vulnerabilities\">2<"));
    assert_non_null(strstr(html, "id=\"n-not-auditable\">1<"));
    assert_non_null(strstr(html, "id=\"db-advisories\">2<"));
    assert_non_null(strstr(html, "id=\"db-newest\">2025-03-01T00:00:00Z<"));
    /* Both declarations of evil share one section, which names both. */
    assert_int_equal(count(html, "<section class=\"rule vuln\""), 1);
    assert_int_equal(count(html, "href=\"#v-1\""), 2);
    assert_int_equal(count(html, "<tr id=\"dep-"), 4);
    /* The merged advisories, the CVSS score, the fix and the range. */
    assert_non_null(strstr(html, "<code class=\"adv-id\">GHSA-1</code>"));
    assert_non_null(strstr(html, "<span class=\"sev sev-high\">critical 9.8</span>"));
    assert_non_null(strstr(html, "base score <strong class=\"score\">9.8</strong>"));
    assert_non_null(strstr(html, "upgrade to <strong class=\"safe\">2.0</strong>"));
    assert_non_null(strstr(html, "lowest safe version <strong class=\"safe\">2.0</strong>"));
    assert_non_null(strstr(html, "data-status=\"not_auditable\""));
    assert_non_null(strstr(html, "editable requirement"));
    /* Deterministic. */
    char *again = render(&x.in);
    assert_string_equal(html, again);
    free(again);
    free(html);
    unbuild(&x);
}

static void test_empty(void **state)
{
    (void)state;
    fixture x;
    build(&x, "", "requirements.txt");
    x.in.roots = NULL;
    x.in.nroots = 0;
    x.in.command_line = NULL;
    char *html = render(&x.in);
    assert_only_own_tags(html);
    assert_non_null(strstr(html, "No dependency declaration was found."));
    assert_non_null(strstr(html, "No known vulnerability affects the audited"));
    assert_non_null(strstr(html, "<title>krait deps: .</title>"));
    assert_non_null(strstr(html, "id=\"n-dependencies\">0<"));
    assert_non_null(strstr(html, "</html>\n"));
    free(html);
    unbuild(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
