/* parse_stmt.h - shared by the statement parser's own files (parse_stmt.c,
 * parse_compound.c, parse_pattern.c). Not part of the parser_core.h
 * contract: nothing outside these files calls it. */
#ifndef KRAIT_PARSE_STMT_H
#define KRAIT_PARSE_STMT_H

#include "parser_core.h"

/* statement: compound_stmt | simple_stmts. Appends to `out`; returns 0 on
 * no match (position restored) or error. */
int stmt_statement(parser *p, p_vec *out);
/* block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
ast_seq *stmt_block(parser *p);
/* compound_stmt (parse_compound.c); NULL when the next token starts none. */
ast_node *stmt_compound(parser *p);
/* type_params: '[' type_param_seq ']'. Returns 0 on no match. */
int stmt_type_params(parser *p, ast_seq **out);
/* match_stmt (parse_pattern.c). */
ast_node *stmt_match(parser *p);

/* A NAME token as a Name node. */
ast_node *stmt_name(parser *p, const token *t, ast_ctx ctx);
/* Target checking for the cover grammar: an expression parsed as
 * star_expressions is a valid star_targets when this says so. */
int stmt_is_star_target(const ast_node *e);
int stmt_is_single_target(const ast_node *e);

/* RAISE_SYNTAX_ERROR_INVALID_TARGET (parse_target.c's), returning 1 when
 * it raised. */
int stmt_raise_invalid_target(parser *p, p_targets kind, ast_node *e);

/* Second pass only: `':' NEWLINE !INDENT` ahead raises CPython's
 * "expected an indented block after <what> on line N". Returns 1 if raised. */
int stmt_check_indented_block(parser *p, const char *what, int lineno);

#endif
