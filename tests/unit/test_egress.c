/* test_egress.c - the egress family's string tests (src/rules/egress.h) and
 * the per-file verdict (src/report/egress_summary.h): Code Audit's name
 * table against its list file, URL/IP/webhook recognition and masking, and
 * the summary built from a hand-made scan result, read back by cJSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "report/egress_summary.h"
#include "rules/egress.h"

/* ------------------------------------------------------------ the names */

static int name_order(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    int c = strcasecmp(a, b);
    return c ? c : strcmp(a, b);
}

/* The table holds exactly the list file's names, in the order its binary
 * search needs: a name added to the list and not to the table fails. */
static void test_names_table_is_the_list(void **state)
{
    (void)state;
    FILE *f = fopen(EGRESS_NAMES_FILE, "r");
    assert_non_null(f);
    char line[256], *names[512];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] && n < 512)
            names[n++] = strdup(line);
    }
    fclose(f);
    assert_true(n > 100);
    qsort(names, n, sizeof names[0], name_order);
    assert_int_equal(n, egress_secret_names_count);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(names[i], egress_secret_names[i]);
        free(names[i]);
    }
}

static void test_name_lookup(void **state)
{
    (void)state;
    assert_non_null(egress_secret_name("api_key"));
    assert_non_null(egress_secret_name("API_KEY")); /* case-insensitive */
    assert_string_equal(egress_secret_name("authorization"), "Authorization");
    assert_string_equal(egress_secret_name("openai_api_key"), "OPENAI_API_KEY");
    assert_non_null(egress_secret_name("_password"));
    assert_non_null(egress_secret_name("static_key")); /* the last one */
    assert_non_null(egress_secret_name("_passwd"));    /* the first one */
    assert_null(egress_secret_name("my_api_key"));     /* whole names only */
    assert_null(egress_secret_name("api_keys"));
    assert_null(egress_secret_name("HOME"));
    assert_null(egress_secret_name(""));
    assert_null(egress_secret_name(NULL));
}

/* ---------------------------------------------------------- destinations */

static void url_is(arena *a, const char *in, const char *want)
{
    const char *got = NULL;
    int r = egress_url_destination(a, in, &got);
    if (!want) {
        if (r)
            fail_msg("%s: reported as %s", in, got);
        return;
    }
    if (!r)
        fail_msg("%s: not reported", in);
    assert_string_equal(got, want);
}

static void test_urls(void **state)
{
    (void)state;
    arena *a = arena_new();
    url_is(a, "https://api.evil-corp.io/v1", "https://api.evil-corp.io/v1");
    url_is(a, "HTTP://Host.IO", "HTTP://Host.IO");
    url_is(a, "ftp://files.io/x", "ftp://files.io/x");
    url_is(a, "wss://s.io/feed", "wss://s.io/feed");
    url_is(a, "http://intranet/", "http://intranet/"); /* a bare host name is a place */
    url_is(a, "http://[2001:db8::1]:8080/", "http://[2001:db8::1]:8080/");
    url_is(a, "http://10.0.0.5:8080/x", "http://10.0.0.5:8080/x");
    /* credentials masked, the rest kept */
    url_is(a, "https://admin:hunter2@db.io:8443/x", "https://admin:****@db.io:8443/x");
    url_is(a, "https://ghp_token@github.com/o/r.git", "https://****@github.com/o/r.git");
    url_is(a, "https://a.io/x?api_key=abc&lang=en&Token=t#frag",
           "https://a.io/x?api_key=****&lang=en&Token=****#frag");
    url_is(a, "https://a.io/x?sig=1&X-Amz-Signature=2", "https://a.io/x?sig=****&X-Amz-Signature=****");
    /* the URL ends at a blank, a quote, a control or non-ASCII byte */
    url_is(a, "https://a.io/x and more", "https://a.io/x");
    url_is(a, "https://a.io/\x1b[2Jx", "https://a.io/");
    url_is(a, "https://a.io/caf\xc3\xa9", "https://a.io/caf");
    /* not destinations */
    url_is(a, "https://", NULL);
    url_is(a, "http:///path", NULL);
    url_is(a, "mailto:a@b.io", NULL);
    url_is(a, "file:///etc/passwd", NULL);
    url_is(a, "see https://a.io", NULL); /* must start the string */
    url_is(a, "http://%s:%d/", NULL);
    url_is(a, "https://{host}/api", NULL);
    url_is(a, "http://$HOST/", NULL);
    url_is(a, "http://localhost:8000/", NULL);
    url_is(a, "http://api.localhost/", NULL);
    url_is(a, "http://127.0.0.1:5000/", NULL);
    url_is(a, "http://0.0.0.0/", NULL);
    url_is(a, "http://[::1]/", NULL);
    url_is(a, "https://example.com/x", NULL);
    url_is(a, "https://www.example.org/x", NULL);
    url_is(a, "https://api.test/x", NULL);
    url_is(a, "http://www.w3.org/2000/svg", NULL);
    url_is(a, "http://xml.org/sax/features/namespaces", NULL);
    url_is(a, "http://schemas.xmlsoap.org/soap/envelope/", NULL);
    url_is(a, "http://www.python.org/sax/properties/encoding", NULL);
    url_is(a, "http://192.0.2.1/", NULL); /* RFC 5737 documentation range */
    /* not-quite-reserved look-alikes are destinations */
    url_is(a, "https://notexample.com/", "https://notexample.com/");
    url_is(a, "https://w3.org.evil.io/", "https://w3.org.evil.io/");
    /* long URLs are cut on a character boundary */
    char longurl[400];
    strcpy(longurl, "https://a.io/");
    memset(longurl + 13, 'x', 300);
    longurl[313] = '\0';
    const char *shown;
    assert_true(egress_url_destination(a, longurl, &shown));
    assert_int_equal(strlen(shown), 203);
    assert_string_equal(shown + 200, "...");
    arena_free(a);
}

