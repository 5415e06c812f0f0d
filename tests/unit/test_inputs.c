/* test_inputs.c - the dependency readers' API (src/deps/deps_input.h):
 * what the golden dumps (tests/deps/inputs/check-golden) and the oracles
 * (packaging, poetry-core, importlib.metadata) cannot show: error offsets
 * and messages, line numbers of continued lines, include bounds, nesting
 * limits, and the record invariants a caller relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/deps_input.h"
#include "deps/inputs_int.h"

static deps_set *read_text(const char *text)
{
    deps_set *s = deps_set_new();
    deps_read_requirements_text(s, "/nonexistent/dir/requirements.txt", text, strlen(text));
    return s;
}

static bool has_error(const deps_set *s, int line, const char *part)
{
    for (size_t i = 0; i < s->nerrors; i++)
        if (s->errors[i].line == line && strstr(s->errors[i].message, part))
            return true;
    return false;
}

static void test_pep508_error_offset(void **state)
{
    (void)state;
    arena *a = arena_new();
    const char *msg = NULL;
    size_t off = 0;
    assert_null(pep508_parse(a, "foo==1.0;python_version<", 24, &msg, &off));
    assert_string_equal(msg, "Expected a marker variable or quoted string");
    assert_int_equal(off, 24);
    assert_null(pep508_parse(a, "foo[bar", 7, &msg, &off));
    assert_string_equal(msg, "Expected closing RIGHT_BRACKET");
    assert_int_equal(off, 3);
    assert_null(pep508_parse(a, "", 0, &msg, &off));
    assert_string_equal(msg, "Expected package name at the start of dependency specifier");
    arena_free(a);
}

static void test_pep508_fields(void **state)
{
    (void)state;
    arena *a = arena_new();
    const char *t = "Foo.Bar [x, y] (>=1.0 , <2) ; python_implementation=='CPython' and "
                    "((os.name == 'nt'))";
    const pep508_req *r = pep508_parse(a, t, strlen(t), NULL, NULL);
    assert_non_null(r);
    assert_string_equal(r->name, "Foo.Bar");
    assert_int_equal(r->nextras, 2);
    assert_string_equal(r->extras[1], "y");
    assert_string_equal(r->specifier, ">=1.0,<2");
    /* packaging drops doubled parentheses and renames the variables */
    assert_string_equal(r->marker,
                        "platform_python_implementation == \"CPython\" and os_name == \"nt\"");
    assert_string_equal(r->marker_written, "python_implementation=='CPython' and ((os.name == 'nt'))");
    assert_null(r->url);
    /* the printed form loses the meaning of doubled parentheses; the
     * written one keeps it */
    t = "x; python_version == '3' and ((os_name == 'a' or os_name == 'b')) ";
    r = pep508_parse(a, t, strlen(t), NULL, NULL);
    assert_non_null(r);
    assert_string_equal(r->marker, "python_version == \"3\" and os_name == \"a\" or os_name == \"b\"");
    assert_string_equal(r->marker_written, "python_version == '3' and ((os_name == 'a' or os_name == 'b'))");
    arena_free(a);
}

/* Parentheses nested beyond the limit are an error, not a stack overflow. */
static void test_pep508_deep_marker(void **state)
{
    (void)state;
    arena *a = arena_new();
    buf b;
    buf_init(&b);
    buf_puts(&b, "x; ");
    for (int i = 0; i < 5000; i++)
        buf_putc(&b, '(');
    const char *msg = NULL;
    assert_null(pep508_parse(a, b.data, b.len, &msg, NULL));
    assert_string_equal(msg, "markers nested too deeply");
    buf_free(&b);
    arena_free(a);
}

static void test_continuation_lines(void **state)
{
    (void)state;
    deps_set *s = read_text("# header\n"
                            "a==1 \\\n"
                            "  --hash=sha256:x \\\n"
                            "  --hash=sha256:y\n"
                            "b>=2 # comment\n"
                            "c#no-comment\n");
    assert_int_equal(s->n, 2);
    assert_string_equal(s->records[0].name, "a");
    assert_int_equal(s->records[0].line, 2);
    assert_true(s->records[0].hashes);
    assert_string_equal(s->records[0].version, "1");
    assert_non_null(s->records[0].pinned);
    assert_string_equal(s->records[1].key, "b");
    assert_int_equal(s->records[1].line, 5);
    assert_false(s->records[1].hashes);
    assert_null(s->records[1].version);
    assert_true(has_error(s, 6, "invalid requirement 'c#no-comment'"));
    deps_set_free(s);
}

