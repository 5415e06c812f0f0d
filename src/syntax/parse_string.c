/* parse_string.c - the `strings` rule: string, bytes, f-string and t-string
 * literals and their implicit concatenation, building what CPython 3.14's
 * action helpers build (Parser/action_helpers.c: _PyPegen_concatenate_strings,
 * _PyPegen_joined_str, _PyPegen_formatted_value, ...), with the same node
 * positions and errors. Escape decoding itself is str_decode.c's.
 *
 *   strings: (fstring|string)+ | tstring+
 *   fstring: FSTRING_START fstring_middle* FSTRING_END
 *   fstring_middle: fstring_replacement_field | FSTRING_MIDDLE
 *   fstring_replacement_field:
 *       '{' annotated_rhs '='? [fstring_conversion] [fstring_full_format_spec] '}'
 *   fstring_conversion: '!' NAME
 *   fstring_full_format_spec: ':' fstring_format_spec*
 *   fstring_format_spec: FSTRING_MIDDLE | fstring_replacement_field
 * and the same for t-strings, whose fields are Interpolations (the fields
 * nested in their format specs are still FormattedValues). */
#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "parser_core.h"
#include "pyrepr.h"
#include "str_decode.h"

enum { ERRMSG = 256 };

/* CPython's lexer records the source text of replacement fields (for '='
 * debug text and Interpolation.str) once per f-string, as a start that a
 * field's '{' resets and an end set by the '!', ':' and '}' that follow;
 * nested format-spec fields do not always reset it, which shows in their
 * debug text ("{x:{y}{z=}}" gives 'y}{z='). Token indexes; end -1: unset. */
typedef struct text_span {
    int start, end;
} text_span;

/* The literal being parsed: which token types continue it and how its
 * text is read. `kind` is the letter CPython's messages start with. */
typedef struct fmt_ctx {
    int middle, end; /* T_FSTRING_MIDDLE/END or T_TSTRING_MIDDLE/END */
    int flags;       /* STR_* of the prefix */
    char kind;       /* 'f' or 't' */
    text_span *span; /* this f-string's */
} fmt_ctx;

static int is_string_start(const token *t)
{
    return t->type == T_STRING || t->type == T_FSTRING_START || t->type == T_TSTRING_START;
}

static int at_op(const token *t, tok_op op)
{
    return t->type == T_OP && t->op == op;
}

static size_t tok_len(const token *t)
{
    return (size_t)(t->end - t->start);
}

/* CPython warns about a literal's first invalid escape, in the first pass
 * only (the second runs only to find an error), at `lineno` plus the lines
 * of the literal before the escape: the token's own line, except for the
 * literal parts of an f-/t-string, which CPython counts from the line of
 * the string's closing quote. */
static void warn_escape(parser *p, const token *t, int lineno, const str_value *v)
{
    if (v->invalid && !p->second_pass)
        tok_warn_escape(p->tz, t, lineno, v->invalid);
}

static ast_node *new_str_constant(parser *p, str_value v, p_loc start, p_loc end)
{
    ast_node *n = p_new_loc(p, AST_Constant, start, end);
    n->v.Constant.value.kind = CONST_STR;
    n->v.Constant.value.u.str.s = v.s;
    n->v.Constant.value.u.str.len = v.len;
    return n;
}

static int is_str_constant(const ast_node *n)
{
    return n->kind == AST_Constant && n->v.Constant.value.kind == CONST_STR;
}

static int is_empty_str(const ast_node *n)
{
    return is_str_constant(n) && n->v.Constant.value.u.str.len == 0;
}

/* ---- plain string and bytes literals ---- */

/* string: STRING (_PyPegen_constant_from_string). Decoding errors are
 * CPython's RAISE_SYNTAX_ERROR, located at the last token fetched: this
 * one, unless the parser had looked further ahead before. */
