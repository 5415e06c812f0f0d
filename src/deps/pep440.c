/* pep440.c - PEP 440 versions: parsing, normalised printing, ordering.
 *
 * The parser is packaging's VERSION_PATTERN written out by hand:
 *
 *   \s* v? (N!)? N(.N)* ([-_.]? PRE [-_.]? N?)?
 *   (-N | [-_.]? POST [-_.]? N?)? ([-_.]? dev [-_.]? N?)? (+L([-_.]L)*)? \s*
 *
 * Taking every optional separator and number greedily gives the match the
 * regular expression finds: a separator taken too early can never be the
 * one a later part needed, because each later part may begin without one
 * (and "-N" is only a post release where the pre-release took no number).
 * Words are matched longest first ("preview" before "pre"): a shorter word
 * would leave letters nothing can consume. */
#include "deps/pep440.h"

#include <string.h>

#include "deps/pep440_int.h"

/* ---- whitespace (shared) ---------------------------------------------------- */

/* Python's str.isspace() outside ASCII: U+0085, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
static size_t unicode_space_at(const unsigned char *s, size_t left)
{
    if (left >= 2 && s[0] == 0xC2 && (s[1] == 0x85 || s[1] == 0xA0))
        return 2;
    if (left < 3)
        return 0;
    if (s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80)
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

size_t pep440_space_at(const char *text, size_t len, size_t pos)
{
    if (pos >= len)
        return 0;
    unsigned char c = (unsigned char)text[pos];
    /* \t \n \v \f \r, the four information separators, space */
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20))
        return 1;
    return c >= 0x80 ? unicode_space_at((const unsigned char *)text + pos, len - pos) : 0;
}

size_t pep440_skip_space(const char *text, size_t len, size_t pos)
{
    for (size_t w; (w = pep440_space_at(text, len, pos)) != 0;)
        pos += w;
    return pos;
}

/* Backwards, whitespace characters are recognised by trying the three
 * possible lengths: a UTF-8 continuation byte never starts one, so a match
 * ending at `end` is a whole character. */
