/* uniname.h - Unicode character names, as "\N{...}" escapes accept them.
 * The data is CPython 3.14's (Unicode 16.0, scripts/gen-unicode-names.mjs):
 * character names and formal aliases, matched case-insensitively, plus the
 * algorithmic CJK UNIFIED IDEOGRAPH-XXXX and HANGUL SYLLABLE names, which
 * like CPython's are case-sensitive. Named sequences are not characters and
 * are not accepted. */
#ifndef KRAIT_UNINAME_H
#define KRAIT_UNINAME_H

#include <stddef.h>

/* 1 and *cp set when `name` (len bytes, not NUL-terminated) names a
 * character; 0 otherwise. Rarely called: small tables, linear scans. */
int uni_lookup_name(const char *name, size_t len, unsigned *cp);

#endif
