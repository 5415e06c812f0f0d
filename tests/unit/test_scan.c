/* test_scan.c - scan_files on files written to a temporary directory: the
 * per-file pipeline (size limit, binary detection, syntax errors, findings
 * converted to 1-based character columns with their snippet, line counts)
 * and the same result for 1 and 3 threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "scan/read.h"
#include "scan/scan.h"

static char dir[64];
static char paths[6][128];

static void put(int i, const char *name, const char *content, size_t len)
{
    snprintf(paths[i], sizeof paths[i], "%s/%s", dir, name);
    FILE *f = fopen(paths[i], "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, len, f), len);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/krait-scan-XXXXXX");
    assert_non_null(mkdtemp(dir));
    /* In path order (scan_files keeps the order it is given). */
    static const char exec_py[] = "\xc3\xa9 = 1\nif \xc3\xa9:\n\tx = exec(\xc3\xa9)\n";
    put(0, "a_exec.py", exec_py, sizeof exec_py - 1);
    static const char bin[] = "\x7f" "ELF\x02\x01\x00\x00\x00\x00";
    put(1, "b_binary.py", bin, sizeof bin - 1);
    static const char big[] = "# 40 bytes of comment, over the limit..\n";
    put(2, "c_big.py", big, sizeof big - 1);
    static const char broken[] = "x = 1\ndef f(:\n";
    put(3, "d_broken.py", broken, sizeof broken - 1);
    static const char clean[] = "def add(a, b):\n    return a + b";
    put(4, "e_clean.py", clean, sizeof clean - 1);
    snprintf(paths[5], sizeof paths[5], "%s/f_missing.py", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < 5; i++)
        unlink(paths[i]);
    rmdir(dir);
    return 0;
}

static void scan_with(int jobs, scan_result *r, rules_config *cfg)
{
    rules_config_default(cfg);
    cfg->enabled[rules_find("KR102")] = 1;
    scan_options opt = {.rules = cfg, .max_file_size = 35, .jobs = jobs};
    const char *list[6];
    for (int i = 0; i < 6; i++)
        list[i] = paths[i];
    assert_int_equal(scan_files(&opt, list, 6, r), 0);
    assert_int_equal(r->nfiles, 6);
}

static void check_result(const scan_result *r)
{
    const scan_file *f = r->files;
    /* a_exec.py: exec at byte 5 of line 3, after a tab: column 6 in
     * characters; 'x = ' and the tab before it are characters 1-5. */
    assert_true(f[0].scanned);
    assert_false(f[0].failed);
    assert_int_equal(f[0].lines, 3);
    int kr102 = -1;
    for (int i = 0; i < f[0].nfindings; i++)
        if (f[0].findings[i].rule == rules_find("KR102"))
            kr102 = i;
    assert_true(kr102 >= 0);
    const scan_finding *x = &f[0].findings[kr102];
    assert_int_equal(x->line, 3);
    assert_int_equal(x->column, 6);
    assert_int_equal(x->end_line, 3);
    assert_int_equal(x->end_column, 13); /* exec(é) is 7 characters, 8 bytes */
    assert_string_equal(x->snippet, "\tx = exec(\xc3\xa9)");
    assert_string_equal(f[1].error.message, "binary file, skipped");
    assert_int_equal(f[1].error.line, 0);
    assert_string_equal(f[2].error.message, "file too large (40 bytes > limit 35)");
    assert_true(f[3].failed);
    assert_int_equal(f[3].error.line, 2);
    assert_string_equal(f[3].error.message, "SyntaxError: invalid syntax");
    assert_string_equal(f[3].error.path, paths[3]);
    assert_true(f[4].scanned);
    assert_int_equal(f[4].lines, 2); /* no newline at the end: still 2 */
    assert_int_equal(f[4].nfindings, 0);
    assert_string_equal(f[5].error.message, "No such file or directory");
}

static void test_one_thread(void **state)
{
    (void)state;
    scan_result r;
    rules_config cfg;
    scan_with(1, &r, &cfg);
    check_result(&r);
    scan_result_free(&r);
}

static void test_three_threads(void **state)
{
    (void)state;
    scan_result r;
    rules_config cfg;
    scan_with(3, &r, &cfg);
    check_result(&r);
    scan_result_free(&r);
}

static void test_looks_binary(void **state)
{
    (void)state;
    assert_false(scan_looks_binary("x = 1\n", 6));
    assert_false(scan_looks_binary("x = 1\0\n", 7));        /* one stray NUL: text */
    assert_true(scan_looks_binary("x\0=\0", 4));            /* UTF-16-like */
    assert_true(scan_looks_binary("\x01\0abc", 5));          /* control character */
    assert_true(scan_looks_binary("\xff\xfe\0 = 1\n", 7)); /* not UTF-8 */
    /* A NUL past the first 8 KB is the parser's business. */
    char *big = calloc(1, 9000);
    memset(big, 'x', 8192);
    assert_false(scan_looks_binary(big, 9000));
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_thread),
        cmocka_unit_test(test_three_threads),
        cmocka_unit_test(test_looks_binary),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
