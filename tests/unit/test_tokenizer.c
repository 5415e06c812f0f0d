/* test_tokenizer.c - the tokenizer alone: token streams, positions, and
 * every lexer error with the line CPython 3.14 reports it on (each expected
 * message and line was checked against CPython through the oracle). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "syntax/token.h"

static const char *const type_names[] = {
    "END", "NAME", "NUM", "STR", "NL", "IND", "DED", "OP",
    "FS", "FM", "FE", "TS", "TM", "TE", "ERR",
};

/* The token types of src, space separated (ENDMARKER and ERROR end it). */
static void types_of(const char *src, size_t len, char *out, size_t cap)
{
    arena *a = arena_new();
    tokenizer *t = tok_new(a, src, len);
    token k;
    out[0] = '\0';
    for (;;) {
        int ty = tok_next(t, &k);
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", n ? " " : "", type_names[ty]);
        if (ty == T_ENDMARKER || ty == T_ERROR)
            break;
    }
    arena_free(a);
}

static void expect_types(const char *src, const char *want)
{
    char got[4096];
    types_of(src, strlen(src), got, sizeof got);
    if (strcmp(got, want) != 0)
        print_error("source %s\n  want %s\n  got  %s\n", src, want, got);
    assert_string_equal(got, want);
}

/* Tokenizes to the first error; checks its line, message and kind. */
static void expect_error_n(const char *src, size_t len, int line, const char *msg,
                           int raised)
{
    arena *a = arena_new();
    tokenizer *t = tok_new(a, src, len);
    token k;
    int ty;
    long guard = 0;
    while ((ty = tok_next(t, &k)) != T_ERROR && ty != T_ENDMARKER)
        assert_true(++guard < 10000000);
    if (ty != T_ERROR)
        print_error("source %s: no error\n", src);
    assert_int_equal(ty, T_ERROR);
    const syntax_error *e = tok_error(t);
    if (e->lineno != line || strstr(e->msg, msg) == NULL)
        print_error("source %s\n  want %d: %s\n  got  %d: %s\n", src, line, msg, e->lineno,
                    e->msg);
    assert_int_equal(e->lineno, line);
    assert_non_null(strstr(e->msg, msg));
    assert_int_equal(tok_error_is_raised(t), raised);
    /* Errors repeat. */
    assert_int_equal(tok_next(t, &k), T_ERROR);
    arena_free(a);
}

static void expect_error(const char *src, int line, const char *msg, int raised)
{
    expect_error_n(src, strlen(src), line, msg, raised);
}

/* ---- token streams ---- */

static void test_simple_statements(void **state)
{
    (void)state;
    expect_types("", "END");
    expect_types("x = 1\n", "NAME OP NUM NL END");
    expect_types("x = 1", "NAME OP NUM NL END");
    expect_types("# only a comment\n\n   \n", "END");
    expect_types("x = (1,\n  2)  # c\ny\n", "NAME OP OP NUM OP NUM OP NL NAME NL END");
    expect_types("x = 1 + \\\n  2\n", "NAME OP NUM OP NUM NL END");
    expect_types("a.b(...)[1:2]\n", "NAME OP NAME OP OP OP OP NUM OP NUM OP NL END");
}

static void test_indentation(void **state)
{
    (void)state;
    expect_types("if x:\n    y\n    # c\n  # d\n\n    z\nw\n",
                 "NAME NAME OP NL IND NAME NL NAME NL DED NAME NL END");
    expect_types("if x:\n  if y:\n    z\n", "NAME NAME OP NL IND NAME NAME OP NL IND NAME NL "
                                          "DED DED END");
    /* A tab is 8 columns, consistently. */
    expect_types("if x:\n\tpass\n\tpass\n", "NAME NAME OP NL IND NAME NL NAME NL DED END");
    /* Form feed resets the column. */
    expect_types("\014if x:\n\014    pass\n", "NAME NAME OP NL IND NAME NL DED END");
    /* The first backslash decides the indentation. */
    expect_types("if 1:\n  \\\n    x\n", "NAME NUM OP NL IND NAME NL DED END");
}

