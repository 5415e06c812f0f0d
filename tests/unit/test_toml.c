/* test_toml.c - the TOML reader's API (src/deps/toml.h): lookups, paths,
 * typed access, document order, positions, errors and limits. What the
 * reader accepts and the values it reads are checked against Python's
 * tomllib by tests/deps/toml/compare.py; this file checks what tomllib
 * cannot tell: the C API, positions, messages and bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/toml.h"

static arena *A;

static int setup(void **state)
{
    (void)state;
    A = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(A);
    return 0;
}

static const toml_value *parse(const char *src)
{
    toml_error err;
    const toml_value *root = toml_parse(A, src, strlen(src), &err);
    if (!root)
        fail_msg("unexpected error %d:%d: %s", err.line, err.column, err.message);
    return root;
}

/* Parse a document that must be rejected; returns the error. */
static toml_error reject(const char *src, size_t len)
{
    toml_error err;
    assert_null(toml_parse(A, src, len, &err));
    assert_true(err.line >= 1 && err.column >= 1);
    assert_true(err.message[0] != '\0');
    return err;
}

static const char *str(const toml_value *v)
{
    const char *s = toml_as_string(v, NULL);
    assert_non_null(s);
    return s;
}

static int64_t integer(const toml_value *v)
{
    int64_t i = 0;
    assert_true(toml_as_int(v, &i));
    return i;
}

static void pyproject_navigation(void **state)
{
    (void)state;
    const toml_value *root = parse("[project]\n"
                                   "name = \"demo\"\n"
                                   "dependencies = [\"requests>=2\", \"click\"]\n"
                                   "[tool.poetry.dependencies]\n"
                                   "python = \"^3.9\"\n"
                                   "[tool.\"dotted.name\".x]\n"
                                   "y = 1\n");
    const toml_value *project = toml_get(root, "project");
    assert_int_equal(toml_type_of(project), TOML_TABLE);
    assert_string_equal(str(toml_get(project, "name")), "demo");
    const toml_value *deps = toml_get(project, "dependencies");
    assert_int_equal(toml_type_of(deps), TOML_ARRAY);
    assert_int_equal(toml_len(deps), 2);
    assert_string_equal(str(toml_at(deps, 1)), "click");
    assert_null(toml_at(deps, 2));
    const toml_value *poetry = toml_get_path(root, "tool.poetry.dependencies");
    assert_string_equal(str(toml_get(poetry, "python")), "^3.9");
    assert_ptr_equal(toml_get_path(root, " tool . poetry .dependencies "), poetry);
    assert_ptr_equal(toml_get_path(root, "'tool'.\"poetry\".dependencies"), poetry);
    assert_int_equal(integer(toml_get_path(root, "tool.\"dotted.name\".x.y")), 1);
    assert_int_equal(integer(toml_get_path(root, "tool.'dotted.name'.x.y")), 1);
    assert_null(toml_get_path(root, "tool.dotted.name.x"));
    assert_null(toml_get_path(root, "tool..poetry"));
    assert_null(toml_get_path(root, "tool.poetry."));
    assert_null(toml_get_path(root, ""));
    assert_null(toml_get_path(root, "tool.\"unterminated"));
    assert_null(toml_get_path(root, "project.name.x")); /* through a string */
    assert_null(toml_get(root, "nope"));
}

/* A lock file: [[package]] is an array of tables, read in file order, each
 * package with the line a report would point at. */
static void lock_file_packages(void **state)
{
    (void)state;
    const toml_value *root = parse("version = 1\n"
                                   "[[package]]\n"
                                   "name = \"certifi\"\n"
                                   "version = \"2024.8.30\"\n"
                                   "wheels = [{ url = \"u\", hash = \"sha256:00\" }]\n"
                                   "\n"
                                   "[[package]]\n"
                                   "name = \"requests\"\n"
                                   "version = \"2.32.3\"\n"
                                   "[package.metadata]\n"
                                   "requires-dist = [{ name = \"certifi\", specifier = \">=2017\" }]\n");
    const toml_value *packages = toml_get(root, "package");
    assert_int_equal(toml_type_of(packages), TOML_ARRAY);
    assert_int_equal(toml_len(packages), 2);
    assert_int_equal(toml_line(packages), 2);
    const char *names[] = {"certifi", "requests"}, *versions[] = {"2024.8.30", "2.32.3"};
    int lines[] = {2, 7};
    for (size_t i = 0; i < 2; i++) {
        const toml_value *pkg = toml_at(packages, i);
        assert_string_equal(str(toml_get(pkg, "name")), names[i]);
        assert_string_equal(str(toml_get(pkg, "version")), versions[i]);
        assert_int_equal(toml_line(pkg), lines[i]);
        assert_int_equal(toml_line(toml_get(pkg, "version")), lines[i] + 2);
    }
    const toml_value *wheel = toml_at(toml_get(toml_at(packages, 0), "wheels"), 0);
    assert_string_equal(str(toml_get(wheel, "hash")), "sha256:00");
    const toml_value *req = toml_at(toml_get_path(toml_at(packages, 1), "metadata.requires-dist"), 0);
    assert_string_equal(str(toml_get(req, "specifier")), ">=2017");
    assert_int_equal(toml_line(req), 11);
}

