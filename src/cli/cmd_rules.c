/* cmd_rules.c - `krait rules [ID|FAMILY]...`: the rule catalogue as a text
 * table, as JSON, or as the Markdown page docs/rules.md (rules_doc.c), and
 * one rule's full help. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "cli.h"
#include "rules/rules.h"
#include "rules_doc.h"

static const char rules_usage[] =
    "Usage: krait rules [--format text|json|md] [ID|FAMILY]...\n"
    "\n"
    "List krait's rules, or explain some. An ID may be written as krait's own\n"
    "(KR602), Bandit's (B602), Ruff's (S602) or the rule's name, in any case;\n"
    "a FAMILY (exec, process, ...) lists that family's rules.\n"
    "\n"
    "  krait rules              every rule, one line each\n"
    "  krait rules B602         the full help of that rule\n"
    "  krait rules --format md  the page docs/rules.md\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  text (default), json (an array of rule objects with\n"
    "                       every field) or md (Markdown)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0, or 2 for an unknown ID or a usage error.\n";

enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_MD };

/* ---- text ---- */

static const char *level_name(rule_level l)
{
    return l == HIGH ? "high" : l == MEDIUM ? "medium" : "low";
}

static void text_row(buf *out, const rule_info *ri)
{
    char levels[16], cwe[16];
    snprintf(levels, sizeof levels, "%s/%s", level_name(ri->severity),
             level_name(ri->confidence));
    if (ri->cwe)
        snprintf(cwe, sizeof cwe, "CWE-%d", ri->cwe);
    else
        snprintf(cwe, sizeof cwe, "-");
    buf_printf(out, "%-6s %-6s %-5s %-13s %-8s %-32s %s\n", ri->id, ri->bandit ? ri->bandit : "-",
               ri->ruff ? ri->ruff : "-", levels, cwe, ri->name, ri->message);
}

static void text_list(buf *out, const unsigned char *selected)
{
    buf_printf(out, "%-6s %-6s %-5s %-13s %-8s %-32s %s\n", "ID", "BANDIT", "RUFF", "SEV/CONF",
               "CWE", "NAME", "MESSAGE");
    for (int k = 0; k < RULE_FAMILY_COUNT; k++) {
        rule_family f = rules_family_at(k);
        int header = 0;
        for (int r = f.first; r < f.first + f.count; r++) {
            if (!selected[r])
                continue;
            if (!header++)
                buf_printf(out, "\n# %s: %s\n", f.name, f.title);
            text_row(out, &rule_catalogue[r]);
        }
    }
}

/* Words of `text` filled to `width` columns, each line after `indent`. */
static void text_wrapped(buf *out, const char *text, const char *indent, int width)
{
    int col = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        int len = (int)(p - w);
        if (len == 0)
            break;
        if (col > 0 && col + 1 + len > width) {
            buf_putc(out, '\n');
            col = 0;
        }
        if (col == 0) {
            buf_puts(out, indent);
            col = (int)strlen(indent);
        } else {
            buf_putc(out, ' ');
            col++;
        }
        buf_put(out, w, (size_t)len);
        col += len;
    }
    if (col > 0)
        buf_putc(out, '\n');
}

static void text_detail(buf *out, const rule_info *ri)
{
    buf_printf(out, "%s %s (family %s)\n", ri->id, ri->name, ri->family);
    buf_printf(out, "  severity %s, confidence %s", level_name(ri->severity),
               level_name(ri->confidence));
    if (ri->bandit)
        buf_printf(out, ", Bandit %s", ri->bandit);
    if (ri->ruff)
        buf_printf(out, ", Ruff %s", ri->ruff);
    buf_putc(out, '\n');
    if (ri->cwe)
        buf_printf(out, "  CWE-%d: https://cwe.mitre.org/data/definitions/%d.html\n", ri->cwe,
                   ri->cwe);
    buf_putc(out, '\n');
    text_wrapped(out, ri->message, "", 78);
    buf_putc(out, '\n');
    text_wrapped(out, ri->help, "", 78);
    buf_puts(out, "\nFix:\n");
    text_wrapped(out, ri->fix, "  ", 78);
}

/* ---- the command ---- */

static int parse_format(const char *s, int *format)
{
    if (strcmp(s, "text") == 0)
        *format = FORMAT_TEXT;
    else if (strcmp(s, "json") == 0)
        *format = FORMAT_JSON;
    else if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
        *format = FORMAT_MD;
    else
        return -1;
    return 0;
}

/* Marks the rules the arguments name; *details: every argument was a rule
 * (not a family). Returns -1 after reporting an unknown name. */
static int select_rules(int argc, char **argv, unsigned char *selected, int *details)
{
    memset(selected, argc == 0, RULE_COUNT);
    *details = argc > 0;
    for (int i = 0; i < argc; i++) {
        /* every rule that answers to it: a Bandit ID may map to several */
        int found = 0;
        for (int r = 0; r < RULE_COUNT; r++)
            if (rules_spelling_matches(r, argv[i], strlen(argv[i])))
                selected[r] = 1, found = 1;
        if (found)
            continue;
        if (!rules_family_known(argv[i])) {
            fprintf(stderr, "krait: unknown rule '%s' (run 'krait rules' for the list)\n",
                    argv[i]);
            return -1;
        }
        *details = 0;
        for (int k = 0; k < RULE_FAMILY_COUNT; k++) {
            rule_family f = rules_family_at(k);
            if (strcmp(f.name, argv[i]) == 0)
                memset(selected + f.first, 1, (size_t)f.count);
        }
    }
    return 0;
}

static void render(buf *out, int format, const unsigned char *selected, int details)
{
    if (format == FORMAT_JSON) {
        rules_doc_json(out, selected);
    } else if (format == FORMAT_MD) {
        rules_doc_markdown(out, selected);
    } else if (!details) {
        text_list(out, selected);
    } else {
        int first = 1;
        for (int r = 0; r < RULE_COUNT; r++) {
            if (!selected[r])
                continue;
            if (!first)
                buf_puts(out, "\n");
            first = 0;
            text_detail(out, &rule_catalogue[r]);
        }
    }
}

static int run_rules(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int format = FORMAT_TEXT, c;
    while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(rules_usage, stdout);
            return EXIT_OK;
        }
        if (c == 'f' && parse_format(optarg, &format) == 0)
            continue;
        if (c == 'f')
            return cli_usage_error("rules", "unknown format '%s' (text, json or md)", optarg);
        return cli_usage_error("rules", "unrecognized option '%s'", argv[optind - 1]);
    }
    unsigned char selected[RULE_COUNT];
    int details;
    if (select_rules(argc - optind, argv + optind, selected, &details) != 0)
        return EXIT_USAGE;
    buf out;
    buf_init(&out);
    render(&out, format, selected, details);
    fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_USAGE;
}

const cli_command cmd_rules = {
    .name = "rules",
    .summary = "list the rules, or explain one (krait rules B602)",
    .usage = rules_usage,
    .run = run_rules,
};
