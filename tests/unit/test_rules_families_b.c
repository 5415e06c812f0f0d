/* test_rules_families_b.c - the severities and messages that the network,
 * files, web, xml and hygiene checks choose per finding (the fixtures
 * under tests/cases/ check which rule fires on which line, not its levels:
 * Bandit parity lives here), and the shared helpers of common.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rules/engine.h"
#include "rules/common.h"

/* "line:ID:sc" for each finding of the families KR5xx-KR9xx, where s and c
 * are the first letters of severity and confidence (l, m, h). */
static void describe(const file_result *res, char *out, size_t cap)
{
    static const char lv[] = "?lmh";
    out[0] = '\0';
    for (int i = 0; i < res->nfindings; i++) {
        const finding *f = &res->findings[i];
        const char *id = rule_catalogue[f->rule].id;
        if (id[2] < '5')
            continue;
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%d:%s:%c%c", n ? " " : "", f->line, id, lv[f->severity],
                 lv[f->confidence]);
    }
}

static void scan(arena *a, const char *path, const char *src, file_result *res)
{
    syntax_error err;
    py_file file;
    ast_node *mod = py_parse_file(a, src, strlen(src), &err, &file);
    if (!mod)
        fail_msg("syntax error: %s at %d", err.msg, err.lineno);
    rules_config cfg;
    rules_config_default(&cfg);
    rules_run(&cfg, a, path, &file, mod, NULL, 0, res);
}

