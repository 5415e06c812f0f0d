/* tok_internal.h - the tokenizer's state, shared by tokenizer.c (modes,
 * indentation, names, operators, strings) and tok_number.c. Not for the
 * parser: it uses token.h. */
#ifndef KRAIT_TOK_INTERNAL_H
#define KRAIT_TOK_INTERNAL_H

#include "token.h"

/* CPython's limits (Parser/tokenizer.h, Parser/lexer/state.h). */
enum {
    TOK_MAX_INDENT = 100,   /* MAXINDENT */
    TOK_MAX_LEVEL = 200,    /* MAXLEVEL: nested brackets */
    TOK_MAX_FSTRING = 150,  /* MAXFSTRINGLEVEL */
    TOK_MAX_EXPR_NESTING = 3,
    TOK_TABSIZE = 8
};

/* One f-/t-string being read (CPython's tokenizer_mode). */
typedef struct fmode {
    const char *start;  /* first character of the prefix */
    int first_line, start_col;
    char quote, quote_size, raw, is_t;
    char in_field;      /* reading a replacement field's tokens */
    char in_spec;       /* in_format_spec */
    int depth;          /* curly_bracket_depth: brackets open inside fields */
    int expr_start;     /* curly_bracket_expr_start_depth */
} fmode;

struct tokenizer {
    const char *src, *end; /* decoded text; *end == '\0' */
    const char *p;         /* cursor */
    const char *line_start;
    int lineno;            /* line of the cursor */

    int atbol, pendin;
    int indent;
    int indstack[TOK_MAX_INDENT], altindstack[TOK_MAX_INDENT];

    int level;
    char parenstack[TOK_MAX_LEVEL];
    int parenline[TOK_MAX_LEVEL], parencol[TOK_MAX_LEVEL];

    int fdepth;                    /* modes[1..fdepth] are open f-strings */
    fmode modes[TOK_MAX_FSTRING];

    int done;                      /* after T_ERROR/T_ENDMARKER: repeat `last` */
    token last;
    syntax_error err;
    int err_raised, err_eof_brackets;
    /* comments kept for py_parse_file: recording is on when comment_arena is set */
    arena *comment_arena;
    struct py_comment *comments;
    int ncomments, comments_cap;
    int undecodable;
    /* SyntaxWarnings (tok_warn), in the arena the tokenizer was made in */
    arena *warn_arena;
    struct py_warning *warnings;
    int nwarnings, warnings_cap;
    /* multi-line string literals, kept with the comments (comment_arena) */
    struct py_string_span *strings;
    int nstrings, strings_cap;
};

/* A lexer error as CPython's _PyTokenizer_syntaxerror raises it: at the
 * cursor `cur` (CPython reports the column just before it). */
int tok_raise(tokenizer *t, token *out, const char *cur, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A lexer error at a known place (0-based column). */
int tok_raise_at(tokenizer *t, token *out, int lineno, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A token from start (at sline/scol) to end, on the cursor's line. */
int tok_emit(tokenizer *t, token *out, int type, const char *start, int sline, int scol,
             const char *end);

/* tok_record.c: a string literal (or a whole f-/t-string) from line
 * `lineno` to `end_lineno`, kept when they differ and comments are kept. */
void tok_keep_string_span(tokenizer *t, int lineno, int col_offset, int end_lineno);

/* tok_number.c: a number starting at `start`; q is where scanning goes on
 * (the first digit, or the digit after a leading '.'). */
int tok_number(tokenizer *t, token *out, const char *start, const char *q, int fraction);

#endif
