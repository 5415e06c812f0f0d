/* test_inputs_setup.c - setup.cfg and setup.py as dependency inputs
 * (src/deps/inputs_setupcfg.c, inputs_setup.c): what the goldens and
 * setup_compare.py do not show: line numbers of continued values, line
 * endings, malformed and hostile input (bad UTF-8, NUL, deep nesting, huge
 * files) giving errors rather than crashes or hangs, callee resolution,
 * followed names, and project discovery. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "deps/deps_input.h"

static deps_set *cfg(const char *text)
{
    deps_set *s = deps_set_new();
    deps_read_setup_cfg_text(s, "/nonexistent/setup.cfg", text, strlen(text));
    return s;
}

static deps_set *py(const char *text)
{
    deps_set *s = deps_set_new();
    deps_read_setup_py_text(s, "/nonexistent/setup.py", text, strlen(text));
    return s;
}

static bool has_message(const deps_error *items, size_t n, int line, const char *part)
{
    for (size_t i = 0; i < n; i++)
        if ((line < 0 || items[i].line == line) && strstr(items[i].message, part))
            return true;
    return false;
}

/* The i-th record is `key` at `line` in `group`. */
static void assert_record(const deps_set *s, size_t i, const char *key, int line,
                          const char *group)
{
    assert_true(i < s->n);
    assert_string_equal(s->records[i].key, key);
    assert_int_equal(s->records[i].line, line);
    assert_string_equal(s->records[i].group, group);
}

static void test_cfg_continuation_lines(void **state)
{
    (void)state;
    deps_set *s = cfg("[options]\n"
                      "install_requires = first\n"
                      "  # comment\n"
                      "\n"
                      "\tsecond>=1 ; python_version < \"3.9\"\n"
                      "zip_safe = False\n"
                      "[options.extras_require]\n"
                      "Dev: black\n");
    assert_int_equal(s->nerrors, 0);
    assert_int_equal(s->n, 3);
    assert_record(s, 0, "first", 2, "install_requires");
    assert_record(s, 1, "second", 5, "install_requires");
    assert_string_equal(s->records[1].marker, "python_version < \"3.9\"");
    assert_record(s, 2, "black", 8, "Dev");
    assert_int_equal(s->records[0].kind, DEPS_SETUP_CFG);
    deps_set_free(s);
}

static void test_cfg_line_endings(void **state)
{
    (void)state;
    deps_set *s = cfg("\xEF\xBB\xBF[options]\r\ninstall_requires =\r\n  a\r  b\r\n\r\n");
    assert_int_equal(s->nerrors, 0);
    assert_int_equal(s->n, 2);
    assert_record(s, 0, "a", 3, "install_requires");
    assert_record(s, 1, "b", 4, "install_requires");
    deps_set_free(s);
}

/* A one-line value is split on ';' as setuptools does, so a marker written
 * on one line becomes a separate, invalid requirement (an error). */
static void test_cfg_one_line_semicolons(void **state)
{
    (void)state;
    deps_set *s = cfg("[options]\ninstall_requires = a; b>=2 ;\n");
    assert_int_equal(s->n, 2);
    assert_int_equal(s->nerrors, 0);
    deps_set_free(s);
    s = cfg("[options]\ninstall_requires = a; python_version<'3'\n");
    assert_int_equal(s->n, 1);
    assert_true(has_message(s->errors, s->nerrors, 2, "invalid requirement"));
    deps_set_free(s);
}

static void test_cfg_malformed(void **state)
{
    (void)state;
    deps_set *s = cfg("x = 1\n[a]\nno delimiter\n[a]\n[b]\nk=1\nk=2\n= v\n[c\n");
    assert_true(has_message(s->errors, s->nerrors, 1, "before the first [section]"));
    assert_true(has_message(s->errors, s->nerrors, 3, "expected 'key = value'"));
    assert_true(has_message(s->errors, s->nerrors, 4, "duplicate section 'a'"));
    assert_true(has_message(s->errors, s->nerrors, 7, "duplicate option 'k'"));
    assert_true(has_message(s->errors, s->nerrors, 8, "without a name"));
    assert_true(has_message(s->errors, s->nerrors, 9, "expected 'key = value'"));
    assert_string_equal(s->errors[0].path, "/nonexistent/setup.cfg");
    deps_set_free(s);
}

static void test_cfg_bad_bytes(void **state)
{
    (void)state;
    deps_set *s = cfg("[options]\ninstall_requires =\n  ok\n  bad\xff\n");
    assert_true(has_message(s->errors, s->nerrors, 4, "invalid UTF-8"));
    assert_int_equal(s->n, 0);
    deps_set_free(s);
    s = deps_set_new();
    deps_read_setup_cfg_text(s, "setup.cfg", "[options]\n\0x", 12);
    assert_true(has_message(s->errors, s->nerrors, 2, "NUL"));
    deps_set_free(s);
}

/* Many options: refused with an error, quickly (the duplicate check is
 * quadratic below the limit). */
static void test_cfg_huge(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_puts(&b, "[options.extras_require]\n");
    for (int i = 0; i < 100000; i++)
        buf_printf(&b, "e%d = pkg%d\n", i, i);
    deps_set *s = deps_set_new();
    deps_read_setup_cfg_text(s, "setup.cfg", b.data, b.len);
    assert_true(has_message(s->errors, s->nerrors, -1, "too many options"));
    assert_int_equal(s->n, 4096);
    deps_set_free(s);
    buf_free(&b);
}