static ast_node *string_literal(parser *p)
{
    token *t = p_next(p);
    int flags;
    const char *body;
    size_t len;
    if (!str_split_literal(t->start, tok_len(t), &flags, &body, &len))
        return P_RAISE_TOK(p, t, "invalid string literal");
    str_value v;
    char err[ERRMSG];
    ast_node *n = p_new_loc(p, AST_Constant, p_loc_tok(t), p_loc_tok(t));
    if (flags & STR_BYTES) {
        int r = bytes_decode(p->a, body, len, flags, &v, err, sizeof err);
        if (r < 0) /* RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, ...) */
            return P_RAISE_TOK(p, t, "%s", err);
        if (r == 0)
            return p_raise(p, "%s", err);
        n->v.Constant.value.kind = CONST_BYTES;
    } else {
        if (!str_decode(p->a, body, len, flags, 0, &v, err, sizeof err))
            return p_raise(p, "%s", err);
        n->v.Constant.value.kind = CONST_STR;
    }
    warn_escape(p, t, t->lineno, &v);
    n->v.Constant.value.u.str.s = v.s;
    n->v.Constant.value.u.str.len = v.len;
    /* Only a lowercase 'u' first: CPython tests the_str[0] == 'u'. */
    if (t->start[0] == 'u')
        n->v.Constant.kind = "u";
    return n;
}

/* ---- concatenation (_PyPegen_concatenate_strings) ---- */

/* Constants in items[from, to) joined into one, with the kind and start of
 * the first and the end of the last. */
static ast_node *join_constants(parser *p, ast_node **items, int from, int to)
{
    size_t len = 0;
    for (int i = from; i < to; i++)
        len += items[i]->v.Constant.value.u.str.len;
    char *s = arena_alloc(p->a, len + 1);
    size_t at = 0;
    for (int i = from; i < to; i++) {
        const ast_const *c = &items[i]->v.Constant.value;
        memcpy(s + at, c->u.str.s, c->u.str.len);
        at += c->u.str.len;
    }
    str_value v = {s, len, NULL};
    ast_node *n = new_str_constant(p, v, p_loc_node(items[from]), p_loc_node(items[to - 1]));
    n->v.Constant.value.kind = items[from]->v.Constant.value.kind;
    n->v.Constant.kind = items[from]->v.Constant.kind;
    return n;
}

/* Append the values of a JoinedStr/TemplateStr, or the node itself. */
static void flatten_into(parser *p, p_vec *out, ast_node *n)
{
    ast_seq *vals;
    if (n->kind == AST_JoinedStr) {
        vals = n->v.JoinedStr.values;
    } else if (n->kind == AST_TemplateStr) {
        vals = n->v.TemplateStr.values;
    } else {
        vec_push(p, out, n);
        return;
    }
    for (int i = 0; i < AST_SEQ_LEN(vals); i++)
        vec_push(p, out, vals->items[i]);
}

/* Merge runs of adjacent constants; empty results go. */
static ast_seq *fold_constants(parser *p, p_vec *flat)
{
    p_vec out;
    vec_init(&out);
    ast_node **items = (ast_node **)flat->items;
    for (int i = 0; i < flat->n;) {
        ast_node *n = items[i];
        int j = i + 1;
        if (n->kind == AST_Constant) {
            while (j < flat->n && items[j]->kind == AST_Constant)
                j++;
            if (j - i > 1)
                n = join_constants(p, items, i, j);
            if (is_empty_str(n)) {
                i = j;
                continue;
            }
        }
        vec_push(p, &out, n);
        i = j;
    }
    return vec_seq(p, &out);
}

/* The value of `strings` (or of a format spec) from its parts: Constants,
 * JoinedStrs, TemplateStrs, FormattedValues, Interpolations. */
static ast_node *concatenate(parser *p, p_vec *items, p_loc start, p_loc end, int tstrings)
{
    int fstring = tstrings, unicode = 0, bytes = 0;
    for (int i = 0; i < items->n; i++) {
        ast_node *n = items->items[i];
        if (n->kind != AST_Constant)
            fstring = 1;
        else if (n->v.Constant.value.kind == CONST_BYTES)
            bytes = 1;
        else
            unicode = 1;
    }
    if (bytes && (unicode || fstring))
        return p_raise(p, "cannot mix bytes and nonbytes literals");
    if (!fstring) {
        if (items->n == 1)
            return items->items[0];
        /* One Constant spanning the whole rule: for a format spec made of
         * several literal parts, that is from its ':'. */
        ast_node *n = join_constants(p, (ast_node **)items->items, 0, items->n);
        n->lineno = start.lineno, n->col_offset = start.col_offset;
        n->end_lineno = end.end_lineno, n->end_col_offset = end.end_col_offset;
        return n;
    }
    p_vec flat;
    vec_init(&flat);
    for (int i = 0; i < items->n; i++)
        flatten_into(p, &flat, items->items[i]);
    ast_seq *values = fold_constants(p, &flat);
    ast_node *n = p_new_loc(p, tstrings ? AST_TemplateStr : AST_JoinedStr, start, end);
    if (tstrings)
        n->v.TemplateStr.values = values;
    else
        n->v.JoinedStr.values = values;
    return n;
}

