/* ast_dump.c - STUB, being written. */
#include "ast_dump.h"
void ast_dump(buf *out, const ast_node *node, arena *scratch) { (void)node; (void)scratch; buf_puts(out, "Module()"); }
