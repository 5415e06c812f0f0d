/* parse_string.c - STUB, being written. */
#include "parser_core.h"
ast_node *parse_strings(parser *p) { (void)p; return NULL; }
