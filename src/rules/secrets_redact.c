/* secrets_redact.c - see secrets_redact.h. */
#include "secrets_redact.h"

#include <stdlib.h>
#include <string.h>

#include "secrets_scan.h"

void secret_ranges_init(secret_ranges *r, arena *a, size_t cap)
{
    r->n = 0;
    r->cap = cap;
    size_t k = cap ? cap : 1;
    r->from = arena_alloc_raw(a, k * sizeof *r->from);
    r->to = arena_alloc_raw(a, k * sizeof *r->to);
    r->reach = arena_alloc_raw(a, k * sizeof *r->reach);
}

void secret_ranges_add(secret_ranges *r, size_t from, size_t to)
{
    if (to > from && r->n < r->cap) {
        r->from[r->n] = from;
        r->to[r->n] = to;
        r->n++;
    }
}

/* Insertion sort by start: findings come in line order, so the ranges are
 * nearly sorted already. */
void secret_ranges_finish(secret_ranges *r)
{
    for (size_t i = 1; i < r->n; i++) {
        size_t f = r->from[i], t = r->to[i], k = i;
        for (; k > 0 && r->from[k - 1] > f; k--) {
            r->from[k] = r->from[k - 1];
            r->to[k] = r->to[k - 1];
        }
        r->from[k] = f;
        r->to[k] = t;
    }
    for (size_t i = 0; i < r->n; i++)
        r->reach[i] = i && r->reach[i - 1] > r->to[i] ? r->reach[i - 1] : r->to[i];
}

static int starts_char(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

/* One range over the copy: masked bytes become '*' (a character's first
 * byte) or NUL (its other bytes, removed afterwards). */
static void mask_range(const char *text, size_t from, size_t to, char *copy, size_t at,
                       size_t len)
{
    size_t nchars = 0, before = 0, head, tail;
    for (size_t i = from; i < to; i++) {
        int first = starts_char((unsigned char)text[i]);
        nchars += first;
        before += first && i < at;
    }
    secret_mask_keep(nchars, &head, &tail);
    size_t lo = from > at ? from - at : 0, hi = to - at < len ? to - at : len;
    size_t ch = before; /* characters of the range before copy[lo] */
    for (size_t i = lo; i < hi; i++) {
        unsigned char c = (unsigned char)text[at + i]; /* the copy may be masked already */
        int first = starts_char(c);
        size_t k = first ? ch++ : ch - 1;
        if (k < head || k + tail >= nchars || c == '\n')
            continue;
        copy[i] = first ? '*' : '\0';
    }
}

void secret_ranges_mask(const secret_ranges *r, const char *text, char *copy, size_t at)
{
    if (r->n == 0)
        return;
    size_t len = strlen(copy);
    /* the first range reaching past `at` (reach never decreases) */
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->reach[mid] > at)
            hi = mid;
        else
            lo = mid + 1;
    }
    int masked = 0;
    for (size_t i = lo; i < r->n && r->from[i] < at + len; i++)
        if (r->to[i] > at) {
            mask_range(text, r->from[i], r->to[i], copy, at, len);
            masked = 1;
        }
    if (!masked)
        return;
    size_t out = 0;
    for (size_t i = 0; i < len; i++)
        if (copy[i] != '\0')
            copy[out++] = copy[i];
    copy[out] = '\0';
}
