/* output.c - where reports go: a file written atomically (`-o FILE`) or
 * stdout; and the option loop every command shares. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <getopt.h>

#include "cli.h"
#include "cli_scan.h"

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* "dir/.name.krait-XXXXXX": same directory, so rename() stays atomic. */
static char *temp_name_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    size_t n = dirlen + 1 + strlen(base) + sizeof ".krait-XXXXXX";
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%.*s.%s.krait-XXXXXX", (int)dirlen, path, base);
    return t;
}

/* mkstemp creates 0600; a report is an ordinary file: 0666 minus umask,
 * or the mode of the file it replaces. */
static void set_mode(int fd, const char *path)
{
    struct stat st;
    mode_t mode;
    if (stat(path, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    (void)fchmod(fd, mode);
}

/* A device or a FIFO (-o /dev/null, -o /dev/stdout, a pipe): written in
 * place. Renaming a file over it would replace the device itself. */
static int write_in_place(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    int err = fd < 0 ? errno : 0;
    if (fd >= 0 && write_all(fd, data, len) != 0)
        err = errno;
    if (fd >= 0 && close(fd) != 0 && !err)
        err = errno;
    if (err) {
        fprintf(stderr, "krait: %s: %s\n", path, strerror(err));
        return -1;
    }
    return 0;
}

int cli_write_file_atomically(const char *path, const char *data, size_t len)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return write_in_place(path, data, len);
    char *tmp = temp_name_for(path);
    if (!tmp) {
        fprintf(stderr, "krait: %s: %s\n", path, strerror(ENOMEM));
        return -1;
    }
    int fd = mkstemp(tmp);
    int err = fd < 0 ? errno : 0;
    if (fd >= 0) {
        set_mode(fd, path);
        if (write_all(fd, data, len) != 0)
            err = errno;
        if (close(fd) != 0 && !err)
            err = errno;
        if (!err && rename(tmp, path) != 0)
            err = errno;
        if (err)
            unlink(tmp);
    }
    free(tmp);
    if (err) {
        fprintf(stderr, "krait: %s: %s\n", path, strerror(err));
        return -1;
    }
    return 0;
}

int cli_emit_report(int written, const char *path, buf *out)
{
    int status = written;
    if (status != 0)
        fputs("krait: out of memory\n", stderr);
    else if (path)
        status = cli_write_file_atomically(path, out->data ? out->data : "", out->len);
    else if (out->len)
        fwrite(out->data, 1, out->len, stdout);
    buf_free(out);
    return status;
}

int cli_parse_options(const char *command, int argc, char **argv, const char *shortopts,
                      const struct option *longopts, const char *usage, cli_option_fn *take,
                      void *ctx, int *help, int *operands)
{
    int c;
    /* Leading ':' in shortopts: a missing value is reported as such. */
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(usage, stdout);
            *help = 1;
            return EXIT_OK;
        }
        if (c == ':')
            return cli_usage_error(command, "option '%s' needs a value", argv[optind - 1]);
        if (c == '?')
            return cli_usage_error(command, "unrecognized option '%s'", argv[optind - 1]);
        if (take(ctx, c, optarg) != EXIT_OK)
            return EXIT_USAGE;
    }
    *operands = optind;
    return EXIT_OK;
}