static void expect_levels_in(const char *path, const char *src, const char *want)
{
    arena *a = arena_new();
    file_result res;
    scan(a, path, src, &res);
    char got[2048];
    describe(&res, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("source:\n%s\nwant: %s\ngot:  %s", src, want, got);
    arena_free(a);
}

static void expect_levels(const char *src, const char *want)
{
    expect_levels_in("t.py", src, want);
}

/* The message of the only finding of the families, or "". */
static void expect_message(const char *src, const char *want)
{
    arena *a = arena_new();
    file_result res;
    scan(a, "t.py", src, &res);
    const char *got = "";
    for (int i = 0; i < res.nfindings; i++)
        if (rule_catalogue[res.findings[i].rule].id[2] >= '5')
            got = res.findings[i].message;
    if (strcmp(got, want) != 0)
        fail_msg("source:\n%s\nwant: %s\ngot:  %s", src, want, got);
    arena_free(a);
}

static void test_network_levels(void **state)
{
    (void)state;
    expect_levels("import ssl\n"
                  "ssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_SSLv3)\n"
                  "connect(h, ssl_version=ssl.PROTOCOL_TLSv1)\n"
                  "ctx.minimum_version = ssl.TLSVersion.TLSv1_1\n",
                  "2:KR502:hh 3:KR502:mm 4:KR502:mm");
    expect_levels("import requests\n"
                  "requests.get(u, verify=False, timeout=1)\n"
                  "requests.get(u)\n",
                  "2:KR501:hh 3:KR510:ml");
    expect_levels("HOST = '0.0.0.0'\n", "1:KR516:mm");
    expect_levels("import ssl\nssl.wrap_socket(s)\n", "2:KR504:lm");
}

static void test_files_levels(void **state)
{
    (void)state;
    expect_levels("import os\n"
                  "os.chmod(p, 0o777)\n"
                  "os.chmod(p, 0o755)\n"
                  "os.chmod(p, 0o644)\n",
                  "2:KR601:hh 3:KR601:mh");
    expect_levels("import tarfile\n"
                  "t = tarfile.open(p)\n"
                  "t.extractall(d)\n"
                  "t.extractall(d, members=m)\n"
                  "t.extractall(d, members=pick(t))\n"
                  "t.extract('a', d)\n"
                  "t.extractall(d, filter='data')\n",
                  "3:KR603:hh 4:KR603:mm 5:KR603:ll 6:KR603:mm");
    expect_levels("open('/tmp/x')\n", "1:KR602:mm");
    /* Code Audit parity rows: low/low, medium when the mode lets others write. */
    expect_levels("import os, shutil\n"
                  "os.makedirs(p)\n"
                  "os.mkdir(p, 0o777)\n"
                  "os.mkdir(p, mode=0o750)\n"
                  "os.write(fd, b)\n"
                  "shutil.rmtree(p)\n",
                  "2:KR609:ll 3:KR609:ml 4:KR609:ll 5:KR610:ll 6:KR611:ml");
    /* Decompression at Code Audit's levels: medium, zstd high. */
    expect_levels("import gzip, zlib\n"
                  "from compression import zstd\n"
                  "gzip.open(p)\n"
                  "zlib.decompress(b)\n"
                  "zstd.decompress(b)\n"
                  "zstd.open(p)\n"
                  "gzip.open(p, 'wb')\n",
                  "3:KR607:ml 4:KR607:ml 5:KR607:hl 6:KR607:hl");
}

static void test_web_levels(void **state)
{
    (void)state;
    expect_levels("import jinja2\n"
                  "jinja2.Environment()\n"
                  "jinja2.Environment(autoescape=False)\n"
                  "jinja2.Environment(autoescape=flag)\n"
                  "jinja2.Environment(autoescape=True)\n",
                  "2:KR701:hh 3:KR701:hh 4:KR701:hm");
    expect_levels("def f(cur, x):\n"
                  "    cur.execute('SELECT a FROM t WHERE b = ' + x)\n"
                  "    q = 'SELECT a FROM t WHERE b = ' + x\n"
                  "    cur.execute(f'DELETE FROM t WHERE b = {x}')\n"
                  "    cur.execute('UPDATE t SET a = %s' % x)\n"
                  "    cur.execute('UPDATE t SET a = %d' % x)\n"
                  "    return q\n",
                  "2:KR720:mm 3:KR720:ml 4:KR720:mm 5:KR720:mm");
    expect_levels("from sqlalchemy import text\n"
                  "def f(x):\n"
                  "    return text(f'SELECT a FROM t WHERE b = {x}')\n",
                  "3:KR720:mm");
    expect_levels("from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n",
                  "3:KR710:hm");
    expect_levels_in("proj/settings.py", "DEBUG = True\n", "1:KR711:mm");
    expect_levels_in("proj/views.py", "DEBUG = True\n", "");
}

static void test_hygiene_levels(void **state)
{
    (void)state;
    expect_levels("assert x\n", "1:KR901:lh");
    expect_levels_in("pkg/test_x.py", "assert x\n", "");
    expect_levels("try:\n    f()\nexcept Exception:\n    pass\n", "3:KR910:lh");
    expect_levels("password = 'hunter2'\n", "1:KR905:lm");
    expect_levels("x = '\xe2\x80\xae'\n", "1:KR913:hm");
}

static void test_messages(void **state)
{
    (void)state;
    /* the name, never the secret */
    expect_message("db_password = 'hunter2'\n",
                   "Possible hard-coded password assigned to 'db_password'");
    expect_message("a = 1\nb = '\xe2\x80\xae\xe2\x81\xa6'\n",
                   "Bidirectional control character in the source (Trojan Source): 2 in this file");
    expect_message("p\xd0\xb0ss = 1\n",
                   "Identifier 'p\xd0\xb0ss' mixes Latin and Cyrillic letters (looks like 'pass')");
}

/* KR913 points at the first control character itself. */
static void test_trojan_position(void **state)
{
    (void)state;
    arena *a = arena_new();
    file_result res;
    scan(a, "t.py", "x = 1\ny = 'ab\xe2\x80\xae'\n", &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].line, 2);
    assert_int_equal(res.findings[0].col, 7);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_network_levels), cmocka_unit_test(test_files_levels),
        cmocka_unit_test(test_web_levels),     cmocka_unit_test(test_hygiene_levels),
        cmocka_unit_test(test_messages),       cmocka_unit_test(test_trojan_position),
            };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
