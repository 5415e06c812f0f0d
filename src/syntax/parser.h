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

#endif
