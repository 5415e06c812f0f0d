/* scan_options.c - the values of `krait scan`'s options: levels, sizes,
 * job counts, and rule selection by ID (any spelling) or family. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cli_scan.h"

void scan_cli_defaults(scan_cli *o)
{
    memset(o, 0, sizeof *o);
    rules_config_default(&o->rules);
    o->report.min_severity = LOW;
    o->report.min_confidence = LOW;
    o->format = report_find_format("text");
    o->command = "scan";
    o->max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE;
    o->jobs = scan_default_jobs();
    archive_limits_default(&o->archive_limits);
}

/* --archive-max-members, --archive-max-depth: a positive count. */
static int parse_count(const scan_cli *o, const char *option, const char *value,
                       uint64_t max, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (errno || end == value || *end || n < 1 || n > max || value[0] == '-')
        return cli_usage_error(o->command, "%s: bad number '%s'", option, value);
    *out = n;
    return EXIT_OK;
}

/* The archive options (src/scan/archive.h). */
static int take_archive_option(scan_cli *o, int code, const char *value)
{
    archive_limits *lim = &o->archive_limits;
    uint64_t n;
    size_t size;
    switch (code) {
    case OPT_ARCHIVES:
        o->archives = 1;
        return EXIT_OK;
    case OPT_ARCHIVE_MAX_SIZE:
        if (cli_parse_size(value, &size) != 0 || size == 0)
            return cli_usage_error(o->command, "--archive-max-size: bad size '%s'", value);
        lim->max_total = size;
        return EXIT_OK;
    case OPT_ARCHIVE_MAX_MEMBERS:
        if (parse_count(o, "--archive-max-members", value, 100000000, &n) != EXIT_OK)
            return EXIT_USAGE;
        lim->max_members = n;
        return EXIT_OK;
    default:
        if (parse_count(o, "--archive-max-depth", value, 16, &n) != EXIT_OK)
            return EXIT_USAGE;
        lim->max_depth = (int)n;
        return EXIT_OK;
    }
}

