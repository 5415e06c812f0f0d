/* test_strings.c - string literal decoding (str_decode.c) and \N{...} name
 * lookup (uniname.c). Expectations and error texts are CPython 3.14's,
 * checked through the oracle (ast.parse of the same literal) when written.
 * The exhaustive check of the name table: write the list of every name
 * CPython accepts with
 *     node scripts/gen-unicode-names.mjs ALIASES /tmp/names.txt >/dev/null
 * and run this test with KRAIT_UNINAME_CHECKLIST=/tmp/names.txt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/uniname.h"
#include "syntax/str_decode.h"

/* ---- helpers ---- */

static void check_str_flags(const char *body, int flags, int how, const char *want, size_t want_len)
{
    arena *a = arena_new();
    str_value v;
    char err[256] = "";
    int ok = str_decode(a, body, strlen(body), flags, how, &v, err, sizeof err);
    if (!ok)
        fail_msg("decoding %s failed: %s", body, err);
    assert_int_equal(v.len, want_len);
    assert_memory_equal(v.s, want, want_len);
    assert_int_equal(v.s[v.len], '\0');
    arena_free(a);
}

#define check_str(body, want) check_str_flags(body, 0, 0, want, sizeof(want) - 1)

static void check_str_error(const char *body, const char *want)
{
    arena *a = arena_new();
    str_value v;
    char err[256] = "";
    assert_int_equal(str_decode(a, body, strlen(body), 0, 0, &v, err, sizeof err), 0);
    assert_string_equal(err, want);
    arena_free(a);
}

static void check_bytes(const char *body, int flags, const char *want, size_t want_len)
{
    arena *a = arena_new();
    str_value v;
    char err[256] = "";
    int r = bytes_decode(a, body, strlen(body), flags, &v, err, sizeof err);
    if (r != 1)
        fail_msg("decoding b%s failed: %s", body, err);
    assert_int_equal(v.len, want_len);
    assert_memory_equal(v.s, want, want_len);
    arena_free(a);
}

static void check_bytes_error(const char *body, int want_r, const char *want)
{
    arena *a = arena_new();
    str_value v;
    char err[256] = "";
    assert_int_equal(bytes_decode(a, body, strlen(body), 0, &v, err, sizeof err), want_r);
    assert_string_equal(err, want);
    arena_free(a);
}

static unsigned lookup(const char *name)
{
    unsigned cp = 0xFFFFFFFF;
    if (!uni_lookup_name(name, strlen(name), &cp))
        return 0xFFFFFFFF;
    return cp;
}

#define UNICODE_ERROR "(unicode error) 'unicodeescape' codec can't decode bytes in position "

/* ---- prefixes ---- */

static void prefixes(void **state)
{
    (void)state;
    int flags;
    const char *body;
    size_t len;
    assert_true(str_split_literal("'abc'", 5, &flags, &body, &len));
    assert_int_equal(flags, 0);
    assert_int_equal(len, 3);
    assert_memory_equal(body, "abc", 3);
    assert_true(str_split_literal("Rb\"\"\"x\"\"\"", 9, &flags, &body, &len));
    assert_int_equal(flags, STR_RAW | STR_BYTES);
    assert_int_equal(len, 1);
    assert_true(str_split_literal("u''", 3, &flags, &body, &len));
    assert_int_equal(flags, STR_U);
    assert_int_equal(len, 0);
    /* '' followed by more: an empty one-quote string, not a triple quote. */
    assert_true(str_split_literal("\"\"", 2, &flags, &body, &len));
    assert_int_equal(len, 0);
    assert_true(str_split_literal("\"\"\"\"\"\"", 6, &flags, &body, &len));
    assert_int_equal(len, 0);
    size_t plen;
    assert_int_equal(str_prefix("fR'", 3, &plen), STR_F | STR_RAW);
    assert_int_equal(plen, 2);
    assert_int_equal(str_prefix("Tr\"", 3, &plen), STR_T | STR_RAW);
}

