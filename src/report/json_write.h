/* json_write.h - writing JSON for the reports: the string escaping every
 * JSON-based format shares (json.c, sarif.c, gitlab.c, ...), and a small
 * pretty-printing writer that keeps track of commas and indentation so a
 * nested document (SARIF) cannot come out malformed. */
#ifndef KRAIT_JSON_WRITE_H
#define KRAIT_JSON_WRITE_H

#include "../base/buf.h"

/* `s` as a JSON string literal, quotes included (docs/formats.md,
 * "Strings"). Invalid UTF-8 (file names are bytes) becomes U+FFFD per bad
 * byte, so the document is always valid UTF-8; controls, C1 controls,
 * U+2028/2029, bidirectional controls and lone surrogates are written as
 * \uXXXX escapes. */
void json_put_string(buf *b, const char *s);
/* json_put_string, or null for NULL. */
void json_put_nullable_string(buf *b, const char *s);

enum { JW_MAX_DEPTH = 32 };

/* The writer: two-space indentation, one member or item per line. */
typedef struct jw {
    buf *b;
    int depth;
    int after_key;                /* the next value follows "key": */
    int count[JW_MAX_DEPTH + 1];  /* members written at each depth */
} jw;

void jw_init(jw *w, buf *b);
void jw_begin_object(jw *w);
void jw_end_object(jw *w);
void jw_begin_array(jw *w);
void jw_end_array(jw *w);
void jw_key(jw *w, const char *key);
void jw_string(jw *w, const char *s); /* NULL writes null */
void jw_int(jw *w, long long v);
/* A value already written as JSON (a number formatted by the caller, null). */
void jw_raw(jw *w, const char *json);
void jw_bool(jw *w, int v);
/* key + value in one call */
void jw_member_string(jw *w, const char *key, const char *s);
void jw_member_int(jw *w, const char *key, long long v);
void jw_member_bool(jw *w, const char *key, int v);

#endif
