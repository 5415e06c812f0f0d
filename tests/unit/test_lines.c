/* test_lines.c - metrics_count_lines and metrics_count_structure.
 * The fixtures of tests/metrics/lines/ carry their expected counts, written
 * by hand, on their first line ("# expect: physical=N code=N ..."); the
 * inline cases below cover what a file on disk says badly (an empty file,
 * no final newline, bytes that do not decode). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "metrics/metrics.h"
#include "syntax/parser.h"

static line_counts count_source(const char *src, size_t len)
{
    arena *a = arena_new();
    syntax_error err;
    py_file file;
    ast_node *mod = py_parse_file(a, src, len, &err, &file);
    line_counts c;
    metrics_count_lines(&file, mod, &c);
    arena_free(a);
    return c;
}

static void expect_counts(line_counts c, long physical, long code, long blank, long comment_only,
                          long docstring, long comment)
{
    assert_int_equal(c.physical, physical);
    assert_int_equal(c.code, code);
    assert_int_equal(c.blank, blank);
    assert_int_equal(c.comment_only, comment_only);
    assert_int_equal(c.docstring, docstring);
    assert_int_equal(c.comment, comment);
    assert_int_equal(c.code + c.blank + c.comment_only + c.docstring, c.physical);
}

#define COUNT(s) count_source((s), sizeof(s) - 1)

static void test_empty_and_tiny(void **state)
{
    (void)state;
    expect_counts(COUNT(""), 0, 0, 0, 0, 0, 0);
    expect_counts(COUNT("\n"), 1, 0, 1, 0, 0, 0);
    expect_counts(COUNT("x = 1"), 1, 1, 0, 0, 0, 0);
    expect_counts(COUNT("# c"), 1, 0, 0, 1, 0, 1);
    expect_counts(COUNT("\"\"\"doc\"\"\""), 1, 0, 0, 0, 1, 0);
}

static void test_newline_styles(void **state)
{
    (void)state;
    expect_counts(COUNT("x = 1\r\n\r\ny = 2\r\n"), 3, 2, 1, 0, 0, 0);
    expect_counts(COUNT("x = 1\r\ry = 2"), 3, 2, 1, 0, 0, 0);
    expect_counts(COUNT("\f\n \f\t\nx\n"), 3, 1, 2, 0, 0, 0);
}

static void test_strings_and_comments(void **state)
{
    (void)state;
    /* a '#' in a string is no comment; a blank line in a string is code */
    expect_counts(COUNT("s = '#'\nt = '''\n\n'''\n"), 4, 4, 0, 0, 0, 0);
    /* blank lines between concatenated strings stay blank */
    expect_counts(COUNT("s = ('a'\n\n'b')\n"), 3, 2, 1, 0, 0, 0);
    /* a docstring then code on its last line: code */
    expect_counts(COUNT("def f():\n    '''a\n    '''; x = 1\n"), 3, 2, 0, 0, 1, 0);
    /* only the first statement is a docstring, and only a str */
    expect_counts(COUNT("x = 1\n'not doc'\n"), 2, 2, 0, 0, 0, 0);
    expect_counts(COUNT("b'not doc'\n"), 1, 1, 0, 0, 0, 0);
    expect_counts(COUNT("f'not doc'\n"), 1, 1, 0, 0, 0, 0);
    /* comment inside a docstring's parentheses */
    expect_counts(COUNT("('''doc'''  # c\n)\n"), 2, 0, 0, 0, 2, 1);
}

static void test_unparsable(void **state)
{
    (void)state;
    /* a syntax error: no tree, the text still counts (no docstrings) */
    expect_counts(COUNT("'''doc'''\nx = (\n"), 2, 2, 0, 0, 0, 0);
    /* undecodable: nothing to count */
    expect_counts(COUNT("# coding: nope\n"), 0, 0, 0, 0, 0, 0);
}

/* ---- fixtures ---- */

static int parse_expect(const char *text, long v[6])
{
    return sscanf(text,
                  "# expect: physical=%ld code=%ld blank=%ld comment_only=%ld docstring=%ld "
                  "comment=%ld",
                  &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) == 6;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* tests/metrics/lines, found from this file's own path. */
static void fixture_dir(char *out, size_t size)
{
    snprintf(out, size, "%s", __FILE__);
    char *slash = strrchr(out, '/');
    *(slash ? slash : out) = '\0';
    strncat(out, "/../metrics/lines", size - strlen(out) - 1);
}

static void test_fixtures(void **state)
{
    (void)state;
    char dir[4096];
    fixture_dir(dir, sizeof dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int checked = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".py") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *src = read_file(path, &len);
        long v[6];
        if (!parse_expect(src, v))
            fail_msg("%s: no '# expect:' first line", path);
        line_counts c = count_source(src, len);
        if (c.physical != v[0] || c.code != v[1] || c.blank != v[2] || c.comment_only != v[3] ||
            c.docstring != v[4] || c.comment != v[5])
            fail_msg("%s: got physical=%ld code=%ld blank=%ld comment_only=%ld docstring=%ld "
                     "comment=%ld", path, c.physical, c.code, c.blank, c.comment_only,
                     c.docstring, c.comment);
        free(src);
        checked++;
    }
    closedir(d);
    assert_true(checked >= 10);
}

/* ---- structure ---- */

static structure_counts structure_of(const char *src)
{
    arena *a = arena_new();
    syntax_error err;
    ast_node *mod = py_parse(a, src, strlen(src), &err);
    assert_non_null(mod);
    structure_counts c;
    metrics_count_structure(mod, &c);
    arena_free(a);
    return c;
}

static void test_structure(void **state)
{
    (void)state;
    structure_counts c = structure_of("");
    assert_int_equal(c.statements, 0);
    c = structure_of("x = 1; y = 2\nif x:\n    pass\nelse:\n    del y\n");
    assert_int_equal(c.statements, 5); /* Assign, Assign, If, Pass, Delete */
    assert_int_equal(c.functions, 0);
    c = structure_of("class A:\n"
                     "    def m(self):\n"
                     "        def inner(): return lambda: 1\n"
                     "        return inner\n"
                     "    async def n(self): pass\n"
                     "    class B: x: int\n"
                     "match x:\n"
                     "    case 1: pass\n"
                     "    case _: f = lambda: 2\n");
    /* ClassDef, FunctionDef, FunctionDef, Return, Return, AsyncFunctionDef,
     * Pass, ClassDef, AnnAssign, Match, Pass, Assign */
    assert_int_equal(c.statements, 12);
    assert_int_equal(c.functions, 3); /* m, inner, n: lambdas are no functions */
    assert_int_equal(c.classes, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_and_tiny),
        cmocka_unit_test(test_newline_styles),
        cmocka_unit_test(test_strings_and_comments),
        cmocka_unit_test(test_unparsable),
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_structure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
