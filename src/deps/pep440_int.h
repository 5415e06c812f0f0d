/* pep440_int.h - helpers shared by pep440.c, pep440_spec.c and
 * pep440_name.c; not part of the API. */
#ifndef KRAIT_PEP440_INT_H
#define KRAIT_PEP440_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "deps/pep440.h"

/* Byte length of the whitespace character at text[pos] as Python's
 * str.isspace() (and so the \s of packaging's patterns) sees it, or 0. */
size_t pep440_space_at(const char *text, size_t len, size_t pos);
/* Skip whitespace forwards from pos / backwards from end. */
size_t pep440_skip_space(const char *text, size_t len, size_t pos);
size_t pep440_trim_end(const char *text, size_t start, size_t end);

static inline bool pep440_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline char pep440_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Parse a version filling *out, with no surrounding whitespace allowed
 * when `bare` (a specifier's version, already trimmed). */
bool pep440_parse_into(arena *a, const char *text, size_t len, bool bare,
                       pep440_version *out, pep440_error *err);

/* packaging.utils.canonicalize_version: the normalised form with the
 * release's trailing ".0"s removed when strip_zeros (but never the first
 * number), without the local label when !with_local. */
void pep440_format_canonical(const pep440_version *v, bool strip_zeros, bool with_local,
                             buf *out);

/* Epoch and release equal, trailing zeros ignored: packaging's
 * Version(x.base_version) == Version(y.base_version). */
bool pep440_same_base(const pep440_version *x, const pep440_version *y);

#endif
