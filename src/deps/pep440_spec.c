/* pep440_spec.c - version specifiers and their sets, with the semantics of
 * packaging.specifiers (SpecifierSet.contains).
 *
 * Prefix matching (==1.2.*, and the == half of ~=) is done on strings, the
 * way packaging does it, because its answers follow from that string
 * algorithm rather than from PEP 440's text: the canonical version is split
 * at dots (and between a number and a glued pre-release, "1rc1" -> 1, rc1),
 * the release part padded with zeros, then compared token by token. An
 * epoch stays glued to the first number ("1!2"), which is why "1!2" does not
 * match "==1!2.0.*" while "2" matches "==2.0.*"; and ~= drops its last
 * release number by looking at the text as written (so "~=1.0.POST1" keeps
 * "POST1"). Reproducing these quirks is the point: pip decides with them. */
#include "deps/pep440.h"

#include <stdlib.h>
#include <string.h>

#include "deps/pep440_int.h"

/* ---- packaging's _version_split, as an iterator ------------------------------ */

typedef struct tok_iter {
    const char *s;
    size_t n, pos;
    const char *pending; /* the second half of a split item */
    size_t pending_len;
    bool done;
} tok_iter;

static tok_iter tok_start(const char *s, size_t n)
{
    return (tok_iter){.s = s, .n = n};
}

/* ^([0-9]+)((?:a|b|c|rc)[0-9]+)$ : where the second group starts, or 0. */
static size_t glued_prerelease(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && pep440_is_digit(t[i]))
        i++;
    if (i == 0 || i == len)
        return 0;
    size_t j = i;
    if (len - j >= 2 && t[j] == 'r' && t[j + 1] == 'c')
        j += 2;
    else if (t[j] == 'a' || t[j] == 'b' || t[j] == 'c')
        j++;
    else
        return 0;
    if (j == len)
        return 0;
    for (size_t k = j; k < len; k++)
        if (!pep440_is_digit(t[k]))
            return 0;
    return i;
}

static bool tok_next(tok_iter *it, const char **tok, size_t *len)
{
    if (it->pending) {
        *tok = it->pending;
        *len = it->pending_len;
        it->pending = NULL;
        return true;
    }
    if (it->done)
        return false;
    const char *item = it->s + it->pos;
    const char *dot = memchr(item, '.', it->n - it->pos);
    size_t item_len = dot ? (size_t)(dot - item) : it->n - it->pos;
    it->pos += item_len + 1;
    it->done = dot == NULL;
    size_t cut = glued_prerelease(item, item_len);
    if (cut) {
        it->pending = item + cut;
        it->pending_len = item_len - cut;
        item_len = cut;
    }
    *tok = item;
    *len = item_len;
    return true;
}

/* str.isdigit() of an ASCII token ("" is not). */
static bool all_digits(const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!pep440_is_digit(t[i]))
            return false;
    return len > 0;
}

static pep440_tokens tokenize(arena *a, const char *s, size_t n)
{
    size_t count = 0, nrel = 0, len;
    const char *t;
    bool in_release = true;
    for (tok_iter it = tok_start(s, n); tok_next(&it, &t, &len); count++) {
        in_release = in_release && all_digits(t, len);
        nrel += in_release;
    }
    const char **toks = arena_alloc_raw(a, count * sizeof *toks);
    size_t *lens = arena_alloc_raw(a, count * sizeof *lens);
    size_t i = 0;
    for (tok_iter it = tok_start(s, n); tok_next(&it, &t, &len); i++) {
        toks[i] = arena_strndup(a, t, len);
        lens[i] = len;
    }
    return (pep440_tokens){toks, lens, count, nrel};
}

/* canonicalize_version(prefix, strip_trailing_zero=False), split. */
static pep440_tokens prefix_tokens(arena *a, const char *prefix, size_t len)
{
    pep440_version v;
    if (!pep440_parse_into(a, prefix, len, false, &v, NULL))
        return tokenize(a, prefix, len); /* packaging keeps a legacy string as is */
    buf b;
    buf_init(&b);
    pep440_format_canonical(&v, false, true, &b);
    pep440_tokens toks = tokenize(a, b.data, b.len);
    buf_free(&b);
    return toks;
}

