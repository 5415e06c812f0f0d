/* test_pyrepr.c - repr() of constants. Expectations are what CPython 3.14
 * prints (checked with python3 when written; float repr has been stable
 * since 3.1, str repr depends on the Unicode version: the exhaustive check
 * against 3.14 over every code point was done through the oracle). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "syntax/pyrepr.h"

static void check_str(const char *s, size_t len, const char *want)
{
    buf out;
    buf_init(&out);
    py_repr_str(&out, s, len);
    assert_string_equal(out.data, want);
    buf_free(&out);
}

static void check_bytes(const char *s, size_t len, const char *want)
{
    buf out;
    buf_init(&out);
    py_repr_bytes(&out, s, len);
    assert_string_equal(out.data, want);
    buf_free(&out);
}

static void check_float(double x, const char *want_float, const char *want_imag)
{
    buf out;
    buf_init(&out);
    py_repr_float(&out, x);
    assert_string_equal(out.data, want_float);
    buf_clear(&out);
    py_repr_imag(&out, x);
    assert_string_equal(out.data, want_imag);
    buf_free(&out);
}

static void check_int(const char *digits, int base, const char *want)
{
    arena *a = arena_new();
    ast_const c;
    memset(&c, 0, sizeof c);
    c.kind = CONST_INT;
    c.u.i.digits = digits;
    c.u.i.len = (int)strlen(digits);
    c.u.i.base = base;
    buf out;
    buf_init(&out);
    py_repr_const(&out, &c, a);
    assert_string_equal(out.data, want);
    buf_free(&out);
    arena_free(a);
}

#define STR(lit, want) check_str(lit, sizeof(lit) - 1, want)
#define BYTES(lit, want) check_bytes(lit, sizeof(lit) - 1, want)

/* Single quotes unless the text has ' and no ". */
static void str_quotes(void **state)
{
    (void)state;
    STR("", "''");
    STR("a", "'a'");
    STR("it's", "\"it's\"");
    STR("say \"hi\"", "'say \"hi\"'");
    STR("both ' and \"", "'both \\' and \"'");
}

static void str_escapes(void **state)
{
    (void)state;
    STR("tab\there\n\r", "'tab\\there\\n\\r'");
    STR("back\\slash", "'back\\\\slash'");
    STR("\0\x01\x1f\x7f", "'\\x00\\x01\\x1f\\x7f'");
    /* U+0080 and the soft hyphen U+00AD are not printable, U+00A0 is not
     * either (Zs other than space) */
    STR("\xc2\x80\xc2\xa0\xc2\xad", "'\\x80\\xa0\\xad'");
    STR("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'");
    STR("\xe2\x80\x8b\xe2\x80\xa8", "'\\u200b\\u2028'");   /* U+200B, U+2028 */
    STR("\xf3\xa0\x80\x81", "'\\U000e0001'");             /* U+E0001 */
    STR("\xed\xa0\x80", "'\\ud800'");                     /* lone surrogate */
}

static void str_with_nul_inside(void **state)
{
    (void)state;
    STR("a\0b", "'a\\x00b'");
}

static void bytes_repr(void **state)
{
    (void)state;
    BYTES("", "b''");
    BYTES("abc", "b'abc'");
    BYTES("it's", "b\"it's\"");
    BYTES("\0\xff\"'", "b'\\x00\\xff\"\\''");
    BYTES("\t\n\r\\", "b'\\t\\n\\r\\\\'");
    BYTES("\xc3\xa9", "b'\\xc3\\xa9'");
}

static void floats(void **state)
{
    (void)state;
    check_float(0.1, "0.1", "0.1j");
    check_float(1e16, "1e+16", "1e+16j");
    check_float(1e15, "1000000000000000.0", "1000000000000000j");
    check_float(123456789012345678.0, "1.2345678901234568e+17", "1.2345678901234568e+17j");
    check_float(1e-5, "1e-05", "1e-05j");
    check_float(0.0001, "0.0001", "0.0001j");
    check_float(1.5e300, "1.5e+300", "1.5e+300j");
    check_float(5e-324, "5e-324", "5e-324j");
    check_float(1.7976931348623157e308, "1.7976931348623157e+308", "1.7976931348623157e+308j");
    check_float(0.0, "0.0", "0j");
    check_float(2.0, "2.0", "2j");
    check_float(100.0, "100.0", "100j");
    check_float(1.0 / 3.0, "0.3333333333333333", "0.3333333333333333j");
    check_float(9007199254740993.0, "9007199254740992.0", "9007199254740992j");
    check_float(1e22, "1e+22", "1e+22j");
    /* 1e400 in source is inf; nan is never a literal */
    check_float(INFINITY, "inf", "infj");
}

static void ints(void **state)
{
    (void)state;
    check_int("0", 10, "0");
    check_int("000", 10, "0");
    check_int("1234567890123456789012345678901234567890", 10,
              "1234567890123456789012345678901234567890");
    check_int("ff", 16, "255");
    check_int("DeadBeef", 16, "3735928559");
    check_int("777", 8, "511");
    check_int("101", 2, "5");
    check_int("0000ff", 16, "255");
    check_int("ffffffffffffffffffffffffffffffff", 16,
              "340282366920938463463374607431768211455");
    check_int("1000000000000000000000000000000000000000000000000000000000000000", 2,
              "9223372036854775808");
}

static void other_constants(void **state)
{
    (void)state;
    static const struct { ast_const_kind kind; const char *want; } cases[] = {
        {CONST_NONE, "None"}, {CONST_TRUE, "True"}, {CONST_FALSE, "False"},
        {CONST_ELLIPSIS, "Ellipsis"},
    };
    arena *a = arena_new();
    buf out;
    buf_init(&out);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ast_const c;
        memset(&c, 0, sizeof c);
        c.kind = cases[i].kind;
        buf_clear(&out);
        py_repr_const(&out, &c, a);
        assert_string_equal(out.data, cases[i].want);
    }
    buf_free(&out);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(str_quotes),
        cmocka_unit_test(str_escapes),
        cmocka_unit_test(str_with_nul_inside),
        cmocka_unit_test(bytes_repr),
        cmocka_unit_test(floats),
        cmocka_unit_test(ints),
        cmocka_unit_test(other_constants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
