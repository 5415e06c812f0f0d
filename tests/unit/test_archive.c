/* test_archive.c - archives as scan inputs (src/scan/archive.h): archives
 * written here in memory with libarchive's own writer (nothing binary is
 * checked in), read back by discover_add_archive_memory; hostile names;
 * the list staying sorted when an archive is added after discovery; and
 * the scanner reading members from memory. */
#include <archive.h>
#include <archive_entry.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/rules.h"
#include "scan/archive.h"
#include "scan/scan.h"

typedef struct member_spec {
    const char *name;
    const char *data; /* NULL for a link */
    const char *link; /* symlink target */
} member_spec;

enum { GZIP, ZIP, BZIP2, XZ, ZSTD, PLAIN_TAR };

/* An archive of the members (a tar.gz, or the format `kind`), in a
 * malloc'd buffer. */
static char *make_archive(const member_spec *m, int n, int kind, size_t *len)
{
    size_t cap = 1 << 20;
    char *out = malloc(cap);
    assert_non_null(out);
    struct archive *a = archive_write_new();
    if (kind == ZIP) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        int rc = kind == GZIP    ? archive_write_add_filter_gzip(a)
                 : kind == BZIP2 ? archive_write_add_filter_bzip2(a)
                 : kind == XZ    ? archive_write_add_filter_xz(a)
                 : kind == ZSTD  ? archive_write_add_filter_zstd(a)
                                 : ARCHIVE_OK;
        assert_int_equal(rc, ARCHIVE_OK);
    }
    assert_int_equal(archive_write_open_memory(a, out, cap, len), ARCHIVE_OK);
    for (int i = 0; i < n; i++) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m[i].name);
        archive_entry_set_perm(e, 0644);
        if (m[i].link) {
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_set_symlink(e, m[i].link);
            archive_entry_set_size(e, 0);
        } else {
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_size(e, (la_int64_t)strlen(m[i].data));
        }
        assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
        if (m[i].data)
            archive_write_data(a, m[i].data, strlen(m[i].data));
        archive_entry_free(e);
    }
    assert_int_equal(archive_write_close(a), ARCHIVE_OK);
    archive_write_free(a);
    return out;
}

static long find_path(const file_list *l, const char *path)
{
    for (size_t i = 0; i < l->npaths; i++)
        if (strcmp(l->paths[i], path) == 0)
            return (long)i;
    return -1;
}

static void test_hostile_names(void **state)
{
    (void)state;
    assert_true(archive_name_is_hostile("../x.py"));
    assert_true(archive_name_is_hostile("a/../../x.py"));
    assert_true(archive_name_is_hostile("a/.."));
    assert_true(archive_name_is_hostile("/etc/passwd"));
    assert_true(archive_name_is_hostile("C:/x.py"));
    assert_true(archive_name_is_hostile("c:x.py"));
    assert_true(archive_name_is_hostile("a\\b.py"));
    assert_false(archive_name_is_hostile("a/b.py"));
    assert_false(archive_name_is_hostile("a/..b/c.py"));
    assert_false(archive_name_is_hostile("..a.py"));
    assert_false(archive_name_is_hostile("pkg-1.0/setup.py"));
}

static void test_archive_names(void **state)
{
    (void)state;
    assert_true(discover_is_archive_name("pkg-1.0.tar.gz"));
    assert_true(discover_is_archive_name("x.WHL"));
    assert_true(discover_is_archive_name("a/b.tgz"));
    assert_true(discover_is_archive_name("x.egg"));
    assert_false(discover_is_archive_name("x.gz"));
    assert_false(discover_is_archive_name("x.py"));
    assert_false(discover_is_archive_name(".zip"));
}

static void test_members_in_memory(void **state)
{
    (void)state;
    const member_spec m[] = {
        {"./pkg-1.0/pkg/__init__.py", "import pickle\n", NULL},
        {"pkg-1.0/pkg/__pycache__/x.py", "x = 1\n", NULL},
        {"pkg-1.0/README", "not python\n", NULL},
        {"pkg-1.0/bin/tool", "#!/usr/bin/env python3\nprint(1)\n", NULL},
        {"pkg-1.0/data.txt", "text\n", NULL},
        {"pkg-1.0/pkg/mod.py", "from . import x\n", NULL},
        {"../up.py", "y = 2\n", NULL},
        {"pkg-1.0/pkg/ln.py", NULL, "/etc/passwd"},
    };
    size_t len;
    char *data = make_archive(m, 8, GZIP, &len);
    file_list l;
    memset(&l, 0, sizeof l);
    assert_int_equal(discover_add_archive_memory(&l, "p.tar.gz", data, len), 0);
    /* The caller's bytes may go at once: the members were copied. */
    memset(data, 0, len);
    free(data);
    assert_int_equal(l.nerrors, 0);
    const char *want[] = {"p.tar.gz!../up.py", "p.tar.gz!pkg-1.0/bin/tool",
                          "p.tar.gz!pkg-1.0/pkg/__init__.py", "p.tar.gz!pkg-1.0/pkg/ln.py",
                          "p.tar.gz!pkg-1.0/pkg/mod.py"};
    assert_int_equal(l.npaths, 5);
    for (int i = 0; i < 5; i++)
        assert_string_equal(l.paths[i], want[i]);
    assert_non_null(l.inputs);
    /* the hostile name: a finding and its code */
    assert_int_equal(l.inputs[0].nfindings, 1);
    assert_int_equal(l.inputs[0].findings[0].rule, RULE_KR1301);
    assert_memory_equal(l.inputs[0].data, "y = 2\n", 6);
    /* the link: a finding, no bytes */
    assert_null(l.inputs[3].data);
    assert_int_equal(l.inputs[3].findings[0].rule, RULE_KR1302);
    assert_non_null(strstr(l.inputs[3].findings[0].message, "/etc/passwd"));
    /* module names from the archive's own layout */
    assert_string_equal(l.inputs[4].module_name, "pkg.mod");
    assert_true(l.inputs[2].is_package);
    assert_string_equal(l.inputs[2].module_name, "pkg");
    file_list_free(&l);
}

