/* fuzz_archive.c - libFuzzer target: any bytes as an archive held in memory
 * (src/scan/archive.h: tar, zip, gzip/bzip2/xz/zstd, nested archives) with
 * small limits so bombs stop quickly, the inputs it yields scanned like
 * `krait scan` does (rules, notebooks cut into cells); and the same bytes
 * as a notebook (src/scan/notebook.h) parsed as Python. Besides crashes,
 * leaks, hangs and sanitizer reports, these properties trap:
 *   - the list stays sorted and without duplicates;
 *   - every path of an archive starts with its display name and '!';
 *   - a notebook's cells lie inside its text, in order, without overlap. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rules/engine.h"
#include "scan/archive.h"
#include "scan/notebook.h"
#include "scan/scan.h"
#include "syntax/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_list(const file_list *l)
{
    for (size_t i = 0; i < l->npaths; i++) {
        if (strncmp(l->paths[i], "f.tar.gz!", 9) != 0 && strcmp(l->paths[i], "f.tar.gz") != 0)
            __builtin_trap();
        if (i > 0 && strcmp(l->paths[i - 1], l->paths[i]) >= 0)
            __builtin_trap();
    }
}

static void scan_list(const file_list *l)
{
    rules_config cfg;
    rules_config_default(&cfg);
    scan_options opt = {.rules = &cfg, .max_file_size = 1 << 20, .jobs = 1,
                        .inputs = l->inputs};
    scan_result r;
    if (scan_files(&opt, l->paths, l->npaths, &r) == 0)
        scan_result_free(&r);
}

static void as_notebook(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    notebook nb;
    char msg[200];
    if (notebook_to_python(a, (const char *)data, size, &nb, msg, sizeof msg) == 0) {
        int next = 2; /* line 1 is "# coding: utf-8" */
        long lines = 0;
        for (size_t i = 0; i < nb.len; i++)
            lines += nb.text[i] == '\n';
        for (int i = 0; i < nb.ncells; i++) {
            if (nb.cells[i].first_line != next || nb.cells[i].nlines < 0)
                __builtin_trap();
            next += nb.cells[i].nlines;
        }
        if (next - 1 != lines)
            __builtin_trap();
        syntax_error err;
        py_file src;
        memset(&err, 0, sizeof err);
        py_parse_file(a, nb.text, nb.len, &err, &src);
    }
    arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archive_limits lim;
    archive_limits_default(&lim);
    lim.max_total = 8 << 20;
    lim.max_members = 2000;
    lim.max_member = 1 << 20;
    discover_options opt = {0};
    opt.limits = &lim;
    file_list l;
    memset(&l, 0, sizeof l);
    if (discover_add_archive_memory_opt(&l, "f.tar.gz", data, size, &opt) == 0) {
        check_list(&l);
        scan_list(&l);
    }
    file_list_free(&l);
    as_notebook(data, size);
    return 0;
}