static void test_names_and_keywords(void **state)
{
    (void)state;
    arena *a = arena_new();
    const char *src = "if match _ type case None lambda notakw \xc3\xa9t\xc3\xa9\n";
    tokenizer *t = tok_new(a, src, strlen(src));
    int kws[] = {KW_if, SKW_match, SKW_underscore, SKW_type, SKW_case, KW_None, KW_lambda,
                 KW_NONE, KW_NONE};
    token k;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        assert_int_equal(tok_next(t, &k), T_NAME);
        assert_int_equal(k.kw, kws[i]);
    }
    /* Columns are UTF-8 byte offsets. */
    assert_int_equal(k.col_offset, 40);
    assert_int_equal(k.end_col_offset, 45);
    assert_string_equal(tok_kw_text(KW_nonlocal), "nonlocal");
    arena_free(a);
    /* Every keyword is found, and near misses are plain names. */
    for (int kw = KW_NONE + 1; kw < KW_COUNT; kw++) {
        char buf[32];
        a = arena_new();
        snprintf(buf, sizeof buf, "%s %sx x%s\n", tok_kw_text(kw), tok_kw_text(kw),
                 tok_kw_text(kw));
        t = tok_new(a, buf, strlen(buf));
        assert_int_equal(tok_next(t, &k), T_NAME);
        assert_int_equal(k.kw, kw);
        assert_int_equal(tok_next(t, &k), T_NAME);
        assert_int_equal(k.kw, KW_NONE);
        assert_int_equal(tok_next(t, &k), T_NAME);
        assert_int_equal(k.kw, KW_NONE);
        arena_free(a);
    }
    a = arena_new();
    assert_string_equal(tok_op_text(OP_DOUBLESLASHEQUAL), "//=");
    arena_free(a);
}

static void test_operators(void **state)
{
    (void)state;
    arena *a = arena_new();
    const char *src = "<> -> := ... ! != **= //= >>= <<= @= ~ $\n";
    int ops[] = {OP_NOTEQUAL, OP_RARROW, OP_COLONEQUAL, OP_ELLIPSIS, OP_EXCLAMATION,
                 OP_NOTEQUAL, OP_DOUBLESTAREQUAL, OP_DOUBLESLASHEQUAL, OP_RIGHTSHIFTEQUAL,
                 OP_LEFTSHIFTEQUAL, OP_ATEQUAL, OP_TILDE, OP_NONE};
    tokenizer *t = tok_new(a, src, strlen(src));
    token k;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        assert_int_equal(tok_next(t, &k), T_OP);
        assert_int_equal(k.op, ops[i]);
    }
    assert_int_equal(tok_next(t, &k), T_NEWLINE);
    arena_free(a);
}

static void test_numbers(void **state)
{
    (void)state;
    expect_types("0x_ff 0o17 0b1_0 1_000.5e-3j .5 1. 0 00 0_0 0e1 09.5 5J\n",
                 "NUM NUM NUM NUM NUM NUM NUM NUM NUM NUM NUM NUM NL END");
    /* A keyword right after a number is allowed (CPython warns). */
    expect_types("1if x else 2\n", "NUM NAME NAME NAME NUM NL END");
    expect_types("0x1for\n", "NUM NAME NL END");
    expect_types("1else\n", "NUM NAME NL END");
}

static void test_strings(void **state)
{
    (void)state;
    expect_types("'a' \"b\" '''c\n''' rb'x' Br\"y\" u'z' ''\n", "STR STR STR STR STR STR STR NL END");
    expect_types("'a\\\nb'\n", "STR NL END");
    arena *a = arena_new();
    const char *src = "x = '''a\nbc''' + 1\n";
    tokenizer *t = tok_new(a, src, strlen(src));
    token k;
    tok_next(t, &k);
    tok_next(t, &k);
    assert_int_equal(tok_next(t, &k), T_STRING);
    assert_int_equal(k.lineno, 1);
    assert_int_equal(k.col_offset, 4);
    assert_int_equal(k.end_lineno, 2);
    assert_int_equal(k.end_col_offset, 5);
    assert_int_equal(k.end - k.start, 10);
    arena_free(a);
}