/* ---- str escapes ---- */

static void simple_escapes(void **state)
{
    (void)state;
    check_str("plain", "plain");
    check_str("\\\\ \\' \\\" \\a\\b\\f\\n\\r\\t\\v", "\\ ' \" \a\b\f\n\r\t\v");
    check_str("a\\\nb", "ab"); /* line continuation */
    check_str("a\\0b", "a\0b");
    check_str("\\q\\d", "\\q\\d"); /* unknown escapes stay (a warning only) */
    check_str("\\{", "\\{");
}

static void octal_escapes(void **state)
{
    (void)state;
    check_str("\\101\\0\\7\\12", "A\0\a\n");
    check_str("\\1234", "S4");              /* three digits at most */
    check_str("\\400", "\xC4\x80");         /* U+0100: only a warning */
    check_str("\\777", "\xC7\xBF");         /* U+01FF */
    check_str("\\08", "\0" "8");
}

static void hex_escapes(void **state)
{
    (void)state;
    check_str("\\x41\\xe9", "A\xC3\xA9");
    check_str("\\u20ac", "\xE2\x82\xAC");
    check_str("\\U0001F600", "\xF0\x9F\x98\x80");
    check_str("\\U0010FFFF", "\xF4\x8F\xBF\xBF");
    /* Lone surrogates are kept, as 3-byte sequences. */
    check_str("\\ud800", "\xED\xA0\x80");
    check_str("\\udc00\\ud83d", "\xED\xB0\x80\xED\xA0\xBD");
}

static void hex_escape_errors(void **state)
{
    (void)state;
    check_str_error("\\x4", UNICODE_ERROR "0-2: truncated \\xXX escape");
    check_str_error("\\xzz", UNICODE_ERROR "0-1: truncated \\xXX escape");
    check_str_error("\\x", UNICODE_ERROR "0-1: truncated \\xXX escape");
    check_str_error("\\u12", UNICODE_ERROR "0-3: truncated \\uXXXX escape");
    check_str_error("ab\\U1234567", UNICODE_ERROR "2-10: truncated \\UXXXXXXXX escape");
    check_str_error("\\U00110000", UNICODE_ERROR "0-9: illegal Unicode character");
    /* Positions count each non-ASCII character as CPython's 10-byte
     * \UXXXXXXXX rewrite of it. */
    check_str_error("\xC3\xA9\\N{foo}", UNICODE_ERROR "10-16: unknown Unicode character name");
}

static void name_escapes(void **state)
{
    (void)state;
    check_str("\\N{LATIN SMALL LETTER A}", "a");
    check_str("\\N{latin small letter a}", "a");
    check_str("\\N{DIGIT ONE}x", "1x");
    check_str("\\N{LINE FEED}", "\n");                 /* an alias */
    check_str("\\N{BYTE ORDER MARK}", "\xEF\xBB\xBF");  /* an alias */
    check_str("\\N{CJK UNIFIED IDEOGRAPH-4E00}", "\xE4\xB8\x80");
    check_str("\\N{HANGUL SYLLABLE GAG}", "\xEA\xB0\x81");
    check_str("\\N{EMPTY SET}", "\xE2\x88\x85");
}

static void name_escape_errors(void **state)
{
    (void)state;
    check_str_error("\\N{foo}", UNICODE_ERROR "0-6: unknown Unicode character name");
    check_str_error("ab\\N{xx}", UNICODE_ERROR "2-7: unknown Unicode character name");
    check_str_error("\\N{LATIN SMALL LETTER  A}", UNICODE_ERROR "0-24: unknown Unicode character name");
    check_str_error("\\N", UNICODE_ERROR "0-1: malformed \\N character escape");
    check_str_error("\\N{", UNICODE_ERROR "0-2: malformed \\N character escape");
    check_str_error("\\N{}", UNICODE_ERROR "0-2: malformed \\N character escape");
    check_str_error("\\N{a", UNICODE_ERROR "0-3: malformed \\N character escape");
    check_str_error("\\Nx", UNICODE_ERROR "0-1: malformed \\N character escape");
}