static void test_ipv4(void **state)
{
    (void)state;
    assert_true(egress_ipv4_destination("45.33.32.156"));
    assert_true(egress_ipv4_destination("10.1.2.3"));
    assert_true(egress_ipv4_destination("169.254.169.254")); /* cloud metadata */
    assert_true(egress_ipv4_destination("45.33.32.156:4444"));
    assert_true(egress_ipv4_destination("1.2.3.4")); /* context decides (versions) */
    assert_false(egress_ipv4_destination("1.0.0.0")); /* a network, or a version */
    assert_false(egress_ipv4_destination("10.20.30.0"));
    assert_false(egress_ipv4_destination("0.0.0.0"));
    assert_false(egress_ipv4_destination("127.0.0.1"));
    assert_false(egress_ipv4_destination("255.255.255.0"));
    assert_false(egress_ipv4_destination("192.0.2.10"));
    assert_false(egress_ipv4_destination("198.51.100.7"));
    assert_false(egress_ipv4_destination("203.0.113.5"));
    assert_false(egress_ipv4_destination("010.1.1.1"));
    assert_false(egress_ipv4_destination("256.1.1.1"));
    assert_false(egress_ipv4_destination("1.2.3"));
    assert_false(egress_ipv4_destination("1.2.3.4.5"));
    assert_false(egress_ipv4_destination("10.0.0.0/8"));
    assert_false(egress_ipv4_destination("1.2.3.4:"));
    assert_false(egress_ipv4_destination("1.2.3.4:65536"));
    assert_false(egress_ipv4_destination("1.2.3.4 "));
    assert_false(egress_ipv4_destination("1111.2.3.4"));
    assert_false(egress_ipv4_destination(""));
}

static void webhook_is(arena *a, const char *in, const char *want)
{
    const char *got = NULL;
    int r = egress_webhook(a, in, &got);
    if (!want) {
        if (r)
            fail_msg("%s: reported as %s", in, got);
        return;
    }
    if (!r)
        fail_msg("%s: not reported", in);
    assert_string_equal(got, want);
}

static void test_webhooks(void **state)
{
    (void)state;
    arena *a = arena_new();
    webhook_is(a, "https://hooks.slack.com/services/T0/B0/XXXX",
               "https://hooks.slack.com/services/****");
    webhook_is(a, "https://discord.com/api/webhooks/1/abc", "https://discord.com/api/webhooks/****");
    webhook_is(a, "https://api.telegram.org/bot123:ABC/sendMessage",
               "https://api.telegram.org/bot****");
    webhook_is(a, "https://api.telegram.org/bot", "https://api.telegram.org/bot");
    webhook_is(a, "https://acme.webhook.office.com/webhookb2/x",
               "https://acme.webhook.office.com/****");
    webhook_is(a, "post to HTTPS://HOOKS.SLACK.COM/services/x now",
               "HTTPS://HOOKS.SLACK.COM/services/****");
    webhook_is(a, "https://hooks.slack.com/", NULL);
    webhook_is(a, "https://slack.com/api/chat.postMessage", NULL);
    arena_free(a);
}

/* ------------------------------------------------------------ the summary */