/* _is_not_suffix: the prefix test is on the text as written. */
static bool is_suffix(const char *t, size_t len)
{
    static const char *const suffixes[] = {"dev", "a", "b", "rc", "post"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t sl = strlen(suffixes[i]);
        if (len >= sl && memcmp(t, suffixes[i], sl) == 0)
            return true;
    }
    return false;
}

/* ~=X: the prefix X's dot-separated items up to the first suffix, less the
 * last one: "1.4.5a4" -> "1.4". */
static pep440_tokens compatible_prefix(arena *a, const char *text, size_t len)
{
    size_t keep = 0, tl;
    const char *t;
    for (tok_iter it = tok_start(text, len); tok_next(&it, &t, &tl) && !is_suffix(t, tl);)
        keep++;
    buf b;
    buf_init(&b);
    tok_iter it = tok_start(text, len);
    for (size_t i = 0; i + 1 < keep && tok_next(&it, &t, &tl); i++) {
        if (i)
            buf_putc(&b, '.');
        buf_put(&b, t, tl);
    }
    pep440_tokens toks = prefix_tokens(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return toks;
}

/* ---- parsing ------------------------------------------------------------- */

static const struct {
    const char *text;
    pep440_op op;
} operators[] = {
    /* longest first: "<=1" is never "<" then "=1", which is no version */
    {"===", PEP440_OP_ARBITRARY}, {"~=", PEP440_OP_COMPATIBLE}, {"==", PEP440_OP_EQ},
    {"!=", PEP440_OP_NE},         {"<=", PEP440_OP_LE},         {">=", PEP440_OP_GE},
    {"<", PEP440_OP_LT},          {">", PEP440_OP_GT},
};

const char *pep440_op_name(pep440_op op)
{
    for (size_t i = 0; i < sizeof operators / sizeof *operators; i++)
        if (operators[i].op == op)
            return operators[i].text;
    return "?";
}

static bool fail(pep440_error *err, const char *reason, size_t offset)
{
    if (err) {
        err->reason = reason;
        err->offset = offset;
    }
    return false;
}

static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!k || k > n - i)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
        unsigned c1 = s[i + (k > 1)];
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return false; /* overlong, surrogate, beyond U+10FFFF */
        i += k;
    }
    return true;
}

/* === takes any run of characters but whitespace, ';' and ')'. */
static bool parse_arbitrary(arena *a, const char *text, size_t len, size_t pos,
                            pep440_spec *spec, pep440_error *err)
{
    size_t end = pos;
    while (end < len && !pep440_space_at(text, len, end) && text[end] != ';' && text[end] != ')')
        end++;
    if (pep440_skip_space(text, len, end) != len)
        return fail(err, "unexpected character after the version", end);
    if (!valid_utf8((const unsigned char *)text + pos, end - pos))
        return fail(err, "the version is not valid UTF-8", pos);
    spec->text = arena_strndup(a, text + pos, end - pos);
    spec->len = end - pos;
    pep440_version v;
    if (pep440_parse_into(a, spec->text, spec->len, false, &v, NULL)) {
        pep440_version *copy = arena_alloc_raw(a, sizeof *copy);
        *copy = v;
        spec->version = copy;
        spec->prerelease = pep440_is_prerelease(copy);
    }
    return true;
}

/* What each operator admits beyond the plain version: == and != a local
 * label or a .* suffix, ~= needs two release numbers. */
static bool check_operator_rules(const pep440_spec *spec, size_t pos, pep440_error *err)
{
    const pep440_version *v = spec->version;
    if (spec->wildcard && (v->pre_kind || v->has_post || v->has_dev || v->nlocal))
        return fail(err, "a .* prefix match takes only a release number", pos);
    if (v->nlocal && spec->op != PEP440_OP_EQ && spec->op != PEP440_OP_NE)
        return fail(err, "only == and != take a local version label", pos);
    if (spec->op == PEP440_OP_COMPATIBLE && v->nrelease < 2)
        return fail(err, "~= needs a version with at least two numbers (~=1.0)", pos);
    return true;
}

