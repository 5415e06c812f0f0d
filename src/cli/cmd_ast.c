/* cmd_ast.c - `krait ast FILE`: the syntax tree, printed exactly as CPython
 * 3.14 prints ast.dump(ast.parse(source), include_attributes=True). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "cli.h"
#include "syntax/ast_dump.h"
#include "syntax/parser.h"

static const char ast_usage[] =
    "Usage: krait ast [--help] FILE\n"
    "\n"
    "Print the syntax tree of the Python file FILE ('-' reads stdin) exactly as\n"
    "CPython 3.14 prints ast.dump(ast.parse(source), include_attributes=True).\n"
    "This is the tree krait's rules match against.\n"
    "\n"
    "On a syntax error, print PATH:LINE:COLUMN: SyntaxError: MESSAGE to stderr\n"
    "(IndentationError and TabError as CPython names them) and exit with 1.\n"
    "\n"
    "Options:\n"
    "  -h, --help  show this help and exit\n";

/* Parses and prints one buffer; returns the exit status. */
static int dump_source(const char *name, const char *src, size_t len)
{
    arena *a = arena_new();
    syntax_error err;
    memset(&err, 0, sizeof err);
    ast_node *mod = py_parse(a, src, len, &err);
    int status = EXIT_OK;
    if (mod) {
        buf out;
        buf_init(&out);
        ast_dump(&out, mod, a);
        buf_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
        buf_free(&out);
    } else {
        /* CPython's columns are 1-based in messages, 0-based in the AST. */
        fprintf(stderr, "%s:%d:%d: %s: %s\n", name, err.lineno, err.col_offset + 1,
                err.type ? err.type : "SyntaxError", err.msg);
        status = EXIT_FINDINGS;
    }
    arena_free(a);
    return status;
}

static int run_ast(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(ast_usage, stdout);
            return EXIT_OK;
        }
        return cli_usage_error("ast", "unrecognized option '%s'", argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_usage_error("ast", "missing FILE");
    if (argc - optind > 1)
        return cli_usage_error("ast", "ast takes exactly one FILE");
    const char *path = argv[optind];
    char *src;
    size_t len;
    if (cli_read_input(path, &src, &len) != 0)
        return EXIT_USAGE;
    int status = dump_source(strcmp(path, "-") == 0 ? "<stdin>" : path, src, len);
    free(src);
    return status;
}

const cli_command cmd_ast = {
    .name = "ast",
    .summary = "print the syntax tree of a Python file, as CPython's ast.dump",
    .usage = ast_usage,
    .run = run_ast,
};