static void raw_and_braces(void **state)
{
    (void)state;
    check_str_flags("\\n\\N{foo}", STR_RAW, 0, "\\n\\N{foo}", 9);
    check_str_flags("a{{b}}c", 0, DEC_BRACES, "a{b}c", 5);
    check_str_flags("a{{b}}c", 0, 0, "a{{b}}c", 7);
    check_str_flags("\\{{x}}", 0, DEC_BRACES, "\\{x}", 4);
    check_str_flags("\\N{LEFT CURLY BRACKET}", 0, DEC_BRACES, "{", 1);
    check_str_flags("\\", 0, DEC_BRACES, "\\", 1); /* f"\{x}": the part before '{' */
    check_str_flags("\\\xC3\xA9", 0, 0, "\\\xC3\xA9", 3);
    check_str_flags("r{{", STR_RAW, DEC_BRACES, "r{", 2);
    check_str_flags("no braces", 0, DEC_BRACES, "no braces", 9);
}

/* ---- bytes ---- */

static void bytes_escapes(void **state)
{
    (void)state;
    check_bytes("abc", 0, "abc", 3);
    check_bytes("\\x41\\xff\\0\\n", 0, "A\xff\0\n", 4);
    check_bytes("\\400", 0, "\0", 1); /* masked to a byte */
    check_bytes("\\u1234\\N{x}", 0, "\\u1234\\N{x}", 11);
    check_bytes("\\q", 0, "\\q", 2);
    check_bytes("\\x", STR_RAW, "\\x", 2);
    check_bytes("a\\\nb", 0, "ab", 2);
}

static void bytes_errors(void **state)
{
    (void)state;
    check_bytes_error("a\\xzz", 0, "(value error) invalid \\x escape at position 1");
    check_bytes_error("\\x4", 0, "(value error) invalid \\x escape at position 0");
    check_bytes_error("\xC3\xA9", -1, "bytes can only contain ASCII literal characters");
}

/* ---- names ---- */

static void names(void **state)
{
    (void)state;
    assert_int_equal(lookup("SPACE"), 0x20);
    assert_int_equal(lookup("space"), 0x20);
    assert_int_equal(lookup("lAtIn SmAlL lEtTeR a"), 0x61);
    assert_int_equal(lookup("LATIN CAPITAL LETTER A WITH DIAERESIS"), 0xC4);
    assert_int_equal(lookup("BELL"), 0x1F514);
    assert_int_equal(lookup("GRINNING FACE"), 0x1F600);
    assert_int_equal(lookup("TANGUT COMPONENT-001"), 0x18800);
    /* aliases, any case */
    assert_int_equal(lookup("NULL"), 0);
    assert_int_equal(lookup("nul"), 0);
    assert_int_equal(lookup("ALERT"), 7);
    assert_int_equal(lookup("VS256"), 0xE01EF);
    assert_int_equal(lookup("LATIN CAPITAL LETTER GHA"), 0x1A2);
    /* families of PREFIX-XXXX names, any case, the digits as printed */
    assert_int_equal(lookup("CJK COMPATIBILITY IDEOGRAPH-F900"), 0xF900);
    assert_int_equal(lookup("cjk compatibility ideograph-f900"), 0xF900);
    assert_int_equal(lookup("EGYPTIAN HIEROGLYPH-13460"), 0x13460);
    assert_int_equal(lookup("EGYPTIAN HIEROGLYPH-013460"), 0xFFFFFFFF);
    assert_int_equal(lookup("NUSHU CHARACTER-1B170"), 0x1B170);
    assert_int_equal(lookup("KHITAN SMALL SCRIPT CHARACTER-18B00"), 0x18B00);
}

