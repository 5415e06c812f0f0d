/* main.c - krait's entry point: global options and subcommand dispatch.
 * Each subcommand lives in its own cmd_*.c and parses its own options. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define KRAIT_GRAMMAR "3.14"

static const cli_command cmd_help;

/* The command table: `krait --help` lists these in this order. */
static const cli_command *const commands[] = {
    &cmd_overview,
    &cmd_scan,
    &cmd_deps,
    &cmd_rules,
    &cmd_ast,
    &cmd_db,
    &cmd_help,
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static const char krait_usage[] =
    "Usage: krait [--help] [--version] COMMAND [ARGS]...\n"
    "\n"
    "krait is a static security tester for Python source code. It reads\n"
    "Python exactly as CPython " KRAIT_GRAMMAR " does and never runs the code it reads.\n"
    "\n"
    "Commands:\n";

static const char krait_options[] =
    "\n"
    "Options:\n"
    "  -h, --help     show this help and exit\n"
    "  -V, --version  show the version and exit\n"
    "\n"
    "Run 'krait help COMMAND' for the options of a command.\n"
    "Exit status: 0 success, 1 findings (scan), known vulnerabilities (deps) or a\n"
    "syntax error (ast), 2 usage or input error.\n";

static void print_help(void)
{
    fputs(krait_usage, stdout);
    for (int i = 0; i < NCOMMANDS; i++)
        printf("  %-8s  %s\n", commands[i]->name, commands[i]->summary);
    fputs(krait_options, stdout);
}

static const cli_command *find_command(const char *name)
{
    for (int i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fputs("krait: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, "\nTry 'krait help %s' for more information.\n", command);
    else
        fputs("\nTry 'krait --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* krait help [COMMAND] */
static int run_help(int argc, char **argv)
{
    if (argc > 2)
        return cli_usage_error("help", "help takes at most one COMMAND");
    if (argc < 2) {
        print_help();
        return EXIT_OK;
    }
    const cli_command *c = find_command(argv[1]);
    if (!c)
        return cli_usage_error("help", "unknown command '%s'", argv[1]);
    fputs(c->usage, stdout);
    return EXIT_OK;
}

static const cli_command cmd_help = {
    .name = "help",
    .summary = "show the help of a command",
    .usage = "Usage: krait help [COMMAND]\n"
             "\n"
             "Show the help of COMMAND, or the list of commands.\n",
    .run = run_help,
};

/* A full stdout (e.g. `krait ast big.py > /dev/full`) must not look like
 * success. */
static int finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "krait: write error: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    opterr = 0; /* our own messages, with the hint line */
    int c;
    /* '+': stop at the command name; its options are the command's own. */
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            print_help();
            return finish(EXIT_OK);
        case 'V':
            printf("krait %s (Python grammar %s)\n", KRAIT_VERSION, KRAIT_GRAMMAR);
            return finish(EXIT_OK);
        default:
            return cli_usage_error(NULL, "unrecognized option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc) {
        fputs("Usage: krait [--help] [--version] COMMAND [ARGS]...\n", stderr);
        return cli_usage_error(NULL, "missing COMMAND");
    }
    const cli_command *cmd = find_command(argv[optind]);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", argv[optind]);
    argv += optind;
    argc -= optind;
    optind = 0; /* glibc: 0 fully re-initialises getopt for the command */
    return finish(cmd->run(argc, argv));
}