int cli_parse_size(const char *s, size_t *out)
{
    if (!isdigit((unsigned char)s[0]))
        return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    int shift = 0;
    switch (toupper((unsigned char)*end)) {
    case 'K': shift = 10; end++; break;
    case 'M': shift = 20; end++; break;
    case 'G': shift = 30; end++; break;
    }
    if (shift && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
        end += strlen(end);
    else if (!shift && strcmp(end, "B") == 0)
        end++;
    if (*end || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

static int parse_level(const char *option, const char *value, rule_level *out)
{
    static const char *const names[] = {NULL, "low", "medium", "high"};
    for (int l = LOW; l <= HIGH; l++)
        if (strcasecmp(value, names[l]) == 0) {
            *out = (rule_level)l;
            return EXIT_OK;
        }
    return cli_usage_error("scan", "%s must be low, medium or high, not '%s'", option, value);
}

static int parse_jobs(const char *command, const char *value, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (errno || *end || end == value || n < 1 || n > 1024)
        return cli_usage_error(command, "--jobs must be a number from 1 to 1024, not '%s'",
                               value);
    *out = (int)n;
    return EXIT_OK;
}

static int push(const char ***items, int *n, const char *value)
{
    const char **p = realloc(*items, (size_t)(*n + 1) * sizeof *p);
    if (!p)
        return cli_usage_error(NULL, "out of memory");
    p[(*n)++] = value;
    *items = p;
    return EXIT_OK;
}

int scan_cli_option(scan_cli *o, int code, const char *value)
{
    switch (code) {
    case 'f':
        o->format = report_find_format(value);
        if (!o->format)
            return cli_usage_error("scan", "--format must be %s, not '%s'",
                                   report_format_names(), value);
        return EXIT_OK;
    case 'o':
        if (!*value)
            return cli_usage_error(o->command, "--output needs a file name");
        o->output = value;
        return EXIT_OK;
    case 'q':
        o->report.quiet = 1;
        return EXIT_OK;
    case 'j':
        return parse_jobs(o->command, value, &o->jobs);
    case OPT_SELECT:
        return push(&o->select, &o->nselect, value);
    case OPT_IGNORE:
        return push(&o->ignore, &o->nignore, value);
    case OPT_SEVERITY:
        return parse_level("--severity", value, &o->report.min_severity);
    case OPT_CONFIDENCE:
        return parse_level("--confidence", value, &o->report.min_confidence);
    case OPT_IGNORE_NOSEC:
        o->rules.ignore_suppressions = 1;
        return EXIT_OK;
    case OPT_SHOW_SUPPRESSED:
        o->report.show_suppressed = 1;
        return EXIT_OK;
    case OPT_EXCLUDE:
        return push(&o->exclude, &o->nexclude, value);
    case OPT_INCLUDE:
        return push(&o->include, &o->ninclude, value);
    case OPT_ARCHIVES:
    case OPT_ARCHIVE_MAX_SIZE:
    case OPT_ARCHIVE_MAX_MEMBERS:
    case OPT_ARCHIVE_MAX_DEPTH:
        return take_archive_option(o, code, value);
    case OPT_MAX_FILE_SIZE:
        if (cli_parse_size(value, &o->max_file_size) != 0)
            return cli_usage_error(o->command, "--max-file-size: bad size '%s' (e.g. 1048576, "
                                           "512K, 100M, 1G)", value);
        return EXIT_OK;
    }
    return cli_usage_error(o->command, "unhandled option");
}

/* Sets enabled[] to `on` for the rule or family spelled by tok[0..len). */
static int mark(scan_cli *o, const char *tok, size_t len, unsigned char on, const char *option)
{
    char name[64];
    if (len >= sizeof name)
        return cli_usage_error("scan", "%s: unknown rule or family '%.*s'", option, (int)len,
                               tok);
    memcpy(name, tok, len);
    name[len] = '\0';
    /* Every rule the spelling names: a Bandit or Ruff ID may map to more
     * than one krait rule. */
    int found = 0;
    for (int r = 0; r < RULE_COUNT; r++)
        if (rules_spelling_matches(r, name, len)) {
            o->rules.enabled[r] = on;
            found = 1;
        }
    if (found)
        return EXIT_OK;
    for (size_t i = 0; i < len; i++)
        name[i] = (char)tolower((unsigned char)name[i]);
    if (!rules_family_known(name))
        return cli_usage_error("scan", "%s: unknown rule or family '%.*s'", option, (int)len,
                               tok);
    for (int k = 0; k < RULE_COUNT; k++)
        if (strcmp(rule_catalogue[k].family, name) == 0)
            o->rules.enabled[k] = on;
    return EXIT_OK;
}

/* Each comma-separated item of each value; blanks around items allowed. */
static int mark_lists(scan_cli *o, const char **values, int n, unsigned char on,
                      const char *option)
{
    for (int i = 0; i < n; i++) {
        for (const char *p = values[i]; *p;) {
            while (*p == ',' || isspace((unsigned char)*p))
                p++;
            size_t len = strcspn(p, ",");
            while (len > 0 && isspace((unsigned char)p[len - 1]))
                len--;
            if (len > 0 && mark(o, p, len, on, option) != EXIT_OK)
                return EXIT_USAGE;
            p += strcspn(p, ",");
        }
    }
    return EXIT_OK;
}

int scan_cli_select_rules(scan_cli *o)
{
    if (o->nselect > 0) {
        memset(o->rules.enabled, 0, sizeof o->rules.enabled);
        if (mark_lists(o, o->select, o->nselect, 1, "--select") != EXIT_OK)
            return EXIT_USAGE;
    }
    return mark_lists(o, o->ignore, o->nignore, 0, "--ignore");
}
