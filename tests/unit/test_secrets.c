/* test_secrets.c - the secrets family's text functions (secrets_scan.h:
 * token formats, private keys, detect-secrets' entropy, placeholders,
 * masks), the masking of source copies (secrets_redact.h), and through the
 * engine and scan_files: redaction ranges, masked snippets and contexts,
 * and `# pragma: allowlist secret`. The tokens are fake: right shape,
 * "FAKE" in them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "rules/engine.h"
#include "rules/secrets_redact.h"
#include "rules/secrets_scan.h"
#include "scan/scan.h"

#define F36 "FAKEfake0123456789FAKEfake0123456789"

/* The format name of the first token in s, "" for none. */
static const char *token_in(const char *s)
{
    secret_match m;
    return secret_find_token(s, strlen(s), &m) ? m.format->name : "";
}

static void test_formats(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"AKIAIOSFODNN7EXAMPLE", "AWS access key ID"},
        {"key=AKIAIOSFODNN7EXAMPLE;", "AWS access key ID"},
        {"ASIAFAKE0123456789AB", "AWS temporary access key ID"},
        {"ghp_" F36, "GitHub personal access token"},
        {"token ghs_" F36 " end", "GitHub server-to-server token"},
        {"github_pat_FAKEfake0123456789FAKEf_FAKEfake0123456789FAKEfake0123456789FAKEfake"
         "0123456789FAKEf",
         "GitHub fine-grained personal access token"},
        {"glpat-FAKEfake0123456789ab", "GitLab personal access token"},
        {"xoxb-123456789012-1234567890123-FAKEfake0123456789FAKEfake", "Slack bot token"},
        {"sk_live_FAKEfake0123456789FAKEfake", "Stripe live secret key"},
        {"sk_test_FAKEfake0123456789FAKEfake", "Stripe test secret key"},
        {"sk-ant-api03-FAKEfake0123456789FAKEfake0123456789", "Anthropic API key"},
        {"sk-proj-FAKEfake0123456789FAKEfake0123456789FAKEfake", "OpenAI project API key"},
        {"sk-FAKEfake0123456789FAT3BlbkFJFAKEfake0123456789FA", "OpenAI API key"},
        {"AIzaFAKEfake0123456789FAKEfake012345678", "Google API key"},
        {"pypi-AgEIcHlwaS5vcmcFAKEfake0123456789FAKEfake0123456789FAKEfake0123456789",
         "PyPI upload token"},
        {"npm_" F36, "npm access token"},
        {"SK0123456789abcdef0123456789abcdef", "Twilio API key"},
        {"SG.FAKEfake0123456789FAKE.fake0123456789FAKEfake0123456789FAKEfake012",
         "SendGrid API key"},
        {"hf_FAKEfakeQWERTYqwertyFAKEfakeQWERTY", "Hugging Face access token"},
        {"dapi0123456789abcdef0123456789abcdef", "Databricks access token"},
        {"glrt-FAKEfake0123456789FA", "GitLab runner token"},
        {"gldt-FAKEfake0123456789FA", "GitLab deploy token"},
        {"glsa_FAKEfake0123456789FAKEfake012345_01234567", "Grafana service account token"},
        {"api_org_FAKEfakeQWERTYqwertyFAKEfakeQWERTY", "Hugging Face organization token"},
        {"DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/FAKEfa==;EndpointSuffix=core.windows.net", "Azure storage account key"},
        {"PMAK-0123456789abcdef01234567-0123456789abcdef0123456789abcdef01", "Postman API key"},
        {"sntrys_FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/FAKEfake0123456789+/_FAKEfake0123456789FAKEfake0123456789FAKEfak", "Sentry auth token"},
        /* {"alg":"HS256","typ":"JWT"} . {"sub":"fake"} . signature */
        {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlIn0.FAKEsignature0123",
         "JSON Web Token"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(token_in(cases[i][0]), cases[i][1]) != 0)
            fail_msg("%s: want %s, got '%s'", cases[i][0], cases[i][1], token_in(cases[i][0]));
}

