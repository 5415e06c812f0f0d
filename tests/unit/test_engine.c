/* test_engine.c - the rule engine on real snippets: comments kept by
 * py_parse_file, CALL dispatch through qualified names, sorting and
 * deduplication, and every suppression form with its exact scope (the
 * statement's lines; a compound statement's header only). Uses the exec()
 * rule KR102 of src/rules/exec.def. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rules/engine.h"
#include "rules/registry.h"

typedef struct run {
    arena *a;
    py_file src;
    file_result res;
} run;

static void run_source(run *r, const char *src, int ignore_suppressions)
{
    r->a = arena_new();
    syntax_error err;
    memset(&r->src, 0, sizeof r->src);
    ast_node *mod = py_parse_file(r->a, src, strlen(src), &err, &r->src);
    if (!mod)
        fail_msg("syntax error: %s at %d", err.msg, err.lineno);
    rules_config cfg;
    rules_config_default(&cfg);
    cfg.ignore_suppressions = ignore_suppressions;
    rules_run(&cfg, r->a, "t.py", &r->src, mod, NULL, 0, &r->res);
}

/* "line:col:ID[:nosec|noqa|krait]" for each finding, space separated. */
static void describe(const run *r, char *out, size_t cap)
{
    static const char *const how[] = {"", ":nosec", ":noqa", ":krait"};
    out[0] = '\0';
    for (int i = 0; i < r->res.nfindings; i++) {
        const finding *f = &r->res.findings[i];
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%d:%d:%s%s", n ? " " : "", f->line, f->col,
                 rule_catalogue[f->rule].id, how[f->suppressed]);
    }
}

