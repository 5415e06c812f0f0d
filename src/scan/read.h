/* read.h - the scanner's file reading (private to src/scan). */
#ifndef KRAIT_SCAN_READ_H
#define KRAIT_SCAN_READ_H

#include <stddef.h>

#include "discover.h"

/* A worker's read buffer, reused from file to file (malloc'd). */
typedef struct scan_buffer {
    char *data;
    size_t len, cap;
} scan_buffer;

/* Reads `path` (SCAN_STDIN_PATH: stdin) into b. Returns 0, or -1 with the
 * reason in msg ("file too large (N bytes > limit M)", "Permission denied",
 * "symlink loop", ...). */
int scan_read(const char *path, size_t limit, scan_buffer *b, char *msg, size_t msgsize);

/* A NUL byte in the first 8 KB, with more NULs, other control characters
 * or bytes that are not UTF-8 there: CPython refuses such a file anyway,
 * and "binary file" says more than the parser's "null bytes" message. A
 * text file with one stray NUL gets the parser's message. */
int scan_looks_binary(const char *data, size_t len);

#endif