static void test_not_tokens(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",      /* filler */
        "AKIAXXXXXXXXXXXXXXXX",                          /* filler */
        "ghp_FAKEfake0123",                              /* too short */
        "AKIAFAKE0123456789FAKE",                        /* too long */
        "XAKIAFAKE0123456789AB",                         /* inside a word */
        "my_ghp_" F36,                                   /* inside an identifier */
        "AKIAfake0123456789ab",                          /* lower case */
        "sk-FAKEfake0123456789FAKEfake0123456789FAKEfake", /* no T3BlbkFJ */
        "sk_live_short",
        "eyJ0eXAiOiJub3RoaW5nIn0.eyJzdWIiOiJmYWtlIn0.FAKEsignature", /* no "alg" */
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0",     /* two parts */
        "SG.FAKEfake0123456789FAKEfake0123456789FAKEfake0123456789FAKEfake012345", /* no dot */
        "xoxb-your-token-here-please",
        "",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (*token_in(cases[i]))
            fail_msg("%s: want nothing, got %s", cases[i], token_in(cases[i]));
}

static void test_private_keys(void **state)
{
    (void)state;
    const char *body = "MIIEFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/AB";
    char text[512];
    secret_match m;
    snprintf(text, sizeof text, "-----BEGIN RSA PRIVATE KEY-----\n%s\n-----END RSA PRIVATE KEY-----\n",
             body);
    assert_true(secret_find_private_key(text, strlen(text), &m));
    assert_string_equal(m.kind, "RSA");
    assert_false(m.encrypted);
    assert_int_equal(m.start, 0);
    assert_int_equal(m.len, strlen(text) - 1); /* up to the footer's dashes */
    snprintf(text, sizeof text, "x = -----BEGIN ENCRYPTED PRIVATE KEY-----\n%s", body);
    assert_true(secret_find_private_key(text, strlen(text), &m));
    assert_true(m.encrypted);
    assert_int_equal(m.start, 4);
    const char *bare = "-----BEGIN RSA PRIVATE KEY-----";
    assert_false(secret_find_private_key(bare, strlen(bare), &m));
    snprintf(text, sizeof text, "-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----", body);
    assert_false(secret_find_private_key(text, strlen(text), &m));
}

/* Expected values from detect-secrets' formula in CPython:
 *   python3 -c "import math,string
 *   B=string.ascii_letters+string.digits+'+/\\\\-_='
 *   e=lambda d,cs: sum(-d.count(x)/len(d)*math.log(d.count(x)/len(d),2) for x in cs if d.count(x))
 *   print(repr(e('AKIAIOSFODNN7EXAMPLE',B)), repr(e('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',B)))"
 * and for hex string.hexdigits, minus 1.2/math.log(len(d),2) when d.isdigit(). */
static void test_entropy(void **state)
{
    (void)state;
    const char *aws_id = "AKIAIOSFODNN7EXAMPLE";
    const char *aws_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    assert_float_equal(secret_entropy(aws_id, strlen(aws_id), secret_base64_chars),
                       3.6841837197791887, 1e-12);
    assert_float_equal(secret_entropy(aws_secret, strlen(aws_secret), secret_base64_chars),
                       4.662814895472354, 1e-12);
    assert_float_equal(secret_entropy("ab", 2, secret_base64_chars), 1.0, 1e-12);
    assert_float_equal(secret_entropy("aaaa", 4, secret_base64_chars), 0.0, 1e-12);
    /* characters outside the charset count in n only */
    assert_float_equal(secret_entropy("a b!", 4, secret_base64_chars), 1.0, 1e-12);
    assert_float_equal(secret_hex_entropy("d4c3b2a1e5f60718293a4b5c6d7e8f90", 32), 4.0, 1e-12);
    assert_float_equal(secret_hex_entropy("0123456789", 10), 2.9606921000905846, 1e-12);
    assert_float_equal(secret_hex_entropy("12341234123412341234", 20), 1.722346144208289,
                       1e-12);
    assert_float_equal(secret_hex_entropy("DEADbeef", 8), 2.5, 1e-12);
    assert_float_equal(secret_entropy("", 0, secret_base64_chars), 0.0, 0);
}