static void algorithmic_names(void **state)
{
    (void)state;
    /* CJK: case-sensitive, four or five uppercase hex digits, only in the
     * unified ideograph ranges. */
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-04E00"), 0x4E00);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-2A6DF"), 0x2A6DF);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-2A6E0"), 0xFFFFFFFF);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-4e00"), 0xFFFFFFFF);
    assert_int_equal(lookup("cjk unified ideograph-4e00"), 0xFFFFFFFF);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-004E00"), 0xFFFFFFFF);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-F900"), 0xFFFFFFFF);
    /* Hangul: case-sensitive, longest jamo first. */
    assert_int_equal(lookup("HANGUL SYLLABLE GA"), 0xAC00);
    assert_int_equal(lookup("HANGUL SYLLABLE GAGG"), 0xAC02);
    assert_int_equal(lookup("HANGUL SYLLABLE GGAG"), 0xAE4D);
    assert_int_equal(lookup("HANGUL SYLLABLE A"), 0xC544);
    assert_int_equal(lookup("HANGUL SYLLABLE YAE"), 0xC598);
    assert_int_equal(lookup("HANGUL SYLLABLE HIH"), 0xD7A3);
    assert_int_equal(lookup("HANGUL SYLLABLE G"), 0xFFFFFFFF);
    assert_int_equal(lookup("HANGUL SYLLABLE "), 0xFFFFFFFF);
    assert_int_equal(lookup("hangul syllable ga"), 0xFFFFFFFF);
}

static void unknown_names(void **state)
{
    (void)state;
    assert_int_equal(lookup("KEYCAP DIGIT ONE"), 0xFFFFFFFF); /* a named sequence */
    assert_int_equal(lookup("LATIN SMALL LETTER  A"), 0xFFFFFFFF);
    assert_int_equal(lookup(" LATIN SMALL LETTER A"), 0xFFFFFFFF);
    assert_int_equal(lookup("LATIN SMALL LETTER A "), 0xFFFFFFFF);
    assert_int_equal(lookup("TANGUT IDEOGRAPH-17000"), 0xFFFFFFFF); /* unnamed in 3.14 */
    assert_int_equal(lookup("LATIN SMALL LETTER \xC3\xA9"), 0xFFFFFFFF);
    assert_int_equal(lookup("X"), 0xFFFFFFFF);
    assert_int_equal(lookup(""), 0xFFFFFFFF);
}

/* Every "NAME;hex" line of the generator's check list, as written and in
 * lower case (CJK UNIFIED IDEOGRAPH and HANGUL SYLLABLE names are
 * case-sensitive). */
static void names_exhaustive(void **state)
{
    (void)state;
    const char *path = getenv("KRAIT_UNINAME_CHECKLIST");
    if (!path)
        skip();
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        char *semi = strrchr(line, ';');
        assert_non_null(semi);
        *semi = '\0';
        unsigned want = (unsigned)strtoul(semi + 1, NULL, 16);
        if (lookup(line) != want)
            fail_msg("%s: want %X, got %X", line, want, lookup(line));
        if (strncmp(line, "CJK UNIFIED IDEOGRAPH-", 22) != 0 &&
            strncmp(line, "HANGUL SYLLABLE ", 16) != 0) {
            for (char *c = line; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
            if (lookup(line) != want)
                fail_msg("%s: want %X, got %X", line, want, lookup(line));
        }
        checked++;
    }
    fclose(f);
    assert_true(checked > 100000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prefixes),
        cmocka_unit_test(simple_escapes),
        cmocka_unit_test(octal_escapes),
        cmocka_unit_test(hex_escapes),
        cmocka_unit_test(hex_escape_errors),
        cmocka_unit_test(name_escapes),
        cmocka_unit_test(name_escape_errors),
        cmocka_unit_test(raw_and_braces),
        cmocka_unit_test(bytes_escapes),
        cmocka_unit_test(bytes_errors),
        cmocka_unit_test(names),
        cmocka_unit_test(algorithmic_names),
        cmocka_unit_test(unknown_names),
        cmocka_unit_test(names_exhaustive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
