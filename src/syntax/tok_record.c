/* tok_record.c - what the tokenizer keeps besides tokens for py_parse_file:
 * the SyntaxWarnings CPython 3.14 emits before compiling (the lexer's: a
 * number directly followed by a keyword, "\{" in an f-string; the
 * parser's: invalid escape sequences), and the line spans of multi-line
 * string literals (for line counts: a blank line inside a string is not a
 * blank line). */
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "tok_internal.h"

/* Already recorded: the parser may decode one literal twice when it
 * backtracks, where CPython's memo decodes it once. Warnings arrive in
 * nearly source order, so only the tail is searched. */
static int recorded(const tokenizer *t, int lineno, int col_offset, const char *message)
{
    for (int i = t->nwarnings - 1; i >= 0; i--) {
        const py_warning *w = &t->warnings[i];
        if (w->lineno < lineno)
            return 0;
        if (w->lineno == lineno && w->col_offset == col_offset && strcmp(w->message, message) == 0)
            return 1;
    }
    return 0;
}

void tok_warn(tokenizer *t, int lineno, int col_offset, const char *message)
{
    if (recorded(t, lineno, col_offset, message))
        return;
    if (t->nwarnings == t->warnings_cap) {
        int cap = t->warnings_cap ? 2 * t->warnings_cap : 8;
        py_warning *grown = arena_alloc_raw(t->warn_arena, (size_t)cap * sizeof *grown);
        if (t->nwarnings)
            memcpy(grown, t->warnings, (size_t)t->nwarnings * sizeof *grown);
        t->warnings = grown;
        t->warnings_cap = cap;
    }
    size_t len = strlen(message);
    char *copy = arena_alloc_raw(t->warn_arena, len + 1);
    memcpy(copy, message, len + 1);
    t->warnings[t->nwarnings++] = (py_warning){lineno, col_offset, copy};
}

const py_warning *tok_warnings(const tokenizer *t, int *n)
{
    *n = t->nwarnings;
    return t->warnings;
}

/* Where CPython places an escape's warning: `lineno` plus the newlines of
 * the token before the escape (the escape's own line when lineno is the
 * token's first line). */
static void escape_position(const token *tok, int lineno, const char *backslash, int *line_out,
                            int *col)
{
    int line = lineno;
    const char *line_start = NULL;
    for (const char *c = tok->start; c < backslash; c++)
        if (*c == '\n') {
            line++;
            line_start = c + 1;
        }
    *line_out = line;
    *col = line_start ? (int)(backslash - line_start)
                      : tok->col_offset + (int)(backslash - tok->start);
}

void tok_warn_escape(tokenizer *t, const token *tok, int lineno, const char *invalid)
{
    unsigned char c = (unsigned char)*invalid;
    int middle = tok->type == T_FSTRING_MIDDLE || tok->type == T_TSTRING_MIDDLE;
    if (middle && (c == '{' || c == '}'))
        return; /* the lexer has warned (warn_brace_escape) */
    char msg[200];
    if (c >= '4' && c <= '7') /* CPython's test: an octal escape above 0o377 */
        snprintf(msg, sizeof msg,
                 "\"\\%.3s\" is an invalid octal escape sequence. Such sequences will not work "
                 "in the future. Did you mean \"\\\\%.3s\"? A raw string is also an option.",
                 invalid, invalid);
    else
        snprintf(msg, sizeof msg,
                 "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the "
                 "future. Did you mean \"\\\\%c\"? A raw string is also an option.",
                 c, c);
    int line, col;
    escape_position(tok, lineno, invalid - 1, &line, &col);
    tok_warn(t, line, col, msg);
}

/* ---- multi-line string literals ---- */

void tok_keep_string_span(tokenizer *t, int lineno, int col_offset, int end_lineno)
{
    if (t->nstrings == t->strings_cap) {
        int cap = t->strings_cap ? 2 * t->strings_cap : 16;
        py_string_span *grown = arena_alloc_raw(t->comment_arena, (size_t)cap * sizeof *grown);
        if (t->nstrings)
            memcpy(grown, t->strings, (size_t)t->nstrings * sizeof *grown);
        t->strings = grown;
        t->strings_cap = cap;
    }
    t->strings[t->nstrings++] = (py_string_span){lineno, col_offset, end_lineno};
}

const py_string_span *tok_string_spans(const tokenizer *t, int *n)
{
    *n = t->nstrings;
    return t->strings;
}
