/* parser.h - Python 3.14 source to AST, exactly as CPython's ast.parse. */
#ifndef KRAIT_PARSER_H
#define KRAIT_PARSER_H

#include <stddef.h>

#include "../base/arena.h"
#include "ast.h"
#include "diag.h"

/* Parse a file's raw bytes (any encoding PEP 263 allows) into a Module whose
 * nodes live in `a`. Returns NULL and fills *err on a syntax error, with the
 * message and location CPython 3.14 reports. Never aborts on bad input:
 * nesting deeper than the parser's limit is a syntax error too. */
ast_node *py_parse(arena *a, const char *bytes, size_t len, syntax_error *err);

/* A comment, as the tokenizer met it: its position and text from the '#'
 * to the end of the line (not included), in the decoded source. */
typedef struct py_comment {
    int lineno, col_offset;
    const char *text;
    size_t len;
} py_comment;

/* What the scanner needs besides the tree: the decoded source (UTF-8, '\n'
 * newlines, NUL-terminated) for snippets, and every comment in source
 * order, for suppression comments. */
typedef struct py_file {
    const char *text;
    size_t len;
    const py_comment *comments;
    int ncomments;
} py_file;

/* py_parse, also filling *file (arena memory). On a syntax error *file is
 * still filled as far as the source could be decoded (text NULL when it
 * could not be decoded at all). */
ast_node *py_parse_file(arena *a, const char *bytes, size_t len, syntax_error *err,
                        py_file *file);

#endif
