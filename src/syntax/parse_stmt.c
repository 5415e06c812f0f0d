/* parse_stmt.c - STUB, being written. */
#include "parser_core.h"
ast_node *parse_file(parser *p) { return p_new(p, AST_Module, p_mark(p)); }
