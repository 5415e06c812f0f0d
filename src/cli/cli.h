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

/* The options of a command, the same way for every command: getopt_long
 * over argv; -h/--help prints `usage` and sets *help; a missing value or
 * an unknown option is a usage error naming `command`; any other option
 * goes to take(ctx, code, value), which returns EXIT_OK or a usage error
 * it has reported. Returns EXIT_OK with *operands the index of the first
 * operand, or EXIT_USAGE. `shortopts` must start with ':'. */
struct option;
typedef int cli_option_fn(void *ctx, int code, const char *value);
int cli_parse_options(const char *command, int argc, char **argv, const char *shortopts,
                      const struct option *longopts, const char *usage, cli_option_fn *take,
                      void *ctx, int *help, int *operands);

/* "krait ARGV..." quoted for a POSIX shell (malloc'd; NULL when out of
 * memory): argv is a command's, argv[0] its name. */
char *cli_command_line(int argc, char **argv);
/* Now, or SOURCE_DATE_EPOCH when set (seconds since the epoch). */
long long cli_start_time(void);

#endif
