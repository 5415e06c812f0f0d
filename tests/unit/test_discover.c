/* test_discover.c - the file walk of `krait scan` on a temporary tree:
 * which files are picked, which directories are skipped, symlinks (files,
 * directories, loops, dangling), sorting and deduplication; and module
 * names from the package layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "scan/discover.h"
#include "scan/scan.h"

static char root[256];

static void put(const char *rel, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static void dir(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(mkdir(path, 0777), 0);
}

static void link_(const char *target, const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(symlink(target, path), 0);
}

/* The tree every test walks. */
static int make_tree(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/krait-discover-XXXXXX");
    assert_non_null(mkdtemp(root));
    put("a.py", "x = 1\n");
    put("b.pyw", "x = 1\n");
    put("c.txt", "not python\n");
    put("script", "#!/usr/bin/env python3\nprint(1)\n");
    put("tool", "#!/usr/bin/python2.7 -u\n");
    put("shell", "#!/bin/sh\necho\n");
    put("README", "python is mentioned, but not in a shebang\n");
    put("setup.cfg", "#!/usr/bin/python\n"); /* has an extension: not looked at */
    const char *skipped[] = {".git", ".hg", ".svn", "__pycache__", ".tox", ".nox",
                             "node_modules", "pkg.egg-info"};
    for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++) {
        char rel[64];
        dir(skipped[i]);
        snprintf(rel, sizeof rel, "%s/x.py", skipped[i]);
        put(rel, "x = 1\n");
    }
    dir("myenv");
    put("myenv/pyvenv.cfg", "home = /usr/bin\n");
    dir("myenv/lib");
    put("myenv/lib/site.py", "x = 1\n");
    dir("sub");
    put("sub/d.py", "x = 1\n");
    put("sub/e.pyi", "x: int\n");
    put("sub/test_g.py", "x = 1\n");
    link_("..", "sub/up");          /* a loop: sub/up is root again */
    link_("../a.py", "sub/a_link.py"); /* a symlinked file is followed */
    link_("nowhere.py", "sub/dangling.py");
    link_("nowhere", "sub/dangling_other");
    dir("other");
    put("other/h.py", "x = 1\n");
    link_("../other", "sub/other_link"); /* a symlinked directory is walked */
    dir("generated");
    put("generated/gen.py", "x = 1\n");
    return 0;
}

static int remove_tree(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    return 0;
}

/* Paths joined by newlines, with the root replaced by "R". */
static char *render(const char *const *paths, size_t n, const scan_error *errors, size_t ne)
{
    buf b;
    buf_init(&b);
    size_t rl = strlen(root);
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%s\n", strncmp(paths[i], root, rl) == 0 ? "R" : "",
                   paths[i] + (strncmp(paths[i], root, rl) == 0 ? rl : 0));
    for (size_t i = 0; i < ne; i++)
        buf_printf(&b, "error %s%s: %s\n", strncmp(errors[i].path, root, rl) == 0 ? "R" : "",
                   errors[i].path + (strncmp(errors[i].path, root, rl) == 0 ? rl : 0),
                   errors[i].message);
    return b.data ? b.data : calloc(1, 1);
}

static void check_walk(const discover_options *opt, const char *const *args, int nargs,
                       const char *want)
{
    file_list l;
    assert_int_equal(discover_files(opt, args, nargs, &l), 0);
    char *got = render(l.paths, l.npaths, l.errors, l.nerrors);
    assert_string_equal(got, want);
    free(got);
    file_list_free(&l);
}

static void test_walk_default(void **state)
{
    (void)state;
    discover_options opt = {0};
    const char *args[] = {root};
    check_walk(&opt, args, 1,
               "R/a.py\n"
               "R/b.pyw\n"
               "R/generated/gen.py\n"
               "R/other/h.py\n" /* also reached as sub/other_link/h.py: once */
               "R/script\n"      /* a.py is also sub/a_link.py: once */
               "R/sub/d.py\n"
               "R/sub/test_g.py\n"
               "R/tool\n"
               "error R/sub/dangling.py: No such file or directory\n"
               "error R/sub/up: symlink loop\n");
}

static void test_walk_exclude_include(void **state)
{
    (void)state;
    const char *ex[] = {"./generated/", "test_*.py", "sub/other_*"};
    const char *in[] = {"*.pyi"};
    discover_options opt = {ex, 3, in, 1, 0, NULL};
    const char *args[] = {root};
    check_walk(&opt, args, 1,
               "R/a.py\n"
               "R/b.pyw\n"
               "R/other/h.py\n"
               "R/script\n"
               "R/sub/d.py\n"
               "R/sub/e.pyi\n"
               "R/tool\n"
               "error R/sub/dangling.py: No such file or directory\n"
               "error R/sub/up: symlink loop\n");
}

