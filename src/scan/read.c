/* read.c - reading one file for the scanner: size limit first (a 200 MB
 * file is refused from its fstat, not read), then the bytes into the
 * worker's reusable buffer. */
#include "read.h"

#include "../base/unicode.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int ensure(scan_buffer *b, size_t need)
{
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64 * 1024;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

static void too_large(char *msg, size_t msgsize, unsigned long long size, size_t limit)
{
    snprintf(msg, msgsize, "file too large (%llu bytes > limit %zu)", size, limit);
}

/* Reads fd to its end, refusing more than `limit` bytes. */
static int read_limited(int fd, scan_buffer *b, size_t hint, size_t limit, char *msg,
                        size_t msgsize)
{
    b->len = 0;
    if (ensure(b, hint + 1) != 0)
        goto oom;
    for (;;) {
        if (b->len == b->cap && ensure(b, b->cap + 1) != 0)
            goto oom;
        ssize_t r = read(fd, b->data + b->len, b->cap - b->len);
        if (r == 0)
            break;
        if (r < 0) {
            if (errno == EINTR)
                continue;
            snprintf(msg, msgsize, "%s", strerror(errno));
            return -1;
        }
        b->len += (size_t)r;
        if (b->len > limit) {
            /* A pipe, or a file that grew: the size is at least this. */
            too_large(msg, msgsize, b->len, limit);
            return -1;
        }
    }
    return 0;
oom:
    snprintf(msg, msgsize, "%s", strerror(ENOMEM));
    return -1;
}

int scan_read(const char *path, size_t limit, scan_buffer *b, char *msg, size_t msgsize)
{
    int is_stdin = strcmp(path, SCAN_STDIN_PATH) == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(msg, msgsize, "%s", errno == ELOOP ? "symlink loop" : strerror(errno));
        return -1;
    }
    struct stat st;
    int status = -1;
    if (fstat(fd, &st) != 0)
        snprintf(msg, msgsize, "%s", strerror(errno));
    else if (S_ISDIR(st.st_mode))
        snprintf(msg, msgsize, "%s", strerror(EISDIR));
    else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit)
        too_large(msg, msgsize, (unsigned long long)st.st_size, limit);
    else
        status = read_limited(fd, b, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, limit,
                              msg, msgsize);
    if (!is_stdin)
        close(fd);
    return status;
}

/* The sample has a byte sequence that is not UTF-8 (a sequence cut by the
 * end of the sample does not count). */
static int has_invalid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = uni_decode(s + i, n - i, &cp);
        if (k == 0)
            return n - i >= 4;
        i += k;
    }
    return 0;
}

int scan_looks_binary(const char *data, size_t len)
{
    size_t n = len < 8192 ? len : 8192;
    if (!memchr(data, '\0', n))
        return 0;
    size_t nuls = 0, controls = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        nuls += c == 0;
        controls += (c > 0 && c < 0x20 && !strchr("\t\n\r\f\v", c)) || c == 0x7F;
    }
    return nuls > 1 || controls > 0 || has_invalid_utf8(data, n);
}
