/* future.h - the check of `from __future__ import ...` that ast.parse does
 * after parsing (CPython's future feature check, Python/future.c). */
#ifndef KRAIT_FUTURE_H
#define KRAIT_FUTURE_H

#include "ast.h"
#include "diag.h"

/* Checks the future statements at the top of a Module (after an optional
 * docstring). Returns 0, or -1 with *err filled for an unknown feature
 * ("future feature X is not defined") or `braces` ("not a chance"). */
int py_check_future(const ast_node *module, syntax_error *err);

#endif
