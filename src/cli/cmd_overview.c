/* cmd_overview.c - `krait overview [OPTIONS] PATH...`: the first look at
 * a package: size, complexity, the modules it imports. The same discovery
 * and thread pool as `krait scan`, measuring instead of running rules. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_pypi.h"
#include "cli_scan.h"
#include "metrics/summary.h"
#include "report/overview.h"
#include "scan/discover.h"
#include "scan/scan.h"

static const char overview_usage[] =
    "Usage: krait overview [OPTIONS] PATH...\n"
    "\n"
    "Size up Python code before reading it: lines (code, blank, comments,\n"
    "docstrings), statements, functions and classes, per-file complexity\n"
    "(median and maximum), the cyclomatic complexity of every function (as\n"
    "radon's `cc` computes it), the warnings CPython 3.14 would print, and\n"
    "the modules imported (standard library, third party with the\n"
    "distribution that provides them, local). PATH is a file, a directory\n"
    "(walked as `krait scan` walks it) or '-' for standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format FORMAT     text (default), json or html; see docs/formats.md\n"
    "  -o, --output FILE       write the report to FILE (atomically) instead of stdout\n"
    "      --top N             list only the N most complex functions and files\n"
    "                          and the N most imported modules of each origin\n"
    "                          (text default 10; json default: every function)\n"
    "  -q, --quiet             text: no per-file table\n"
    "\n"
    "Which files:\n"
    "      --exclude GLOB      do not measure files or walk directories matching\n"
    "                          GLOB; repeatable\n"
    "      --include GLOB      also measure files matching GLOB in directories\n"
    "      --max-file-size SIZE  report larger files as errors (default 50M)\n"
    "      --archives          also open archives (.tar.gz, .whl, .zip, ...) met\n"
    "                          while walking directories (archives named on the\n"
    "                          command line are always opened, in memory)\n"
    "      --archive-max-size SIZE  stop reading an archive past SIZE decompressed\n"
    "                          bytes, nested archives included (default 1G)\n"
    "      --archive-max-members N  ... past N members (default 100000)\n"
    "      --archive-max-depth N    open archives nested N deep (default 3)\n"
    "  -j, --jobs N            work on N threads (default: the number of CPUs);\n"
    "                          the output is the same for every N\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "PyPI packages: pypi:NAME[==VERSION] as a PATH measures the release's sdist\n"
    "(or a wheel), downloaded into memory and checked as `krait scan` does.\n"
    CLI_PYPI_USAGE
    "\n"
    "Files that cannot be read or parsed are listed with their error.\n"
    "Exit status: 0 done, 2 usage error, report not written, or no file could\n"
    "be measured at all.\n";

enum { OPT_TOP = 512 };

static const struct option overview_longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"jobs", required_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {"top", required_argument, NULL, OPT_TOP},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE},
    {"index-url", required_argument, NULL, OPT_INDEX_URL},
    {"archives", no_argument, NULL, OPT_ARCHIVES},
    {"archive-max-size", required_argument, NULL, OPT_ARCHIVE_MAX_SIZE},
    {"archive-max-members", required_argument, NULL, OPT_ARCHIVE_MAX_MEMBERS},
    {"archive-max-depth", required_argument, NULL, OPT_ARCHIVE_MAX_DEPTH},
    {NULL, 0, NULL, 0},
};

typedef int overview_writer(buf *out, const overview_input *in, const overview_options *opt);

typedef struct overview_cli {
    scan_cli common; /* files, jobs, -o, -q: parsed as `krait scan` does */
    overview_writer *write;
    long top;
} overview_cli;

static const struct {
    const char *name;
    overview_writer *write;
} overview_formats[] = {
    {"text", overview_text},
    {"json", overview_json},
    {"html", overview_html},
};

static int parse_top(const char *value, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (errno || *end || end == value || n < 1)
        return cli_usage_error("overview", "--top must be a positive number, not '%s'", value);
    *out = n;
    return EXIT_OK;
}