/* ---- replacement fields ---- */

static int field(parser *p, const fmt_ctx *c, int depth, int reset, p_vec *out);

/* A literal part of an f-/t-string, decoded now: the text of a format spec
 * (_PyPegen_decoded_constant_from_token). Its decoding error surfaces in
 * CPython as a bare UnicodeDecodeError, which has no line. */
static ast_node *spec_literal(parser *p, const fmt_ctx *c, token *t)
{
    str_value v;
    char err[ERRMSG];
    if (!str_decode(p->a, t->start, tok_len(t), c->flags, DEC_BRACES, &v, err, sizeof err)) {
        const char *msg = err + strlen("(unicode error) ");
        p_loc nowhere = {0, 0, 0, 0};
        return p_raise_range(p, "UnicodeDecodeError", nowhere, nowhere, "%s", msg);
    }
    warn_escape(p, t, t->lineno, &v);
    return new_str_constant(p, v, p_loc_tok(t), p_loc_tok(t));
}

/* fstring_full_format_spec: ':' fstring_format_spec*
 * (_PyPegen_setup_full_format_spec: empty parts dropped; a JoinedStr from
 * the ':' to the last part, the parts concatenated when there are several). */
static ast_node *format_spec(parser *p, const fmt_ctx *c, int depth)
{
    int mark = p_mark(p);
    p_next(p); /* ':' */
    p_vec parts;
    vec_init(&parts);
    /* Whether the next field starts a new recorded text: CPython's lexer
     * resets it on a '{' it meets while reading literal text, which is
     * after some text, or first thing in a top-level field's spec. */
    int reset = depth == 0;
    for (;;) {
        token *t = p_peek(p);
        if (t->type == c->middle) {
            ast_node *lit = spec_literal(p, c, p_next(p));
            if (!lit)
                return NULL;
            if (tok_len(t) > 0)
                reset = 1;
            if (!is_empty_str(lit))
                vec_push(p, &parts, lit);
        } else if (at_op(t, OP_LBRACE)) {
            if (!field(p, c, depth + 1, reset, &parts)) {
                if (p->error)
                    return NULL;
                break; /* the caller fails at the '{' */
            }
            reset = 0;
        } else {
            break;
        }
    }
    ast_node *whole = p_new(p, AST_JoinedStr, mark);
    if (parts.n == 0 || (parts.n == 1 && ((ast_node *)parts.items[0])->kind == AST_Constant)) {
        whole->v.JoinedStr.values = vec_seq(p, &parts);
        return whole;
    }
    return concatenate(p, &parts, p_loc_node(whole), p_loc_node(whole), 0);
}

/* Comments out of a field's text, as CPython's set_ftstring_expr takes
 * them out: a first scan looks for a '#' outside quotes (skipping escaped
 * characters), a second one removes each such '#' up to its newline. The
 * quote tracking is rough (a triple quote or a nested f-string's text
 * confuse it), and the result shows in the AST, so it is kept as it is. */
static size_t strip_comments(char *s, size_t n)
{
    int in_string = 0, found = 0;
    char quote = 0;
    for (size_t i = 0; i < n && !found; i++) {
        char ch = s[i];
        if (ch == '\\') {
            i++;
        } else if (ch == '"' || ch == '\'') {
            if (!in_string)
                in_string = 1, quote = ch;
            else if (ch == quote)
                in_string = 0;
        } else if (ch == '#' && !in_string) {
            found = 1;
        }
    }
    if (!found)
        return n;
    size_t j = 0;
    in_string = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '"' || ch == '\'') {
            if (!in_string)
                in_string = 1, quote = ch;
            else if (ch == quote)
                in_string = 0;
            s[j++] = ch;
        } else if (ch == '#' && !in_string) {
            while (i < n && s[i] != '\n')
                i++;
            if (i < n)
                s[j++] = '\n';
        } else {
            s[j++] = ch;
        }
    }
    s[j] = '\0';
    return j;
}

