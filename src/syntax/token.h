/* token.h - the tokenizer's interface (tokenizer.c).
 *
 * The tokenizer takes a file's raw bytes and does all of CPython's lexical
 * work: BOM and PEP 263 decoding to UTF-8, universal newlines, NUL bytes,
 * indentation (INDENT/DEDENT, TabError, IndentationError), line joining,
 * comments and blank lines (no NL/COMMENT tokens are produced), brackets,
 * numbers, strings, and PEP 701/750 f-/t-string modes. The parser never
 * tells it anything: as in CPython, it tracks f-string nesting itself. */
#ifndef KRAIT_TOKEN_H
#define KRAIT_TOKEN_H

#include <stddef.h>

#include "../base/arena.h"
#include "diag.h"

typedef enum {
    T_ENDMARKER,
    T_NAME,    /* identifiers, hard and soft keywords (see kw) */
    T_NUMBER,  /* raw text of the literal, e.g. 0x_ff, 1_000.5e3j */
    T_STRING,  /* a whole non-f/t string literal, prefix and quotes included */
    T_NEWLINE,
    T_INDENT,
    T_DEDENT,
    T_OP,      /* see op */
    /* f-strings: START is the prefix and opening quote (f", rf''', ...);
     * MIDDLE is a run of literal text, exactly as in the source (escapes
     * undecoded, "{{" and "}}" still doubled), split where CPython splits
     * it: a MIDDLE also ends just after "{{", "}}" or "\N{...}" (so one
     * run of text may come as several MIDDLEs); END is the closing quote.
     * Replacement fields come as ordinary tokens: OP '{', the expression,
     * optional OP '=', OP '!' NAME, OP ':' then format-spec MIDDLE tokens
     * and nested fields, OP '}'. */
    T_FSTRING_START, T_FSTRING_MIDDLE, T_FSTRING_END,
    T_TSTRING_START, T_TSTRING_MIDDLE, T_TSTRING_END,
    T_ERROR    /* see tok_error() */
} tok_type;

typedef enum {
    OP_NONE,
    OP_LPAR, OP_RPAR, OP_LSQB, OP_RSQB, OP_COLON, OP_COMMA, OP_SEMI,
    OP_PLUS, OP_MINUS, OP_STAR, OP_SLASH, OP_VBAR, OP_AMPER, OP_LESS,
    OP_GREATER, OP_EQUAL, OP_DOT, OP_PERCENT, OP_LBRACE, OP_RBRACE,
    OP_EQEQUAL, OP_NOTEQUAL, OP_LESSEQUAL, OP_GREATEREQUAL, OP_TILDE,
    OP_CIRCUMFLEX, OP_LEFTSHIFT, OP_RIGHTSHIFT, OP_DOUBLESTAR, OP_PLUSEQUAL,
    OP_MINEQUAL, OP_STAREQUAL, OP_SLASHEQUAL, OP_PERCENTEQUAL, OP_AMPEREQUAL,
    OP_VBAREQUAL, OP_CIRCUMFLEXEQUAL, OP_LEFTSHIFTEQUAL, OP_RIGHTSHIFTEQUAL,
    OP_DOUBLESTAREQUAL, OP_DOUBLESLASH, OP_DOUBLESLASHEQUAL, OP_AT,
    OP_ATEQUAL, OP_RARROW, OP_ELLIPSIS, OP_COLONEQUAL, OP_EXCLAMATION,
    OP_COUNT
} tok_op; /* "<>" is OP_NOTEQUAL too; the parser rejects it by its text */

/* Hard keywords first, then soft keywords (still valid names). */
typedef enum {
    KW_NONE,
    KW_False, KW_None, KW_True, KW_and, KW_as, KW_assert, KW_async,
    KW_await, KW_break, KW_class, KW_continue, KW_def, KW_del, KW_elif,
    KW_else, KW_except, KW_finally, KW_for, KW_from, KW_global, KW_if,
    KW_import, KW_in, KW_is, KW_lambda, KW_nonlocal, KW_not, KW_or,
    KW_pass, KW_raise, KW_return, KW_try, KW_while, KW_with, KW_yield,
    SKW_match, SKW_case, SKW_type, SKW_underscore,
    KW_COUNT
} tok_kw;

#define KW_IS_HARD(k) ((k) != KW_NONE && (k) < SKW_match)