static void test_fstrings(void **state)
{
    (void)state;
    /* A MIDDLE ends after "{{" and "}}", as CPython's do. */
    expect_types("f'a{b!r:>{w}}c{{d}}'\n",
                 "FS FM OP NAME OP NAME OP FM OP NAME OP FM OP FM FM FE NL END");
    /* And after "\\N{...}": a format spec of two literal parts. */
    expect_types("f'{x:\\N{BULLET}>10}'\n", "FS OP NAME OP FM FM OP FE NL END");
    expect_types("t'{x}'\n", "TS OP NAME OP TE NL END");
    /* Same quotes nest (PEP 701); a ':' inside brackets is no format spec. */
    expect_types("f\"{f\"{x[1:2]}\"}\"\n", "FS OP FS OP NAME OP NUM OP NUM OP OP FE OP FE NL END");
    /* Newlines inside a field of a single-quoted f-string. */
    expect_types("f'{x\n}'\n", "FS OP NAME OP FE NL END");
    /* A MIDDLE keeps the source text, doubled braces included. */
    arena *a = arena_new();
    const char *src = "f'a{{}}{1}{{'\n";
    tokenizer *t = tok_new(a, src, strlen(src));
    token k;
    assert_int_equal(tok_next(t, &k), T_FSTRING_START);
    assert_int_equal(tok_next(t, &k), T_FSTRING_MIDDLE);
    assert_int_equal(k.end - k.start, 3);
    assert_int_equal(k.col_offset, 2);
    assert_int_equal(k.end_col_offset, 5);
    assert_int_equal(tok_next(t, &k), T_FSTRING_MIDDLE);
    assert_int_equal(k.end - k.start, 2);
    assert_int_equal(k.end_col_offset, 7);
    assert_int_equal(tok_next(t, &k), T_OP);
    assert_int_equal(tok_fstring_depth(t), 1);
    assert_int_equal(tok_level(t), 1);
    arena_free(a);
}

static void test_newlines(void **state)
{
    (void)state;
    expect_types("x = 1\r\ny = 2\rz = 3\r", "NAME OP NUM NL NAME OP NUM NL NAME OP NUM NL END");
    arena *a = arena_new();
    const char *src = "a\r\nb\r";
    tokenizer *t = tok_new(a, src, strlen(src));
    size_t len;
    assert_string_equal(tok_source(t, &len), "a\nb\n");
    assert_int_equal(len, 4);
    arena_free(a);
}

/* ---- encodings ---- */

static void expect_source(const char *src, const char *want)
{
    arena *a = arena_new();
    tokenizer *t = tok_new(a, src, strlen(src));
    token k;
    while (tok_next(t, &k) != T_ENDMARKER)
        assert_int_not_equal(k.type, T_ERROR);
    size_t len;
    assert_string_equal(tok_source(t, &len), want);
    arena_free(a);
}

static void test_encodings(void **state)
{
    (void)state;
    expect_source("# coding: latin-1\nx = '\xe9'\n", "# coding: latin-1\nx = '\xc3\xa9'\n");
    expect_source("\n# vim: set fileencoding=iso-8859-1 :\nx = '\xe9'\n",
                  "\n# vim: set fileencoding=iso-8859-1 :\nx = '\xc3\xa9'\n");
    expect_source("# -*- coding: cp1252 -*-\nx = '\x80'\n",
                  "# -*- coding: cp1252 -*-\nx = '\xe2\x82\xac'\n");
    /* Through iconv. */
    expect_source("#!/usr/bin/python\n# -*- coding: koi8-r -*-\nx = '\xc1'\n",
                  "#!/usr/bin/python\n# -*- coding: koi8-r -*-\nx = '\xd0\xb0'\n");
    expect_source("\xef\xbb\xbfx = 1\n", "x = 1\n");
    expect_source("\xef\xbb\xbf# coding: utf-8\n", "# coding: utf-8\n");
    expect_source("# coding: utf-8-sig\nx = 1\n", "# coding: utf-8-sig\nx = 1\n");
    /* A declaration on line 2 counts only after a comment-only line 1. */
    expect_error("x = 1\n# coding: latin-1\ny = '\xe9'\n", 3, "Non-UTF-8 code starting with "
                 "'\\xe9' on line 3", 1);
    expect_error("# coding: foo\nx = 1\n", 0, "unknown encoding: foo", 1);
    expect_error("\xef\xbb\xbf# coding: latin-1\nx = 1\n", 1,
                 "encoding problem: iso-8859-1 with BOM", 1);
    expect_error("# coding: ascii\nx = '\xc3\xa9'\n", 0, "'ascii' codec can't decode byte 0xc3",
                 1);
    expect_error("# coding: cp1252\nx = '\x81'\n", 0, "character maps to <undefined>", 1);
    expect_error("# hi\nx = '\xe9'\n", 2, "Non-UTF-8 code starting with '\\xe9' on line 2", 1);
    /* Surrogates and overlong forms are not UTF-8. */
    expect_error("x = '\xed\xa0\x80'\n", 1, "Non-UTF-8 code starting with '\\xed'", 1);
    expect_error("x = '\xc0\x80'\n", 1, "Non-UTF-8 code starting with '\\xc0'", 1);
    /* The whole file is checked before any token. */
    expect_error("x = 'abc\ny = 1\n# \xe9\n", 3, "Non-UTF-8", 1);
    expect_error_n("x = 1\n\0y = 2\n", 13, 0, "source code string cannot contain null bytes", 1);
}

