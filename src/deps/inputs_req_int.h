/* inputs_req_int.h - one logical line of a requirements file
 * (inputs_req_line.c), for the file reader (inputs_requirements.c). */
#ifndef KRAIT_INPUTS_REQ_INT_H
#define KRAIT_INPUTS_REQ_INT_H

#include "deps/inputs_int.h"

enum { REQ_MAX_INCLUDES = 8 };

typedef struct req_line {
    deps_set *s;
    const char *path;
    int line;
    deps_kind kind;
    /* out: -r/-c targets as written, for the reader to follow */
    struct {
        const char *target;
        bool constraint;
    } includes[REQ_MAX_INCLUDES];
    size_t nincludes;
    size_t added; /* records added */
} req_line;

/* Handle one comment-free, stripped logical line (NUL-terminated at len):
 * records, errors, notes.
 * False when the line was refused (an error is recorded). */
bool req_line_parse(req_line *rl, const char *text, size_t len);

#endif