static scan_finding egress_finding(const char *id, int line, const char *message)
{
    scan_finding f = {0};
    f.rule = rules_find(id);
    assert_true(f.rule >= 0);
    f.line = f.end_line = line;
    f.column = 1;
    f.end_column = 2;
    f.severity = rule_catalogue[f.rule].severity;
    f.confidence = rule_catalogue[f.rule].confidence;
    f.message = message;
    f.snippet = "x";
    return f;
}

typedef struct fixture {
    scan_finding a[5], d[1];
    scan_file files[4];
    scan_result result;
    rules_config rules;
    report_input in;
    report_options opt;
} fixture;

/* a.py: egress on lines 2, 5, 9 (a destination twice) and an exec finding;
 * b.py: nothing; c.py: failed to parse; d.py: a suppressed egress finding. */
static void make_fixture(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    fx->a[0] = egress_finding("KR1010", 2, "Hard-coded destination URL: https://x.io/v1");
    fx->a[1] = egress_finding("KR1001", 5, "Outbound HTTP request: requests.get()");
    fx->a[2] = egress_finding("KR1011", 5, "Hard-coded destination IP address: 10.1.2.3");
    fx->a[3] = egress_finding("KR102", 7, "Use of exec()");
    fx->a[4] = egress_finding("KR1010", 9, "Hard-coded destination URL: https://x.io/v1");
    fx->d[0] = egress_finding("KR1001", 3, "Outbound HTTP request: requests.get()");
    fx->d[0].suppressed = SUPPRESSED_NOSEC;
    const char *paths[4] = {"a.py", "b.py", "c.py", "d.py"};
    for (int i = 0; i < 4; i++) {
        fx->files[i].path = paths[i];
        fx->files[i].scanned = i != 2;
        fx->files[i].lines = 10;
    }
    fx->files[2].failed = 1;
    fx->files[2].error = (scan_error){"c.py", 1, "SyntaxError: invalid syntax"};
    fx->files[0].findings = fx->a;
    fx->files[0].nfindings = 5;
    fx->files[3].findings = fx->d;
    fx->files[3].nfindings = 1;
    fx->result.files = fx->files;
    fx->result.nfiles = 4;
    rules_config_default(&fx->rules);
    fx->in = (report_input){.scan = &fx->result, .rules = &fx->rules};
    fx->opt = (report_options){.min_severity = LOW, .min_confidence = LOW};
}

static void test_summary_verdicts(void **state)
{
    (void)state;
    fixture fx;
    make_fixture(&fx);
    egress_summary s;
    assert_int_equal(egress_summary_build(&fx.in, &fx.opt, &s), 0);
    assert_true(s.active);
    assert_int_equal(s.nfiles, 3); /* c.py was not scanned */
    assert_int_equal(s.noutbound, 1);
    const egress_file_summary *a = &s.files[0];
    assert_string_equal(a->path, "a.py");
    assert_true(a->outbound);
    assert_int_equal(a->nlines, 3);
    assert_int_equal(a->lines[0], 2);
    assert_int_equal(a->lines[1], 5);
    assert_int_equal(a->lines[2], 9);
    assert_int_equal(a->ndestinations, 2);
    assert_string_equal(a->destinations[0], "https://x.io/v1");
    assert_string_equal(a->destinations[1], "10.1.2.3");
    assert_false(s.files[1].outbound);
    assert_string_equal(s.files[2].path, "d.py");
    assert_false(s.files[2].outbound); /* suppressed findings do not count */
    egress_summary_free(&s);
}

static void test_summary_inactive(void **state)
{
    (void)state;
    fixture fx;
    make_fixture(&fx);
    egress_summary s;
    buf out;
    buf_init(&out);
    /* the thresholds hide every egress finding */
    fx.opt.min_severity = MEDIUM;
    assert_int_equal(egress_summary_build(&fx.in, &fx.opt, &s), 0);
    assert_false(s.active);
    assert_int_equal(egress_summary_text(&out, &fx.in, &fx.opt), 0);
    assert_int_equal(egress_summary_json(&out, &fx.in, &fx.opt), 0);
    assert_int_equal(out.len, 0);
    fx.opt.min_severity = LOW;
    /* no egress rule ran (--ignore egress) */
    rule_family fam = rules_family_at(RULE_FAMILY_egress);
    for (int r = fam.first; r < fam.first + fam.count; r++)
        fx.rules.enabled[r] = 0;
    assert_int_equal(egress_summary_build(&fx.in, &fx.opt, &s), 0);
    assert_false(s.active);
    /* one egress rule is enough */
    fx.rules.enabled[rules_find("KR1002")] = 1;
    assert_int_equal(egress_summary_build(&fx.in, &fx.opt, &s), 0);
    assert_true(s.active);
    egress_summary_free(&s);
    /* which rules ran is unknown */
    fx.in.rules = NULL;
    assert_int_equal(egress_summary_build(&fx.in, &fx.opt, &s), 0);
    assert_false(s.active);
    buf_free(&out);
}

