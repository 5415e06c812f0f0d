/* cmd_deps.c - `krait deps [OPTIONS] [PATH...]`: the known vulnerabilities
 * of a project's dependencies, from OSV data on disk. Nothing is
 * resolved, downloaded, built or executed: declarations are read as text
 * and matched against the advisories. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_pypi.h"
#include "cli_scan.h"
#include "deps/audit.h"
#include "deps/modulescan.h"
#include "scan/scan.h"
#include "report/deps_report.h"

static const char deps_usage[] =
    "Usage: krait deps [OPTIONS] [PATH...]\n"
    "\n"
    "Report the known vulnerabilities of a project's dependencies, offline, from\n"
    "the OSV advisories for PyPI. PATH (default: the current directory) is a\n"
    "project directory (every requirements*.txt, requirements/*.txt,\n"
    "pyproject.toml, setup.cfg, setup.py (parsed, never run), uv.lock,\n"
    "poetry.lock, Pipfile.lock, pdm.lock and pylock.toml at its top), a\n"
    "virtualenv or site-packages directory (the installed distributions), one\n"
    "such file, or an sdist or wheel (.tar.gz, .zip, .whl, ...: the release\n"
    "itself, its Requires-Dist and its declarations, read in memory). Pinned,\n"
    "locked and installed versions are matched exactly; for a range\n"
    "(requests>=2.0) krait says which advisories the allowed versions still\n"
    "admit and the lowest allowed version without any. Nothing is resolved,\n"
    "downloaded or executed.\n"
    "\n"
    "Options:\n"
    "      --db PATH           the OSV export: a zip of JSON advisories or a\n"
    "                          directory of them (default:\n"
    "                          $XDG_CACHE_HOME/krait/osv/PyPI-all.zip; get it with\n"
    "                          `krait db update`)\n"
    "      --site-packages DIR also audit the distributions installed in DIR (a\n"
    "                          site-packages directory or a virtualenv); repeatable\n"
    "      --imports           also audit the distributions the Python code under\n"
    "                          PATH imports (every version: no version is known);\n"
    "                          done anyway for a directory that declares nothing\n"
    "                          and for a .py file\n"
    "      --ignore-vuln ID    accept a known vulnerability: by any of its IDs or\n"
    "                          aliases (PYSEC-..., GHSA-..., CVE-...); repeatable\n"
    "  -f, --format FORMAT     text (default), json, sarif (SARIF 2.1.0),\n"
    "                          cyclonedx (CycloneDX 1.5 JSON BOM with its\n"
    "                          vulnerabilities) or html (one self-contained\n"
    "                          page); see docs/formats.md\n"
    "  -o, --output FILE       write the report to FILE (atomically)\n"
    "  -v, --verbose           text: also list dependencies without known\n"
    "                          vulnerabilities, and the readers' notes\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "PyPI packages: pypi:NAME[==VERSION] as a PATH audits that release itself and\n"
    "the requirements its metadata declares (requires_dist), read from the\n"
    "index's JSON API (krait deps's only network access; no package file is\n"
    "downloaded), as the input pypi:NAME==VERSION.\n"
    CLI_PYPI_USAGE
    "\n"
    "Exit status: 0 no known vulnerability, 1 vulnerabilities found, 2 usage\n"
    "error, no database, or nothing could be read.\n";

enum { OPT_DB = 700, OPT_SITE, OPT_IMPORTS, OPT_IGNORE_VULN, OPT_DEPS_INDEX_URL };

static const struct option deps_longopts[] = {
    {"db", required_argument, NULL, OPT_DB},
    {"site-packages", required_argument, NULL, OPT_SITE},
    {"imports", no_argument, NULL, OPT_IMPORTS},
    {"ignore-vuln", required_argument, NULL, OPT_IGNORE_VULN},
    {"index-url", required_argument, NULL, OPT_DEPS_INDEX_URL},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* The report formats: each writer fills `out` and returns 0, or -1 when
 * out of memory. Only the text report has a verbose form. */
typedef int deps_writer(buf *out, const deps_report_input *in, int verbose);

static int write_text(buf *out, const deps_report_input *in, int verbose)
{
    return deps_report_text(out, in, verbose);
}

static int write_json(buf *out, const deps_report_input *in, int verbose)
{
    (void)verbose;
    return deps_report_json(out, in);
}