static void test_codecs(void **state)
{
    (void)state;
    /* Python's shift_jis reads 0x5C as a backslash (glibc's as a yen sign). */
    expect_source("# coding: shift_jis\ns = '\\n\x82\xa0'\n",
                  "# coding: shift_jis\ns = '\\n\xe3\x81\x82'\n");
    expect_source("# coding: euc_jp\ns = '\xa4\xa2'\n", "# coding: euc_jp\ns = '\xe3\x81\x82'\n");
    expect_source("# coding: iso8859_15\ns = '\xa4'\n", "# coding: iso8859_15\ns = '\xe2\x82\xac'\n");
    /* Only the names Python knows: iconv's "MAC" is not one. */
    expect_error("# coding: mac\nx = 1\n", 0, "unknown encoding: mac", 1);
    expect_error("# coding: rot13\nx = 1\n", 0, "'rot13' is not a text encoding", 1);
    expect_error("# coding: undefined\nx = 1\n", 0, "undefined encoding", 1);
    /* Stray bytes Python's multibyte codecs reject. */
    expect_error("# coding: euc_jp\nx = '\x80'\n", 0, "illegal multibyte sequence", 1);
    expect_error("# coding: big5\nx = '\x80'\n", 0, "illegal multibyte sequence", 1);
    /* The BOM conflict is reported on the declaration's line. */
    expect_error("\xef\xbb\xbf\n# coding: latin-1\nx = 1\n", 2, "with BOM", 1);
    expect_error("# coding: utf8\nx = '\xe9'\n", 0,
                 "'utf-8' codec can't decode byte 0xe9 in position 20: invalid continuation byte", 1);
}

/* ---- errors ---- */

static void test_indentation_errors(void **state)
{
    (void)state;
    expect_error("if x:\n\tpass\n        pass\n", 3,
                 "inconsistent use of tabs and spaces in indentation", 0);
    expect_error("if x:\n        a\n\tb\n", 3, "inconsistent use of tabs", 0);
    expect_error("if x:\n    a\n  b\n", 3,
                 "unindent does not match any outer indentation level", 0);
    char src[20000] = "";
    for (int i = 0; i < 101; i++) {
        size_t n = strlen(src);
        snprintf(src + n, sizeof src - n, "%*sif x:\n", i, "");
    }
    expect_error(src, 101, "too many levels of indentation", 0);
}

static void test_line_continuation(void **state)
{
    (void)state;
    expect_error("x = 1 \\ y\n", 1, "unexpected character after line continuation character", 0);
    expect_error("x = 1 + \\", 1, "unexpected EOF while parsing", 0);
    expect_error("x = 1\ny = 2 + \\\n", 2, "unexpected EOF while parsing", 0);
}