static void test_summary_text(void **state)
{
    (void)state;
    fixture fx;
    make_fixture(&fx);
    buf out;
    buf_init(&out);
    assert_int_equal(egress_summary_text(&out, &fx.in, &fx.opt), 0);
    buf_putc(&out, '\0');
    assert_string_equal(out.data,
                        "egress: 1 of 3 files with outbound connection logic\n"
                        "  a.py: outbound connection logic found (lines 2, 5, 9)\n"
                        "    destinations: https://x.io/v1, 10.1.2.3\n"
                        "  other 2 files: no logic for connecting to remote services found\n");
    buf_free(&out);
    /* no egress at all: one line */
    fx.files[0].nfindings = 0;
    buf_init(&out);
    assert_int_equal(egress_summary_text(&out, &fx.in, &fx.opt), 0);
    buf_putc(&out, '\0');
    assert_string_equal(out.data,
                        "egress: 0 of 3 files with outbound connection logic\n"
                        "  3 files: no logic for connecting to remote services found\n");
    buf_free(&out);
}

/* Many lines and destinations: the text stays one line each, cut. */
static void test_summary_text_cut(void **state)
{
    (void)state;
    fixture fx;
    make_fixture(&fx);
    scan_finding many[30];
    char msgs[30][64];
    for (int i = 0; i < 30; i++) {
        snprintf(msgs[i], sizeof msgs[i], "Hard-coded destination IP address: 10.0.0.%d", i + 1);
        many[i] = egress_finding("KR1011", i + 1, msgs[i]);
    }
    fx.files[0].findings = many;
    fx.files[0].nfindings = 30;
    buf out;
    buf_init(&out);
    assert_int_equal(egress_summary_text(&out, &fx.in, &fx.opt), 0);
    buf_putc(&out, '\0');
    assert_non_null(strstr(out.data, ", 19, 20, ... 10 more)\n"));
    assert_non_null(strstr(out.data, "10.0.0.10, ... 20 more\n"));
    buf_free(&out);
}

static void test_summary_json(void **state)
{
    (void)state;
    fixture fx;
    make_fixture(&fx);
    buf out;
    buf_init(&out);
    assert_int_equal(report_json(&out, &fx.in, &fx.opt), 0);
    buf_putc(&out, '\0');
    cJSON *doc = cJSON_Parse(out.data);
    assert_non_null(doc);
    const cJSON *eg = cJSON_GetObjectItemCaseSensitive(doc, "egress");
    assert_true(cJSON_IsObject(eg));
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(eg, "files_with_outbound_logic")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(eg, "files_without_outbound_logic")->valueint,
                     2);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(eg, "files");
    assert_int_equal(cJSON_GetArraySize(files), 3);
    const cJSON *a = cJSON_GetArrayItem(files, 0);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(a, "path")->valuestring, "a.py");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "outbound")));
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(a, "verdict")->valuestring,
                        EGRESS_VERDICT_FOUND);
    const cJSON *lines = cJSON_GetObjectItemCaseSensitive(a, "lines");
    assert_int_equal(cJSON_GetArraySize(lines), 3);
    assert_int_equal(cJSON_GetArrayItem(lines, 2)->valueint, 9);
    const cJSON *dests = cJSON_GetObjectItemCaseSensitive(a, "destinations");
    assert_string_equal(cJSON_GetArrayItem(dests, 1)->valuestring, "10.1.2.3");
    const cJSON *b = cJSON_GetArrayItem(files, 1);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(b, "outbound")));
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(b, "verdict")->valuestring,
                        EGRESS_VERDICT_NONE);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(b, "lines")), 0);
    cJSON_Delete(doc);
    buf_free(&out);
    /* inactive: no member at all */
    fx.in.rules = NULL;
    buf_init(&out);
    assert_int_equal(report_json(&out, &fx.in, &fx.opt), 0);
    buf_putc(&out, '\0');
    assert_null(strstr(out.data, "\"egress\""));
    buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_table_is_the_list),
        cmocka_unit_test(test_name_lookup),
        cmocka_unit_test(test_urls),
        cmocka_unit_test(test_ipv4),
        cmocka_unit_test(test_webhooks),
        cmocka_unit_test(test_summary_verdicts),
        cmocka_unit_test(test_summary_inactive),
        cmocka_unit_test(test_summary_text),
        cmocka_unit_test(test_summary_text_cut),
        cmocka_unit_test(test_summary_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