static void test_high_entropy(void **state)
{
    (void)state;
    double e;
    const char *cs;
    const char *b64 = "TeKdX9q2LmPx7Vb2Rt8Wc4Yh6Nd1Sg5J";
    assert_true(secret_high_entropy(b64, strlen(b64), &e, &cs));
    assert_string_equal(cs, "base64");
    assert_true(e > 4.5);
    const char *hex = "d4c3b2a1e5f60718293a4b5c6d7e8f90";
    assert_true(secret_high_entropy(hex, strlen(hex), &e, &cs));
    assert_string_equal(cs, "hex");
    static const char *const no[] = {
        "123e4567-e89b-12d3-a456-426614174000",                     /* UUID */
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123", /* sequence */
        "your-api-key-goes-here-0123456789",                        /* placeholder */
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "abcabcabcabcabcabcabcabcabcabc12", /* low entropy */
        "1234123412341234",                 /* digits: lowered hex entropy */
        "k3Y9pQ",                           /* short */
        "this is not a key but a sentence", /* not one charset */
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (secret_high_entropy(no[i], strlen(no[i]), &e, &cs))
            fail_msg("%s: reported (%s %.3f)", no[i], cs, e);
}

static void test_placeholders(void **state)
{
    (void)state;
    static const char *const yes[] = {"changeme", "<your key>", "${API_KEY}", "%s", "{token}",
                                      "****", "aaaaaaa", "xxx-yyy", "REDACTED", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!secret_is_placeholder(yes[i], strlen(yes[i])))
            fail_msg("%s: not a placeholder", yes[i]);
    assert_false(secret_is_placeholder("Tr0ub4dor&3", 11));
}

static void test_mask(void **state)
{
    (void)state;
    arena *a = arena_new();
    assert_string_equal(secret_mask(a, "AKIAIOSFODNN7EXAMPLE", 20), "AKIA****...PLE");
    assert_string_equal(secret_mask(a, "hunter2", 7), "****");
    assert_string_equal(secret_mask(a, "", 0), "****");
    assert_string_equal(secret_mask(a, "ab'\ncdefghijklmnopq", 19), "ab??****...opq");
    size_t head, tail;
    secret_mask_keep(15, &head, &tail);
    assert_true(head == 0 && tail == 0);
    secret_mask_keep(16, &head, &tail);
    assert_true(head == 4 && tail == 3);
    arena_free(a);
}

/* secret_ranges_mask over a copy of text from `at`, `len` bytes. */
static char *masked(arena *a, const secret_ranges *r, const char *text, size_t at, size_t len)
{
    char *copy = arena_strndup(a, text + at, len);
    secret_ranges_mask(r, text, copy, at);
    return copy;
}

static void test_ranges(void **state)
{
    (void)state;
    arena *a = arena_new();
    /* offsets:       0123456789... */
    const char *text = "x = 'AKIAIOSFODNN7EXAMPLE'\ny = 'hunter2' + 'pässwörd'\nz = 1\n";
    secret_ranges r;
    secret_ranges_init(&r, a, 4);
    secret_ranges_add(&r, 44, 54); /* pässwörd: 8 characters, 10 bytes */
    secret_ranges_add(&r, 5, 25);  /* the AWS key ID */
    secret_ranges_add(&r, 32, 39); /* hunter2 */
    secret_ranges_add(&r, 3, 3);   /* empty: ignored */
    secret_ranges_finish(&r);
    assert_int_equal(r.n, 3);
    assert_string_equal(masked(a, &r, text, 0, 26), "x = 'AKIA*************PLE'");
    assert_string_equal(masked(a, &r, text, 27, 28), "y = '*******' + '********'");
    /* a copy starting inside a range keeps its mask's places */
    assert_string_equal(masked(a, &r, text, 20, 6), "**PLE'");
    /* the whole text, newlines kept, untouched lines untouched */
    assert_string_equal(masked(a, &r, text, 0, strlen(text)),
                        "x = 'AKIA*************PLE'\ny = '*******' + '********'\nz = 1\n");
    /* a range over two lines keeps the newline */
    const char *two = "k = '''FAKEfake0123456789\nFAKEfake0123456789'''\n";
    secret_ranges_init(&r, a, 1);
    secret_ranges_add(&r, 7, 44);
    secret_ranges_finish(&r);
    assert_string_equal(masked(a, &r, two, 0, strlen(two)),
                        "k = '''FAKE**************\n***************789'''\n");
    /* no ranges: nothing changes */
    secret_ranges_init(&r, a, 0);
    secret_ranges_finish(&r);
    assert_string_equal(masked(a, &r, text, 0, 26), "x = 'AKIAIOSFODNN7EXAMPLE'");
    arena_free(a);
}

/* ---- through the engine ---- */

static void run(arena *a, const char *src, py_file *file, file_result *res)
{
    syntax_error err;
    ast_node *mod = py_parse_file(a, src, strlen(src), &err, file);
    if (!mod)
        fail_msg("syntax error: %s at %d", err.msg, err.lineno);
    rules_config cfg;
    rules_config_default(&cfg);
    rules_run(&cfg, a, "t.py", file, mod, NULL, 0, res);
}

static const finding *find(const file_result *res, const char *id, int line)
{
    for (int i = 0; i < res->nfindings; i++)
        if (res->findings[i].line == line && strcmp(rule_catalogue[res->findings[i].rule].id, id) == 0)
            return &res->findings[i];
    fail_msg("no %s on line %d", id, line);
    return NULL;
}

static void expect_redact(const finding *f, int line, int col, int end_line, int end_col)
{
    if (f->redact_line != line || f->redact_col != col || f->redact_end_line != end_line ||
        f->redact_end_col != end_col)
        fail_msg("%s: redact %d:%d-%d:%d, want %d:%d-%d:%d", rule_catalogue[f->rule].id,
                 f->redact_line, f->redact_col, f->redact_end_line, f->redact_end_col, line, col,
                 end_line, end_col);
}

static void test_redaction_ranges(void **state)
{
    (void)state;
    arena *a = arena_new();
    py_file file;
    file_result res;
    run(a,
        "x = 'AKIAIOSFODNN7EXAMPLE'\n"                    /* 1: the token only */
        "y = f'id {x} AKIAIOSFODNN7EXAMPLE!'\n"           /* 2: in an f-string part */
        "z = 'AKIAIOSFODNN7\\x45XAMPLE'\n"                 /* 3: escaped: whole literal */
        "password = 'Tr0ub4dor&3'\n"                       /* 4: KR905's literal */
        "k = '''-----BEGIN RSA PRIVATE KEY-----\n"         /* 5: the key's body */
        "MIIEFAKEkeyDATAnotREAL0123456789+/FAKEkeyDATAnotREAL0123456789+/AB\n"
        "-----END RSA PRIVATE KEY-----'''\n",
        &file, &res);
    expect_redact(find(&res, "KR1101", 1), 1, 5, 1, 25);
    expect_redact(find(&res, "KR1101", 2), 2, 13, 2, 33);
    expect_redact(find(&res, "KR1101", 3), 3, 4, 3, 29);
    expect_redact(find(&res, "KR905", 4), 4, 12, 4, 23);
    expect_redact(find(&res, "KR1102", 5), 5, 38, 7, 0);
    arena_free(a);
}

/* AWS's documentation values stay reported, at LOW severity and said so. */
static void test_aws_examples(void **state)
{
    (void)state;
    arena *a = arena_new();
    py_file file;
    file_result res;
    run(a,
        "a = 'AKIAIOSFODNN7EXAMPLE'\n"
        "b = 'AKIAFAKE0123456789AB'\n"
        "aws_secret_access_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n"
        "aws_secret_access_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEFAKEKY'\n",
        &file, &res);
    const finding *f = find(&res, "KR1101", 1);
    assert_string_equal(f->message,
                        "Hard-coded AWS access key ID 'AKIA****...PLE', AWS's documentation example");
    assert_int_equal(f->severity, LOW);
    f = find(&res, "KR1101", 2);
    assert_string_equal(f->message, "Hard-coded AWS access key ID 'AKIA****...9AB'");
    assert_int_equal(f->severity, HIGH);
    assert_int_equal(find(&res, "KR1103", 3)->severity, LOW);
    assert_int_equal(find(&res, "KR1103", 4)->severity, HIGH);
    arena_free(a);
}

static void test_allowlist_pragma(void **state)
{
    (void)state;
    arena *a = arena_new();
    py_file file;
    file_result res;
    run(a,
        "a = 'ghp_" F36 "'  # pragma: allowlist secret\n"
        "password = 'Tr0ub4dor&3'  # pragma: allowlist secret\n"
        "exec(code)  # pragma: allowlist secret\n"
        "# pragma: allowlist nextline secret\n"
        "b = 'ghp_" F36 "'\n"
        "c = 'ghp_" F36 "'  # pragma: allowlist\n",
        &file, &res);
    assert_int_equal(find(&res, "KR1101", 1)->suppressed, SUPPRESSED_NOSEC);
    assert_int_equal(find(&res, "KR905", 2)->suppressed, SUPPRESSED_NOSEC);
    assert_int_equal(find(&res, "KR102", 3)->suppressed, SUPPRESSED_NOT);
    assert_int_equal(find(&res, "KR1101", 5)->suppressed, SUPPRESSED_NOSEC);
    assert_int_equal(find(&res, "KR1101", 6)->suppressed, SUPPRESSED_NOT);
    arena_free(a);
}

/* ---- through scan_files: what reports are given ---- */

static void test_scan_masks_snippets(void **state)
{
    (void)state;
    char path[] = "/tmp/krait-secrets-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *src = "import os\n"
                      "KEY = 'AKIAIOSFODNN7EXAMPLE'\n"
                      "exec(os.environ['X'])  # near the key\n"
                      "TOKEN = 'ghp_" F36 "'  # pragma: allowlist secret\n";
    assert_int_equal(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    rules_config cfg;
    rules_config_default(&cfg);
    scan_options opt = {.rules = &cfg, .max_file_size = 1 << 20, .jobs = 1};
    const char *paths[] = {path};
    scan_result r;
    assert_int_equal(scan_files(&opt, paths, 1, &r), 0);
    unlink(path);
    assert_int_equal(r.nfiles, 1);
    const scan_file *f = &r.files[0];
    int exec_seen = 0;
    for (int i = 0; i < f->nfindings; i++) {
        const scan_finding *x = &f->findings[i];
        if (strstr(x->snippet, "IOSFODNN7EXAM") || strstr(x->context, "IOSFODNN7EXAM") ||
            strstr(x->snippet, "fake0123456789FAKEfake") ||
            strstr(x->context, "fake0123456789FAKEfake"))
            fail_msg("%s shows a secret: %s / %s", rule_catalogue[x->rule].id, x->snippet,
                     x->context);
        if (x->line == 3) { /* another rule's finding: its context is masked too */
            exec_seen = 1;
            assert_non_null(strstr(x->context, "KEY = 'AKIA*************PLE'"));
            assert_non_null(strstr(x->context, "TOKEN = 'ghp_*********************************789'"));
            assert_string_equal(x->snippet, "exec(os.environ['X'])  # near the key");
        }
        if (x->line == 2 && strcmp(rule_catalogue[x->rule].id, "KR1101") == 0)
            assert_string_equal(x->snippet, "KEY = 'AKIA*************PLE'");
    }
    assert_true(exec_seen);
    scan_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats),          cmocka_unit_test(test_not_tokens),
        cmocka_unit_test(test_private_keys),     cmocka_unit_test(test_entropy),
        cmocka_unit_test(test_high_entropy),     cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_mask),             cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_redaction_ranges), cmocka_unit_test(test_allowlist_pragma),
        cmocka_unit_test(test_scan_masks_snippets), cmocka_unit_test(test_aws_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
