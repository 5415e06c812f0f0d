/* cmd_scan.c - `krait scan [OPTIONS] PATH...`: discover the files, scan
 * them on a pool of threads, write one report (docs/formats.md). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cli_pypi.h"
#include "cli_scan.h"
#include "report/report.h"
#include "scan/discover.h"
#include "scan/scan.h"

static const char scan_usage[] =
    "Usage: krait scan [OPTIONS] PATH...\n"
    "\n"
    "Look for security weaknesses in Python source code. PATH is a file (scanned\n"
    "whatever its name), a directory (walked recursively for *.py, *.pyw and\n"
    "files with a python shebang) or '-' for standard input. Directories named\n"
    ".git, .hg, .svn, __pycache__, .tox, .nox, node_modules, *.egg-info, and\n"
    "virtualenvs (any directory holding pyvenv.cfg) are skipped.\n"
    "\n"
    "Output:\n"
    "  -f, --format FORMAT     text (default), json, sarif, csv, github, junit,\n"
    "                          gitlab or html; see docs/formats.md\n"
    "  -o, --output FILE       write the report to FILE (atomically) instead of stdout\n"
    "  -q, --quiet             text: no summary at the end\n"
    "      --show-suppressed   also list findings silenced by # nosec, # noqa or\n"
    "                          # krait: ignore[...] (marked as such)\n"
    "\n"
    "Which findings:\n"
    "      --select LIST       run only these rules: comma-separated rule IDs in any\n"
    "                          spelling (KR602, B602, S602, or the rule's name) or\n"
    "                          family names (exec, process, crypto, ...); repeatable\n"
    "      --ignore LIST       do not run these rules or families; repeatable\n"
    "      --severity LEVEL    show only findings of at least this severity:\n"
    "                          low (default), medium or high\n"
    "      --confidence LEVEL  show only findings of at least this confidence\n"
    "      --ignore-nosec      disregard every suppression comment\n"
    "\n"
    "Which files:\n"
    "      --exclude GLOB      do not scan files or walk directories matching GLOB\n"
    "                          (against the path below PATH or the base name;\n"
    "                          '*' also matches '/'); repeatable. Files named\n"
    "                          on the command line are always scanned\n"
    "      --include GLOB      also scan files matching GLOB in directories; repeatable\n"
    "      --max-file-size SIZE  report larger files as errors instead of scanning\n"
    "                          them: bytes, or with a K, M or G suffix (default 50M)\n"
    "      --archives          also open archives (.tar.gz, .whl, .zip, ...) met\n"
    "                          while walking directories (archives named on the\n"
    "                          command line are always opened, in memory)\n"
    "      --archive-max-size SIZE  stop reading an archive past SIZE decompressed\n"
    "                          bytes, nested archives included (default 1G)\n"
    "      --archive-max-members N  ... past N members (default 100000)\n"
    "      --archive-max-depth N    open archives nested N deep (default 3)\n"
    "  -j, --jobs N            scan on N threads (default: the number of CPUs);\n"
    "                          the output is the same for every N\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Archives (.tar.gz, .tgz, .tar.bz2, .tar.xz, .tar.zst, .tar, .zip, .whl,\n"
    ".egg) are read in memory, never extracted: findings are located at\n"
    "ARCHIVE!member/path.py:LINE; what is wrong with the archive itself (traversal\n"
    "names, links, bombs, ...) is the package family (KR13xx). Notebooks (.ipynb):\n"
    "the code cells are scanned as one module, findings located at NB#cell-N:LINE.\n"
    "\n"
    "PyPI packages (docs/formats.md, \"Inputs from PyPI\"):\n"
    "  pypi:NAME[==VERSION]    as a PATH: the release's sdist (or a wheel when it\n"
    "                          has none), downloaded into memory over https and\n"
    "                          checked against the index's sha256 before use;\n"
    "                          the latest release unless VERSION is given\n"
    CLI_PYPI_USAGE
    "\n"
    "Files that cannot be read or parsed are listed as errors and the scan goes on.\n"
    "\n"
    "Exit status: 0 no finding at or above the thresholds, 1 findings, 2 usage\n"
    "error, report not written, or no file could be scanned at all.\n"
    "Run 'krait rules' for the catalogue and 'krait rules ID' for a rule's help.\n";


static const struct option scan_longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"jobs", required_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {"select", required_argument, NULL, OPT_SELECT},
    {"ignore", required_argument, NULL, OPT_IGNORE},
    {"severity", required_argument, NULL, OPT_SEVERITY},
    {"confidence", required_argument, NULL, OPT_CONFIDENCE},
    {"ignore-nosec", no_argument, NULL, OPT_IGNORE_NOSEC},
    {"show-suppressed", no_argument, NULL, OPT_SHOW_SUPPRESSED},
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

static void free_options(scan_cli *o)
{
    free(o->exclude);
    free(o->include);
    free(o->select);
    free(o->ignore);
    free(o->command_line);
}

static int take_option(void *ctx, int code, const char *value)
{
    if (code == OPT_INDEX_URL) {
        ((scan_cli *)ctx)->index_url = value;
        return EXIT_OK;
    }
    return scan_cli_option(ctx, code, value);
}

/* Every value is checked before any file is touched. */
static int parse_options(int argc, char **argv, scan_cli *o)
{
    int first;
    if (cli_parse_options("scan", argc, argv, ":f:o:qj:h", scan_longopts, scan_usage,
                          take_option, o, &o->help, &first) != EXIT_OK)
        return EXIT_USAGE;
    if (o->help)
        return EXIT_OK;
    if (scan_cli_select_rules(o) != EXIT_OK)
        return EXIT_USAGE;
    o->paths = (const char *const *)argv + first;
    o->npaths = argc - first;
    if (o->npaths == 0)
        return cli_usage_error("scan", "missing PATH");
    return EXIT_OK;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* 2 when nothing at all could be scanned; else 1 on findings. */
static int exit_status(const report_stats *st)
{
    if (st->files == 0 && st->errors > 0)
        return EXIT_USAGE;
    return st->findings > 0 ? EXIT_FINDINGS : EXIT_OK;
}

static int write_report(const scan_cli *o, const report_input *in, report_options *ropt)
{
    buf out;
    buf_init(&out);
    return cli_emit_report(o->format->write(&out, in, ropt), o->output, &out);
}

static int scan_and_report(const scan_cli *o, const struct timespec *t0)
{
    file_list files;
    cli_pypi pypi; /* pypi:NAME operands, downloaded before anything else */
    if (cli_gather_files(o, &pypi, &files) != 0)
        return EXIT_USAGE;
    /* The HTML report shows each file's measurements too. */
    scan_options sopt = {.rules = &o->rules,
                         .metrics = o->format == report_find_format("html"),
                         .max_file_size = o->max_file_size,
                         .jobs = o->jobs,
                         .inputs = files.inputs};
    scan_result res;
    if (scan_files(&sopt, files.paths, files.npaths, &res) != 0) {
        fputs("krait: cannot start the scan: out of memory\n", stderr);
        file_list_free(&files);
        cli_pypi_free(&pypi);
        return EXIT_USAGE;
    }
    report_input in = {&res, files.errors, files.nerrors, o->paths, o->npaths, &o->rules};
    report_options ropt = o->report;
    ropt.colour = !o->output && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
    ropt.elapsed = seconds_since(t0);
    ropt.command_line = o->command_line;
    ropt.origins = pypi.origins;
    ropt.norigins = pypi.n;
    report_stats st;
    report_compute_stats(&in, &ropt, &st);
    int status = write_report(o, &in, &ropt) == 0 ? exit_status(&st) : EXIT_USAGE;
    scan_result_free(&res);
    file_list_free(&files);
    cli_pypi_free(&pypi);
    return status;
}

static int run_scan(int argc, char **argv)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    scan_cli o;
    scan_cli_defaults(&o);
    o.report.started_at = cli_start_time();
    o.command_line = cli_command_line(argc, argv);
    int status = parse_options(argc, argv, &o);
    if (status == EXIT_OK && !o.help)
        status = scan_and_report(&o, &t0);
    free_options(&o);
    return status;
}

const cli_command cmd_scan = {
    .name = "scan",
    .summary = "look for security weaknesses in Python files and directories",
    .usage = scan_usage,
    .run = run_scan,
};