static void test_bracket_errors(void **state)
{
    (void)state;
    expect_error("x = 1)\n", 1, "unmatched ')'", 1);
    expect_error("x = (1]\n", 1, "closing parenthesis ']' does not match opening parenthesis '('",
                 1);
    expect_error("x = (1,\n2]\n", 2,
                 "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 1);
    /* End of input inside brackets: the parser words it ("never closed"). */
    arena *a = arena_new();
    const char *src = "x = [1,\n (2\n";
    tokenizer *t = tok_new(a, src, strlen(src));
    token k;
    while (tok_next(t, &k) != T_ERROR)
        assert_int_not_equal(k.type, T_ENDMARKER);
    assert_int_equal(tok_error_is_eof_in_brackets(t), 1);
    assert_int_equal(tok_error_is_raised(t), 0);
    assert_int_equal(tok_level(t), 2);
    char ch;
    int line, col;
    tok_innermost_bracket(t, &ch, &line, &col);
    assert_int_equal(ch, '(');
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    arena_free(a);
}

static void test_deep_brackets(void **state)
{
    (void)state;
    size_t n = 100000;
    char *src = malloc(n + 2);
    memset(src, '(', n);
    src[n] = '\n';
    src[n + 1] = '\0';
    expect_error_n(src, n + 1, 1, "too many nested parentheses", 1);
    free(src);
}

static void test_number_errors(void **state)
{
    (void)state;
    expect_error("x = 0x\n", 1, "invalid hexadecimal literal", 1);
    expect_error("x = 0x1g\n", 1, "invalid hexadecimal literal", 1);
    expect_error("x = 0o8\n", 1, "invalid digit '8' in octal literal", 1);
    expect_error("x = 0o18\n", 1, "invalid digit '8' in octal literal", 1);
    expect_error("x = 0o\n", 1, "invalid octal literal", 1);
    expect_error("x = 0b12\n", 1, "invalid digit '2' in binary literal", 1);
    expect_error("x = 0b1_\n", 1, "invalid binary literal", 1);
    expect_error("x = 012\n", 1, "leading zeros in decimal integer literals are not permitted; "
                 "use an 0o prefix for octal integers", 1);
    expect_error("x = 1_\n", 1, "invalid decimal literal", 1);
    expect_error("x = 1__0\n", 1, "invalid decimal literal", 1);
    expect_error("x = 1e+\n", 1, "invalid decimal literal", 1);
    expect_error("x = 1abc\n", 1, "invalid decimal literal", 1);
    expect_error("x = 1.5j2\n", 1, "invalid imaginary literal", 1);
    expect_error("x = 1.__class__\n", 1, "invalid decimal literal", 1);
}

static void test_string_errors(void **state)
{
    (void)state;
    expect_error("x = 1\nx = 'abc\ny = 1\n", 2, "unterminated string literal (detected at line 2)",
                 1);
    expect_error("x = 1\ny = '''abc\n\nz\n", 2,
                 "unterminated triple-quoted string literal (detected at line 4)", 1);
    expect_error("x = 'ab\\'\n", 1, "perhaps you escaped the end quote?", 1);
    expect_error("x = ub'x'\n", 1, "'u' and 'b' prefixes are incompatible", 1);
    expect_error("x = bf'x'\n", 1, "'b' and 'f' prefixes are incompatible", 1);
    expect_error("x = Ft'x'\n", 1, "'f' and 't' prefixes are incompatible", 1);
}

static void test_character_errors(void **state)
{
    (void)state;
    expect_error("x = 1 \xe2\x82\xac 2\n", 1, "invalid character '\xe2\x82\xac' (U+20AC)", 1);
    expect_error("a\xe2\x82\xac = 1\n", 1, "invalid character '\xe2\x82\xac' (U+20AC)", 1);
    expect_error("x = 1\xc2\xa0+ 2\n", 1, "invalid non-printable character U+00A0", 1);
    expect_error("x = 1 \x01\n", 1, "invalid non-printable character U+0001", 1);
}

static void test_fstring_errors(void **state)
{
    (void)state;
    expect_error("x = f'{x'\n", 1, "f-string: expecting '}'", 1);
    expect_error("x = t'{'\n", 1, "t-string: expecting '}'", 1);
    expect_error("x = f'}'\n", 1, "f-string: single '}' is not allowed", 1);
    expect_error("x = f'abc\n", 1, "unterminated f-string literal (detected at line 1)", 1);
    expect_error("x = 1\nx = f'''abc\n", 2,
                 "unterminated triple-quoted f-string literal (detected at line 2)", 1);
    expect_error("x = f'{x:\n}'\n", 1,
                 "f-string: newlines are not allowed in format specifiers for single quoted "
                 "f-strings", 1);
    /* Also when that newline ends the file. */
    expect_error("x = 1\nf'{x:", 2, "f-string: newlines are not allowed in format specifiers", 1);
    expect_error("x = f'{)}'\n", 1, "f-string: unmatched ')'", 1);
    expect_error("x = f'{a:{b:{c:{d}}}}'\n", 1, "f-string: expressions nested too deeply", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_statements),
        cmocka_unit_test(test_indentation),
        cmocka_unit_test(test_names_and_keywords),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_fstrings),
        cmocka_unit_test(test_newlines),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_codecs),
        cmocka_unit_test(test_indentation_errors),
        cmocka_unit_test(test_line_continuation),
        cmocka_unit_test(test_bracket_errors),
        cmocka_unit_test(test_deep_brackets),
        cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_string_errors),
        cmocka_unit_test(test_character_errors),
        cmocka_unit_test(test_fstring_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
