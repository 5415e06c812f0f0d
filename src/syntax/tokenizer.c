/* tokenizer.c - STUB, being written (see token.h). */
#include <string.h>
#include "token.h"
struct tokenizer { syntax_error err; };
tokenizer *tok_new(arena *a, const char *bytes, size_t len) { (void)bytes; (void)len; return arena_alloc(a, sizeof(tokenizer)); }
int tok_next(tokenizer *t, token *out) { (void)t; memset(out, 0, sizeof *out); out->type = T_ENDMARKER; out->start = out->end = ""; out->lineno = out->end_lineno = 1; return T_ENDMARKER; }
const syntax_error *tok_error(const tokenizer *t) { return &t->err; }
int tok_error_is_raised(const tokenizer *t) { (void)t; return 0; }
int tok_error_is_eof_in_brackets(const tokenizer *t) { (void)t; return 0; }
int tok_level(const tokenizer *t) { (void)t; return 0; }
void tok_innermost_bracket(const tokenizer *t, char *ch, int *lineno, int *col_offset) { (void)t; *ch = '('; *lineno = 1; *col_offset = 0; }
int tok_fstring_depth(const tokenizer *t) { (void)t; return 0; }
const char *tok_source(const tokenizer *t, size_t *len) { (void)t; *len = 0; return ""; }
const char *tok_op_text(tok_op op) { (void)op; return "?"; }
const char *tok_kw_text(tok_kw kw) { (void)kw; return "?"; }