/* Every accessor takes NULL and a value of the wrong type quietly. */
static void accessors_are_null_safe(void **state)
{
    (void)state;
    const toml_value *root = parse("s = \"x\"\ni = 1\n");
    int64_t i;
    double f;
    bool b;
    size_t len = 99;
    assert_null(toml_get(NULL, "a"));
    assert_null(toml_get(root, NULL));
    assert_null(toml_get(toml_get(root, "s"), "a")); /* not a table */
    assert_null(toml_get_path(NULL, "a"));
    assert_null(toml_as_string(NULL, &len));
    assert_null(toml_as_string(toml_get(root, "i"), &len));
    assert_int_equal(len, 99);
    assert_false(toml_as_int(toml_get(root, "s"), &i));
    assert_false(toml_as_float(toml_get(root, "i"), &f));
    assert_false(toml_as_bool(NULL, &b));
    assert_null(toml_as_datetime(toml_get(root, "s")));
    assert_int_equal(toml_len(NULL), 0);
    assert_int_equal(toml_len(toml_get(root, "s")), 0);
    assert_null(toml_at(root, 0)); /* a table is not an array */
    assert_null(toml_key_at(toml_get(root, "s"), 0, NULL));
    assert_null(toml_value_at(root, 2));
    assert_int_equal(toml_line(NULL), 0);
    assert_int_equal(toml_type_of(toml_get(root, "missing")), TOML_NONE);
    assert_string_equal(toml_type_name(TOML_NONE), "none");
}

static void typed_values(void **state)
{
    (void)state;
    const toml_value *root = parse("max = 9223372036854775807\n"
                                   "min = -9223372036854775808\n"
                                   "hex = 0xDEAD_beef\noct = 0o755\nbin = 0b1010\n"
                                   "f = 6.626e-34\nninf = -inf\nn = nan\nneg0 = -0.0\n"
                                   "t = true\nfalse = false\n"
                                   "odt = 1979-05-27 07:32:00.5z\nldt = 1979-05-27t07:32:00\n"
                                   "ld = 1979-05-27\nlt = 07:32:00.123456789\n");
    assert_true(integer(toml_get(root, "max")) == INT64_MAX);
    assert_true(integer(toml_get(root, "min")) == INT64_MIN);
    assert_int_equal(integer(toml_get(root, "hex")), 0xDEADBEEF);
    assert_int_equal(integer(toml_get(root, "oct")), 0755);
    assert_int_equal(integer(toml_get(root, "bin")), 10);
    double f;
    assert_true(toml_as_float(toml_get(root, "f"), &f));
    assert_true(f == 6.626e-34);
    assert_true(toml_as_float(toml_get(root, "ninf"), &f) && f < 0 && f * 0.5 == f);
    assert_true(toml_as_float(toml_get(root, "n"), &f) && f != f);
    assert_true(toml_as_float(toml_get(root, "neg0"), &f) && f == 0 && 1 / f < 0);
    bool b = false;
    assert_true(toml_as_bool(toml_get(root, "t"), &b) && b);
    assert_true(toml_as_bool(toml_get(root, "false"), &b) && !b);
    /* dates keep their text, with 'T' and 'Z' upper-cased */
    const toml_value *odt = toml_get(root, "odt");
    assert_int_equal(toml_type_of(odt), TOML_DATETIME);
    assert_string_equal(toml_as_datetime(odt), "1979-05-27T07:32:00.5Z");
    assert_int_equal(toml_type_of(toml_get(root, "ldt")), TOML_DATETIME_LOCAL);
    assert_string_equal(toml_as_datetime(toml_get(root, "ldt")), "1979-05-27T07:32:00");
    assert_int_equal(toml_type_of(toml_get(root, "ld")), TOML_DATE_LOCAL);
    assert_int_equal(toml_type_of(toml_get(root, "lt")), TOML_TIME_LOCAL);
    assert_string_equal(toml_as_datetime(toml_get(root, "lt")), "07:32:00.123456789");
    assert_string_equal(toml_type_name(TOML_DATETIME_LOCAL), "datetime-local");
    assert_string_equal(toml_type_name(TOML_BOOL), "bool");
}