static void expect_findings(const char *src, const char *want)
{
    run r;
    run_source(&r, src, 0);
    char got[1024];
    describe(&r, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("source:\n%s\nwant: %s\ngot:  %s", src, want, got);
    arena_free(r.a);
}

/* ---- comments from the tokenizer ---- */

static void test_comments_recorded(void **state)
{
    (void)state;
    const char *src = "x = 1  # one\n"
                      "# two\n"
                      "s = '# not a comment'\n"
                      "f = f'''{x # three\n"
                      "}'''\n"
                      "if x:\n"
                      "    # four\n"
                      "    pass\n";
    run r;
    run_source(&r, src, 0);
    assert_int_equal(r.src.ncomments, 4);
    const py_comment *c = r.src.comments;
    assert_int_equal(c[0].lineno, 1);
    assert_int_equal(c[0].col_offset, 7);
    assert_int_equal((int)c[0].len, 5);
    assert_memory_equal(c[0].text, "# one", 5);
    assert_int_equal(c[1].lineno, 2);
    assert_int_equal(c[1].col_offset, 0);
    assert_int_equal(c[2].lineno, 4);
    assert_int_equal(c[2].col_offset, 11);
    assert_memory_equal(c[2].text, "# three", 7);
    assert_int_equal(c[3].lineno, 7);
    assert_int_equal(c[3].col_offset, 4);
    assert_non_null(r.src.text);
    assert_int_equal((int)r.src.len, (int)strlen(src));
    arena_free(r.a);
}

static void test_comments_after_syntax_error(void **state)
{
    (void)state;
    arena *a = arena_new();
    syntax_error err;
    py_file f;
    const char *src = "# top\nx = (\n";
    assert_null(py_parse_file(a, src, strlen(src), &err, &f));
    assert_non_null(f.text);
    assert_int_equal(f.ncomments, 1);
    /* undecodable input: no text at all */
    const char bad[] = "# coding: no-such-codec\nx = 1\n";
    assert_null(py_parse_file(a, bad, strlen(bad), &err, &f));
    assert_null(f.text);
    arena_free(a);
}

static void test_comments_crlf_and_cr(void **state)
{
    (void)state;
    run r;
    run_source(&r, "a = 1 # x\r\nb = 2 # y\rc = 3\n", 0);
    assert_int_equal(r.src.ncomments, 2);
    assert_int_equal(r.src.comments[1].lineno, 2);
    assert_int_equal((int)r.src.comments[0].len, 3);
    arena_free(r.a);
}

/* ---- dispatch ---- */

static void test_call_dispatch(void **state)
{
    (void)state;
    expect_findings("exec('x')\n", "1:0:KR102");
    expect_findings("import builtins\nbuiltins.exec('x')\n", "2:0:KR102");
    /* A module-level alias is reported too (REF row): other files may call it. */
    expect_findings("e = exec\ne('x')\n", "1:4:KR102 2:0:KR102");
    expect_findings("def f():\n    e = exec\n    e('x')\n", "3:4:KR102");
    expect_findings("def exec(s): pass\nexec('x')\n", "");
    expect_findings("def f(exec):\n    exec('x')\n", "");
    expect_findings("obj.exec('x')\n", "");
    expect_findings("x = [exec(a) for a in b]; exec(c)\n", "1:5:KR102 1:26:KR102");
}

static void test_sorted(void **state)
{
    (void)state;
    /* the walk meets the decorator after the body; output is by position */
    expect_findings("@exec('d')\ndef f():\n    exec('b')\n", "1:1:KR102 3:4:KR102");
}

/* The findings of rule r only, as "line:col ..." */
static void findings_of_rule(const char *src, int rule, char *out, size_t cap)
{
    run r;
    run_source(&r, src, 0);
    out[0] = '\0';
    for (int i = 0; i < r.res.nfindings; i++) {
        const finding *f = &r.res.findings[i];
        size_t n = strlen(out);
        if (f->rule == rule)
            snprintf(out + n, cap - n, "%s%d:%d", n ? " " : "", f->line, f->col);
    }
    arena_free(r.a);
}

/* An IMPORT row whose check is `always` and whose module has (or has no)
 * dot: the test works on whatever the catalogue holds. */
static const rule_row *unconditional_import_row(int dotted)
{
    int n;
    const rule_row *rows = registry_all_rows(&n);
    for (int i = 0; i < n; i++)
        if (rows[i].kind < 0 && rows[i].check == always && rows[i].pattern &&
            !strchr(rows[i].pattern, '*') && !registry_calls(rows[i].pattern, &(int){0}) &&
            (strchr(rows[i].pattern, '.') != NULL) == dotted) {
            int m;
            const rule_row *imp = registry_imports(rows[i].pattern, rows[i].len, &m);
            for (int k = 0; k < m; k++)
                if (imp[k].rule == rows[i].rule)
                    return &imp[k];
        }
    return NULL;
}

static void expect_rule_at(const char *fmt, const rule_row *row, const char *want)
{
    char src[512], got[256];
    const char *p = row->pattern;
    snprintf(src, sizeof src, fmt, p, p, p);
    findings_of_rule(src, row->rule, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("%s: source:\n%s\nwant: %s\ngot:  %s", rule_catalogue[row->rule].id, src, want,
                 got);
}

static void test_import_dispatch(void **state)
{
    (void)state;
    const rule_row *row = unconditional_import_row(0);
    if (!row)
        skip();
    /* reported at the alias that imports it */
    expect_rule_at("import %s\n", row, "1:7");
    expect_rule_at("import os\nimport %s as m\n", row, "2:7");
    expect_rule_at("import %s.sub\n", row, "1:7");
    char want[32];
    snprintf(want, sizeof want, "1:%d", (int)(5 + row->len + 8));
    expect_rule_at("from %s import thing\n", row, want);
    snprintf(want, sizeof want, "1:%d", (int)(5 + row->len + 4 + 8));
    expect_rule_at("from %s.sub import thing\n", row, want);
    expect_rule_at("def f():\n    import %s\n", row, "2:11");
    expect_rule_at("m = __import__('%s')\n", row, "1:4");
    expect_rule_at("import os, %s\n", row, "1:11");
    expect_rule_at("import %s, %s.sub\n", row, "1:7"); /* one per statement: the first */
    expect_rule_at("import %sx\nimport x%s\n", row, "");   /* a dotted prefix, not a string one */
    expect_rule_at("x = '%s'\n", row, "");
}

static void test_import_dispatch_dotted(void **state)
{
    (void)state;
    const rule_row *row = unconditional_import_row(1);
    if (!row)
        skip();
    const char *dot = strrchr(row->pattern, '.');
    char fmt[256];
    expect_rule_at("import %s\n", row, "1:7");
    /* `from a.b import c` imports module a.b.c too, at the alias */
    int parent = (int)(dot - row->pattern);
    snprintf(fmt, sizeof fmt, "from %.*s import %s\n", parent, row->pattern, dot + 1);
    char src[512], got[256], want[32];
    snprintf(src, sizeof src, "%s", fmt);
    findings_of_rule(src, row->rule, got, sizeof got);
    snprintf(want, sizeof want, "1:%d", 5 + parent + 8);
    assert_string_equal(got, want);
    /* the parent package alone is not the module */
    snprintf(src, sizeof src, "import %.*s\n", (int)(dot - row->pattern), row->pattern);
    findings_of_rule(src, row->rule, got, sizeof got);
    assert_string_equal(got, "");
}

/* ---- helpers for checks ---- */

/* The first statement's expression, which the snippets make a call. */
static const ast_node *call_of(arena *a, const char *src)
{
    syntax_error err;
    ast_node *mod = py_parse(a, src, strlen(src), &err);
    assert_non_null(mod);
    const ast_node *e = AST_SEQ_NODE(mod->v.Module.body, 0)->v.Expr.value;
    assert_int_equal(e->kind, AST_Call);
    return e;
}

static int const_int(const ast_node *n)
{
    assert_non_null(n);
    assert_int_equal(n->kind, AST_Constant);
    int64_t v;
    assert_true(ast_int_to_i64(&n->v.Constant.value, &v));
    return (int)v;
}

static void test_check_helpers(void **state)
{
    (void)state;
    arena *a = arena_new();
    const ast_node *c = call_of(a, "f(1, 2, k=3, shell=4)\n");
    assert_int_equal(const_int(rule_arg(c, 0)), 1);
    assert_int_equal(const_int(rule_arg(c, 1)), 2);
    assert_null(rule_arg(c, 2));
    assert_null(rule_arg(c, -1));
    assert_int_equal(const_int(rule_kwarg(c, "shell")), 4);
    assert_int_equal(const_int(rule_kwarg(c, "k")), 3);
    assert_null(rule_kwarg(c, "timeout"));
    assert_false(rule_has_star_args(c));

    /* after *args, where a positional lands is unknowable */
    c = call_of(a, "f(1, *rest, 3)\n");
    assert_int_equal(const_int(rule_arg(c, 0)), 1);
    assert_null(rule_arg(c, 1));
    assert_null(rule_arg(c, 2));
    assert_true(rule_has_star_args(c));

    /* a literal dict unpacked into the call counts as keywords */
    c = call_of(a, "f(x, **{'shell': 5, 'other': 6})\n");
    assert_int_equal(const_int(rule_kwarg(c, "shell")), 5);
    assert_null(rule_kwarg(c, "timeout"));
    assert_true(rule_has_star_args(c));
    c = call_of(a, "f(x, **opts)\n");
    assert_null(rule_kwarg(c, "shell"));
    assert_true(rule_has_star_args(c));

    /* not a call */
    assert_null(rule_kwarg(NULL, "shell"));
    assert_null(rule_arg(NULL, 0));
    arena_free(a);
}

/* ---- suppression ---- */

static void test_nosec_forms(void **state)
{
    (void)state;
    expect_findings("exec('x')  # nosec\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  #nosec\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # NOSEC\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec B102\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec: B102\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec B602, B102\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec KR102\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec S102\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec exec-call\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec B602\n", "1:0:KR102");
    expect_findings("exec('x')  # nosec this is reviewed\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosecurity\n", "1:0:KR102");
    expect_findings("exec('x')  # reviewed # nosec\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec [B602]\n", "1:0:KR102");
    expect_findings("exec('x')  # nosec[B102]\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec - reviewed\n", "1:0:KR102:nosec");
    expect_findings("exec('x')  # nosec B602 because reviewed\n", "1:0:KR102");
}

static void test_noqa_forms(void **state)
{
    (void)state;
    expect_findings("exec('x')  # noqa\n", "1:0:KR102:noqa");
    expect_findings("exec('x')  # noqa: S102\n", "1:0:KR102:noqa");
    expect_findings("exec('x')  # noqa:S102,E501\n", "1:0:KR102:noqa");
    expect_findings("exec('x')  # noqa: KR102\n", "1:0:KR102:noqa");
    expect_findings("exec('x')  # noqa: E501\n", "1:0:KR102");
    expect_findings("exec('x')  # noqa: S602\n", "1:0:KR102");
}

static void test_krait_forms(void **state)
{
    (void)state;
    expect_findings("exec('x')  # krait: ignore\n", "1:0:KR102:krait");
    expect_findings("exec('x')  # krait: ignore[KR102]\n", "1:0:KR102:krait");
    expect_findings("exec('x')  # krait:ignore[b102, KR602]\n", "1:0:KR102:krait");
    expect_findings("exec('x')  # krait: ignore[KR602]\n", "1:0:KR102");
    expect_findings("exec('x')  # krait: ignored\n", "1:0:KR102");
}

static void test_multiline_statement(void **state)
{
    (void)state;
    expect_findings("exec(  # nosec\n    'x')\n", "1:0:KR102:nosec");
    expect_findings("exec(\n    'x')  # nosec\n", "1:0:KR102:nosec");
    expect_findings("y = [\n    1,\n    exec('x'),\n]  # nosec\n", "3:4:KR102:nosec");
    /* the next statement's comment does not count */
    expect_findings("exec('x')\ny = 1  # nosec\n", "1:0:KR102");
    expect_findings("# nosec\nexec('x')\n", "2:0:KR102");
}

static void test_compound_header(void **state)
{
    (void)state;
    /* a comment on the header silences the header, not the body */
    expect_findings("if exec('a'):  # nosec\n    exec('b')\n", "1:3:KR102:nosec 2:4:KR102");
    expect_findings("if (exec('a') and\n        x):  # nosec\n    exec('b')\n",
                    "1:4:KR102:nosec 3:4:KR102");
    expect_findings("if x:  # nosec\n    exec('b')\n", "2:4:KR102");
    expect_findings("for i in exec('a'):  # nosec\n    exec('b')\nelse:\n    exec('c')\n",
                    "1:9:KR102:nosec 2:4:KR102 4:4:KR102");
    expect_findings("@exec('d')  # nosec\ndef f(a=exec('e')):\n    exec('b')\n",
                    "1:1:KR102:nosec 2:8:KR102:nosec 3:4:KR102");
    expect_findings("with exec('a') as f:\n    exec('b')  # nosec\n", "1:5:KR102 2:4:KR102:nosec");
    expect_findings("try:\n    pass\nexcept exec('a'):  # nosec\n    exec('b')\n",
                    "3:7:KR102:nosec 4:4:KR102");
    /* a comment with ':' between the header and its colon */
    expect_findings("if (exec('a')  # a: b\n    ):  # nosec\n    exec('b')\n",
                    "1:4:KR102:nosec 3:4:KR102");
    expect_findings("if x: exec('a')  # nosec\n", "1:6:KR102:nosec");
}

static void test_unknown_ids(void **state)
{
    (void)state;
    run r;
    run_source(&r, "exec('x')  # nosec B999\nexec('y')  # krait: ignore[KR102, nope-rule]\n", 0);
    assert_int_equal(r.res.nfindings, 2);
    assert_int_equal(r.res.findings[0].suppressed, SUPPRESSED_NOT); /* never a blanket */
    assert_int_equal(r.res.findings[1].suppressed, SUPPRESSED_KRAIT);
    assert_int_equal(r.res.nnotes, 2);
    assert_int_equal(r.res.notes[0].line, 1);
    assert_string_equal(r.res.notes[0].message, "unknown rule 'B999' in suppression comment");
    assert_int_equal(r.res.notes[1].line, 2);
    assert_string_equal(r.res.notes[1].message,
                        "unknown rule 'nope-rule' in suppression comment");
    arena_free(r.a);
    /* other linters' noqa codes are theirs: no note */
    run_source(&r, "x = 1  # noqa: E501, B006\n", 0);
    assert_int_equal(r.res.nnotes, 0);
    arena_free(r.a);
    run_source(&r, "x = 1  # noqa: S999\n", 0);
    assert_int_equal(r.res.nnotes, 1);
    arena_free(r.a);
}

static void test_ignore_suppressions(void **state)
{
    (void)state;
    run r;
    run_source(&r, "exec('x')  # nosec\n", 1);
    assert_int_equal(r.res.nfindings, 1);
    assert_int_equal(r.res.findings[0].suppressed, SUPPRESSED_NOT);
    arena_free(r.a);
}

static void test_disabled_rule(void **state)
{
    (void)state;
    arena *a = arena_new();
    syntax_error err;
    py_file f;
    const char *src = "exec('x')\n";
    ast_node *mod = py_parse_file(a, src, strlen(src), &err, &f);
    rules_config cfg;
    rules_config_default(&cfg);
    cfg.enabled[rules_find("KR102")] = 0;
    file_result res;
    rules_run(&cfg, a, "t.py", &f, mod, NULL, 0, &res);
    assert_int_equal(res.nfindings, 0);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_comments_recorded),
        cmocka_unit_test(test_comments_after_syntax_error),
        cmocka_unit_test(test_comments_crlf_and_cr),
        cmocka_unit_test(test_call_dispatch),
        cmocka_unit_test(test_sorted),
        cmocka_unit_test(test_check_helpers),
        cmocka_unit_test(test_import_dispatch),
        cmocka_unit_test(test_import_dispatch_dotted),
        cmocka_unit_test(test_nosec_forms),
        cmocka_unit_test(test_noqa_forms),
        cmocka_unit_test(test_krait_forms),
        cmocka_unit_test(test_multiline_statement),
        cmocka_unit_test(test_compound_header),
        cmocka_unit_test(test_unknown_ids),
        cmocka_unit_test(test_ignore_suppressions),
        cmocka_unit_test(test_disabled_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
