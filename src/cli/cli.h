/* cli.h - what main.c knows about each subcommand (one file per command). */
#ifndef KRAIT_CLI_H
#define KRAIT_CLI_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses shared by every command. */
enum {
    EXIT_OK = 0,
    EXIT_FINDINGS = 1, /* findings (scan); syntax error (ast) */
    EXIT_USAGE = 2     /* bad command line, or input that cannot be read */
};

typedef struct cli_command {
    const char *name;
    const char *summary; /* one line, for krait --help */
    const char *usage;   /* full help text, for krait help NAME */
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
} cli_command;

extern const cli_command cmd_ast;
extern const cli_command cmd_scan;
extern const cli_command cmd_overview;
extern const cli_command cmd_rules;
extern const cli_command cmd_db;
extern const cli_command cmd_deps;

/* Reports a usage error: "krait: MESSAGE" and a one-line hint pointing at
 * the help of `command` (NULL for krait itself). Returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads all of `path` ("-" is stdin) into a malloc'd buffer, binary-safe.
 * On failure prints "krait: PATH: reason" and returns -1. */
int cli_read_input(const char *path, char **data, size_t *len);

/* "krait ARGV..." quoted for a POSIX shell (malloc'd; NULL when out of
 * memory): argv is a command's, argv[0] its name. */
char *cli_command_line(int argc, char **argv);
/* Now, or SOURCE_DATE_EPOCH when set (seconds since the epoch). */
long long cli_start_time(void);

#endif