size_t pep440_trim_end(const char *text, size_t start, size_t end)
{
    while (end > start) {
        size_t w = 0;
        for (size_t k = 1; k <= 3 && k <= end - start && !w; k++)
            if (pep440_space_at(text, end, end - k) == k)
                w = k;
        if (!w)
            break;
        end -= w;
    }
    return end;
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct scan {
    arena *a;
    const char *s; /* lowercased arena copy of the input */
    size_t n, pos;
} scan;

static bool is_sep(const scan *sc, size_t p)
{
    return p < sc->n && (sc->s[p] == '-' || sc->s[p] == '_' || sc->s[p] == '.');
}

static bool digit_at(const scan *sc, size_t p)
{
    return p < sc->n && pep440_is_digit(sc->s[p]);
}

static bool alnum_at(const scan *sc, size_t p)
{
    return digit_at(sc, p) || (p < sc->n && sc->s[p] >= 'a' && sc->s[p] <= 'z');
}

static size_t digits_end(const scan *sc, size_t p)
{
    while (digit_at(sc, p))
        p++;
    return p;
}

/* The number s[start, end), leading zeros dropped. */
static pep440_num number(const scan *sc, size_t start, size_t end)
{
    while (start < end && sc->s[start] == '0')
        start++;
    return (pep440_num){sc->s + start, end - start};
}

/* An optional number at *p (greedy); zero when absent. */
static pep440_num optional_number(const scan *sc, size_t *p)
{
    size_t end = digits_end(sc, *p);
    pep440_num num = number(sc, *p, end);
    *p = end;
    return num;
}

typedef struct word {
    const char *text;
    int value;
} word;

/* The longest of `words` (listed longest first) at p, or NULL. */
static const word *match_word(const scan *sc, size_t p, const word *words, size_t nwords)
{
    for (size_t i = 0; i < nwords; i++) {
        size_t wl = strlen(words[i].text);
        if (wl <= sc->n - p && memcmp(sc->s + p, words[i].text, wl) == 0)
            return &words[i];
    }
    return NULL;
}

/* [-_.]? WORD [-_.]? N? : the shape of the pre, post and dev parts. Returns
 * the word matched (and advances) or NULL (and leaves pos alone). */
static const word *lettered_part(scan *sc, const word *words, size_t nwords, pep440_num *num)
{
    size_t p = sc->pos;
    if (is_sep(sc, p))
        p++;
    const word *w = p < sc->n ? match_word(sc, p, words, nwords) : NULL;
    if (!w)
        return NULL;
    p += strlen(w->text);
    if (is_sep(sc, p))
        p++;
    *num = optional_number(sc, &p);
    sc->pos = p;
    return w;
}

static const word pre_words[] = {
    {"preview", PEP440_PRE_RC}, {"alpha", PEP440_PRE_A}, {"beta", PEP440_PRE_B},
    {"pre", PEP440_PRE_RC},     {"rc", PEP440_PRE_RC},   {"a", PEP440_PRE_A},
    {"b", PEP440_PRE_B},        {"c", PEP440_PRE_RC},
};
static const word post_words[] = {{"post", 0}, {"rev", 0}, {"r", 0}};
static const word dev_words[] = {{"dev", 0}};

static void parse_pre(scan *sc, pep440_version *v)
{
    const word *w = lettered_part(sc, pre_words, sizeof pre_words / sizeof *pre_words, &v->pre);
    if (w)
        v->pre_kind = (pep440_pre_kind)w->value;
}

/* "-N" (the implicit post release of "1.0-1") or a lettered one. */
static void parse_post(scan *sc, pep440_version *v)
{
    if (sc->pos < sc->n && sc->s[sc->pos] == '-' && digit_at(sc, sc->pos + 1)) {
        sc->pos++;
        v->post = optional_number(sc, &sc->pos);
        v->has_post = true;
        return;
    }
    v->has_post = lettered_part(sc, post_words, 3, &v->post) != NULL;
}

static void parse_dev(scan *sc, pep440_version *v)
{
    v->has_dev = lettered_part(sc, dev_words, 1, &v->dev) != NULL;
}

static void parse_release(scan *sc, pep440_version *v)
{
    size_t count = 1, p = digits_end(sc, sc->pos);
    while (p < sc->n && sc->s[p] == '.' && digit_at(sc, p + 1)) {
        p = digits_end(sc, p + 1);
        count++;
    }
    pep440_num *rel = arena_alloc_raw(sc->a, count * sizeof *rel);
    for (size_t i = 0; i < count; i++) {
        size_t end = digits_end(sc, sc->pos);
        rel[i] = number(sc, sc->pos, end);
        sc->pos = end + 1; /* past the dot */
    }
    sc->pos = p;
    v->release = rel;
    v->nrelease = count;
}

static pep440_local_part local_part(const scan *sc, size_t start, size_t end)
{
    pep440_local_part part = {.numeric = true, .text = sc->s + start, .len = end - start};
    for (size_t i = start; i < end; i++)
        if (!pep440_is_digit(sc->s[i]))
            part.numeric = false;
    if (part.numeric)
        part.num = number(sc, start, end);
    return part;
}

/* +L([-_.]L)* after the '+' at sc->pos; false when no label follows. */
static bool parse_local(scan *sc, pep440_version *v)
{
    size_t p = sc->pos + 1, count = 0;
    if (!alnum_at(sc, p))
        return false;
    for (size_t q = p;; q++) {
        while (alnum_at(sc, q))
            q++;
        count++;
        if (!is_sep(sc, q) || !alnum_at(sc, q + 1)) {
            sc->pos = q;
            break;
        }
    }
    pep440_local_part *parts = arena_alloc_raw(sc->a, count * sizeof *parts);
    for (size_t i = 0; i < count; i++) {
        size_t end = p;
        while (end < sc->pos && alnum_at(sc, end))
            end++;
        parts[i] = local_part(sc, p, end);
        p = end + 1;
    }
    v->local = parts;
    v->nlocal = count;
    return true;
}

static bool fail(pep440_error *err, const char *reason, size_t offset)
{
    if (err) {
        err->reason = reason;
        err->offset = offset;
    }
    return false;
}

static const char *lowered_copy(arena *a, const char *text, size_t len)
{
    char *copy = arena_strndup(a, text, len);
    for (size_t i = 0; i < len; i++)
        copy[i] = pep440_lower(copy[i]);
    return copy;
}

/* epoch, release, pre, post, dev: everything before the local label. */
static bool parse_public(scan *sc, pep440_version *v, pep440_error *err)
{
    if (sc->pos < sc->n && sc->s[sc->pos] == 'v')
        sc->pos++;
    if (!digit_at(sc, sc->pos))
        return fail(err, "a version must start with a number", sc->pos);
    size_t end = digits_end(sc, sc->pos);
    if (end < sc->n && sc->s[end] == '!') {
        v->epoch = number(sc, sc->pos, end);
        sc->pos = end + 1;
        if (!digit_at(sc, sc->pos))
            return fail(err, "expected a release number after the epoch's '!'", sc->pos);
    }
    parse_release(sc, v);
    parse_pre(sc, v);
    parse_post(sc, v);
    parse_dev(sc, v);
    return true;
}

bool pep440_parse_into(arena *a, const char *text, size_t len, bool bare,
                       pep440_version *out, pep440_error *err)
{
    memset(out, 0, sizeof *out);
    size_t start = bare ? 0 : pep440_skip_space(text, len, 0);
    if (start == len)
        return fail(err, "empty version", start);
    scan sc = {a, lowered_copy(a, text, len), len, start};
    if (!parse_public(&sc, out, err))
        return false;
    if (sc.pos < len && sc.s[sc.pos] == '+' && !parse_local(&sc, out))
        return fail(err, "expected a local version label after '+'", sc.pos + 1);
    size_t end = bare ? sc.pos : pep440_skip_space(text, len, sc.pos);
    if (end != len)
        return fail(err, "unexpected character in version", end);
    return true;
}

const pep440_version *pep440_parse(arena *a, const char *text, size_t len,
                                   pep440_error *err)
{
    pep440_version v;
    if (!pep440_parse_into(a, text, len, false, &v, err))
        return NULL;
    pep440_version *copy = arena_alloc_raw(a, sizeof *copy);
    *copy = v;
    return copy;
}

/* ---- printing -------------------------------------------------------------- */

static void put_num(buf *out, pep440_num num)
{
    if (num.len)
        buf_put(out, num.digits, num.len);
    else
        buf_putc(out, '0');
}

static const char *const pre_names[] = {"", "a", "b", "rc"};

void pep440_format_canonical(const pep440_version *v, bool strip_zeros, bool with_local,
                             buf *out)
{
    if (v->epoch.len) {
        put_num(out, v->epoch);
        buf_putc(out, '!');
    }
    size_t nrel = v->nrelease;
    while (strip_zeros && nrel > 1 && v->release[nrel - 1].len == 0)
        nrel--;
    for (size_t i = 0; i < nrel; i++) {
        if (i)
            buf_putc(out, '.');
        put_num(out, v->release[i]);
    }
    if (v->pre_kind != PEP440_PRE_NONE) {
        buf_puts(out, pre_names[v->pre_kind]);
        put_num(out, v->pre);
    }
    if (v->has_post) {
        buf_puts(out, ".post");
        put_num(out, v->post);
    }
    if (v->has_dev) {
        buf_puts(out, ".dev");
        put_num(out, v->dev);
    }
    for (size_t i = 0; with_local && i < v->nlocal; i++) {
        buf_putc(out, i ? '.' : '+');
        if (v->local[i].numeric)
            put_num(out, v->local[i].num);
        else
            buf_put(out, v->local[i].text, v->local[i].len);
    }
}

void pep440_format(const pep440_version *v, buf *out)
{
    pep440_format_canonical(v, false, true, out);
}

const char *pep440_to_string(arena *a, const pep440_version *v)
{
    buf b;
    buf_init(&b);
    pep440_format(v, &b);
    const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

/* ---- ordering -------------------------------------------------------------- */

static int sign(int c)
{
    return (c > 0) - (c < 0);
}

static int cmp_size(size_t x, size_t y)
{
    return (x > y) - (x < y);
}

static int cmp_num(pep440_num x, pep440_num y)
{
    if (x.len != y.len)
        return cmp_size(x.len, y.len);
    return x.len ? sign(memcmp(x.digits, y.digits, x.len)) : 0;
}

/* Release tuples compare without their trailing zeros (1.0 == 1.0.0), then
 * element by element, a proper prefix first. */
static int cmp_release(const pep440_version *x, const pep440_version *y)
{
    size_t nx = x->nrelease, ny = y->nrelease;
    while (nx && x->release[nx - 1].len == 0)
        nx--;
    while (ny && y->release[ny - 1].len == 0)
        ny--;
    for (size_t i = 0; i < nx && i < ny; i++) {
        int c = cmp_num(x->release[i], y->release[i]);
        if (c)
            return c;
    }
    return cmp_size(nx, ny);
}

/* packaging's key for the pre-release: a dev release with neither pre nor
 * post comes before every pre-release (1.0.dev0 < 1.0a0), a final
 * release after them; a < b < rc in between. */
static int pre_rank(const pep440_version *v)
{
    if (v->pre_kind == PEP440_PRE_NONE)
        return !v->has_post && v->has_dev ? 0 : 4;
    return (int)v->pre_kind;
}

static int cmp_pre(const pep440_version *x, const pep440_version *y)
{
    int rx = pre_rank(x), ry = pre_rank(y);
    if (rx != ry)
        return rx < ry ? -1 : 1;
    return rx >= 1 && rx <= 3 ? cmp_num(x->pre, y->pre) : 0;
}

/* present/absent first, then the numbers: absent is lowest for post,
 * highest for dev (absent_first says which). */
static int cmp_optional(bool hx, pep440_num x, bool hy, pep440_num y, bool absent_first)
{
    if (hx != hy)
        return (hx ? 1 : -1) * (absent_first ? 1 : -1);
    return hx ? cmp_num(x, y) : 0;
}

/* Alphanumeric parts before numeric ones; text by bytes, numbers by
 * value; a proper prefix first; no label lowest of all. */
static int cmp_local(const pep440_version *x, const pep440_version *y)
{
    for (size_t i = 0; i < x->nlocal && i < y->nlocal; i++) {
        const pep440_local_part *p = &x->local[i], *q = &y->local[i];
        int c;
        if (p->numeric != q->numeric)
            return p->numeric ? 1 : -1;
        if (p->numeric)
            c = cmp_num(p->num, q->num);
        else {
            size_t m = p->len < q->len ? p->len : q->len;
            c = m ? sign(memcmp(p->text, q->text, m)) : 0;
            if (!c)
                c = cmp_size(p->len, q->len);
        }
        if (c)
            return c;
    }
    return cmp_size(x->nlocal, y->nlocal);
}

int pep440_compare_public(const pep440_version *x, const pep440_version *y)
{
    int c = cmp_num(x->epoch, y->epoch);
    if (!c)
        c = cmp_release(x, y);
    if (!c)
        c = cmp_pre(x, y);
    if (!c)
        c = cmp_optional(x->has_post, x->post, y->has_post, y->post, true);
    if (!c)
        c = cmp_optional(x->has_dev, x->dev, y->has_dev, y->dev, false);
    return c;
}

int pep440_compare(const pep440_version *x, const pep440_version *y)
{
    int c = pep440_compare_public(x, y);
    return c ? c : cmp_local(x, y);
}

bool pep440_same_base(const pep440_version *x, const pep440_version *y)
{
    return cmp_num(x->epoch, y->epoch) == 0 && cmp_release(x, y) == 0;
}

bool pep440_is_prerelease(const pep440_version *v)
{
    return v->pre_kind != PEP440_PRE_NONE || v->has_dev;
}

bool pep440_is_postrelease(const pep440_version *v)
{
    return v->has_post;
}

bool pep440_is_devrelease(const pep440_version *v)
{
    return v->has_dev;
}
