/* ast_dump.h - print a tree exactly as CPython 3.14 prints
 * ast.dump(tree, include_attributes=True). */
#ifndef KRAIT_AST_DUMP_H
#define KRAIT_AST_DUMP_H

#include "../base/arena.h"
#include "../base/buf.h"
#include "ast.h"

/* Appends the dump (no trailing newline) to out; `scratch` holds temporary
 * strings such as big-integer conversions. */
void ast_dump(buf *out, const ast_node *node, arena *scratch);

#endif
