/* tokenizer.c - CPython 3.14's lexer (Parser/lexer/lexer.c), rewritten over
 * a decoded in-memory buffer: one pass, no per-token allocation.
 *
 * The text comes from decode.c: UTF-8, '\n' line ends, a final '\n', a NUL
 * after it and none before, so the scanners can look one byte ahead
 * without bounds checks (the NUL stops every loop).
 *
 * Positions: `lineno` is the cursor's line and advances as the cursor
 * passes a '\n'; columns are byte offsets from `line_start`. CPython's
 * lexer only moves to the next line when it reads a character there, so at
 * end of input it still stands on the last line (eof_line, eof_col), where
 * the tokens and errors made there go.
 *
 * Errors come out in the order CPython's lexer meets them, each as one
 * T_ERROR token that then repeats; `err_raised` tells the errors the lexer
 * raises itself from those it only signals for the parser to report. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/unicode.h"
#include "decode.h"
#include "parser.h"
#include "tok_internal.h"

/* ---- character classes ---- */

enum {
    CH_OTHER, CH_BLANK, CH_NL, CH_ID, CH_DIGIT, CH_QUOTE, CH_HASH, CH_DOT,
    CH_BSLASH, CH_EOF
};

#define R10(x) x, x, x, x, x, x, x, x, x, x
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x

/* Per byte: what may start there. Bytes >= 128 start identifiers (and are
 * checked against Unicode's XID tables afterwards), as in CPython. */
static const unsigned char char_class[256] = {
    CH_EOF, 0, 0, 0, 0, 0, 0, 0, 0, CH_BLANK, CH_NL, 0, CH_BLANK, 0, 0, 0, /* 0x00 */
    R16(0),                                                               /* 0x10 */
    CH_BLANK, 0, CH_QUOTE, CH_HASH, 0, 0, 0, CH_QUOTE, 0, 0, 0, 0, 0, 0, CH_DOT, 0,
    R10(CH_DIGIT), 0, 0, 0, 0, 0, 0,                                      /* 0x30 */
    0, R10(CH_ID), CH_ID, CH_ID, CH_ID, CH_ID, CH_ID,                      /* 0x40 */
    R10(CH_ID), CH_ID, 0, CH_BSLASH, 0, 0, CH_ID,                          /* 0x50 */
    0, R10(CH_ID), CH_ID, CH_ID, CH_ID, CH_ID, CH_ID,                      /* 0x60 */
    R10(CH_ID), CH_ID, 0, 0, 0, 0, 0,                                      /* 0x70 */
    R16(CH_ID), R16(CH_ID), R16(CH_ID), R16(CH_ID),                        /* 0x80 */
    R16(CH_ID), R16(CH_ID), R16(CH_ID), R16(CH_ID),
};

/* Bytes that continue an identifier (CPython's is_potential_identifier_char):
 * 1 for ASCII ones, 2 for the bytes of non-ASCII characters. */
static const unsigned char id_char[256] = {
    R16(0), R16(0), R16(0),
    R10(1), 0, 0, 0, 0, 0, 0,                        /* '0'-'9' */
    0, R10(1), 1, 1, 1, 1, 1, R10(1), 1, 0, 0, 0, 0, 1, /* 'A'-'Z', '_' */
    0, R10(1), 1, 1, 1, 1, 1, R10(1), 1, 0, 0, 0, 0, 0, /* 'a'-'z' */
    R16(2), R16(2), R16(2), R16(2), R16(2), R16(2), R16(2), R16(2),
};

/* Bytes that stop the scan of a plain string's body. */
static const unsigned char string_stop[256] = {
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, R16(0),
    0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, /* '"', '\'' */
    R16(0), R16(0),
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '\\' */
};

/* ---- tokens and errors ---- */

int tok_emit(tokenizer *t, token *out, int type, const char *start, int sline, int scol,
             const char *end)
{
    out->type = (unsigned char)type;
    out->op = OP_NONE;
    out->kw = KW_NONE;
    out->lineno = sline;
    out->col_offset = scol;
    out->end_lineno = t->lineno;
    out->end_col_offset = (int)(end - t->line_start);
    out->start = start;
    out->end = end;
    return type;
}

/* Whether the cursor is at the end of input, where CPython's line count
 * stops at the last line. */
static int at_eof(const tokenizer *t, const char *q)
{
    return q >= t->end;
}

/* At end of input every '\n' has been passed, so the last line is the one
 * before the cursor's. */
static int eof_line(const tokenizer *t)
{
    return t->lineno > 1 ? t->lineno - 1 : 1;
}

/* The length of the last line (CPython's cursor column there, less one). */
static int eof_col(const tokenizer *t)
{
    if (t->end == t->src)
        return 0;
    const char *s = t->end - 1; /* its '\n' */
    while (s > t->src && s[-1] != '\n')
        s--;
    return (int)(t->end - 1 - s);
}

