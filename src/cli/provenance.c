/* provenance.c - what a report says about how it was made: the command
 * line (quoted so it can be pasted back into a shell) and the start time,
 * which SOURCE_DATE_EPOCH overrides so that reports can be reproduced
 * byte for byte (https://reproducible-builds.org/specs/source-date-epoch/). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "cli.h"

/* Characters a POSIX shell leaves alone in an unquoted word. */
static int shell_safe(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    "@%+=:,./-_",
                    *s))
            return 0;
    return 1;
}

static void put_quoted(buf *b, const char *s)
{
    if (shell_safe(s)) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            buf_puts(b, "'\\''");
        else
            buf_putc(b, *s);
    }
    buf_putc(b, '\'');
}

char *cli_command_line(int argc, char **argv)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, "krait");
    for (int i = 0; i < argc; i++) {
        buf_putc(&b, ' ');
        put_quoted(&b, argv[i]);
    }
    return b.data; /* NUL-terminated by buf; NULL only when out of memory */
}

long long cli_start_time(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long t = strtoll(epoch, &end, 10);
        if (!*end && errno == 0 && t >= 0)
            return t;
    }
    return (long long)time(NULL);
}