static int write_sarif(buf *out, const deps_report_input *in, int verbose)
{
    (void)verbose;
    return deps_report_sarif(out, in);
}

static int write_cyclonedx(buf *out, const deps_report_input *in, int verbose)
{
    (void)verbose;
    return deps_report_cyclonedx(out, in);
}

static int write_html(buf *out, const deps_report_input *in, int verbose)
{
    (void)verbose;
    return deps_report_html(out, in);
}

static const struct deps_format {
    const char *name;
    deps_writer *write;
} deps_formats[] = {
    {"text", write_text},
    {"json", write_json},
    {"sarif", write_sarif},
    {"cyclonedx", write_cyclonedx},
    {"html", write_html},
};

typedef struct deps_cli {
    const char *db;
    const char **sites;
    int nsites;
    const char **ignore; /* --ignore-vuln IDs */
    int nignore;
    deps_writer *writer; /* NULL: text */
    int verbose, help, imports;
    const char *output;
    const char *const *paths;
    int npaths;
    const char *index_url; /* --index-url, for pypi:NAME operands */
    char *command_line; /* malloc'd, for the HTML header */
} deps_cli;

static int push(const char ***items, int *n, const char *value)
{
    const char **p = realloc(*items, (size_t)(*n + 1) * sizeof *p);
    if (!p)
        return cli_usage_error(NULL, "out of memory");
    p[(*n)++] = value;
    *items = p;
    return EXIT_OK;
}

static int take_option(void *ctx, int c, const char *value)
{
    deps_cli *o = ctx;
    switch (c) {
    case OPT_DB:
        o->db = value;
        return EXIT_OK;
    case OPT_SITE:
        return push(&o->sites, &o->nsites, value);
    case OPT_IGNORE_VULN:
        return push(&o->ignore, &o->nignore, value);
    case 'f':
        for (size_t i = 0; i < sizeof deps_formats / sizeof deps_formats[0]; i++)
            if (strcmp(value, deps_formats[i].name) == 0) {
                o->writer = deps_formats[i].write;
                return EXIT_OK;
            }
        return cli_usage_error("deps", "--format must be text, json, sarif, cyclonedx or html, not '%s'",
                               value);
    case 'o':
        if (!*value)
            return cli_usage_error("deps", "--output needs a file name");
        o->output = value;
        return EXIT_OK;
    case 'v':
        o->verbose = 1;
        return EXIT_OK;
    case OPT_IMPORTS:
        o->imports = 1;
        return EXIT_OK;
    case OPT_DEPS_INDEX_URL:
        o->index_url = value;
        return EXIT_OK;
    }
    return cli_usage_error("deps", "unhandled option");
}

static int parse_options(int argc, char **argv, deps_cli *o)
{
    int first;
    if (cli_parse_options("deps", argc, argv, ":f:o:vh", deps_longopts, deps_usage,
                          take_option, o, &o->help, &first) != EXIT_OK)
        return EXIT_USAGE;
    o->paths = (const char *const *)argv + first;
    o->npaths = argc - first;
    return EXIT_OK;
}

/* The normalised names of the dependencies read: all the index needs to
 * know (osv_db_open_for), with the database loaded whole when it cannot. */
static const char **dependency_names(const deps_set *deps, size_t *n)
{
    const char **names = malloc((deps->n ? deps->n : 1) * sizeof *names);
    if (!names)
        abort();
    *n = 0;
    for (size_t i = 0; i < deps->n; i++)
        if (deps->records[i].key)
            names[(*n)++] = deps->records[i].key;
    return names;
}

