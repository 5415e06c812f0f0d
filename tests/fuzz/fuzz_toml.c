/* fuzz_toml.c - libFuzzer target: any bytes through the TOML reader
 * (src/deps/toml.h), then a walk of the whole tree checking what the API
 * promises: every value has a position, strings are NUL-terminated at their
 * length, and every key of every table is found again by lookup (the hash
 * and the document order agree). A crash, leak, hang, sanitizer report or
 * broken promise is a bug; a syntax error is just an answer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "deps/toml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

static void check_value(const toml_value *v)
{
    check(toml_line(v) >= 1 && toml_column(v) >= 1);
    size_t len;
    const char *s = toml_as_string(v, &len);
    if (s)
        check(s[len] == '\0');
    if (toml_type_of(v) >= TOML_DATETIME)
        check(toml_as_datetime(v) != NULL);
}

/* Iterative, with a heap stack: dotted keys nest tables without bound. */
static void walk(const toml_value *root)
{
    size_t cap = 64, n = 0;
    const toml_value **stack = malloc(cap * sizeof *stack);
    stack[n++] = root;
    while (n) {
        const toml_value *v = stack[--n];
        check_value(v);
        size_t count = toml_len(v);
        for (size_t i = 0; i < count; i++) {
            const toml_value *child;
            if (toml_type_of(v) == TOML_TABLE) {
                size_t klen;
                const char *key = toml_key_at(v, i, &klen);
                child = toml_value_at(v, i);
                check(key && key[klen] == '\0' && toml_getn(v, key, klen) == child);
            } else {
                child = toml_at(v, i);
            }
            if (n == cap)
                stack = realloc(stack, (cap *= 2) * sizeof *stack);
            stack[n++] = child;
        }
    }
    free(stack);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    toml_error err;
    const toml_value *root = toml_parse(a, (const char *)data, size, &err);
    if (root) {
        walk(root);
        toml_get_path(root, "tool.poetry.dependencies");
        toml_get_path(root, "a.\"b\".'c'");
    } else {
        check(err.line >= 1 && err.column >= 1 && err.message[0]);
    }
    arena_free(a);
    return 0;
}
