/* test_notebook.c - notebooks as one module (src/scan/notebook.h): the
 * text handed to the parser line by line, cells and their lines, IPython
 * syntax neutralised only where a statement starts, shell commands, and
 * malformed notebooks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "scan/notebook.h"
#include "syntax/parser.h"

static arena *a;

static int setup(void **state)
{
    (void)state;
    a = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(a);
    return 0;
}

static notebook convert(const char *json)
{
    notebook nb;
    char msg[200] = "";
    int rc = notebook_to_python(a, json, strlen(json), &nb, msg, sizeof msg);
    if (rc != 0)
        fail_msg("%s", msg);
    return nb;
}

static void assert_parses(const notebook *nb)
{
    syntax_error err;
    memset(&err, 0, sizeof err);
    py_file src;
    ast_node *mod = py_parse_file(a, nb->text, nb->len, &err, &src);
    if (!mod)
        fail_msg("%s at line %d in:\n%s", err.msg, err.lineno, nb->text);
}

static void test_cells_and_lines(void **state)
{
    (void)state;
    notebook nb = convert(
        "{\"nbformat\": 4, \"cells\": ["
        "{\"cell_type\": \"code\", \"source\": [\"import os\\n\", \"x = 1\"]},"
        "{\"cell_type\": \"markdown\", \"source\": \"# t\"},"
        "{\"cell_type\": \"code\", \"source\": \"\"},"
        "{\"cell_type\": \"code\", \"source\": \"y = 2\\r\\nz = 3\\r\"}]}");
    assert_string_equal(nb.text, "# coding: utf-8\nimport os\nx = 1\ny = 2\nz = 3\n");
    assert_int_equal(nb.ncells, 3);
    assert_int_equal(nb.cells[0].number, 1);
    assert_int_equal(nb.cells[0].first_line, 2);
    assert_int_equal(nb.cells[0].nlines, 2);
    assert_int_equal(nb.cells[1].number, 3);
    assert_int_equal(nb.cells[1].nlines, 0);
    assert_int_equal(nb.cells[2].number, 4);
    assert_int_equal(nb.cells[2].first_line, 4);
    assert_null(notebook_cell_at(&nb, 1));
    assert_int_equal(notebook_cell_at(&nb, 3)->number, 1);
    assert_int_equal(notebook_cell_at(&nb, 5)->number, 4);
    assert_null(notebook_cell_at(&nb, 6));
    assert_parses(&nb);
}

static void test_magics(void **state)
{
    (void)state;
    notebook nb = convert(
        "{\"cells\": [{\"cell_type\": \"code\", \"source\": ["
        "\"%matplotlib inline\\n\", \"!pip install x\\n\", \"files = !ls -l\\n\","
        "\"out = %sx date\\n\", \"len?\\n\", \"??len\\n\", \"for i in range(2):\\n\","
        "\"    !echo $i\\n\", \"d = {'a':\\n\", \"  !1}\\n\", \"s = '''\\n\", \"%not magic\\n\","
        "\"'''\\n\", \"a == !b\\n\"]},"
        "{\"cell_type\": \"code\", \"source\": \"%%bash\\nrm -rf /\\n\"},"
        "{\"cell_type\": \"code\", \"source\": \"%%timeit -n1\\nx = 1\\n\"}]}");
    const char *want = "# coding: utf-8\n"
                       "pass  # %matplotlib inline\n"
                       "pass  # !pip install x\n"
                       "files = None  # files = !ls -l\n"
                       "out = None  # out = %sx date\n"
                       "pass  # len?\n"
                       "pass  # ??len\n"
                       "for i in range(2):\n"
                       "    pass  # !echo $i\n"
                       "d = {'a':\n"
                       "  !1}\n"
                       "s = '''\n"
                       "%not magic\n"
                       "'''\n"
                       "a == !b\n"
                       "pass  # %%bash\n"
                       "#rm -rf /\n"
                       "pass  # %%timeit -n1\n"
                       "x = 1\n";
    assert_string_equal(nb.text, want);
    assert_int_equal(nb.nshells, 5);
    assert_int_equal(nb.shells[0].line, 3);
    assert_string_equal(nb.shells[0].command, "!pip install x");
    assert_int_equal(nb.shells[1].line, 4);
    assert_int_equal(nb.shells[2].line, 5);
    assert_string_equal(nb.shells[3].command, "!echo $i");
    assert_string_equal(nb.shells[4].command, "%%bash");
    assert_int_equal(nb.shells[4].line, 16);
}

static void test_v3(void **state)
{
    (void)state;
    notebook nb = convert("{\"nbformat\": 3, \"worksheets\": [{\"cells\": ["
                          "{\"cell_type\": \"code\", \"input\": [\"a = 1\\n\"]}]},"
                          "{\"cells\": [{\"cell_type\": \"heading\", \"source\": \"h\"},"
                          "{\"cell_type\": \"code\", \"input\": \"b = 2\"}]}]}");
    assert_string_equal(nb.text, "# coding: utf-8\na = 1\nb = 2\n");
    assert_int_equal(nb.ncells, 2);
    assert_int_equal(nb.cells[1].number, 3);
}

/* A cell cannot change the module's encoding: line 1 is always UTF-8. */
static void test_no_coding_from_cells(void **state)
{
    (void)state;
    notebook nb = convert("{\"cells\": [{\"cell_type\": \"code\", \"source\": "
                          "\"# -*- coding: latin-1 -*-\\nx = '\\u00e9'\\n\"}]}");
    assert_parses(&nb);
    assert_non_null(strstr(nb.text, "x = '\xc3\xa9'"));
}

static void expect_error(const char *json, const char *want)
{
    notebook nb;
    char msg[200] = "";
    assert_int_equal(notebook_to_python(a, json, strlen(json), &nb, msg, sizeof msg), -1);
    if (!strstr(msg, want))
        fail_msg("'%s' does not say '%s'", msg, want);
}

static void test_malformed(void **state)
{
    (void)state;
    expect_error("", "not valid JSON");
    expect_error("{\"cells\": [", "not valid JSON");
    expect_error("[]", "not a JSON object");
    expect_error("{}", "no \"cells\"");
    expect_error("{\"cells\": {}}", "\"cells\" is not a list");
    expect_error("{\"cells\": [1]}", "cell 1 is not an object");
    expect_error("{\"cells\": [{}]}", "cell 1 has no cell_type");
    expect_error("{\"cells\": [{\"cell_type\": \"markdown\"}, {\"cell_type\": \"code\"}]}",
                 "cell 2: source is not");
    expect_error("{\"cells\": [{\"cell_type\": \"code\", \"source\": [1]}]}",
                 "cell 1: source is not");
    /* deep nesting: refused by cJSON, never a crash */
    char deep[5000];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    expect_error(deep, "not valid JSON");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells_and_lines),
        cmocka_unit_test(test_magics),
        cmocka_unit_test(test_v3),
        cmocka_unit_test(test_no_coding_from_cells),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