static bool parse_versioned(arena *a, const char *text, size_t len, size_t pos,
                            pep440_spec *spec, pep440_error *err)
{
    size_t end = pep440_trim_end(text, pos, len);
    if (pos == end)
        return fail(err, "expected a version after the operator", pos);
    spec->text = arena_strndup(a, text + pos, end - pos);
    spec->len = end - pos;
    size_t vlen = spec->len;
    if ((spec->op == PEP440_OP_EQ || spec->op == PEP440_OP_NE) && vlen >= 2 &&
        memcmp(spec->text + vlen - 2, ".*", 2) == 0) {
        spec->wildcard = true;
        vlen -= 2;
    }
    pep440_version v;
    pep440_error verr;
    if (!pep440_parse_into(a, spec->text, vlen, true, &v, &verr))
        return fail(err, verr.reason, pos + verr.offset);
    pep440_version *copy = arena_alloc_raw(a, sizeof *copy);
    *copy = v;
    spec->version = copy;
    if (!check_operator_rules(spec, pos, err))
        return false;
    bool inclusive = spec->op == PEP440_OP_EQ || spec->op == PEP440_OP_GE ||
                     spec->op == PEP440_OP_LE || spec->op == PEP440_OP_COMPATIBLE;
    spec->prerelease = inclusive && pep440_is_prerelease(copy);
    if (spec->wildcard)
        spec->prefix = prefix_tokens(a, spec->text, vlen);
    else if (spec->op == PEP440_OP_COMPATIBLE)
        spec->prefix = compatible_prefix(a, spec->text, spec->len);
    return true;
}

static bool parse_spec_into(arena *a, const char *text, size_t len, pep440_spec *spec,
                            pep440_error *err)
{
    memset(spec, 0, sizeof *spec);
    size_t pos = pep440_skip_space(text, len, 0);
    size_t i = 0, n = sizeof operators / sizeof *operators;
    while (i < n && !(strlen(operators[i].text) <= len - pos &&
                      memcmp(text + pos, operators[i].text, strlen(operators[i].text)) == 0))
        i++;
    if (i == n)
        return fail(err, "expected an operator (==, !=, <=, >=, <, >, ~=, ===)", pos);
    spec->op = operators[i].op;
    pos = pep440_skip_space(text, len, pos + strlen(operators[i].text));
    if (spec->op == PEP440_OP_ARBITRARY)
        return parse_arbitrary(a, text, len, pos, spec, err);
    return parse_versioned(a, text, len, pos, spec, err);
}

const pep440_spec *pep440_spec_parse(arena *a, const char *text, size_t len,
                                     pep440_error *err)
{
    pep440_spec *spec = arena_alloc_raw(a, sizeof *spec);
    return parse_spec_into(a, text, len, spec, err) ? spec : NULL;
}

const pep440_specset *pep440_specset_parse(arena *a, const char *text, size_t len,
                                           pep440_error *err)
{
    size_t pieces = 1;
    for (size_t i = 0; i < len; i++)
        pieces += text[i] == ',';
    pep440_spec *specs = arena_alloc_raw(a, pieces * sizeof *specs);
    size_t n = 0;
    for (size_t start = 0; start <= len;) {
        const char *comma = memchr(text + start, ',', len - start);
        size_t end = comma ? (size_t)(comma - text) : len;
        size_t first = pep440_skip_space(text, end, start);
        if (first < end) { /* blank pieces are skipped, as str.strip() leaves them empty */
            if (!parse_spec_into(a, text + start, end - start, &specs[n], err)) {
                if (err)
                    err->offset += start;
                return NULL;
            }
            n++;
        }
        start = end + 1;
    }
    pep440_specset *set = arena_alloc_raw(a, sizeof *set);
    *set = (pep440_specset){specs, n};
    return set;
}

/* ---- matching -------------------------------------------------------------- */

/* _compare_equal with a prefix: the canonical public version, split,
 * its release padded with zeros to the prefix's, cut to the prefix's
 * length, equal token for token. */
static bool prefix_match(const pep440_tokens *prefix, const pep440_version *v)
{
    buf b;
    buf_init(&b);
    pep440_format_canonical(v, true, false, &b);
    const char *t;
    size_t tl, nrel = 0;
    for (tok_iter it = tok_start(b.data, b.len); tok_next(&it, &t, &tl) && all_digits(t, tl);)
        nrel++;
    size_t pad = prefix->nrelease > nrel ? prefix->nrelease - nrel : 0;
    tok_iter it = tok_start(b.data, b.len);
    bool equal = true;
    for (size_t i = 0; i < prefix->n && equal; i++) {
        if (i >= nrel && i < nrel + pad) {
            t = "0";
            tl = 1;
        } else if (!tok_next(&it, &t, &tl)) {
            equal = false; /* shorter than the prefix */
            break;
        }
        equal = tl == prefix->len[i] && memcmp(t, prefix->tok[i], tl) == 0;
    }
    buf_free(&b);
    return equal;
}