/* Keys and strings may hold U+0000: lengths, not strlen. */
static void nul_in_keys_and_strings(void **state)
{
    (void)state;
    const toml_value *root = parse("\"a\\u0000b\" = \"x\\u0000y\"\n");
    size_t klen, vlen;
    const char *k = toml_key_at(root, 0, &klen);
    assert_int_equal(klen, 3);
    assert_memory_equal(k, "a\0b", 3);
    const toml_value *v = toml_getn(root, "a\0b", 3);
    const char *s = toml_as_string(v, &vlen);
    assert_int_equal(vlen, 3);
    assert_memory_equal(s, "x\0y", 4); /* and NUL-terminated */
    assert_null(toml_get(root, "a"));
}

/* Iteration follows the document: a table's keys in the order they were
 * first written, whether by key, dotted key or header. */
static void document_order(void **state)
{
    (void)state;
    const toml_value *root = parse("z = 1\ny.b = 2\ny.a = 3\n[x.inner]\n[w]\n[x]\nk = 4\n");
    const char *want[] = {"z", "y", "x", "w"};
    assert_int_equal(toml_len(root), 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(toml_key_at(root, i, NULL), want[i]);
    const toml_value *y = toml_get(root, "y");
    assert_string_equal(toml_key_at(y, 0, NULL), "b");
    assert_string_equal(toml_key_at(y, 1, NULL), "a");
    const toml_value *x = toml_get(root, "x");
    assert_string_equal(toml_key_at(x, 0, NULL), "inner");
    assert_int_equal(integer(toml_value_at(x, 1)), 4);
}

/* Lines and columns point into the file (columns in characters). */
static void value_positions(void **state)
{
    (void)state;
    const toml_value *root = parse("# header\n"
                                   "[project]\n"
                                   "name = \"é\"  # x\n"
                                   "deps = [\n"
                                   "  \"a\",\n"
                                   "    \"b\",\n"
                                   "]\n"
                                   "ml = \"\"\"\n"
                                   "two\n"
                                   "\"\"\"\n"
                                   "\"ééé\" = { k = 1 }\n"
                                   "[[pkg]]\n"
                                   "[tool.x]\n"
                                   "[tool]\n");
    const toml_value *project = toml_get(root, "project");
    assert_int_equal(toml_line(project), 2);
    assert_int_equal(toml_column(project), 2);
    const toml_value *name = toml_get(project, "name");
    assert_int_equal(toml_line(name), 3);
    assert_int_equal(toml_column(name), 8);
    const toml_value *deps = toml_get(project, "deps");
    assert_int_equal(toml_line(deps), 4);
    assert_int_equal(toml_line(toml_at(deps, 0)), 5);
    assert_int_equal(toml_column(toml_at(deps, 0)), 3);
    assert_int_equal(toml_line(toml_at(deps, 1)), 6);
    assert_int_equal(toml_column(toml_at(deps, 1)), 5);
    assert_int_equal(toml_line(toml_get(project, "ml")), 8);
    assert_string_equal(str(toml_get(project, "ml")), "two\n");
    const toml_value *inl = toml_get(project, "ééé");
    assert_int_equal(toml_line(inl), 11);
    assert_int_equal(toml_column(inl), 9); /* characters, not bytes */
    assert_int_equal(toml_column(toml_get(inl, "k")), 15); /* the value 1 */
    assert_int_equal(toml_line(toml_get(root, "pkg")), 12);
    /* [tool] made implicitly at line 13, defined at line 14: the header wins */
    assert_int_equal(toml_line(toml_get(root, "tool")), 14);
    assert_int_equal(toml_line(toml_get_path(root, "tool.x")), 13);
}

static void error_positions(void **state)
{
    (void)state;
    const char *src = "a = 1\n"
                      "b = \"\"\"\n"
                      "é\n"
                      "\"\"\"\n"
                      "[t]\n"
                      "éé = 1\n";
    toml_error err = reject(src, strlen(src));
    assert_int_equal(err.line, 6);
    assert_int_equal(err.column, 1);
    err = reject("x = \"ab\\q\"", 10);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 8);
    assert_non_null(strstr(err.message, "\\q"));
    err = reject("[a]\n[b]\n[a]\n", 12);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 2);
    assert_non_null(strstr(err.message, "'a' is already defined"));
    err = reject("s = \"é\xff\"", 8);
    assert_int_equal(err.column, 7);
    assert_non_null(strstr(err.message, "UTF-8"));
    err = reject("a = 1\r\nb = 2\rc = 3", 18);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "carriage return"));
    err = reject("n = 9223372036854775808", 23);
    assert_non_null(strstr(err.message, "64 bits"));
}

