/* cmd_db.c - `krait db update|info`: download the OSV vulnerability
 * database (src/deps/db_update.c) and describe the one on disk. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "deps/db_update.h"
#include "deps/osv.h"

static const char db_usage[] =
    "Usage: krait db update [--url URL] [--db PATH]\n"
    "       krait db info [--db PATH]\n"
    "\n"
    "Manage the offline vulnerability database: the OSV export for PyPI (a zip\n"
    "of one JSON advisory per file; a directory of *.json files also works).\n"
    "\n"
    "  update  download the export and replace the database atomically: a\n"
    "          failed or corrupt download leaves the old database intact\n"
    "  info    the database's path, advisories, packages and newest change\n"
    "\n"
    "Options:\n"
    "  --db PATH   the database (default $XDG_CACHE_HOME/krait/osv/PyPI-all.zip,\n"
    "              else ~/.cache/krait/osv/PyPI-all.zip)\n"
    "  --url URL   where update downloads from (http or https; default\n"
    "              $KRAIT_OSV_URL, else " OSV_EXPORT_URL ")\n"
    "  -h, --help  show this help and exit\n"
    "\n"
    "Exit status: 0 success, 2 usage error, missing database or failed update.\n";

typedef struct db_args {
    const char *db;
    const char *url;
} db_args;

/* Options after the subcommand: an exit status when the command is done
 * (help printed, usage error), or -2 to go on. */
static int parse_db_args(int argc, char **argv, bool update, db_args *out)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},
        {"url", required_argument, NULL, 'u'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(db_usage, stdout);
            return EXIT_OK;
        }
        if (c == 'd')
            out->db = optarg;
        else if (c == 'u' && update)
            out->url = optarg;
        else if (c == 'u')
            return cli_usage_error("db", "--url is an option of db update");
        else if (c == ':')
            return cli_usage_error("db", "option '%s' needs a value", argv[optind - 1]);
        else
            return cli_usage_error("db", "unrecognized option '%s'", argv[optind - 1]);
    }
    if (optind < argc)
        return cli_usage_error("db", "unexpected argument '%s'", argv[optind]);
    return -2;
}

static void print_index(const osv_index_info *info)
{
    static const char *const says[] = {
        [OSV_INDEX_NONE] = "none (a directory database, or no cache directory)",
        [OSV_INDEX_USED] = "up to date",
        [OSV_INDEX_BUILT] = "written",
        [OSV_INDEX_FAILED] = "not usable",
    };
    if (!info->path[0])
        printf("index: %s\n", says[info->state]);
    else
        printf("index: %s (%s%s%s)\n", info->path, says[info->state], info->why[0] ? ": " : "",
               info->why);
}

static int run_update(const db_args *args)
{
    char *def = args->db ? NULL : osv_default_db_path();
    const char *dest = args->db ? args->db : def;
    if (!dest) {
        fprintf(stderr, "krait: HOME is not set: give the database's place with --db PATH\n");
        return EXIT_USAGE;
    }
    const char *url = args->url ? args->url : getenv("KRAIT_OSV_URL");
    if (url && !url[0])
        url = NULL;
    db_update_options o = {.url = url, .dest = dest};
    db_update_result res;
    char err[1024];
    fprintf(stderr, "krait: downloading %s\n", url ? url : OSV_EXPORT_URL);
    int rc = db_update(&o, &res, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "krait: db update failed: %s\n(the previous database, if any, is unchanged)\n",
                err);
    else
        printf("%s: %zu advisories (%zu bytes downloaded)\n", dest, res.advisories, res.bytes);
    if (rc == 0)
        print_index(&res.index);
    free(def);
    return rc ? EXIT_USAGE : EXIT_OK;
}

static void print_problems(const osv_db *db)
{
    size_t n;
    const osv_problem *p = osv_db_problems(db, &n);
    for (size_t i = 0; i < n; i++)
        printf("  problem: %s: %s\n", p[i].member, p[i].message);
}

static int run_info(const db_args *args)
{
    char *def = args->db ? NULL : osv_default_db_path();
    char err[1024];
    osv_index_info index;
    osv_db *db = osv_db_open_cli(args->db, &index, err, sizeof err);
    if (!db) {
        fprintf(stderr, "krait: %s\n", err);
        free(def);
        return EXIT_USAGE;
    }
    const osv_stats *s = osv_db_stats(db);
    const char *newest = osv_db_newest_modified(db);
    printf("database: %s\n", args->db ? args->db : def);
    printf("advisories: %zu\n", s->loaded);
    printf("packages: %zu\n", s->packages);
    printf("newest modified: %s\n", newest ? newest : "-");
    printf("skipped: %zu withdrawn, %zu without a PyPI package, %zu invalid JSON, "
           "%zu malformed, %zu too large, %zu duplicates; %zu other files ignored\n",
           s->withdrawn, s->no_pypi, s->bad_json, s->bad_schema, s->too_large, s->duplicates,
           s->not_json);
    printf("ranges: %zu ECOSYSTEM, %zu GIT/SEMVER ignored; versions not PEP 440: %zu in "
           "events, %zu in lists\n",
           s->ranges_ecosystem, s->ranges_ignored, s->invalid_event_versions,
           s->invalid_list_versions);
    print_index(&index);
    print_problems(db);
    osv_db_close(db);
    free(def);
    return EXIT_OK;
}

static int run_db(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("db", "missing subcommand: update or info");
    const char *sub = argv[1];
    if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
        fputs(db_usage, stdout);
        return EXIT_OK;
    }
    bool update = strcmp(sub, "update") == 0;
    if (!update && strcmp(sub, "info") != 0)
        return cli_usage_error("db", "unknown subcommand '%s': update or info", sub);
    db_args args = {0};
    int rc = parse_db_args(argc - 1, argv + 1, update, &args);
    if (rc != -2)
        return rc;
    return update ? run_update(&args) : run_info(&args);
}

const cli_command cmd_db = {
    .name = "db",
    .summary = "download (update) or describe (info) the OSV vulnerability database",
    .usage = db_usage,
    .run = run_db,
};