static void test_unauditable_kept(void **state)
{
    (void)state;
    deps_set *s = read_text("-e ./src\n"
                            "git+https://example.org/r.git#egg=from_vcs\n"
                            "legacy===2.0-custom\n"
                            "v==${VERSION}\n");
    assert_int_equal(s->n, 4);
    assert_true(s->records[0].editable);
    assert_string_equal(s->records[0].unauditable, "editable requirement");
    assert_string_equal(s->records[1].key, "from-vcs");
    assert_string_equal(s->records[1].unauditable, "VCS requirement");
    assert_string_equal(s->records[2].version, "2.0-custom");
    assert_null(s->records[2].pinned);
    assert_string_equal(s->records[2].unauditable, "legacy version (not PEP 440)");
    assert_string_equal(s->records[3].unauditable, "contains an unexpanded environment variable");
    assert_int_equal(s->nnotes, 1);
    deps_set_free(s);
}

static void test_options(void **state)
{
    (void)state;
    deps_set *s = read_text("--index-url https://i.example.org/simple\n"
                            "--extra-index=https://x.example.org\n" /* a unique prefix */
                            "--no-such\n"
                            "-r\n"
                            "--pre extra-arg\n"
                            "-r missing.txt\n");
    assert_int_equal(s->n, 0);
    assert_int_equal(s->nnotes, 2);
    assert_true(has_error(s, 3, "no such option: --no-such"));
    assert_true(has_error(s, 4, "requires an argument"));
    assert_true(has_error(s, 5, "unexpected argument 'extra-arg'"));
    assert_true(has_error(s, 6, "cannot read included file /nonexistent/dir/missing.txt"));
    deps_set_free(s);
}

/* A chain of includes deeper than the limit stops with an error. */
static void test_include_depth(void **state)
{
    (void)state;
    char dir[] = "/tmp/krait-inputs-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "%s/r%d.txt", dir, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "p%d==1\n-r r%d.txt\n", i, i + 1);
        fclose(f);
    }
    deps_set *s = deps_set_new();
    snprintf(path, sizeof path, "%s/r0.txt", dir);
    deps_read_requirements(s, path);
    assert_int_equal(s->n, 32);
    assert_int_equal(s->nerrors, 1);
    assert_non_null(strstr(s->errors[0].message, "nested deeper than 32"));
    deps_set_free(s);
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "%s/r%d.txt", dir, i);
        unlink(path);
    }
    rmdir(dir);
}

static void test_poetry_constraints(void **state)
{
    (void)state;
    arena *a = arena_new();
    static const char *const cases[][2] = {
        {"^1.2.3", ">=1.2.3,<2.0.0"}, {"^0.2.3", ">=0.2.3,<0.3.0"}, {"^0.0.3", ">=0.0.3,<0.0.4"},
        {"^0.0", ">=0.0,<0.1"},       {"^0", ">=0,<1"},             {"~1.2.3", ">=1.2.3,<1.3.0"},
        {"~1", ">=1,<2"},             {"*", ""},                    {"1.2", "==1.2"},
        {">= 1, < 2", ">=1,<2"},      {"=3", "==3"},                {"~=1.4", "~=1.4"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *why = NULL;
        const char *got = deps_poetry_to_pep440(a, cases[i][0], &why);
        assert_non_null(got);
        assert_string_equal(got, cases[i][1]);
    }
    const char *why = NULL;
    assert_null(deps_poetry_to_pep440(a, "^1 || ^2", &why));
    assert_non_null(strstr(why, "union"));
    assert_null(deps_poetry_to_pep440(a, ">=", &why));
    arena_free(a);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(deps_kind_name(DEPS_REQUIREMENTS), "requirements");
    assert_string_equal(deps_kind_name(DEPS_PYLOCK), "pylock.toml");
    assert_string_equal(deps_kind_name(DEPS_SITE_PACKAGES), "site-packages");
    assert_string_equal(deps_kind_name(DEPS_KIND_COUNT), "unknown");
    deps_kind k;
    assert_true(deps_lock_kind("x/pylock.dev.toml", &k));
    assert_int_equal(k, DEPS_PYLOCK);
    assert_false(deps_lock_kind("x/pylock..toml", &k));
    assert_false(deps_lock_kind("requirements.txt", &k));
}

/* Errors name the file; a missing path is an error, never a crash. */
static void test_missing_inputs(void **state)
{
    (void)state;
    deps_set *s = deps_set_new();
    assert_int_equal(deps_read_path(s, "/nonexistent/krait/x"), 0);
    assert_int_equal(deps_read_pyproject(s, "/nonexistent/pyproject.toml"), 0);
    assert_int_equal(deps_read_lock(s, "/nonexistent/uv.lock"), 0);
    assert_int_equal(deps_read_lock(s, "/nonexistent/other.lock"), 0);
    assert_int_equal(deps_read_site_packages(s, "/nonexistent/site"), 0);
    assert_int_equal(s->nerrors, 5);
    for (size_t i = 0; i < s->nerrors; i++)
        assert_non_null(strstr(s->errors[i].path, "/nonexistent/"));
    deps_set_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pep508_error_offset),
        cmocka_unit_test(test_pep508_fields),
        cmocka_unit_test(test_pep508_deep_marker),
        cmocka_unit_test(test_continuation_lines),
        cmocka_unit_test(test_unauditable_kept),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_include_depth),
        cmocka_unit_test(test_poetry_constraints),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_missing_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