/* The same document twice, with a NUL byte in the middle: binary input is
 * an error, never a truncated read. */
static void embedded_nul_is_an_error(void **state)
{
    (void)state;
    toml_error err = reject("a = 1\n\0b = 2\n", 13);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "U+0000"));
}

static void empty_inputs(void **state)
{
    (void)state;
    toml_error err;
    const toml_value *root = toml_parse(A, NULL, 0, &err);
    assert_non_null(root);
    assert_int_equal(toml_type_of(root), TOML_TABLE);
    assert_int_equal(toml_len(root), 0);
    assert_non_null(toml_parse(A, "\n\n# c\n", 6, NULL)); /* err may be NULL */
    assert_null(toml_parse(A, "=", 1, NULL));
}

static char *repeat(const char *open, int n, const char *mid, const char *close)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, "a = ");
    for (int i = 0; i < n; i++)
        buf_puts(&b, open);
    buf_puts(&b, mid);
    for (int i = 0; i < n; i++)
        buf_puts(&b, close);
    return b.data;
}

/* Nesting is bounded with a clear error, never a blown stack. */
static void nesting_limit(void **state)
{
    (void)state;
    char *ok = repeat("[", TOML_MAX_DEPTH, "1", "]");
    char *deep = repeat("[", TOML_MAX_DEPTH + 1, "1", "]");
    char *inl = repeat("{b=", TOML_MAX_DEPTH + 1, "1", "}");
    char *huge = repeat("[", 1000000, "", "");
    assert_non_null(parse(ok));
    toml_error err = reject(deep, strlen(deep));
    assert_non_null(strstr(err.message, "nested more than 200 deep"));
    err = reject(inl, strlen(inl));
    assert_non_null(strstr(err.message, "nested more than"));
    err = reject(huge, strlen(huge));
    assert_non_null(strstr(err.message, "nested more than"));
    free(ok);
    free(deep);
    free(inl);
    free(huge);
}

/* Dotted keys and headers have no nesting limit: they are iterative. */
static void very_long_dotted_keys(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_puts(&b, "[k");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, ".k");
    buf_puts(&b, "]\nv = 1\n");
    const toml_value *t = parse(b.data);
    for (int i = 0; i <= 100000; i++)
        t = toml_get(t, "k");
    assert_int_equal(integer(toml_get(t, "v")), 1);
    buf_free(&b);
}

/* 100k keys in one table (and in an inline table): each found, each in
 * order; the hash keeps this linear (the benchmark measures the time). */
static void many_keys(void **state)
{
    (void)state;
    enum { N = 100000 };
    buf b;
    buf_init(&b);
    for (int i = 0; i < N; i++)
        buf_printf(&b, "key%d = %d\n", i, i);
    buf_puts(&b, "inl = {");
    for (int i = 0; i < N; i++)
        buf_printf(&b, "%s\"k%d\" = %d", i ? ", " : "", i, i);
    buf_puts(&b, "}\n");
    const toml_value *root = parse(b.data);
    assert_int_equal(toml_len(root), N + 1);
    const toml_value *inl = toml_get(root, "inl");
    char key[32];
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "key%d", i);
        assert_int_equal(integer(toml_get(root, key)), i);
        assert_string_equal(toml_key_at(root, (size_t)i, NULL), key);
        snprintf(key, sizeof key, "k%d", i);
        assert_int_equal(integer(toml_get(inl, key)), i);
    }
    buf_puts(&b, "key77777 = 1\n");
    toml_error err = reject(b.data, b.len);
    assert_int_equal(err.line, N + 2);
    assert_non_null(strstr(err.message, "'key77777' is defined twice"));
    buf_free(&b);
}

/* The tree is read-only and lives in the arena: a second parse in the same
 * arena leaves the first intact. */
static void two_documents_one_arena(void **state)
{
    (void)state;
    const toml_value *a = parse("x = \"first\"\n");
    const toml_value *b = parse("x = \"second\"\n");
    assert_string_equal(str(toml_get(a, "x")), "first");
    assert_string_equal(str(toml_get(b, "x")), "second");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pyproject_navigation),
        cmocka_unit_test(lock_file_packages),
        cmocka_unit_test(accessors_are_null_safe),
        cmocka_unit_test(typed_values),
        cmocka_unit_test(nul_in_keys_and_strings),
        cmocka_unit_test(document_order),
        cmocka_unit_test(value_positions),
        cmocka_unit_test(error_positions),
        cmocka_unit_test(embedded_nul_is_an_error),
        cmocka_unit_test(empty_inputs),
        cmocka_unit_test(nesting_limit),
        cmocka_unit_test(very_long_dotted_keys),
        cmocka_unit_test(many_keys),
        cmocka_unit_test(two_documents_one_arena),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
