/* diag.h - a syntax error as CPython reports it. */
#ifndef KRAIT_DIAG_H
#define KRAIT_DIAG_H

typedef struct syntax_error {
    const char *type; /* "SyntaxError", "IndentationError" or "TabError" */
    /* CPython's location: 1-based lines, 0-based UTF-8 byte columns;
     * end_lineno/end_col_offset are -1 when unknown. */
    int lineno, col_offset, end_lineno, end_col_offset;
    char msg[320];
} syntax_error;

#endif
