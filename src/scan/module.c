/* module.c - a file's dotted module name, from the package layout on disk,
 * so that relative imports (`from . import x`) resolve to real names. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/buf.h"
#include "scan.h"

int scan_module_part(const char *s, size_t n)
{
    if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* Non-ASCII letters are allowed in identifiers; the parser, not
         * this guess, has the last word on them. */
        if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

static int dir_is_package(buf *dir)
{
    size_t len = dir->len;
    buf_puts(dir, "/__init__.py");
    struct stat st;
    int yes = stat(dir->data, &st) == 0 && S_ISREG(st.st_mode);
    dir->len = len;
    dir->data[len] = '\0';
    return yes;
}

/* Prepends "part." to the name being built right to left in `name`. */
static void prepend(buf *name, const char *part, size_t n)
{
    buf tmp;
    buf_init(&tmp);
    buf_put(&tmp, part, n);
    if (name->len) {
        buf_putc(&tmp, '.');
        buf_put(&tmp, name->data, name->len);
    }
    buf_free(name);
    *name = tmp;
}

/* Walks up from `dir` (absolute) while each directory is a package. */
static int add_packages(buf *name, buf *dir)
{
    while (dir->len > 1 && dir_is_package(dir)) {
        char *slash = strrchr(dir->data, '/');
        if (!slash)
            break;
        const char *part = slash + 1;
        size_t n = strlen(part);
        if (!scan_module_part(part, n))
            return 0;
        prepend(name, part, n);
        dir->len = slash == dir->data ? 1 : (size_t)(slash - dir->data);
        dir->data[dir->len] = '\0';
    }
    return 1;
}

static const char *stem_of(const char *base, size_t *n)
{
    size_t len = strlen(base);
    if (len > 3 && strcmp(base + len - 3, ".py") == 0)
        len -= 3;
    else if (len > 4 && strcmp(base + len - 4, ".pyw") == 0)
        len -= 4;
    *n = len;
    return base;
}

const char *scan_module_name(arena *a, const char *path, int *is_package)
{
    *is_package = 0;
    if (strcmp(path, SCAN_STDIN_PATH) == 0)
        return NULL;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n;
    const char *stem = stem_of(base, &n);
    char *real = NULL;
    if (slash) {
        char *d = strndup(path, (size_t)(slash - path) + (slash == path));
        real = d ? realpath(d, NULL) : NULL;
        free(d);
    } else {
        real = realpath(".", NULL);
    }
    if (!real)
        return NULL;
    buf dir, name;
    buf_init(&dir);
    buf_init(&name);
    buf_puts(&dir, real);
    free(real);
    int ok = 1;
    if (n == 8 && memcmp(stem, "__init__", 8) == 0)
        *is_package = 1;
    else if (scan_module_part(stem, n))
        prepend(&name, stem, n);
    else
        ok = 0;
    if (ok)
        ok = add_packages(&name, &dir);
    const char *out = ok && name.len ? arena_strndup(a, name.data, name.len) : NULL;
    buf_free(&dir);
    buf_free(&name);
    return out;
}
