/* decode.h - a Python source file's bytes to the UTF-8 text the tokenizer
 * reads, by CPython's rules (the string path of compile(): null bytes,
 * universal newlines, BOM, PEP 263 declaration, then decoding or UTF-8
 * validation of the whole file before any token is made). */
#ifndef KRAIT_DECODE_H
#define KRAIT_DECODE_H

#include <stddef.h>

#include "../base/arena.h"
#include "diag.h"

typedef struct src_text {
    /* UTF-8, '\n' line ends only, ending in '\n' unless empty, and
     * NUL-terminated (text[len] == 0); no NUL before that. */
    const char *text;
    size_t len;
} src_text;

/* Returns 0 on success; -1 with *err filled as CPython reports the problem
 * (null bytes, unknown encoding, undecodable bytes, BOM conflict). */
int src_decode(arena *a, const char *bytes, size_t len, src_text *out, syntax_error *err);

#endif