static osv_db *open_db(const deps_cli *o, const deps_set *deps, char **path_out)
{
    char *path = o->db ? strdup(o->db) : osv_default_db_path();
    char err[512];
    size_t n;
    const char **names = dependency_names(deps, &n);
    osv_db *db = path ? osv_db_open_for(path, names, n, NULL, err, sizeof err) : NULL;
    free(names);
    if (!db) {
        if (!path)
            snprintf(err, sizeof err, "no database path: set --db, XDG_CACHE_HOME or HOME");
        fprintf(stderr,
                "krait: cannot open the vulnerability database %s: %s\n"
                "krait: get it with `krait db update` (or download %s and pass --db FILE)\n",
                path ? path : "", err, OSV_EXPORT_URL);
        free(path);
        return NULL;
    }
    *path_out = path;
    return db;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A path's declarations (a .py file is code, never a declaration); with
 * --imports, or when a directory declares nothing, the distributions its
 * code imports (the course's modulescan). */
static void read_one(const deps_cli *o, deps_set *deps, const char *path)
{
    int code = has_suffix(path, ".py");
    size_t declared = code ? 0 : deps_read_path(deps, path);
    if (o->imports || (declared == 0 && (code || is_directory(path))))
        deps_read_imports(deps, path, scan_default_jobs(), !o->imports);
}

static void read_inputs(const deps_cli *o, deps_set *deps)
{
    if (o->npaths == 0 && o->nsites == 0)
        read_one(o, deps, ".");
    for (int i = 0; i < o->npaths; i++)
        if (!pypi_is_request(o->paths[i])) /* read by read_pypi */
            read_one(o, deps, o->paths[i]);
    for (int i = 0; i < o->nsites; i++)
        deps_read_site_packages(deps, o->sites[i]);
}

static int write_report(const deps_cli *o, const deps_report_input *in)
{
    buf out;
    buf_init(&out);
    deps_writer *write = o->writer ? o->writer : write_text;
    int written = write(&out, in, o->verbose);
    return cli_emit_report(written, o->output, &out);
}

/* The pypi:NAME operands, from the index's JSON API. */
static int read_pypi(const deps_cli *o, deps_set *deps)
{
    cli_pypi pypi;
    if (cli_pypi_fetch(&pypi, o->index_url, false, o->paths, o->npaths) != 0)
        return -1;
    cli_pypi_add_deps(&pypi, deps);
    cli_pypi_free(&pypi);
    return 0;
}

/* What was audited, for the HTML header: the paths, then the
 * --site-packages directories (malloc'd). */
static const char **audited_roots(const deps_cli *o)
{
    const char **roots = malloc((size_t)(o->npaths + o->nsites + 1) * sizeof *roots);
    if (!roots)
        abort();
    for (int i = 0; i < o->npaths; i++)
        roots[i] = o->paths[i];
    for (int i = 0; i < o->nsites; i++)
        roots[o->npaths + i] = o->sites[i];
    return roots;
}

static int audit_and_report(const deps_cli *o)
{
    char *db_path = NULL;
    deps_set *deps = deps_set_new();
    if (read_pypi(o, deps) != 0) {
        deps_set_free(deps);
        return EXIT_USAGE;
    }
    read_inputs(o, deps);
    osv_db *db = open_db(o, deps, &db_path);
    if (!db) {
        deps_set_free(deps);
        return EXIT_USAGE;
    }
    arena *a = arena_new();
    audit_result res;
    int status = EXIT_USAGE;
    audit_options aopt = {o->ignore, (size_t)o->nignore};
    if (audit_run(db, deps, &aopt, a, &res) != 0) {
        fputs("krait: out of memory\n", stderr);
    } else {
        const char **roots = audited_roots(o);
        deps_report_input in = {.deps = deps, .audit = &res, .db = db, .db_path = db_path,
                                .started_at = cli_start_time(), .roots = roots,
                                .nroots = o->npaths + o->nsites,
                                .command_line = o->command_line};
        if (write_report(o, &in) == 0)
            status = res.vulnerable > 0                   ? EXIT_FINDINGS
                     : deps->n == 0 && deps->nerrors > 0 ? EXIT_USAGE
                                                         : EXIT_OK;
        free(roots);
    }
    arena_free(a);
    deps_set_free(deps);
    osv_db_close(db);
    free(db_path);
    return status;
}

static int run_deps(int argc, char **argv)
{
    deps_cli o = {0};
    o.command_line = cli_command_line(argc, argv);
    int status = parse_options(argc, argv, &o);
    if (status == EXIT_OK && !o.help)
        status = audit_and_report(&o);
    free(o.sites);
    free(o.ignore);
    free(o.command_line);
    return status;
}

const cli_command cmd_deps = {
    .name = "deps",
    .summary = "known vulnerabilities of a project's dependencies (OSV, offline)",
    .usage = deps_usage,
    .run = run_deps,
};