/* The scanner reads members from memory, findings and all. */
static void test_scan_members(void **state)
{
    (void)state;
    const member_spec m[] = {
        {"a/x.py", "import pickle\npickle.loads(b)\n", NULL},
        {"a/x.py", "import os\n", NULL},
        {"a/bad.py", "def (:\n", NULL},
    };
    size_t len;
    char *data = make_archive(m, 3, ZIP, &len);
    file_list l;
    memset(&l, 0, sizeof l);
    assert_int_equal(discover_add_archive_memory(&l, "d.zip", data, len), 0);
    free(data);
    rules_config cfg;
    rules_config_default(&cfg);
    scan_options opt = {.rules = &cfg, .max_file_size = 1 << 20, .jobs = 2,
                        .inputs = l.inputs};
    scan_result r;
    assert_int_equal(scan_files(&opt, l.paths, l.npaths, &r), 0);
    assert_int_equal(r.nfiles, 2);
    assert_string_equal(r.files[0].path, "d.zip!a/bad.py");
    assert_true(r.files[0].failed);
    assert_int_equal(r.files[0].error.line, 1);
    assert_string_equal(r.files[1].path, "d.zip!a/x.py");
    /* the last copy is scanned: `import os`, and the duplicate noted */
    assert_true(r.files[1].scanned);
    assert_int_equal(r.files[1].nfindings, 1);
    assert_int_equal(r.files[1].findings[0].rule, RULE_KR1304);
    assert_int_equal(r.files[1].findings[0].line, 1);
    scan_result_free(&r);
    file_list_free(&l);
}

/* An archive added to a list that discovery already sorted keeps it
 * sorted, and a second copy of it adds nothing. */
static void test_added_after_discovery(void **state)
{
    (void)state;
    const member_spec m[] = {{"b.py", "x = 1\n", NULL}, {"a.py", "x = 2\n", NULL}};
    size_t len;
    char *data = make_archive(m, 2, GZIP, &len);
    file_list l;
    discover_options opt = {0};
    const char *args[] = {"-"};
    assert_int_equal(discover_files(&opt, args, 1, &l), 0);
    assert_int_equal(discover_add_archive_memory(&l, "z.tar.gz", data, len), 0);
    assert_int_equal(discover_add_archive_memory(&l, "a.tar.gz", data, len), 0);
    assert_int_equal(discover_add_archive_memory(&l, "a.tar.gz", data, len), 0);
    free(data);
    assert_int_equal(l.npaths, 5);
    assert_string_equal(l.paths[0], SCAN_STDIN_PATH);
    assert_string_equal(l.paths[1], "a.tar.gz!a.py");
    assert_string_equal(l.paths[4], "z.tar.gz!b.py");
    assert_false(l.inputs[0].in_memory);
    assert_memory_equal(l.inputs[1].data, "x = 2\n", 6);
    assert_true(find_path(&l, "z.tar.gz!a.py") == 3);
    file_list_free(&l);
}

/* Every compression krait reads, recognised from the bytes whatever the
 * display name says. */
static void test_filters(void **state)
{
    (void)state;
    const member_spec m[] = {{"p/x.py", "x = 1\n", NULL}};
    for (int kind = GZIP; kind <= PLAIN_TAR; kind++) {
        size_t len;
        char *data = make_archive(m, 1, kind, &len);
        file_list l;
        memset(&l, 0, sizeof l);
        assert_int_equal(discover_add_archive_memory(&l, "any.name", data, len), 0);
        free(data);
        assert_int_equal(l.nerrors, 0);
        assert_int_equal(l.npaths, 1);
        assert_string_equal(l.paths[0], "any.name!p/x.py");
        assert_memory_equal(l.inputs[0].data, "x = 1\n", 6);
        file_list_free(&l);
    }
}

static void test_garbage(void **state)
{
    (void)state;
    file_list l;
    memset(&l, 0, sizeof l);
    assert_int_equal(discover_add_archive_memory(&l, "x.zip", "PK\3\4garbage", 11), 0);
    assert_int_equal(discover_add_archive_memory(&l, "e.tar", "", 0), 0);
    assert_int_equal(l.npaths, 0);
    assert_true(l.nerrors >= 1);
    for (size_t i = 0; i < l.nerrors; i++)
        assert_non_null(strstr(l.errors[i].message, "archive"));
    file_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_names),
        cmocka_unit_test(test_archive_names),
        cmocka_unit_test(test_members_in_memory),
        cmocka_unit_test(test_scan_members),
        cmocka_unit_test(test_added_after_discovery),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
