/* secrets_redact.h - masking the secrets of a file wherever its source text
 * is copied into a report (scan.c: snippets and context lines). A file's
 * secret ranges (finding.redact_*, as byte offsets) are collected once,
 * sorted, and each copied stretch of source is masked against the ranges
 * that meet it, found by binary search: a file with many secrets costs
 * log(n) per copy, not n. */
#ifndef KRAIT_SECRETS_REDACT_H
#define KRAIT_SECRETS_REDACT_H

#include <stddef.h>

#include "../base/arena.h"

typedef struct secret_ranges {
    size_t *from, *to; /* byte offsets into the text, sorted by from */
    size_t *reach;     /* reach[i]: the largest `to` among ranges 0..i */
    size_t n, cap;
} secret_ranges;

/* Room for `cap` ranges (arena memory). */
void secret_ranges_init(secret_ranges *r, arena *a, size_t cap);
/* Adds [from, to) (ignored when empty or when full). */
void secret_ranges_add(secret_ranges *r, size_t from, size_t to);
/* Sorts the ranges and computes their reach: call once, after the adds. */
void secret_ranges_finish(secret_ranges *r);

/* `copy` (NUL-terminated) holds text[at .. at + strlen(copy)); every range
 * meeting it is masked in place: each character one '*' (so character
 * columns stay right; the bytes of a multi-byte character shrink to one),
 * newlines kept, and the first and last characters that
 * secret_mask_keep allows for the range's length left visible. */
void secret_ranges_mask(const secret_ranges *r, const char *text, char *copy, size_t at);

#endif
