/* buf.h - growable byte buffer (malloc-backed, for output and scratch). */
#ifndef KRAIT_BUF_H
#define KRAIT_BUF_H

#include <stddef.h>

typedef struct buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len, cap;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reserve(buf *b, size_t extra);
void buf_put(buf *b, const void *data, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the UTF-8 encoding of cp; surrogates are encoded as 3 bytes
 * (Python str can hold lone surrogates). */
void buf_put_utf8(buf *b, unsigned cp);
void buf_clear(buf *b);

#endif
