/* pep440.h - Python package versions (PEP 440), version specifiers and
 * distribution names (PEP 503), with the semantics of Python's `packaging`
 * library (the version pip uses), which tests/deps/pep440 checks answer by
 * answer.
 *
 * Everything a parse returns lives in the caller's arena and is read-only
 * afterwards, so parsed versions and specifiers can be shared between
 * threads. Nothing here keeps state between calls.
 *
 * Input is UTF-8 text. Whitespace around a version or a specifier is what
 * Python's str.isspace() accepts (the \s of packaging's regular
 * expressions), including the Unicode spaces. Letters are matched without
 * regard to ASCII case. One deliberate difference from `packaging`: its
 * case-insensitive regular expressions also let four non-ASCII letters
 * stand for ASCII ones (U+0130, U+0131, U+017F, U+212A: "1.0+\u212a" is
 * "1.0+k" there), producing "normalised" versions such as "1.0prev\u0131ew0";
 * krait rejects them as invalid. */
#ifndef KRAIT_PEP440_H
#define KRAIT_PEP440_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"

/* A non-negative integer of any size: decimal digits without leading
 * zeros (zero has len 0), so huge numbers order correctly by comparing
 * lengths, then digits. */
typedef struct pep440_num {
    const char *digits;
    size_t len;
} pep440_num;

typedef enum pep440_pre_kind {
    PEP440_PRE_NONE = 0,
    PEP440_PRE_A,  /* a, alpha */
    PEP440_PRE_B,  /* b, beta */
    PEP440_PRE_RC, /* rc, c, pre, preview */
} pep440_pre_kind;

/* One dot-separated part of a local version label ("ubuntu", "1"):
 * numeric parts compare as numbers and sort after alphanumeric ones. */
typedef struct pep440_local_part {
    bool numeric;
    pep440_num num; /* numeric parts */
    const char *text; /* the others, lowercased (not NUL-terminated) */
    size_t len;
} pep440_local_part;

/* A parsed version, normalised: [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]. */
typedef struct pep440_version {
    pep440_num epoch;
    const pep440_num *release; /* nrelease >= 1 */
    size_t nrelease;
    pep440_pre_kind pre_kind;
    pep440_num pre; /* when pre_kind != PEP440_PRE_NONE */
    bool has_post, has_dev;
    pep440_num post, dev;
    const pep440_local_part *local; /* nlocal == 0: no local label */
    size_t nlocal;
} pep440_version;

/* Why a parse failed: a sentence (static storage) and the byte offset in
 * the input where the problem was found. */
typedef struct pep440_error {
    const char *reason;
    size_t offset;
} pep440_error;

/* Parse `len` bytes of `text`. Returns NULL for anything that is not a
 * PEP 440 version (legacy versions such as "2.0-beta-3x" or "latest"
 * included), with *err saying why (err may be NULL). Never reads past len. */
const pep440_version *pep440_parse(arena *a, const char *text, size_t len,
                                   pep440_error *err);

/* The normalised form, as str(packaging.version.Version(...)) prints it,
 * appended to out. */
void pep440_format(const pep440_version *v, buf *out);
/* The same, as a NUL-terminated string in the arena. */
const char *pep440_to_string(arena *a, const pep440_version *v);

/* PEP 440's total order: <0, 0 or >0. Equal means equivalent ("1.0" ==
 * "1.0.0", "1.0+Ab" == "1.0+ab"), not identical text. */
int pep440_compare(const pep440_version *x, const pep440_version *y);
/* The same ignoring both local labels (the "public" versions). */
int pep440_compare_public(const pep440_version *x, const pep440_version *y);

/* packaging's is_prerelease counts dev releases too ("1.0.dev1"). */
bool pep440_is_prerelease(const pep440_version *v);
bool pep440_is_postrelease(const pep440_version *v);
bool pep440_is_devrelease(const pep440_version *v);

/* ---- specifiers ("~=1.4", ">=1.0,!=1.3.*,<2") --------------------------- */

typedef enum pep440_op {
    PEP440_OP_COMPATIBLE, /* ~= */
    PEP440_OP_EQ,         /* == (with .* : prefix match) */
    PEP440_OP_NE,         /* != (with .* : prefix mismatch) */
    PEP440_OP_LE,         /* <= */
    PEP440_OP_GE,         /* >= */
    PEP440_OP_LT,         /* < */
    PEP440_OP_GT,         /* > */
    PEP440_OP_ARBITRARY,  /* === (string equality, no PEP 440 meaning) */
} pep440_op;

/* The tokens of a version string split as packaging's prefix matching
 * does ("1.2rc1" -> 1, 2, rc1): internal to the matcher. */
typedef struct pep440_tokens {
    const char *const *tok;
    const size_t *len;
    size_t n;
    size_t nrelease; /* leading all-digit tokens */
} pep440_tokens;

typedef struct pep440_spec {
    pep440_op op;
    const char *text; /* the version as written, without surrounding space */
    size_t len;
    bool wildcard; /* ==X.* or !=X.* */
    /* The version: NULL only for === with text that is not a version.
     * For a wildcard, the part before ".*". */
    const pep440_version *version;
    /* packaging's Specifier.prereleases: an inclusive operator naming a
     * pre-release (">=1.0a1"). For === with text that is no version,
     * packaging raises InvalidVersion; krait says false. */
    bool prerelease;
    pep440_tokens prefix; /* wildcard and ~=: the prefix to match */
} pep440_spec;

typedef struct pep440_specset {
    const pep440_spec *specs; /* in the order written */
    size_t n;
} pep440_specset;

/* Parse one specifier (">= 1.0") or a comma-separated set (empty pieces are
 * skipped, so "" is the set that admits every final release). NULL with
 * *err on a syntax error (offset relative to text). */
const pep440_spec *pep440_spec_parse(arena *a, const char *text, size_t len,
                                     pep440_error *err);
const pep440_specset *pep440_specset_parse(arena *a, const char *text, size_t len,
                                           pep440_error *err);

/* Whether pre-releases may match: packaging's `prereleases` argument. */
typedef enum pep440_prereleases {
    PEP440_PRERELEASES_DEFAULT, /* only if a specifier names one (None) */
    PEP440_PRERELEASES_ALLOW,   /* True */
    PEP440_PRERELEASES_DENY,    /* False */
} pep440_prereleases;

/* packaging's SpecifierSet.contains / Specifier.contains. */
bool pep440_specset_contains(const pep440_specset *set, const pep440_version *v,
                             pep440_prereleases mode);
bool pep440_spec_contains(const pep440_spec *spec, const pep440_version *v,
                          pep440_prereleases mode);
/* SpecifierSet.prereleases: whether some specifier names a pre-release
 * (false for the empty set, where packaging says None). */
bool pep440_specset_names_prerelease(const pep440_specset *set);

/* "~=" for OP_COMPATIBLE, and so on. */
const char *pep440_op_name(pep440_op op);

/* ---- names (PEP 503) ----------------------------------------------------- */

/* packaging.utils.canonicalize_name: runs of '-', '_', '.' become one '-',
 * ASCII letters are lowercased ("Foo.Bar_baz" -> "foo-bar-baz"). Bytes
 * outside ASCII are copied unchanged: PEP 508 names are ASCII, so a name
 * with them is invalid anyway (see pep508_name_valid). */
const char *pep503_normalize(arena *a, const char *name, size_t len);
/* PEP 508's name rule: ASCII letters and digits, with '-', '_', '.' inside. */
bool pep508_name_valid(const char *name, size_t len);

#endif
