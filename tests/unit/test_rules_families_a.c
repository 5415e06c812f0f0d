/* test_rules_families_a.c - the helpers in src/rules/common.c and the
 * severities the exec/process/deserialize/crypto checks choose per
 * finding (the fixtures under tests/cases/ check which rule fires on which
 * line, not the severity: Bandit parity lives here). Each case parses a
 * snippet, finds the first Call on a line, and runs one check on it as the
 * engine would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "rules/common.h"
#include "semantic/semantic.h"
#include "syntax/ast_walk.h"
#include "syntax/parser.h"

rule_check proc_shell_true, proc_shell_call, proc_no_shell_dynamic, proc_wildcard,
    proc_partial_path, deser_yaml_load, deser_hf_unpinned, crypto_hashlib_weak,
    crypto_crypt_weak, crypto_weak_key, crypto_random_call;

typedef struct fx {
    arena *a;
    ast_node *mod;
    sem_index *ix;
    const char *src;
} fx;

static fx parse(const char *src)
{
    fx f;
    f.a = arena_new();
    f.src = src;
    syntax_error err;
    memset(&err, 0, sizeof err);
    f.mod = py_parse(f.a, src, strlen(src), &err);
    assert_non_null(f.mod);
    f.ix = sem_build(f.a, f.mod, NULL, 0);
    assert_non_null(f.ix);
    return f;
}

typedef struct find {
    int line;
    const ast_node *found;
} find;

static ast_walk_action find_visit(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    find *q = ctx;
    if (enter && n->kind == AST_Call && n->lineno == q->line) {
        q->found = n;
        return AST_WALK_STOP;
    }
    return AST_WALK_CONTINUE;
}

static const ast_node *call_at(const fx *f, int line)
{
    find q = {line, NULL};
    ast_walk(f->mod, find_visit, &q);
    assert_non_null(q.found);
    return q.found;
}

static rule_ctx ctx_for(const fx *f, const ast_node *call)
{
    rule_ctx cx = {.sem = f->ix, .a = f->a, .path = "t.py", .source = f->src,
                   .source_len = strlen(f->src),
                   .qualname = sem_qualname(f->ix, call->v.Call.func), .module = f->mod};
    return cx;
}

/* Runs `check` on the first call of `line`; returns whether it reports and
 * fills *hit as the engine would see it. */
static int run_check(const fx *f, int line, rule_check *check, rule_hit *hit)
{
    const ast_node *call = call_at(f, line);
    rule_ctx cx = ctx_for(f, call);
    memset(hit, 0, sizeof *hit);
    return check(&cx, call, hit);
}

static void test_name_helpers(void **state)
{
    (void)state;
    assert_string_equal(rc_last("yaml.SafeLoader"), "SafeLoader");
    assert_string_equal(rc_last("eval"), "eval");
    assert_null(rc_last(NULL));
    assert_true(rc_ends_with("Crypto.Cipher.AES.new", "new"));
    assert_false(rc_ends_with("Crypto.Cipher.AES.renew", "new"));
    assert_true(rc_ends_with("new", "new"));
    assert_true(rc_under("paramiko.client.SSHClient", "paramiko"));
    assert_true(rc_under("paramiko", "paramiko"));
    assert_false(rc_under("paramikox.y", "paramiko"));
    assert_false(rc_under(NULL, "paramiko"));
}

static void test_command_text(void **state)
{
    (void)state;
    fx f = parse("import subprocess\n"
                 "BASE = 'tar'\n"
                 "subprocess.run([BASE, 'cf', 'x.tar', '*'], shell=True)\n"
                 "subprocess.run(['ls', user])\n"
                 "subprocess.run(args='ls -l')\n");
    const ast_node *c3 = call_at(&f, 3), *c4 = call_at(&f, 4), *c5 = call_at(&f, 5);
    rule_ctx cx = ctx_for(&f, c3);
    assert_string_equal(rc_command_text(&cx, rc_param(c3, 0, "args")), "tar cf x.tar *");
    assert_true(rc_is_str_seq(&cx, rc_param(c3, 0, "args")));
    assert_null(rc_command_text(&cx, rc_param(c4, 0, "args")));
    assert_string_equal(rc_command_text(&cx, rc_param(c5, 0, "args")), "ls -l");
    assert_int_equal(rc_kw_truthy(&cx, c3, "shell", 0), 1);
    assert_int_equal(rc_kw_truthy(&cx, c4, "shell", 0), 0);
    assert_true(rc_imports(&cx, "subprocess"));
    assert_false(rc_imports(&cx, "sub"));
    arena_free(f.a);
}

