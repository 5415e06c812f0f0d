/* input.c - reading a whole file or stdin into memory, binary-safe. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static int report(const char *path, int err)
{
    fprintf(stderr, "krait: %s: %s\n", path, strerror(err));
    return -1;
}

/* Reads fd to its end. `hint` is the expected size (st_size) so that a
 * regular file is read with a single allocation; pipes grow geometrically. */
static int read_all(int fd, size_t hint, char **data, size_t *len)
{
    size_t cap = hint + 1 > 4096 ? hint + 1 : 4096, n = 0;
    char *p = malloc(cap);
    if (!p)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            char *q = cap > SIZE_MAX / 2 ? NULL : realloc(p, cap * 2);
            if (!q) {
                free(p);
                return ENOMEM;
            }
            p = q;
            cap *= 2;
        }
        ssize_t r = read(fd, p + n, cap - n);
        if (r == 0)
            break;
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(p);
            return e;
        }
        n += (size_t)r;
    }
    *data = p;
    *len = n;
    return 0;
}

int cli_read_input(const char *path, char **data, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return report(path, errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        if (!is_stdin)
            close(fd);
        return report(path, e);
    }
    /* open() succeeds on a directory; read() would then fail with a less
     * helpful EISDIR on some systems and succeed on others. */
    if (S_ISDIR(st.st_mode)) {
        if (!is_stdin)
            close(fd);
        return report(is_stdin ? "<stdin>" : path, EISDIR);
    }
    size_t hint = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size : 0;
    int e = read_all(fd, hint, data, len);
    if (!is_stdin)
        close(fd);
    return e ? report(is_stdin ? "<stdin>" : path, e) : 0;
}