static void test_py_aliases(void **state)
{
    (void)state;
    deps_set *s = py("import setuptools as st\n"
                     "from distutils.core import setup as s2\n"
                     "import os\n"
                     "st.setup(install_requires=['a'])\n"
                     "s2(setup_requires=('b',))\n"
                     "os.path.setup(install_requires=['not-this'])\n");
    assert_int_equal(s->n, 2);
    assert_record(s, 0, "a", 4, "install_requires");
    assert_record(s, 1, "b", 5, "setup_requires");
    assert_int_equal(s->records[0].kind, DEPS_SETUP_PY);
    assert_int_equal(s->nerrors + s->nnotes, 0);
    deps_set_free(s);
}

static void test_py_names_followed(void **state)
{
    (void)state;
    deps_set *s = py("from setuptools import setup\n"
                     "A = ['x==1']\n"
                     "B = A\n"
                     "T = 'y'\n"
                     "C = ['z']\n"
                     "C = C + ['w']\n"
                     "def f():\n"
                     "    setup(install_requires=B, tests_require=[T], extras_require={'e': C})\n");
    assert_int_equal(s->n, 2);
    assert_record(s, 0, "x", 2, "install_requires");
    assert_string_equal(s->records[0].version, "1");
    assert_record(s, 1, "y", 4, "tests_require");
    assert_true(has_message(s->notes, s->nnotes, 8, "extras_require['e'] is computed"));
    deps_set_free(s);
}

static void test_py_string_lines(void **state)
{
    (void)state;
    deps_set *s = py("setup(install_requires='''\n"
                     "  a  # why\n"
                     "# skipped\n"
                     "\n"
                     "  b\n"
                     "''', tests_require='c\\nd')\n");
    assert_int_equal(s->n, 4);
    assert_record(s, 0, "a", 2, "install_requires");
    assert_record(s, 1, "b", 5, "install_requires");
    /* An escaped newline: the literal's own line for both. */
    assert_record(s, 2, "c", 6, "tests_require");
    assert_record(s, 3, "d", 6, "tests_require");
    deps_set_free(s);
}

static void test_py_errors(void **state)
{
    (void)state;
    deps_set *s = py("setup(install_requires=['a'\n");
    assert_int_equal(s->n, 0);
    assert_true(has_message(s->errors, s->nerrors, 1, "does not parse: SyntaxError"));
    deps_set_free(s);
    s = py("setup(install_requires=['ok', 'not valid !'])\n");
    assert_int_equal(s->n, 1);
    assert_true(has_message(s->errors, s->nerrors, 1, "invalid requirement 'not valid !'"));
    deps_set_free(s);
    s = deps_set_new();
    const char *bad = "setup(install_requires=['\xff'])\n";
    deps_read_setup_py_text(s, "setup.py", bad, strlen(bad));
    assert_int_equal(s->n, 0);
    assert_true(s->nerrors > 0);
    deps_set_free(s);
}

/* Hostile shapes: deep nesting and a long `+` chain end, with an error or
 * notes, never a crash. */
static void test_py_deep(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_puts(&b, "setup(install_requires=");
    for (int i = 0; i < 5000; i++)
        buf_putc(&b, '[');
    for (int i = 0; i < 5000; i++)
        buf_putc(&b, ']');
    buf_puts(&b, ")\n");
    deps_set *s = deps_set_new();
    deps_read_setup_py_text(s, "setup.py", b.data, b.len);
    assert_int_equal(s->n, 0);
    assert_true(s->nerrors > 0); /* too deeply nested for the parser */
    deps_set_free(s);
    buf_clear(&b);
    buf_puts(&b, "setup(install_requires=['a']");
    for (int i = 0; i < 20000; i++)
        buf_puts(&b, "+['b']");
    buf_puts(&b, ")\n");
    s = deps_set_new();
    deps_read_setup_py_text(s, "setup.py", b.data, b.len);
    assert_true(s->n > 0);
    assert_true(s->nnotes > 0); /* the part beyond the depth limit */
    deps_set_free(s);
    buf_free(&b);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_project_reads_both(void **state)
{
    (void)state;
    char dir[] = "/tmp/krait-setup-XXXXXX";
    assert_non_null(mkdtemp(dir));
    write_file(dir, "setup.py", "from setuptools import setup\nsetup(install_requires=['a'])\n");
    write_file(dir, "setup.cfg", "[options]\ninstall_requires =\n  b\n");
    deps_set *s = deps_set_new();
    assert_int_equal(deps_read_path(s, dir), 2);
    assert_int_equal(s->nerrors + s->nnotes, 0);
    assert_int_equal(s->records[0].kind, DEPS_SETUP_CFG);
    assert_int_equal(s->records[1].kind, DEPS_SETUP_PY);
    assert_string_equal(deps_kind_name(DEPS_SETUP_CFG), "setup.cfg");
    assert_string_equal(deps_kind_name(DEPS_SETUP_PY), "setup.py");
    deps_set_free(s);
    char path[512];
    snprintf(path, sizeof path, "%s/setup.py", dir);
    s = deps_set_new();
    assert_int_equal(deps_read_path(s, path), 1);
    deps_set_free(s);
    unlink(path);
    snprintf(path, sizeof path, "%s/setup.cfg", dir);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cfg_continuation_lines),
        cmocka_unit_test(test_cfg_line_endings),
        cmocka_unit_test(test_cfg_one_line_semicolons),
        cmocka_unit_test(test_cfg_malformed),
        cmocka_unit_test(test_cfg_bad_bytes),
        cmocka_unit_test(test_cfg_huge),
        cmocka_unit_test(test_py_aliases),
        cmocka_unit_test(test_py_names_followed),
        cmocka_unit_test(test_py_string_lines),
        cmocka_unit_test(test_py_errors),
        cmocka_unit_test(test_py_deep),
        cmocka_unit_test(test_project_reads_both),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
