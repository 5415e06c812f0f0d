/* cli_scan.h - the command line of `krait scan` (cmd_scan.c) and its
 * pieces: option values (scan_options.c) and the atomic -o (output.c). */
#ifndef KRAIT_CLI_SCAN_H
#define KRAIT_CLI_SCAN_H

#include <stddef.h>

#include "report/report.h"
#include "rules/engine.h"
#include "scan/archive.h"

/* getopt codes of the long-only options. */
enum {
    OPT_SELECT = 256,
    OPT_IGNORE,
    OPT_SEVERITY,
    OPT_CONFIDENCE,
    OPT_IGNORE_NOSEC,
    OPT_SHOW_SUPPRESSED,
    OPT_EXCLUDE,
    OPT_INCLUDE,
    OPT_MAX_FILE_SIZE,
    OPT_INDEX_URL, /* --index-url (cmd_scan.c, cmd_overview.c) */
    /* archives (src/scan/archive.h) */
    OPT_ARCHIVES,
    OPT_ARCHIVE_MAX_SIZE,
    OPT_ARCHIVE_MAX_MEMBERS,
    OPT_ARCHIVE_MAX_DEPTH,
};

typedef struct scan_cli {
    const char *command; /* "scan" or "overview": for usage messages */
    int help;
    const report_format *format;
    const char *output;
    rules_config rules;
    report_options report;
    size_t max_file_size;
    int jobs;
    const char **exclude, **include; /* malloc'd arrays of argv strings */
    int nexclude, ninclude;
    const char **select, **ignore;   /* --select/--ignore values, applied last */
    int nselect, nignore;
    const char *const *paths;
    int npaths;
    char *command_line; /* malloc'd, for reports */
    const char *index_url; /* --index-url, for pypi:NAME operands */
    /* archives: --archives (open those found in directories), limits */
    int archives;
    archive_limits archive_limits;
} scan_cli;

void scan_cli_defaults(scan_cli *o);
/* Takes one option (getopt's code and value); EXIT_OK, or a usage error
 * already reported. */
int scan_cli_option(scan_cli *o, int code, const char *value);
/* Applies --select/--ignore to o->rules; EXIT_OK or a usage error. */
int scan_cli_select_rules(scan_cli *o);

/* Parses "123", "64K", "100M", "1G" (powers of 1024; an optional trailing
 * "B" or "iB"). Returns 0, or -1 when malformed or too large. */
int cli_parse_size(const char *s, size_t *out);

/* Writes data to a temporary file in path's directory and renames it over
 * path, so a reader never sees half a report and a failure leaves any old
 * file alone; a device or FIFO (/dev/null, a pipe) is written in place.
 * Returns 0, or prints "krait: PATH: reason" and returns -1. */
int cli_write_file_atomically(const char *path, const char *data, size_t len);

/* Where a report goes once a writer has filled `out` (`written` is its
 * status, non-zero when it ran out of memory): `path` atomically, or
 * stdout when path is NULL. Frees `out`; returns 0 or -1 (said why). */
int cli_emit_report(int written, const char *path, buf *out);

#endif
