/* fuzz_parse.c - libFuzzer target: any bytes through the tokenizer, parser
 * and dumper. A crash, leak, hang or sanitizer report is a bug; a syntax
 * error is just an answer. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "syntax/ast_dump.h"
#include "syntax/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    syntax_error err;
    memset(&err, 0, sizeof err);
    ast_node *mod = py_parse(a, (const char *)data, size, &err);
    if (mod) {
        buf out;
        buf_init(&out);
        ast_dump(&out, mod, a);
        buf_free(&out);
    } else {
        /* The CLI prints these; make sure they are sane. */
        if (!err.type || err.lineno < 0 || memchr(err.msg, '\0', sizeof err.msg) == NULL)
            __builtin_trap();
    }
    arena_free(a);
    return 0;
}