static void test_process_severities(void **state)
{
    (void)state;
    fx f = parse("import os, subprocess, shlex\n"
                 "subprocess.run('ls -l', shell=True)\n"
                 "subprocess.run(cmd, shell=True)\n"
                 "subprocess.run(f'ls {shlex.quote(p)}', shell=True)\n"
                 "os.system('date')\n"
                 "os.system(cmd)\n"
                 "subprocess.run(['/bin/ls', p])\n"
                 "os.system('chmod 755 *')\n"
                 "os.system('restart *')\n"
                 "subprocess.run(['/usr/bin/env', 'x'])\n");
    rule_hit hit;
    assert_true(run_check(&f, 2, proc_shell_true, &hit));
    assert_int_equal(hit.severity, LOW); /* B602 L/H on a literal */
    assert_true(run_check(&f, 3, proc_shell_true, &hit));
    assert_int_equal(hit.severity, 0); /* the row's H/H */
    assert_true(run_check(&f, 4, proc_shell_true, &hit));
    assert_int_equal(hit.severity, LOW);
    assert_true(run_check(&f, 5, proc_shell_call, &hit));
    assert_int_equal(hit.severity, LOW); /* B605 L/H on a literal */
    assert_true(run_check(&f, 6, proc_shell_call, &hit));
    assert_int_equal(hit.severity, 0);
    assert_false(run_check(&f, 3, proc_no_shell_dynamic, &hit));
    assert_true(run_check(&f, 7, proc_no_shell_dynamic, &hit));
    assert_true(run_check(&f, 8, proc_wildcard, &hit));
    assert_false(run_check(&f, 9, proc_wildcard, &hit));
    assert_true(run_check(&f, 8, proc_partial_path, &hit));
    assert_string_equal(hit.message, "Process started with a partial executable path: chmod");
    assert_false(run_check(&f, 10, proc_partial_path, &hit));
    arena_free(f.a);
}

static void test_deserialize_levels(void **state)
{
    (void)state;
    fx f = parse("import yaml\n"
                 "from transformers import AutoModel\n"
                 "yaml.load(d, Loader=yaml.FullLoader)\n"
                 "yaml.load(d, Loader=custom)\n"
                 "yaml.load(d, yaml.CSafeLoader)\n"
                 "yaml.load(d)\n"
                 "AutoModel.from_pretrained('o/m', revision=rev)\n"
                 "AutoModel.from_pretrained('o/m', revision='0123456789abcdef')\n"
                 "AutoModel.from_config(c)\n");
    rule_hit hit;
    assert_true(run_check(&f, 3, deser_yaml_load, &hit));
    assert_int_equal(hit.severity, LOW);
    assert_true(run_check(&f, 4, deser_yaml_load, &hit));
    assert_int_equal(hit.confidence, MEDIUM);
    assert_false(run_check(&f, 5, deser_yaml_load, &hit));
    assert_true(run_check(&f, 6, deser_yaml_load, &hit));
    assert_int_equal(hit.severity, 0); /* B506 M/H */
    assert_true(run_check(&f, 7, deser_hf_unpinned, &hit));
    assert_int_equal(hit.confidence, LOW);
    assert_false(run_check(&f, 8, deser_hf_unpinned, &hit));
    assert_false(run_check(&f, 9, deser_hf_unpinned, &hit));
    arena_free(f.a);
}

static void test_crypto_levels(void **state)
{
    (void)state;
    fx f = parse("import crypt, hashlib, random, string\n"
                 "from cryptography.hazmat.primitives.asymmetric import rsa, ec\n"
                 "hashlib.new('MD4')\n"
                 "hashlib.md5(b, usedforsecurity=False)\n"
                 "crypt.crypt(w, crypt.METHOD_BLOWFISH)\n"
                 "rsa.generate_private_key(65537, 512)\n"
                 "rsa.generate_private_key(65537, 1536)\n"
                 "ec.generate_private_key(ec.SECT163K1())\n"
                 "random.choice(string.digits)\n"
                 "random.choice(players)\n");
    rule_hit hit;
    assert_true(run_check(&f, 3, crypto_hashlib_weak, &hit));
    assert_string_equal(hit.message,
                        "Use of weak MD4 hash for security; consider usedforsecurity=False");
    assert_false(run_check(&f, 4, crypto_hashlib_weak, &hit));
    assert_true(run_check(&f, 5, crypto_crypt_weak, &hit));
    assert_int_equal(hit.severity, MEDIUM); /* B324 M/H for crypt */
    assert_true(run_check(&f, 6, crypto_weak_key, &hit));
    assert_int_equal(hit.severity, HIGH); /* B505: < 1024 */
    assert_true(run_check(&f, 7, crypto_weak_key, &hit));
    assert_int_equal(hit.severity, MEDIUM); /* < 2048 */
    assert_true(run_check(&f, 8, crypto_weak_key, &hit));
    assert_int_equal(hit.severity, MEDIUM); /* 163-bit curve: < 224 */
    assert_true(run_check(&f, 9, crypto_random_call, &hit));
    assert_int_equal(hit.severity, MEDIUM); /* a token alphabet */
    assert_true(run_check(&f, 10, crypto_random_call, &hit));
    assert_int_equal(hit.severity, 0); /* B311 L/H */
    arena_free(f.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_helpers),
        cmocka_unit_test(test_command_text),
        cmocka_unit_test(test_process_severities),
        cmocka_unit_test(test_deserialize_levels),
        cmocka_unit_test(test_crypto_levels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
