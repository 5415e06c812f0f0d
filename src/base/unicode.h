/* unicode.h - the Unicode facts Python's parser and repr() depend on.
 * Tables are generated from CPython 3.14's own unicodedata (Unicode 16.0,
 * by scripts/gen-unicode-tables.mjs through Pyodide), so they agree with the
 * interpreter krait mirrors rather than with whatever the host ships. */
#ifndef KRAIT_UNICODE_H
#define KRAIT_UNICODE_H

#include <stddef.h>

#include "arena.h"

/* May cp begin an identifier: XID_Start or '_' (CPython's
 * _PyUnicode_IsXidStart(cp) || cp == '_', i.e. chr(cp).isidentifier()). */
int uni_is_xid_start(unsigned cp);
int uni_is_xid_continue(unsigned cp); /* as _PyUnicode_IsXidContinue */
int uni_is_printable(unsigned cp);    /* as chr(cp).isprintable() */

/* Decode one UTF-8 sequence (surrogates allowed, as the 3-byte form) at s,
 * with n bytes available; returns its length and sets *cp, or returns 0 for
 * an invalid sequence. */
size_t uni_decode(const char *s, size_t n, unsigned *cp);

/* NFKC normal form of a UTF-8 identifier, arena-allocated and
 * NUL-terminated (CPython normalizes non-ASCII identifiers this way). */
char *uni_nfkc(arena *a, const char *s, size_t len);

#endif
