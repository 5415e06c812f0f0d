/* fuzz_scan.c - libFuzzer target: any bytes through the whole per-file scan
 * (parse with comments, semantic index, every rule, suppression comments).
 * A crash, leak, hang or sanitizer report is a bug; findings and syntax
 * errors are just answers. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "rules/engine.h"
#include "syntax/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rules_config cfg; /* every rule on */
    rules_config_default(&cfg);
    arena *a = arena_new();
    syntax_error err;
    py_file file;
    memset(&err, 0, sizeof err);
    ast_node *mod = py_parse_file(a, (const char *)data, size, &err, &file);
    if (mod) {
        file_result out;
        rules_run(&cfg, a, "fuzz.py", &file, mod, "pkg.fuzz", 0, &out);
        for (int i = 0; i < out.nfindings; i++)
            if (out.findings[i].line < 1 || !out.findings[i].message)
                __builtin_trap();
    }
    arena_free(a);
    return 0;
}