static int take_option(void *ctx, int c, const char *value)
{
    overview_cli *o = ctx;
    if (c == 'f') {
        for (size_t i = 0; i < sizeof overview_formats / sizeof overview_formats[0]; i++)
            if (strcmp(value, overview_formats[i].name) == 0) {
                o->write = overview_formats[i].write;
                return EXIT_OK;
            }
        return cli_usage_error("overview", "--format must be text, json or html, not '%s'",
                               value);
    }
    if (c == OPT_TOP)
        return parse_top(value, &o->top);
    if (c == OPT_INDEX_URL) {
        o->common.index_url = value;
        return EXIT_OK;
    }
    return scan_cli_option(&o->common, c, value);
}

static int parse_options(int argc, char **argv, overview_cli *o)
{
    int first;
    if (cli_parse_options("overview", argc, argv, ":f:o:qj:h", overview_longopts,
                          overview_usage, take_option, o, &o->common.help,
                          &first) != EXIT_OK)
        return EXIT_USAGE;
    if (o->common.help)
        return EXIT_OK;
    o->common.paths = (const char *const *)argv + first;
    o->common.npaths = argc - first;
    if (o->common.npaths == 0)
        return cli_usage_error("overview", "missing PATH");
    return EXIT_OK;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int write_report(const overview_cli *o, const overview_input *in,
                        const overview_options *opt)
{
    buf out;
    buf_init(&out);
    return cli_emit_report(o->write(&out, in, opt), o->common.output, &out);
}

static int report(const overview_cli *o, const scan_result *res, const file_list *files,
                  const struct timespec *t0, const cli_pypi *pypi)
{
    overview_summary sum;
    if (overview_summarize(res, &sum) != 0) {
        fputs("krait: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    sum.errors += (long)files->nerrors;
    overview_input in = {res, files->errors, files->nerrors, &sum, o->common.paths,
                         o->common.npaths};
    overview_options opt = {.top = o->top, .quiet = o->common.report.quiet,
                            .elapsed = seconds_since(t0),
                            .command_line = o->common.command_line,
                            .started_at = o->common.report.started_at,
                            .origins = pypi->origins, .norigins = pypi->n};
    int status = write_report(o, &in, &opt) != 0               ? EXIT_USAGE
                 : sum.files == 0 && sum.errors > 0 ? EXIT_USAGE
                                                    : EXIT_OK;
    overview_summary_free(&sum);
    return status;
}

static int measure_and_report(const overview_cli *o, const struct timespec *t0)
{
    const scan_cli *c = &o->common;
    file_list files;
    cli_pypi pypi; /* pypi:NAME operands, downloaded before anything else */
    if (cli_gather_files(c, &pypi, &files) != 0)
        return EXIT_USAGE;
    scan_options sopt = {.metrics = 1, .max_file_size = c->max_file_size, .jobs = c->jobs,
                         .inputs = files.inputs};
    scan_result res;
    int status = EXIT_USAGE;
    if (scan_files(&sopt, files.paths, files.npaths, &res) != 0) {
        fputs("krait: cannot start: out of memory\n", stderr);
    } else {
        status = report(o, &res, &files, t0, &pypi);
        scan_result_free(&res);
    }
    file_list_free(&files);
    cli_pypi_free(&pypi);
    return status;
}

static int run_overview(int argc, char **argv)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    overview_cli o = {.write = overview_text};
    scan_cli_defaults(&o.common);
    o.common.command = "overview";
    o.common.report.started_at = cli_start_time();
    o.common.command_line = cli_command_line(argc, argv);
    int status = parse_options(argc, argv, &o);
    if (status == EXIT_OK && !o.common.help)
        status = measure_and_report(&o, &t0);
    free(o.common.exclude);
    free(o.common.include);
    free(o.common.command_line);
    return status;
}

const cli_command cmd_overview = {
    .name = "overview",
    .summary = "size, complexity and imported modules of Python files and directories",
    .usage = overview_usage,
    .run = run_overview,
};