/* Errors are rare: kept out of the scanning loops' way. */
#define COLD __attribute__((cold, noinline))

static COLD int error_token(tokenizer *t, token *out, const char *type, int raised, int lineno,
                            int col, const char *fmt, va_list ap)
{
    syntax_error *e = &t->err;
    e->type = type;
    e->lineno = lineno;
    e->col_offset = col < 0 ? 0 : col;
    e->end_lineno = -1;
    e->end_col_offset = -1;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    t->err_raised = raised;
    out->type = T_ERROR;
    out->op = OP_NONE;
    out->kw = KW_NONE;
    out->lineno = out->end_lineno = lineno;
    out->col_offset = out->end_col_offset = e->col_offset;
    out->start = out->end = t->p;
    return T_ERROR;
}

COLD int tok_raise_at(tokenizer *t, token *out, int lineno, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_token(t, out, "SyntaxError", 1, lineno, col, fmt, ap);
    va_end(ap);
    return T_ERROR;
}

COLD int tok_raise(tokenizer *t, token *out, const char *cur, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int lineno = at_eof(t, cur) ? eof_line(t) : t->lineno;
    int col = at_eof(t, cur) ? eof_col(t) : (int)(cur - t->line_start) - 1;
    error_token(t, out, "SyntaxError", 1, lineno, col, fmt, ap);
    va_end(ap);
    return T_ERROR;
}