/* Positions of the tokens without text, chosen so that an error raised
 * at them prints CPython's line and column:
 *   NEWLINE  from its '\n' (or from the comment before it) to after the '\n';
 *   INDENT, DEDENT  at the line's first token, column one less (so -1 at
 *            column 0); at end of input, like ENDMARKER;
 *   ENDMARKER  on the last line, at its length. */
typedef struct token {
    unsigned char type; /* tok_type */
    unsigned char op;   /* tok_op, for T_OP */
    unsigned char kw;   /* tok_kw, for T_NAME */
    int lineno, col_offset, end_lineno, end_col_offset; /* as in ast.h */
    const char *start, *end; /* the token's text in the decoded source */
} token;

typedef struct tokenizer tokenizer;

/* bytes: the file as read (need not be NUL-terminated). The tokenizer keeps
 * its decoded copy of the source in arena `a`. Never fails: problems are
 * reported as T_ERROR tokens, in the order CPython would meet them. */
tokenizer *tok_new(arena *a, const char *bytes, size_t len);
/* Fills *out and returns its type. After T_ERROR or T_ENDMARKER every later
 * call returns the same again. */
int tok_next(tokenizer *t, token *out);
/* Up to n tokens into out[0..n-1], as n calls of tok_next would give them,
 * stopping after a T_ERROR or T_ENDMARKER; returns how many (>= 1 when
 * n >= 1). For the parser's window, which takes tokens in batches. */
int tok_next_n(tokenizer *t, token *out, int n);

/* The error behind the last T_ERROR. */
const syntax_error *tok_error(const tokenizer *t);
/* 1 when that error is one CPython's lexer raises itself (unterminated
 * string, invalid character, bad number, too many nested parentheses, bad
 * encoding, ...); 0 for those it only signals (E_EOF inside brackets,
 * E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT, ...) and lets the parser
 * raise. The difference decides which error wins in the parser's final
 * whole-file check (CPython's _PyPegen_tokenize_full_source_to_check_for_errors). */
int tok_error_is_raised(const tokenizer *t);
/* 1 when the last T_ERROR is end of input inside open brackets. */
int tok_error_is_eof_in_brackets(const tokenizer *t);

/* Open brackets right now, and the innermost one (for "'(' was never
 * closed"): its character and position. */
int tok_level(const tokenizer *t);
void tok_innermost_bracket(const tokenizer *t, char *ch, int *lineno, int *col_offset);
/* f-string nesting depth right now (CPython's tok_mode_stack_index). */
int tok_fstring_depth(const tokenizer *t);

/* The decoded source (UTF-8, '\n' newlines, NUL-terminated), for slicing
 * f-string debug text and for error messages. */
const char *tok_source(const tokenizer *t, size_t *len);

/* Comments. The tokenizer drops them; py_parse_file asks it to keep them
 * (in arena `a`, pointing into the decoded source) for suppression
 * comments. Off by default, so py_parse does not pay for it. */
struct py_comment;
void tok_keep_comments(tokenizer *t, arena *a);
const struct py_comment *tok_comments(const tokenizer *t, int *n);
/* SyntaxWarnings (parser.h's py_warning), always recorded: they are rare,
 * and the check that finds them is on a path the lexer takes anyway. The
 * lexer adds its own (numbers followed by a keyword, "\{" in f-strings);
 * the parser adds those of escape decoding. A warning already recorded at
 * the same place is not added again (the parser may decode a literal twice
 * when it backtracks; CPython's memo decodes it once). */
struct py_warning;
void tok_warn(tokenizer *t, int lineno, int col_offset, const char *message);
const struct py_warning *tok_warnings(const tokenizer *t, int *n);
/* The parser's warning for the first invalid escape of a literal token
 * (str_value.invalid, pointing into tok's text), unless the lexer has
 * already warned about it ("\{" in an f-string part); placed, as CPython
 * does, at `lineno` plus the newlines of tok before the escape. */
void tok_warn_escape(tokenizer *t, const token *tok, int lineno, const char *invalid);
/* The multi-line string literals met, kept along with the comments. */
struct py_string_span;
const struct py_string_span *tok_string_spans(const tokenizer *t, int *n);
/* 0 when the bytes could not be decoded at all (tok_source is then ""). */
int tok_decoded(const tokenizer *t);

const char *tok_op_text(tok_op op);
const char *tok_kw_text(tok_kw kw);

#endif
