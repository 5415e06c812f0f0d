/* uniname.c - "\N{...}" name lookup over the generated uniname_table.h.
 *
 * Table encoding (see scripts/gen-unicode-names.mjs): the words of all
 * stored names are ranked by frequency; a word's code is 1 to 3 printable
 * characters (the first character says how many). A name is the codes of
 * its words, names are separated by ' ', and listed in code point order,
 * each one above the previous except at the recorded jumps. A query is
 * encoded the same way and compared with every name: lookups are rare
 * (only \N escapes), so size wins over speed. */
#include "uniname.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "uniname_table.h"

enum { MAX_NAME = 256, CODE_ONE = 40, CODE_TWO = 40, CODE_BASE = 91 };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- algorithmic names (case-sensitive, as in CPython) ---- */

static int has_prefix(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* Four or five uppercase hex digits. */
static int parse_hex_upper(const char *s, size_t len, unsigned *out)
{
    if (len != 4 && len != 5)
        return 0;
    unsigned v = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            v = v * 16 + (unsigned)(c - '0');
        else if (c >= 'A' && c <= 'F')
            v = v * 16 + (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static int lookup_cjk(const char *s, size_t len, unsigned *cp)
{
    unsigned v;
    if (!parse_hex_upper(s, len, &v))
        return 0;
    for (size_t i = 0; i < COUNT(uniname_cjk); i++)
        if (v >= uniname_cjk[i][0] && v <= uniname_cjk[i][1]) {
            *cp = v;
            return 1;
        }
    return 0;
}

/* Jamo short names (Unicode's Jamo.txt), in syllable-composition order. */
static const char *const jamo_lead[] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
    "C", "K", "T", "P", "H"};
static const char *const jamo_vowel[] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE",
    "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_trail[] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS",
    "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T",
    "P", "H"};

/* The longest jamo of `table` that starts s; -1 when none does. */
static int match_jamo(const char *s, size_t len, const char *const *table, int n, size_t *used)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(table[i]);
        if ((best < 0 || l > best_len) && l <= len && memcmp(s, table[i], l) == 0) {
            best = i;
            best_len = l;
        }
    }
    *used = best_len;
    return best;
}

static int lookup_hangul(const char *s, size_t len, unsigned *cp)
{
    size_t used;
    int l = match_jamo(s, len, jamo_lead, (int)COUNT(jamo_lead), &used);
    s += used, len -= used;
    int v = match_jamo(s, len, jamo_vowel, (int)COUNT(jamo_vowel), &used);
    s += used, len -= used;
    int t = match_jamo(s, len, jamo_trail, (int)COUNT(jamo_trail), &used);
    len -= used;
    if (l < 0 || v < 0 || t < 0 || len != 0)
        return 0;
    *cp = 0xAC00u + (unsigned)((l * (int)COUNT(jamo_vowel) + v) * (int)COUNT(jamo_trail) + t);
    return 1;
}

/* ---- stored names (the query is already uppercased) ---- */

static int lookup_alias(const char *s, size_t len, unsigned *cp)
{
    for (size_t i = 0; i < COUNT(uniname_aliases); i++)
        if (strlen(uniname_aliases[i].name) == len && memcmp(uniname_aliases[i].name, s, len) == 0) {
            *cp = uniname_aliases[i].cp;
            return 1;
        }
    return 0;
}

static int lookup_family(const char *s, size_t len, unsigned *cp)
{
    for (size_t i = 0; i < COUNT(uniname_families); i++) {
        const uniname_family *f = &uniname_families[i];
        size_t n = strlen(f->prefix);
        unsigned v;
        if (!has_prefix(s, len, f->prefix) || !parse_hex_upper(s + n, len - n, &v))
            continue;
        char canon[8];
        snprintf(canon, sizeof canon, "%04X", v);
        if (v >= f->lo && v <= f->hi && strlen(canon) == len - n) {
            *cp = v;
            return 1;
        }
    }
    return 0;
}

/* Frequency rank of a word, or -1. */
static int word_rank(const char *w, size_t len)
{
    const char *p = uniname_words;
    for (int rank = 0; *p; rank++) {
        const char *nl = strchr(p, '\n');
        if ((size_t)(nl - p) == len && memcmp(p, w, len) == 0)
            return rank;
        p = nl + 1;
    }
    return -1;
}

static const char code_alphabet[] =
    "!#$%&'()*+,-./0123456789:;<=>@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/* Append the code of word `rank` at out; returns its length. */
static size_t encode_rank(int rank, char *out)
{
    if (rank < CODE_ONE) {
        out[0] = code_alphabet[rank];
        return 1;
    }
    rank -= CODE_ONE;
    if (rank < CODE_TWO * CODE_BASE) {
        out[0] = code_alphabet[CODE_ONE + rank / CODE_BASE];
        out[1] = code_alphabet[rank % CODE_BASE];
        return 2;
    }
    rank -= CODE_TWO * CODE_BASE;
    out[0] = code_alphabet[CODE_ONE + CODE_TWO + rank / (CODE_BASE * CODE_BASE)];
    out[1] = code_alphabet[rank / CODE_BASE % CODE_BASE];
    out[2] = code_alphabet[rank % CODE_BASE];
    return 3;
}

/* The query as word codes; 0 when some word is in no stored name. */
static size_t encode_query(const char *s, size_t len, char *out)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != ' ')
            continue;
        int rank = word_rank(s + start, i - start);
        if (rank < 0)
            return 0;
        n += encode_rank(rank, out + n);
        start = i + 1;
    }
    return n;
}

static int lookup_stored(const char *s, size_t len, unsigned *cp)
{
    char query[3 * MAX_NAME];
    size_t qlen = encode_query(s, len, query);
    if (qlen == 0)
        return 0;
    const char *p = uniname_names;
    size_t jump = 0;
    uint32_t code = 0;
    for (uint32_t index = 0; *p; index++) {
        if (jump < COUNT(uniname_jumps) && uniname_jumps[jump][0] == index)
            code = uniname_jumps[jump++][1];
        const char *end = strchr(p, ' ');
        if ((size_t)(end - p) == qlen && memcmp(p, query, qlen) == 0) {
            *cp = code;
            return 1;
        }
        p = end + 1;
        code++;
    }
    return 0;
}

int uni_lookup_name(const char *name, size_t len, unsigned *cp)
{
    if (len == 0 || len > MAX_NAME)
        return 0;
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-", hangul[] = "HANGUL SYLLABLE ";
    if (has_prefix(name, len, cjk))
        return lookup_cjk(name + sizeof cjk - 1, len - (sizeof cjk - 1), cp);
    if (has_prefix(name, len, hangul))
        return lookup_hangul(name + sizeof hangul - 1, len - (sizeof hangul - 1), cp);
    char up[MAX_NAME];
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c >= 0x80 || c == 0)
            return 0;
        up[i] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    return lookup_alias(up, len, cp) || lookup_family(up, len, cp) ||
           lookup_stored(up, len, cp);
}
