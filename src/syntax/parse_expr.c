/* parse_expr.c - STUB, being written. */
#include "parser_core.h"
ast_node *parse_expression(parser *p) { (void)p; return NULL; }
ast_node *parse_named_expression(parser *p) { (void)p; return NULL; }
ast_node *parse_star_expressions(parser *p) { (void)p; return NULL; }
ast_node *parse_star_named_expression(parser *p) { (void)p; return NULL; }
ast_node *parse_yield_expr(parser *p) { (void)p; return NULL; }
ast_node *parse_annotated_rhs(parser *p) { (void)p; return NULL; }
ast_node *parse_bitwise_or(parser *p) { (void)p; return NULL; }
ast_node *parse_disjunction(parser *p) { (void)p; return NULL; }
ast_node *parse_star_targets(parser *p) { (void)p; return NULL; }
ast_node *parse_single_target(parser *p) { (void)p; return NULL; }
ast_seq *parse_del_targets(parser *p) { (void)p; return NULL; }
ast_node *parse_params(parser *p, int lambda) { (void)p; (void)lambda; return NULL; }
int parse_call_arguments(parser *p, ast_seq **args, ast_seq **keywords) { (void)p; (void)args; (void)keywords; return 0; }
ast_node *p_set_ctx(parser *p, ast_node *e, ast_ctx ctx) { (void)p; (void)ctx; return e; }