/* An error CPython's lexer only signals (tok->done) and its parser words. */
static int signal_error(tokenizer *t, token *out, const char *type, int lineno, int col,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static COLD int signal_error(tokenizer *t, token *out, const char *type, int lineno, int col,
                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_token(t, out, type, 0, lineno, col, fmt, ap);
    va_end(ap);
    return T_ERROR;
}

/* E_EOF: inside brackets the parser reports the innermost one as never
 * closed; otherwise "unexpected EOF" where the lexer stopped. */
static COLD int eof_error(tokenizer *t, token *out)
{
    t->p = t->end;
    t->err_eof_brackets = t->level > 0;
    return signal_error(t, out, "SyntaxError", eof_line(t), eof_col(t),
                        "unexpected EOF while parsing");
}

static void pass_newline(tokenizer *t, const char *nl)
{
    t->lineno++;
    t->line_start = nl + 1;
}

static char string_prefix(const fmode *m)
{
    return m->is_t ? 't' : 'f';
}

/* ---- indentation ---- */

/* After a backslash at q: the line must end there (CPython's
 * tok_continuation_line). Returns the start of the next line, or NULL with
 * an error token made. */
static const char *continuation(tokenizer *t, token *out, const char *q)
{
    if (q[1] != '\n') {
        t->p = q + 2;
        signal_error(t, out, "SyntaxError", t->lineno, (int)(q + 1 - t->line_start),
                     "unexpected character after line continuation character");
        return NULL;
    }
    pass_newline(t, q + 1);
    if (at_eof(t, q + 2)) {
        eof_error(t, out);
        return NULL;
    }
    return q + 2;
}

static int tab_error(tokenizer *t, token *out)
{
    return signal_error(t, out, "TabError", t->lineno, 0,
                        "inconsistent use of tabs and spaces in indentation");
}

/* Compare the new line's indentation with the stack; queue INDENT/DEDENTs. */
static int indent_change(tokenizer *t, token *out, int col, int altcol)
{
    int top = t->indstack[t->indent];
    if (col == top) {
        if (altcol != t->altindstack[t->indent])
            return tab_error(t, out);
    } else if (col > top) {
        if (t->indent + 1 >= TOK_MAX_INDENT)
            return signal_error(t, out, "IndentationError", t->lineno, 0,
                                "too many levels of indentation");
        if (altcol <= t->altindstack[t->indent])
            return tab_error(t, out);
        t->pendin++;
        t->indent++;
        t->indstack[t->indent] = col;
        t->altindstack[t->indent] = altcol;
    } else {
        while (t->indent > 0 && col < t->indstack[t->indent]) {
            t->pendin--;
            t->indent--;
        }
        if (col != t->indstack[t->indent]) {
            const char *nl = strchr(t->p, '\n');
            int len = nl ? (int)(nl - t->line_start) : eof_col(t);
            return signal_error(t, out, "IndentationError", t->lineno, len,
                                "unindent does not match any outer indentation level");
        }
        if (altcol != t->altindstack[t->indent])
            return tab_error(t, out);
    }
    return 0;
}

/* At the beginning of a line: measure the indentation (tabs to multiples of
 * 8, and again with tabs as 1 column to catch inconsistent mixes). Lines
 * with only blanks and a comment change nothing (*blank set). */
static int indentation(tokenizer *t, token *out, int *blank)
{
    int col = 0, altcol = 0, cont_col = 0;
    const char *q = t->p;
    for (;;) {
        char c = *q;
        if (c == ' ') {
            const char *s = q; /* a run of spaces at once: most indentation */
            while (*++q == ' ')
                ;
            col += (int)(q - s), altcol += (int)(q - s);
        } else if (c == '\t') {
            col = (col / TOK_TABSIZE + 1) * TOK_TABSIZE;
            altcol++, q++;
        } else if (c == '\014') {
            col = altcol = 0, q++;
        } else if (c == '\\') {
            /* Indentation cannot be split over lines with backslashes:
             * the first one found decides. */
            cont_col = cont_col ? cont_col : col;
            if (!(q = continuation(t, out, q)))
                return T_ERROR;
        } else {
            break;
        }
    }
    t->p = q;
    *blank = *q == '#' || *q == '\n';
    if (*blank || t->level != 0)
        return 0;
    if (cont_col)
        col = altcol = cont_col;
    return indent_change(t, out, col, altcol);
}

/* INDENT and DEDENT sit where the line's first token starts; their column
 * is one less (CPython's are -1 and its errors there use the cursor's
 * column, which is printed one higher than a token's). */
static int indent_token(tokenizer *t, token *out)
{
    int type = t->pendin > 0 ? T_INDENT : T_DEDENT;
    t->pendin += type == T_INDENT ? -1 : 1;
    if (at_eof(t, t->p)) {
        int c = eof_col(t);
        tok_emit(t, out, type, t->p, eof_line(t), c, t->p);
        out->end_lineno = eof_line(t);
        out->end_col_offset = c;
        return type;
    }
    int col = (int)(t->p - t->line_start) - 1; /* -1 at column 0, printed as 0 */
    tok_emit(t, out, type, t->p, t->lineno, col, t->p);
    out->end_col_offset = col;
    return type;
}

/* ---- names ---- */

static const char *const kw_text[KW_COUNT] = {
    "", "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield", "match", "case",
    "type", "_",
};

const char *tok_kw_text(tok_kw kw)
{
    return kw < KW_COUNT ? kw_text[kw] : "?";
}

/* Keywords by a hash of first letter, last letter and length that has no
 * collisions among them (found by search): one probe, one comparison. */
#define KW_HASH(s, n) ((((unsigned char)(s)[0] << 1) + (unsigned char)(s)[(n) - 1] + (n) * 27) & 127)

static const unsigned char kw_by_hash[128] = {
    [2] = KW_finally, [3] = KW_continue, [5] = KW_del, [6] = KW_or, [15] = KW_for,
    [23] = SKW_case, [27] = KW_else, [28] = KW_elif, [32] = KW_nonlocal, [33] = KW_not,
    [37] = KW_from, [44] = KW_async, [50] = KW_try, [54] = KW_break, [56] = SKW_underscore,
    [57] = SKW_type, [61] = KW_await, [63] = KW_pass, [64] = KW_class, [66] = KW_with,
    [73] = SKW_match, [80] = KW_raise, [88] = KW_assert, [90] = KW_while, [91] = KW_lambda,
    [92] = KW_global, [93] = KW_yield, [96] = KW_except, [104] = KW_import, [107] = KW_as,
    [109] = KW_None, [110] = KW_if, [116] = KW_return, [118] = KW_in, [119] = KW_and,
    [120] = KW_False, [121] = KW_True, [123] = KW_is, [127] = KW_def,
};

/* Only exact ASCII spellings are keywords, as in CPython (an NFKC-equal
 * spelling is a plain name). */
static tok_kw keyword(const char *s, size_t n)
{
    if (n > 8)
        return KW_NONE;
    tok_kw kw = (tok_kw)kw_by_hash[KW_HASH(s, n)];
    const char *k = kw_text[kw];
    /* By hand: a library memcmp call costs more than these few bytes. */
    for (size_t i = 0; i < n; i++)
        if (s[i] != k[i])
            return KW_NONE;
    return k[n] == '\0' ? kw : KW_NONE;
}

/* PEP 3131: the first character XID_Start or '_', the rest XID_Continue.
 * Reports the first offending character as CPython does. */
static int check_identifier(tokenizer *t, token *out, const char *s, const char *e)
{
    int first = 1;
    while (s < e) {
        unsigned cp;
        size_t k = uni_decode(s, (size_t)(e - s), &cp);
        if (!k)
            k = 1, cp = (unsigned char)*s;
        if (!(first ? uni_is_xid_start(cp) : uni_is_xid_continue(cp))) {
            t->p = s + k;
            int col = (int)(s - t->line_start);
            if (uni_is_printable(cp))
                return tok_raise_at(t, out, t->lineno, col, "invalid character '%.*s' (U+%04X)",
                                    (int)k, s, cp);
            return tok_raise_at(t, out, t->lineno, col, "invalid non-printable character U+%04X",
                                cp);
        }
        first = 0;
        s += k;
    }
    return 0;
}

static int name_token(tokenizer *t, token *out, const char *start)
{
    const char *q = start;
    unsigned char any = 0;
    while (id_char[(unsigned char)*q] == 1) /* the usual all-ASCII run */
        q++;
    if (id_char[(unsigned char)*q]) {
        any = 0x80;
        while (id_char[(unsigned char)*q])
            q++;
    }
    if ((any & 0x80) && check_identifier(t, out, start, q))
        return T_ERROR;
    t->p = q;
    tok_emit(t, out, T_NAME, start, t->lineno, (int)(start - t->line_start), q);
    if (!(any & 0x80))
        out->kw = (unsigned char)keyword(start, (size_t)(q - start));
    return T_NAME;
}

/* ---- strings ---- */

/* CPython's check on string prefixes: rb, rf, rt in any order and case;
 * u, b, f, t not combined. */
static int prefix_error(tokenizer *t, token *out, const char *start, int b, int r, int u,
                        int f, int tt)
{
    static const char *const pairs[][2] = {
        {"u", "b"}, {"u", "r"}, {"u", "f"}, {"u", "t"}, {"b", "f"}, {"b", "t"}, {"f", "t"},
    };
    int bad[] = {u && b, u && r, u && f, u && tt, b && f, b && tt, f && tt};
    for (int i = 0; i < 7; i++)
        if (bad[i])
            return tok_raise_at(t, out, t->lineno, (int)(start - t->line_start),
                                "'%s' and '%s' prefixes are incompatible", pairs[i][0],
                                pairs[i][1]);
    return 0;
}

static int unterminated_string(tokenizer *t, token *out, int sline, int scol, char quote,
                               int size, int escaped_quote, const char *q)
{
    int detected = at_eof(t, q) ? eof_line(t) : t->lineno;
    if (t->fdepth > 0) {
        /* The quote of the enclosing f-string: a '}' is what is missing. */
        const fmode *m = &t->modes[t->fdepth];
        if (m->quote == quote && m->quote_size == size)
            return tok_raise_at(t, out, sline, scol, "%c-string: expecting '}'",
                                string_prefix(m));
    }
    if (size == 3)
        return tok_raise_at(t, out, sline, scol,
                            "unterminated triple-quoted string literal (detected at line %d)",
                            detected);
    if (escaped_quote)
        return tok_raise_at(t, out, sline, scol,
                            "unterminated string literal (detected at line %d); perhaps you "
                            "escaped the end quote?", detected);
    return tok_raise_at(t, out, sline, scol, "unterminated string literal (detected at line %d)",
                        detected);
}

/* A plain string or bytes literal; q is at its opening quote. */
static int string_token(tokenizer *t, token *out, const char *start, const char *q)
{
    int sline = t->lineno, scol = (int)(start - t->line_start);
    char quote = *q++;
    int size = 1, closing = 0, escaped_quote = 0;
    if (*q == quote) {
        if (q[1] == quote)
            size = 3, q += 2;
        else
            closing = 1, q++; /* "" */
    }
    while (closing != size) {
        if (!string_stop[(unsigned char)*q]) {
            closing = 0;
            do
                q++;
            while (!string_stop[(unsigned char)*q]);
        }
        char c = *q;
        if (at_eof(t, q) || (size == 1 && c == '\n'))
            return unterminated_string(t, out, sline, scol, quote, size, escaped_quote, q);
        if (c == quote) {
            closing++;
            q++;
            continue;
        }
        closing = 0;
        if (c == '\n') {
            pass_newline(t, q);
        } else if (c == '\\') {
            q++;
            if (*q == quote)
                escaped_quote = 1;
            if (*q == '\n')
                pass_newline(t, q);
            if (at_eof(t, q))
                continue;
        }
        q++;
    }
    t->p = q;
    if (t->lineno != sline && t->comment_arena)
        tok_keep_string_span(t, sline, scol, t->lineno);
    return tok_emit(t, out, T_STRING, start, sline, scol, q);
}

/* f"/t" and friends: push a mode and return the START token. */
static int fstring_start(tokenizer *t, token *out, const char *start, const char *q, int raw,
                         int is_t)
{
    int scol = (int)(start - t->line_start);
    char quote = *q;
    int size = q[1] == quote && q[2] == quote ? 3 : 1;
    q += size;
    if (t->fdepth + 1 >= TOK_MAX_FSTRING)
        return tok_raise(t, out, q, "too many nested f-strings or t-strings");
    fmode *m = &t->modes[++t->fdepth];
    memset(m, 0, sizeof *m);
    m->start = start;
    m->first_line = t->lineno;
    m->start_col = scol;
    m->quote = quote;
    m->quote_size = (char)size;
    m->raw = (char)raw;
    m->is_t = (char)is_t;
    m->expr_start = -1;
    t->p = q;
    return tok_emit(t, out, is_t ? T_TSTRING_START : T_FSTRING_START, start, t->lineno, scol, q);
}

/* A name, or a string if the letters read so far are a prefix followed by
 * a quote. */
static int name_or_string(tokenizer *t, token *out, const char *start)
{
    int b = 0, r = 0, u = 0, f = 0, tt = 0;
    for (const char *q = start;; q++) {
        switch (*q | 0x20) {
        case 'b': if (b) goto name; b = 1; break;
        case 'r': if (r) goto name; r = 1; break;
        case 'u': if (u) goto name; u = 1; break;
        case 'f': if (f) goto name; f = 1; break;
        case 't': if (tt) goto name; tt = 1; break;
        default: goto name;
        }
        if (q[1] == '"' || q[1] == '\'') {
            if (prefix_error(t, out, start, b, r, u, f, tt))
                return T_ERROR;
            if (f || tt)
                return fstring_start(t, out, start, q + 1, r, tt);
            return string_token(t, out, start, q + 1);
        }
    }
name:
    return name_token(t, out, start);
}

/* ---- operators and brackets ---- */

static const char *const op_text[OP_COUNT] = {
    "", "(", ")", "[", "]", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">", "=",
    ".", "%", "{", "}", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=",
    "->", "...", ":=", "!",
};

const char *tok_op_text(tok_op op)
{
    return op < OP_COUNT ? op_text[op] : "?";
}

/* The operator at q (not a bracket or '.'): its code and length. */
static int operator_at(const char *q, int *len)
{
    char c = q[0], c2 = q[1];
    *len = 1;
    switch (c) {
    case ':': if (c2 == '=') { *len = 2; return OP_COLONEQUAL; } return OP_COLON;
    case ',': return OP_COMMA;
    case ';': return OP_SEMI;
    case '~': return OP_TILDE;
    case '+': if (c2 == '=') { *len = 2; return OP_PLUSEQUAL; } return OP_PLUS;
    case '-':
        if (c2 == '=') { *len = 2; return OP_MINEQUAL; }
        if (c2 == '>') { *len = 2; return OP_RARROW; }
        return OP_MINUS;
    case '*':
        if (c2 == '*') {
            *len = q[2] == '=' ? 3 : 2;
            return *len == 3 ? OP_DOUBLESTAREQUAL : OP_DOUBLESTAR;
        }
        if (c2 == '=') { *len = 2; return OP_STAREQUAL; }
        return OP_STAR;
    case '/':
        if (c2 == '/') {
            *len = q[2] == '=' ? 3 : 2;
            return *len == 3 ? OP_DOUBLESLASHEQUAL : OP_DOUBLESLASH;
        }
        if (c2 == '=') { *len = 2; return OP_SLASHEQUAL; }
        return OP_SLASH;
    case '|': if (c2 == '=') { *len = 2; return OP_VBAREQUAL; } return OP_VBAR;
    case '&': if (c2 == '=') { *len = 2; return OP_AMPEREQUAL; } return OP_AMPER;
    case '^': if (c2 == '=') { *len = 2; return OP_CIRCUMFLEXEQUAL; } return OP_CIRCUMFLEX;
    case '%': if (c2 == '=') { *len = 2; return OP_PERCENTEQUAL; } return OP_PERCENT;
    case '@': if (c2 == '=') { *len = 2; return OP_ATEQUAL; } return OP_AT;
    case '=': if (c2 == '=') { *len = 2; return OP_EQEQUAL; } return OP_EQUAL;
    case '!': if (c2 == '=') { *len = 2; return OP_NOTEQUAL; } return OP_EXCLAMATION;
    case '<':
        if (c2 == '<') {
            *len = q[2] == '=' ? 3 : 2;
            return *len == 3 ? OP_LEFTSHIFTEQUAL : OP_LEFTSHIFT;
        }
        if (c2 == '=') { *len = 2; return OP_LESSEQUAL; }
        if (c2 == '>') { *len = 2; return OP_NOTEQUAL; }
        return OP_LESS;
    case '>':
        if (c2 == '>') {
            *len = q[2] == '=' ? 3 : 2;
            return *len == 3 ? OP_RIGHTSHIFTEQUAL : OP_RIGHTSHIFT;
        }
        if (c2 == '=') { *len = 2; return OP_GREATEREQUAL; }
        return OP_GREATER;
    default: return OP_NONE;
    }
}

static int op_token(tokenizer *t, token *out, const char *start, int len, int op)
{
    t->p = start + len;
    tok_emit(t, out, T_OP, start, t->lineno, (int)(start - t->line_start), t->p);
    out->op = (unsigned char)op;
    return T_OP;
}

static int open_bracket(tokenizer *t, token *out, const char *q)
{
    char c = *q;
    if (t->level >= TOK_MAX_LEVEL)
        return tok_raise(t, out, q + 1, "too many nested parentheses");
    t->parenstack[t->level] = c;
    t->parenline[t->level] = t->lineno;
    t->parencol[t->level] = (int)(q - t->line_start);
    t->level++;
    if (t->fdepth > 0)
        t->modes[t->fdepth].depth++;
    return op_token(t, out, q, 1, c == '(' ? OP_LPAR : c == '[' ? OP_LSQB : OP_LBRACE);
}

static int close_bracket(tokenizer *t, token *out, const char *q)
{
    char c = *q;
    fmode *m = t->fdepth > 0 ? &t->modes[t->fdepth] : NULL;
    if (m && m->depth == 0 && c == '}')
        return tok_raise(t, out, q + 1, "%c-string: single '}' is not allowed", string_prefix(m));
    if (t->level == 0)
        return tok_raise(t, out, q + 1, "unmatched '%c'", c);
    t->level--;
    char open = t->parenstack[t->level];
    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
        /* A field's own '{' closed by something else is the f-string's
         * problem, not a mismatch with some other construct. */
        if (m && open == '{' && m->depth - 1 == m->expr_start)
            return tok_raise(t, out, q + 1, "%c-string: unmatched '%c'", string_prefix(m), c);
        if (t->parenline[t->level] != t->lineno)
            return tok_raise(t, out, q + 1,
                             "closing parenthesis '%c' does not match opening parenthesis '%c' "
                             "on line %d", c, open, t->parenline[t->level]);
        return tok_raise(t, out, q + 1,
                         "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                         open);
    }
    if (m) {
        m->depth--;
        if (m->depth < 0)
            return tok_raise(t, out, q + 1, "%c-string: unmatched '%c'", string_prefix(m), c);
        if (c == '}' && m->depth == m->expr_start) {
            /* The replacement field is closed: back to the literal text. */
            m->expr_start--;
            m->in_field = 0;
            m->in_spec = 0;
        }
    }
    return op_token(t, out, q, 1, c == ')' ? OP_RPAR : c == ']' ? OP_RSQB : OP_RBRACE);
}

/* Punctuation: brackets, operators, and the ':' that starts a format spec. */
static int punctuation(tokenizer *t, token *out, const char *q)
{
    char c = *q;
    if (c == ':' && t->fdepth > 0) {
        fmode *m = &t->modes[t->fdepth];
        /* Only at the field's own bracket level: f"{a[1:2]}" slices. */
        if (m->expr_start >= 0 && m->depth - 1 == m->expr_start) {
            m->in_field = 0;
            m->in_spec = 1;
            return op_token(t, out, q, 1, OP_COLON);
        }
    }
    switch (c) {
    case '(': case '[': case '{':
        return open_bracket(t, out, q);
    case ')': case ']': case '}':
        return close_bracket(t, out, q);
    default:
        break;
    }
    int len;
    int op = operator_at(q, &len);
    if (op == OP_NONE && !(c >= 0x20 && c < 0x7F))
        return tok_raise(t, out, q + 1, "invalid non-printable character U+%04X",
                         (unsigned)(unsigned char)c);
    return op_token(t, out, q, len, op);
}

/* ---- the regular mode ---- */

static int newline_token(tokenizer *t, token *out, const char *start, const char *nl)
{
    int sline = t->lineno, scol = (int)(start - t->line_start);
    out->type = T_NEWLINE;
    out->op = OP_NONE;
    out->kw = KW_NONE;
    out->lineno = out->end_lineno = sline;
    out->col_offset = scol;
    out->end_col_offset = (int)(nl - t->line_start) + 1;
    out->start = out->end = start;
    pass_newline(t, nl);
    t->p = nl + 1;
    t->atbol = 1;
    return T_NEWLINE;
}

static int endmarker(tokenizer *t, token *out)
{
    int line = eof_line(t);
    int col = eof_col(t);
    tok_emit(t, out, T_ENDMARKER, t->end, line, col, t->end);
    out->end_lineno = line;
    out->end_col_offset = col;
    return T_ENDMARKER;
}

/* A comment from '#' to its line's end, for py_parse_file (only when
 * tok_keep_comments asked for it). */
static void keep_comment(tokenizer *t, const char *hash, const char *end)
{
    if (t->ncomments == t->comments_cap) {
        int cap = t->comments_cap ? 2 * t->comments_cap : 16;
        py_comment *grown = arena_alloc_raw(t->comment_arena, (size_t)cap * sizeof *grown);
        if (t->ncomments)
            memcpy(grown, t->comments, (size_t)t->ncomments * sizeof *grown);
        t->comments = grown;
        t->comments_cap = cap;
    }
    py_comment *c = &t->comments[t->ncomments++];
    c->lineno = t->lineno;
    c->col_offset = (int)(hash - t->line_start);
    c->text = hash;
    c->len = (size_t)(end - hash);
}

static int regular_mode(tokenizer *t, token *out)
{
    for (;;) {
        int blank = 0;
        if (t->atbol) {
            t->atbol = 0;
            if (indentation(t, out, &blank))
                return T_ERROR;
        }
        if (t->pendin != 0)
            return indent_token(t, out);
    again:;
        const char *q = t->p;
        while (char_class[(unsigned char)*q] == CH_BLANK)
            q++;
        const char *start = q;
        if (*q == '#') {
            q += strcspn(q, "\n");
            if (t->comment_arena)
                keep_comment(t, start, q);
        }
        t->p = q;
        switch (char_class[(unsigned char)*q]) {
        case CH_EOF:
            if (!at_eof(t, q))
                break;
            if (t->level > 0)
                return eof_error(t, out);
            return endmarker(t, out);
        case CH_NL:
            if (blank || t->level > 0) {
                pass_newline(t, q);
                t->p = q + 1;
                t->atbol = 1;
                continue;
            }
            return newline_token(t, out, start, q);
        case CH_ID:
            return name_or_string(t, out, q);
        case CH_DIGIT:
            return tok_number(t, out, q, q, 0);
        case CH_DOT:
            if (q[1] >= '0' && q[1] <= '9')
                return tok_number(t, out, q, q + 1, 1);
            if (q[1] == '.' && q[2] == '.')
                return op_token(t, out, q, 3, OP_ELLIPSIS);
            return op_token(t, out, q, 1, OP_DOT);
        case CH_QUOTE:
            return string_token(t, out, q, q);
        case CH_BSLASH: {
            const char *next = continuation(t, out, q);
            if (!next)
                return T_ERROR;
            t->p = next;
            goto again;
        }
        default:
            break;
        }
        return punctuation(t, out, q);
    }
}

/* ---- f-string literal parts ---- */

static int unterminated_fstring(tokenizer *t, token *out, const fmode *m, const char *q)
{
    int detected = at_eof(t, q) ? eof_line(t) : t->lineno;
    if (m->quote_size == 3)
        return tok_raise_at(t, out, m->first_line, m->start_col,
                            "unterminated triple-quoted %c-string literal (detected at line %d)",
                            string_prefix(m), detected);
    return tok_raise_at(t, out, m->first_line, m->start_col,
                        "unterminated %c-string literal (detected at line %d)", string_prefix(m),
                        detected);
}

/* "\{" or "\}" in a non-raw f-/t-string: CPython's lexer warns at each
 * (its parser then stays silent about that escape). */
static void warn_brace_escape(tokenizer *t, const char *brace)
{
    char msg[160];
    snprintf(msg, sizeof msg,
             "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the "
             "future. Did you mean \"\\\\%c\"? A raw string is also an option.",
             *brace, *brace);
    tok_warn(t, t->lineno, (int)(brace - 1 - t->line_start), msg);
}

/* A replacement field starts at '{': into the regular mode. */
static int enter_field(tokenizer *t, token *out, fmode *m, const char *brace)
{
    m->expr_start++;
    if (m->expr_start >= TOK_MAX_EXPR_NESTING)
        return tok_raise(t, out, brace, "%c-string: expressions nested too deeply",
                         string_prefix(m));
    m->in_field = 1;
    m->in_spec = 0;
    return 0;
}

static int middle_token(tokenizer *t, token *out, const fmode *m, const char *start, int sline,
                        int scol, const char *end)
{
    t->p = end;
    return tok_emit(t, out, m->is_t ? T_TSTRING_MIDDLE : T_FSTRING_MIDDLE, start, sline, scol,
                    end);
}

/* Literal text of an f-string (or of a format spec) as MIDDLE tokens, kept
 * as written, then END at the quote. A MIDDLE ends where CPython's does:
 * before a field's '{', before a closing '}', and just after "{{", "}}" or
 * "\N{...}" (the split shows in the tree: a format spec of two literal
 * parts becomes a Constant, of one a JoinedStr). */
static int fstring_mode(tokenizer *t, token *out)
{
    fmode *m = &t->modes[t->fdepth];
    const char *p = t->p;
    int sline = t->lineno, scol = (int)(p - t->line_start);
    if (p[0] == '{' && p[1] != '{') {
        if (enter_field(t, out, m, p))
            return T_ERROR;
        return regular_mode(t, out);
    }
    int size = m->quote_size;
    if (p[0] == m->quote && (size == 1 || (p[1] == m->quote && p[2] == m->quote))) {
        t->fdepth--;
        t->p = p + size;
        if (m->first_line != sline && t->comment_arena)
            tok_keep_string_span(t, m->first_line, m->start_col, sline);
        return tok_emit(t, out, m->is_t ? T_TSTRING_END : T_FSTRING_END, p, sline, scol, t->p);
    }
    int in_spec = m->in_spec && m->expr_start >= 0;
    int closing = 0, named_escape = 0;
    const char *q = p;
    while (closing != size) {
        char c = *q;
        if (at_eof(t, q) || (size == 1 && c == '\n')) {
            if (in_spec && c == '\n') /* CPython's cursor is past the '\n', still on its line */
                return tok_raise_at(t, out, t->lineno, (int)(q - t->line_start),
                                    "%c-string: newlines are not allowed in format specifiers "
                                    "for single quoted %c-strings", string_prefix(m),
                                    string_prefix(m));
            return unterminated_fstring(t, out, m, q);
        }
        q++;
        if (c == m->quote) {
            closing++;
            continue;
        }
        closing = 0;
        if (c == '{') {
            if (*q != '{' || in_spec) {
                if (enter_field(t, out, m, q - 1))
                    return T_ERROR;
                return middle_token(t, out, m, p, sline, scol, q - 1);
            }
            return middle_token(t, out, m, p, sline, scol, q + 1); /* "{{" */
        } else if (c == '}') {
            if (named_escape) {
                return middle_token(t, out, m, p, sline, scol, q); /* "\N{...}" */
            } else if (*q == '}' && !in_spec && m->depth == 0) {
                return middle_token(t, out, m, p, sline, scol, q + 1); /* "}}" */
            } else {
                m->in_field = 1;
                m->in_spec = 0;
                return middle_token(t, out, m, p, sline, scol, q - 1);
            }
        } else if (c == '\n') {
            pass_newline(t, q - 1);
        } else if (c == '\\') {
            /* A brace after a backslash is still a brace; otherwise the
             * escaped character is skipped (a quote, a newline). */
            if (*q == '{' || *q == '}' || at_eof(t, q)) {
                if (!m->raw && *q != '\0')
                    warn_brace_escape(t, q);
                continue;
            }
            if (!m->raw && *q == 'N' && q[1] == '{') {
                named_escape = 1;
                q += 2;
                continue;
            }
            if (*q == '\n')
                pass_newline(t, q);
            q++;
        }
    }
    return middle_token(t, out, m, p, sline, scol, q - size);
}

/* ---- the interface ---- */

tokenizer *tok_new(arena *a, const char *bytes, size_t len)
{
    tokenizer *t = arena_alloc(a, sizeof *t);
    src_text src;
    if (src_decode(a, bytes, len, &src, &t->err) < 0) {
        static const char empty[] = "";
        t->src = t->end = t->p = t->line_start = empty;
        t->err_raised = 1;
        t->undecodable = 1;
        t->done = 1;
        t->last.type = T_ERROR;
        t->last.lineno = t->last.end_lineno = t->err.lineno;
        t->last.col_offset = t->last.end_col_offset = t->err.col_offset;
        t->last.start = t->last.end = empty;
        return t;
    }
    t->src = t->p = t->line_start = src.text;
    t->end = src.text + src.len;
    t->warn_arena = a;
    t->lineno = 1;
    t->atbol = 1;
    return t;
}

int tok_next(tokenizer *t, token *out)
{
    if (t->done) {
        *out = t->last;
        return out->type;
    }
    int type;
    if (t->fdepth > 0 && !t->modes[t->fdepth].in_field)
        type = fstring_mode(t, out);
    else
        type = regular_mode(t, out);
    if (type == T_ERROR || type == T_ENDMARKER) {
        t->done = 1;
        t->last = *out;
    }
    return type;
}

/* In this file so that tok_next is inlined into the loop: a call per
 * token is a measurable part of tokenizing. */
int tok_next_n(tokenizer *t, token *out, int n)
{
    int i = 0;
    while (i < n) {
        int type = tok_next(t, &out[i++]);
        if (type == T_ERROR || type == T_ENDMARKER)
            break;
    }
    return i;
}

const syntax_error *tok_error(const tokenizer *t)
{
    return &t->err;
}

int tok_error_is_raised(const tokenizer *t)
{
    return t->err_raised;
}

int tok_error_is_eof_in_brackets(const tokenizer *t)
{
    return t->err_eof_brackets;
}

int tok_level(const tokenizer *t)
{
    return t->level;
}

void tok_innermost_bracket(const tokenizer *t, char *ch, int *lineno, int *col_offset)
{
    if (t->level == 0) {
        *ch = '(';
        *lineno = t->lineno;
        *col_offset = 0;
        return;
    }
    *ch = t->parenstack[t->level - 1];
    *lineno = t->parenline[t->level - 1];
    *col_offset = t->parencol[t->level - 1];
}

int tok_fstring_depth(const tokenizer *t)
{
    return t->fdepth;
}

const char *tok_source(const tokenizer *t, size_t *len)
{
    *len = (size_t)(t->end - t->src);
    return t->src;
}

void tok_keep_comments(tokenizer *t, arena *a)
{
    t->comment_arena = a;
}

const py_comment *tok_comments(const tokenizer *t, int *n)
{
    *n = t->ncomments;
    return t->comments;
}

int tok_decoded(const tokenizer *t)
{
    return !t->undecodable;
}