/* A trailing slash is not doubled; relative patterns see paths below it. */
static void test_walk_trailing_slash(void **state)
{
    (void)state;
    char arg[300];
    snprintf(arg, sizeof arg, "%s/sub/", root);
    const char *ex[] = {"up", "dangling*", "other_link/*"};
    discover_options opt = {ex, 3, NULL, 0, 0, NULL};
    const char *args[] = {arg};
    check_walk(&opt, args, 1, "R/sub/a_link.py\nR/sub/d.py\nR/sub/test_g.py\n");
}

/* One file reached through several paths (a symlink, a directory and a file
 * inside it, "./" spellings) is listed once, under its smallest path. */
static void test_same_file_once(void **state)
{
    (void)state;
    char a[300], dot[300], link[300], sub[300];
    snprintf(a, sizeof a, "%s/a.py", root);
    snprintf(dot, sizeof dot, "%s/./a.py", root);
    snprintf(link, sizeof link, "%s/sub/a_link.py", root);
    snprintf(sub, sizeof sub, "%s/sub/d.py", root);
    discover_options opt = {0};
    const char *args[] = {link, dot, a, sub, sub};
    check_walk(&opt, args, 5, "R/./a.py\nR/sub/d.py\n");
}

/* Explicit files are taken whatever their name; arguments are merged,
 * sorted and deduplicated; a missing argument is an error; "-" is stdin;
 * an explicit virtualenv or skipped directory is walked. */
static void test_explicit_arguments(void **state)
{
    (void)state;
    char a[300], c[300], missing[300], env[300], git[300];
    snprintf(a, sizeof a, "%s/a.py", root);
    snprintf(c, sizeof c, "%s/c.txt", root);
    snprintf(missing, sizeof missing, "%s/missing.py", root);
    snprintf(env, sizeof env, "%s/myenv", root);
    snprintf(git, sizeof git, "%s/.git", root);
    discover_options opt = {0};
    const char *args[] = {c, a, "-", missing, a, env, git};
    check_walk(&opt, args, 7,
               "R/.git/x.py\n"
               "R/a.py\n"
               "R/c.txt\n"
               "R/myenv/lib/site.py\n"
               "<stdin>\n" /* byte order: '/' (root) < '<' */
               "error R/missing.py: No such file or directory\n");
}

static void test_shebang(void **state)
{
    (void)state;
    const char *yes[] = {"#!/usr/bin/env python3\n", "#!/usr/bin/python", "#! /opt/bin/python2 -u\n",
                         "#!/usr/bin/env -S python3 -X dev\n"};
    const char *no[] = {"#!/bin/sh\npython x.py\n", "# python\n", "", "#", "#!/usr/bin/pytho"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(discover_has_python_shebang(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(discover_has_python_shebang(no[i], strlen(no[i])));
}

static void test_skipped_dirs(void **state)
{
    (void)state;
    assert_true(discover_is_skipped_dir("__pycache__"));
    assert_true(discover_is_skipped_dir("krait.egg-info"));
    assert_false(discover_is_skipped_dir(".egg-info")); /* no name before it */
    assert_false(discover_is_skipped_dir("gitlab"));
    assert_false(discover_is_skipped_dir("venv")); /* only with pyvenv.cfg */
}

static void test_module_names(void **state)
{
    (void)state;
    dir("pkg");
    put("pkg/__init__.py", "");
    dir("pkg/sub");
    put("pkg/sub/__init__.py", "");
    put("pkg/sub/mod.py", "");
    dir("pkg/not-a-package");
    put("pkg/not-a-package/m.py", "");
    arena *a = arena_new();
    char p[400];
    int is_pkg;
    snprintf(p, sizeof p, "%s/pkg/sub/mod.py", root);
    assert_string_equal(scan_module_name(a, p, &is_pkg), "pkg.sub.mod");
    assert_int_equal(is_pkg, 0);
    snprintf(p, sizeof p, "%s/pkg/sub/__init__.py", root);
    assert_string_equal(scan_module_name(a, p, &is_pkg), "pkg.sub");
    assert_int_equal(is_pkg, 1);
    snprintf(p, sizeof p, "%s/pkg/not-a-package/m.py", root);
    assert_string_equal(scan_module_name(a, p, &is_pkg), "m");
    snprintf(p, sizeof p, "%s/script", root);
    assert_string_equal(scan_module_name(a, p, &is_pkg), "script");
    assert_null(scan_module_name(a, SCAN_STDIN_PATH, &is_pkg));
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_default),
        cmocka_unit_test(test_walk_exclude_include),
        cmocka_unit_test(test_walk_trailing_slash),
        cmocka_unit_test(test_explicit_arguments),
        cmocka_unit_test(test_same_file_once),
        cmocka_unit_test(test_shebang),
        cmocka_unit_test(test_skipped_dirs),
        cmocka_unit_test(test_module_names),
    };
    return cmocka_run_group_tests(tests, make_tree, remove_tree);
}