/* ===: the normalised version against the text, ignoring case as
 * str.lower() does (the Kelvin sign is the one non-ASCII character whose
 * lowercase is ASCII). */
static bool arbitrary_match(const pep440_spec *spec, const pep440_version *v)
{
    buf b;
    buf_init(&b);
    pep440_format(v, &b);
    size_t i = 0, j = 0;
    const char *s = spec->text;
    while (i < b.len && j < spec->len) {
        if (spec->len - j >= 3 && memcmp(s + j, "\xE2\x84\xAA", 3) == 0 && b.data[i] == 'k') {
            i++;
            j += 3;
        } else if (pep440_lower(s[j]) == b.data[i]) {
            i++;
            j++;
        } else
            break;
    }
    bool equal = i == b.len && j == spec->len;
    buf_free(&b);
    return equal;
}

static bool equal_match(const pep440_spec *spec, const pep440_version *v)
{
    if (spec->wildcard)
        return prefix_match(&spec->prefix, v);
    if (spec->version->nlocal)
        return pep440_compare(v, spec->version) == 0;
    return pep440_compare_public(v, spec->version) == 0;
}

/* <V excludes V's own pre-releases unless V is one; >V excludes V's post
 * releases unless V is one, and V with a local label. */
static bool less_match(const pep440_spec *spec, const pep440_version *v)
{
    const pep440_version *s = spec->version;
    if (pep440_compare(v, s) >= 0)
        return false;
    return pep440_is_prerelease(s) || !pep440_is_prerelease(v) || !pep440_same_base(v, s);
}

static bool greater_match(const pep440_spec *spec, const pep440_version *v)
{
    const pep440_version *s = spec->version;
    if (pep440_compare(v, s) <= 0)
        return false;
    if (!s->has_post && v->has_post && pep440_same_base(v, s))
        return false;
    return !(v->nlocal && pep440_same_base(v, s));
}

static bool operator_match(const pep440_spec *spec, const pep440_version *v)
{
    switch (spec->op) {
    case PEP440_OP_COMPATIBLE:
        return pep440_compare_public(v, spec->version) >= 0 && prefix_match(&spec->prefix, v);
    case PEP440_OP_EQ:
        return equal_match(spec, v);
    case PEP440_OP_NE:
        return !equal_match(spec, v);
    case PEP440_OP_LE:
        return pep440_compare_public(v, spec->version) <= 0;
    case PEP440_OP_GE:
        return pep440_compare_public(v, spec->version) >= 0;
    case PEP440_OP_LT:
        return less_match(spec, v);
    case PEP440_OP_GT:
        return greater_match(spec, v);
    case PEP440_OP_ARBITRARY:
        return arbitrary_match(spec, v);
    }
    return false;
}

bool pep440_spec_contains(const pep440_spec *spec, const pep440_version *v,
                          pep440_prereleases mode)
{
    bool allow = mode == PEP440_PRERELEASES_DEFAULT ? spec->prerelease
                                                    : mode == PEP440_PRERELEASES_ALLOW;
    if (!allow && pep440_is_prerelease(v))
        return false;
    return operator_match(spec, v);
}

bool pep440_specset_names_prerelease(const pep440_specset *set)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->specs[i].prerelease)
            return true;
    return false;
}

bool pep440_specset_contains(const pep440_specset *set, const pep440_version *v,
                             pep440_prereleases mode)
{
    bool allow = mode == PEP440_PRERELEASES_DEFAULT ? pep440_specset_names_prerelease(set)
                                                    : mode == PEP440_PRERELEASES_ALLOW;
    if (!allow && pep440_is_prerelease(v))
        return false;
    for (size_t i = 0; i < set->n; i++)
        if (!operator_match(&set->specs[i], v))
            return false;
    return true;
}