/* The source text of a replacement field as CPython's lexer records it:
 * from the end of token `from` (a '{') to the start of token `to` (a '!',
 * ':' or '}'), absolute token indexes, comments taken out. */
static char *field_text(parser *p, int from, int to, size_t *len)
{
    const char *start = p_tok(p, from)->end, *stop = p_tok(p, to)->start;
    char *out = arena_strndup(p->a, start, (size_t)(stop - start));
    *len = strip_comments(out, (size_t)(stop - start));
    return out;
}

/* "%R" of a conversion name, for the invalid-conversion message. */
static void repr_name(const char *id, char *out, size_t size)
{
    buf b;
    buf_init(&b);
    py_repr_str(&b, id, strlen(id));
    snprintf(out, size, "%s", b.data ? b.data : "''");
    buf_free(&b);
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* fstring_conversion: '!' NAME, checked as the action does: the NAME must
 * touch the '!' and be s, r or a. Returns 0 with an error set; *conv stays
 * NULL when there is no conversion. */
static int conversion(parser *p, const fmt_ctx *c, token **conv)
{
    *conv = NULL;
    if (!p_at_op(p, OP_EXCLAMATION))
        return 1;
    int mark = p_mark(p);
    token *bang = p_next(p);
    token *name = p_accept_name(p);
    if (!name) {
        p_reset(p, mark);
        return 1;
    }
    if (bang->lineno != name->lineno || bang->end_col_offset != name->col_offset) {
        p_raise_range(p, "SyntaxError", p_loc_tok(bang), p_loc_tok(name),
                      "%c-string: conversion type must come right after the exclamation mark",
                      c->kind);
        return 0;
    }
    /* Checked at once, before the rest of the field is read. */
    const char *id = p_ident(p, name);
    if (utf8_chars(id) != 1 || (id[0] != 's' && id[0] != 'r' && id[0] != 'a')) {
        char r[200];
        repr_name(id, r, sizeof r);
        P_RAISE_TOK(p, name, "%c-string: invalid conversion character %s: expected 's', 'r', or 'a'",
                    c->kind, r);
        return 0;
    }
    *conv = name;
    return 1;
}

/* RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN */
static int raise_on_next(parser *p, const fmt_ctx *c, const char *what)
{
    token *t = p_peek(p);
    if (!p->error)
        P_RAISE_TOK(p, t, "%c-string: %s", c->kind, what);
    return 0;
}

static int at_any_op(parser *p, const char *ops)
{
    token *t = p_peek(p);
    if (t->type != T_OP)
        return 0;
    for (; *ops; ops++) {
        tok_op want = *ops == '=' ? OP_EQUAL : *ops == '!' ? OP_EXCLAMATION
                      : *ops == ':' ? OP_COLON : OP_RBRACE;
        if (t->op == want)
            return 1;
    }
    return 0;
}

/* invalid_expression's lambda alternative, for when the expression parser
 * leaves it to us:  'lambda' [lambda_params] ':' &FSTRING_MIDDLE
 * (a '{' after the ':' is a format spec's field, and the lambda's body). */
static int invalid_lambda(parser *p, const fmt_ctx *c)
{
    int mark = p_mark(p);
    token *lambda = p_accept_kw(p, KW_lambda);
    if (!lambda)
        return 1;
    if (!p_at_op(p, OP_COLON) && !parse_params(p, 1)) {
        p_reset(p, mark);
        return !p->error;
    }
    token *colon = p_accept_op(p, OP_COLON);
    token *next = p_peek(p);
    if (colon && next->type == c->middle) {
        p_raise_range(p, "SyntaxError", p_loc_tok(lambda), p_loc_tok(colon),
                      "%c-string: lambda expressions are not allowed without parentheses",
                      c->kind);
        return 0;
    }
    p_reset(p, mark);
    return !p->error;
}

/* The format spec in invalid_replacement_field: `fstring_format_spec*`
 * even in a t-string, as in CPython's grammar, so there TSTRING_MIDDLE
 * parts match nothing and nested fields are read as f-string ones.
 * Returns 0 when an error was raised. */
static int skip_spec_as_fstring(parser *p, const fmt_ctx *c)
{
    text_span scratch = {0, -1};
    fmt_ctx f = {T_FSTRING_MIDDLE, T_FSTRING_END, c->flags, 'f', &scratch};
    for (;;) {
        token *s = p_peek(p);
        if (s->type == f.middle) {
            p_next(p);
        } else if (at_op(s, OP_LBRACE)) {
            p_vec ignored;
            vec_init(&ignored);
            if (!field(p, &f, 1, 1, &ignored))
                return !p->error;
        } else {
            return 1;
        }
    }
}

/* invalid_replacement_field (second pass only): the field at `mark` did
 * not parse; raise the message CPython's invalid rule would. */
static int invalid_field(parser *p, const fmt_ctx *c, int mark)
{
    p_reset(p, mark);
    p_next(p); /* '{' */
    token *t = p_peek(p);
    if (at_any_op(p, "=!:}")) {
        P_RAISE_TOK(p, t, "%c-string: valid expression required before '%.*s'", c->kind,
                    (int)tok_len(t), t->start);
        return 0;
    }
    if (!invalid_lambda(p, c))
        return 0;
    p->nest++;
    ast_node *value = parse_annotated_rhs(p);
    p->nest--;
    if (!value) {
        if (p->error)
            return 0;
        p_reset(p, mark + 1);
        return raise_on_next(p, c, "expecting a valid expression after '{'");
    }
    if (!at_any_op(p, "=!:}"))
        return raise_on_next(p, c, "expecting '=', or '!', or ':', or '}'");
    if (p_accept_op(p, OP_EQUAL) && !at_any_op(p, "!:}"))
        return raise_on_next(p, c, "expecting '!', or ':', or '}'");
    if (p_accept_op(p, OP_EXCLAMATION)) {
        if (at_any_op(p, ":}"))
            return raise_on_next(p, c, "missing conversion character");
        if (!p_accept_name(p))
            return raise_on_next(p, c, "invalid conversion character");
    }
    if (!at_any_op(p, ":}"))
        return raise_on_next(p, c, "expecting ':' or '}'");
    int before_spec = p_mark(p);
    if (!p_accept_op(p, OP_COLON))
        return 0;
    if (!skip_spec_as_fstring(p, c))
        return 0;
    if (!p_at_op(p, OP_RBRACE))
        return raise_on_next(p, c, "expecting '}', or format specs");
    /* The last alternative, '{' annotated_rhs '='? ['!' NAME] !'}'. */
    p_reset(p, before_spec);
    return raise_on_next(p, c, "expecting '}'");
}

/* A replacement field as read, before its nodes are made. */
typedef struct field_parts {
    int mark;           /* token index of the '{' */
    token *lbrace, *debug, *conv, *rbrace;
    ast_node *value, *spec;
    int want_text;      /* for a debug Constant or an Interpolation.str */
    const char *text;   /* the recorded text, taken at the token after the */
    size_t text_len;    /* expression or its '=' */
} field_parts;

/* A terminator of a field ('!', ':' or '}') at token index `at` sets the
 * recorded end when none is set, and moves it when it is the '!' or '}'
 * of a debug field. */
static void span_end(const fmt_ctx *c, int at, int moves)
{
    if (moves || c->span->end < 0)
        c->span->end = at;
}

static void take_text(parser *p, const fmt_ctx *c, field_parts *f)
{
    if (f->want_text && !f->text)
        f->text = field_text(p, c->span->start, c->span->end, &f->text_len);
}

/* The Constant holding a debug field's text ('=' included), placed as
 * _PyPegen_formatted_value places it. */
static ast_node *debug_text(parser *p, const field_parts *f)
{
    str_value v = {f->text, f->text_len, NULL};
    p_loc start = {f->lbrace->lineno, f->lbrace->col_offset + 1, 0, 0};
    p_loc end = {0, 0, f->rbrace->lineno, f->rbrace->col_offset};
    if (f->conv)
        end.end_lineno = f->conv->lineno, end.end_col_offset = f->conv->col_offset - 1;
    else if (f->spec)
        end.end_lineno = f->spec->lineno, end.end_col_offset = f->spec->col_offset;
    return new_str_constant(p, v, start, end);
}

static int is_blank_or_equal(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f' ||
           (ch >= 0x1C && ch <= 0x1F) || ch == '=';
}

/* Interpolation.str: the field's text with trailing blanks and '=' cut
 * (_strip_interpolation_expr). */
static ast_const interpolation_str(parser *p, const field_parts *f)
{
    size_t len = f->text_len;
    char *text = arena_strndup(p->a, f->text, len);
    while (len > 0 && is_blank_or_equal(text[len - 1]))
        text[--len] = '\0';
    ast_const k = {.kind = CONST_STR};
    k.u.str.s = text;
    k.u.str.len = len;
    return k;
}

/* The field's nodes (_PyPegen_formatted_value / _PyPegen_interpolation):
 * with '=', the debug text Constant, then the field. */
static void make_field(parser *p, const fmt_ctx *c, int depth, const field_parts *f, p_vec *out)
{
    int conv_char = -1;
    if (f->conv)
        conv_char = p_ident(p, f->conv)[0];
    else if (f->debug && !f->spec)
        conv_char = 'r';
    if (f->debug)
        vec_push(p, out, debug_text(p, f));
    ast_node *n;
    if (c->kind == 't' && depth == 0) {
        n = p_new(p, AST_Interpolation, f->mark);
        n->v.Interpolation.value = f->value;
        n->v.Interpolation.str = interpolation_str(p, f);
        n->v.Interpolation.conversion = conv_char;
        n->v.Interpolation.format_spec = f->spec;
    } else {
        n = p_new(p, AST_FormattedValue, f->mark);
        n->v.FormattedValue.value = f->value;
        n->v.FormattedValue.conversion = conv_char;
        n->v.FormattedValue.format_spec = f->spec;
    }
    vec_push(p, out, n);
}

/* CPython records no text for a debug field two format specs deep: its
 * Constant has no value, and ast.parse fails with this ValueError. */
static int raise_no_debug_text(parser *p)
{
    p_loc nowhere = {0, 0, 0, 0};
    p_raise_range(p, "ValueError", nowhere, nowhere, "field 'value' is required for Constant");
    return 0;
}

/* fstring_replacement_field / tstring_replacement_field: appends the
 * field's nodes to `out`. `depth` counts the format specs around it in
 * this f-string; `reset`: it starts a new recorded text (always for a
 * top-level field). Returns 0 on no
 * match (position restored) or error; in the second pass a field that
 * does not parse raises the invalid_replacement_field error. */
static int field(parser *p, const fmt_ctx *c, int depth, int reset, p_vec *out)
{
    field_parts f = {0};
    f.mark = p_mark(p);
    f.lbrace = p_next(p);
    if (reset) {
        c->span->start = f.mark;
        c->span->end = -1;
    }
    p->nest++;
    f.value = parse_annotated_rhs(p);
    p->nest--;
    if (!f.value)
        goto fail;
    f.debug = p_accept_op(p, OP_EQUAL);
    f.want_text = (f.debug && depth < 2) || (c->kind == 't' && depth == 0);
    if (!conversion(p, c, &f.conv))
        return 0;
    if (f.conv) {
        span_end(c, p_mark(p) - 2, f.debug != NULL);
        take_text(p, c, &f);
    }
    if (p_at_op(p, OP_COLON)) {
        span_end(c, p_mark(p), 0);
        take_text(p, c, &f);
        if (!(f.spec = format_spec(p, c, depth))) {
            if (p->error)
                return 0;
            goto fail;
        }
    }
    if (!(f.rbrace = p_accept_op(p, OP_RBRACE)))
        goto fail;
    span_end(c, p_mark(p) - 1, f.debug != NULL);
    take_text(p, c, &f);
    if (f.debug && depth >= 2)
        return raise_no_debug_text(p);
    make_field(p, c, depth, &f, out);
    return 1;

fail:
    if (!p->error && p->call_invalid_rules)
        invalid_field(p, c, f.mark);
    p_reset(p, f.mark);
    return 0;
}

/* ---- f-strings and t-strings ---- */

/* fstring: FSTRING_START fstring_middle* FSTRING_END (_PyPegen_joined_str:
 * the literal parts are decoded once the string is complete, so their
 * errors are located at its end; empty parts are dropped). */
static ast_node *formatted_string(parser *p)
{
    int mark = p_mark(p);
    token *start = p_next(p);
    int is_t = start->type == T_TSTRING_START;
    size_t prefix_len;
    text_span span = {mark, -1};
    fmt_ctx c = {is_t ? T_TSTRING_MIDDLE : T_FSTRING_MIDDLE, is_t ? T_TSTRING_END : T_FSTRING_END,
                 str_prefix(start->start, tok_len(start), &prefix_len), is_t ? 't' : 'f', &span};
    p_vec parts, literal;
    vec_init(&parts);
    vec_init(&literal); /* the token behind each part that is still text */
    for (;;) {
        token *t = p_peek(p);
        if (t->type == c.middle) {
            p_next(p);
            vec_push(p, &parts, NULL);
            vec_push(p, &literal, t);
        } else if (at_op(t, OP_LBRACE)) {
            if (!field(p, &c, 0, 1, &parts)) {
                if (!p->error)
                    p_reset(p, mark);
                return NULL;
            }
            while (literal.n < parts.n)
                vec_push(p, &literal, NULL);
        } else {
            break;
        }
    }
    token *end = p_accept_type(p, c.end);
    if (!end) {
        p_reset(p, mark);
        return NULL;
    }
    p_vec values;
    vec_init(&values);
    for (int i = 0; i < parts.n; i++) {
        token *t = literal.items[i];
        if (!t) {
            vec_push(p, &values, parts.items[i]);
            continue;
        }
        str_value v;
        char err[ERRMSG];
        if (!str_decode(p->a, t->start, tok_len(t), c.flags, DEC_BRACES, &v, err, sizeof err))
            return p_raise(p, "%s", err);
        warn_escape(p, t, end->lineno, &v);
        if (v.len > 0)
            vec_push(p, &values, new_str_constant(p, v, p_loc_tok(t), p_loc_tok(t)));
    }
    ast_node *n = p_new_loc(p, is_t ? AST_TemplateStr : AST_JoinedStr, p_loc_tok(start), p_loc_tok(end));
    if (is_t)
        n->v.TemplateStr.values = vec_seq(p, &values);
    else
        n->v.JoinedStr.values = vec_seq(p, &values);
    return n;
}

/* ---- strings ---- */

/* strings: (fstring|string)+ | tstring+
 * The second pass adds invalid_string_tstring_concat: a t-string next to
 * any other literal is an error. */
ast_node *parse_strings(parser *p)
{
    int mark = p_mark(p);
    token *first = p_peek(p);
    if (!is_string_start(first))
        return NULL;
    int tstrings = first->type == T_TSTRING_START;
    p_vec items;
    vec_init(&items);
    for (;;) {
        token *t = p_peek(p);
        if (!is_string_start(t))
            break;
        int is_t = t->type == T_TSTRING_START;
        if (is_t != tstrings && !p->call_invalid_rules)
            break;
        int item_mark = p_mark(p);
        ast_node *n = t->type == T_STRING ? string_literal(p) : formatted_string(p);
        if (!n) {
            if (p->error)
                return NULL;
            p_reset(p, item_mark);
            break;
        }
        if (is_t != tstrings) {
            ast_node *last = items.items[items.n - 1];
            return p_raise_range(p, "SyntaxError", p_loc_node(last), p_loc_node(n),
                                 "cannot mix t-string literals with string or bytes literals");
        }
        vec_push(p, &items, n);
    }
    if (items.n == 0) {
        p_reset(p, mark);
        return NULL;
    }
    ast_node *last = items.items[items.n - 1];
    return concatenate(p, &items, p_loc_tok(first), p_loc_node(last), tstrings);
}
