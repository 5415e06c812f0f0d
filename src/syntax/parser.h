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

/* A SyntaxWarning CPython 3.14 emits while tokenizing and parsing (the
 * compiler's own warnings are src/metrics/warnings.c's): an invalid escape
 * sequence in a str/bytes literal or f-/t-string part, or a number directly
 * followed by a keyword (`1if x else y`). lineno is CPython's (the line of
 * the escape, not of the literal's start); col_offset is 0-based, in bytes,
 * at the backslash or the number, for sorting only (CPython reports no
 * column for these). The message is CPython's, word for word. */
typedef struct py_warning {
    int lineno, col_offset;
    const char *message;
} py_warning;

/* A string literal spanning lines (a whole f-/t-string counts as one):
 * from its start to its closing quote's line. */
typedef struct py_string_span {
    int lineno, col_offset, end_lineno;
} py_string_span;

/* What the scanner needs besides the tree: the decoded source (UTF-8, '\n'
 * newlines, NUL-terminated) for snippets, every comment in source order,
 * for suppression comments, the parser's warnings in the order CPython
 * emits them (each source position once), and the multi-line string
 * literals, for line counts. */
typedef struct py_file {
    const char *text;
    size_t len;
    const py_comment *comments;
    int ncomments;
    const py_warning *warnings;
    int nwarnings;
    const py_string_span *strings; /* the multi-line ones, in source order */
    int nstrings;
} py_file;

/* py_parse, also filling *file (arena memory). On a syntax error *file is
 * still filled as far as the source could be decoded (text NULL when it
 * could not be decoded at all). */
ast_node *py_parse_file(arena *a, const char *bytes, size_t len, syntax_error *err,
                        py_file *file);

#endif
