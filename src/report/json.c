/* json.c - the report for programs (docs/formats.md, "JSON"). Written by
 * hand: members in a fixed order, no time, so the bytes are reproducible. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_write.h"
#include "report.h"
#include "egress_summary.h"
#include "origin.h"

static void put_nullable_string(buf *b, const char *s)
{
    if (s)
        json_put_string(b, s);
    else
        buf_puts(b, "null");
}

static void put_key(buf *b, const char *indent, const char *key)
{
    buf_puts(b, indent);
    json_put_string(b, key);
    buf_puts(b, ": ");
}

static void put_finding(buf *b, const char *path, const scan_finding *f,
                        const report_options *opt)
{
    const rule_info *r = &rule_catalogue[f->rule];
    const char *in = "      ";
    buf_puts(b, "    {\n");
    put_key(b, in, "rule");
    json_put_string(b, r->id);
    buf_puts(b, ",\n");
    put_key(b, in, "bandit_id");
    put_nullable_string(b, r->bandit);
    buf_puts(b, ",\n");
    put_key(b, in, "ruff_code");
    put_nullable_string(b, r->ruff);
    buf_puts(b, ",\n");
    put_key(b, in, "cwe");
    if (r->cwe > 0)
        buf_printf(b, "%d,\n", r->cwe);
    else
        buf_puts(b, "null,\n");
    put_key(b, in, "severity");
    json_put_string(b, report_level_name(f->severity));
    buf_puts(b, ",\n");
    put_key(b, in, "confidence");
    json_put_string(b, report_level_name(f->confidence));
    buf_puts(b, ",\n");
    put_key(b, in, "path");
    json_put_string(b, path);
    buf_printf(b, ",\n%s\"line\": %d,\n%s\"column\": %d,\n", in, f->line, in, f->column);
    buf_printf(b, "%s\"end_line\": %d,\n%s\"end_column\": %d,\n", in, f->end_line, in,
               f->end_column);
    put_key(b, in, "message");
    json_put_string(b, f->message);
    buf_puts(b, ",\n");
    put_key(b, in, "snippet");
    json_put_string(b, f->snippet);
    if (opt->show_suppressed) {
        const char *why = report_suppression_name(f->suppressed);
        buf_puts(b, ",\n");
        put_key(b, in, "suppressed");
        if (why)
            json_put_string(b, why);
        else
            buf_puts(b, "false");
    }
    buf_puts(b, "\n    }");
}

/* Opens a JSON array member; `*first` tracks the comma between items. */
static void put_item_separator(buf *b, int *first)
{
    buf_puts(b, *first ? "\n" : ",\n");
    *first = 0;
}

static void close_array(buf *b, int empty)
{
    buf_puts(b, empty ? "]" : "\n  ]");
}

static void put_findings(buf *b, const report_input *in, const report_options *opt)
{
    int first = 1;
    buf_puts(b, "  \"findings\": [");
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nfindings; k++) {
            if (!report_lists(opt, &f->findings[k]))
                continue;
            put_item_separator(b, &first);
            put_finding(b, f->path, &f->findings[k], opt);
        }
    }
    close_array(b, first);
    buf_puts(b, ",\n");
}

static void put_line_item(buf *b, const char *path, int line, const char *message)
{
    buf_puts(b, "    {\"path\": ");
    json_put_string(b, path);
    if (line > 0)
        buf_printf(b, ", \"line\": %d, \"message\": ", line);
    else
        buf_puts(b, ", \"line\": null, \"message\": ");
    json_put_string(b, message);
    buf_putc(b, '}');
}

static void put_notes(buf *b, const report_input *in)
{
    int first = 1;
    buf_puts(b, "  \"notes\": [");
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nnotes; k++) {
            put_item_separator(b, &first);
            put_line_item(b, f->path, f->notes[k].line, f->notes[k].message);
        }
    }
    close_array(b, first);
    buf_puts(b, ",\n");
}

static void put_errors(buf *b, const scan_error *errors, size_t n)
{
    int first = 1;
    buf_puts(b, "  \"errors\": [");
    for (size_t i = 0; i < n; i++) {
        put_item_separator(b, &first);
        put_line_item(b, errors[i].path, errors[i].line, errors[i].message);
    }
    close_array(b, first);
    buf_puts(b, ",\n");
}

static void put_stats(buf *b, const report_stats *st)
{
    buf_printf(b,
               "  \"stats\": {\n"
               "    \"files\": %ld,\n"
               "    \"lines\": %ld,\n"
               "    \"findings\": {\"high\": %ld, \"medium\": %ld, \"low\": %ld},\n"
               "    \"suppressed\": %ld,\n"
               "    \"notes\": %ld,\n"
               "    \"errors\": %ld\n"
               "  }\n",
               st->files, st->lines, st->by_severity[HIGH], st->by_severity[MEDIUM],
               st->by_severity[LOW], st->suppressed, st->notes, st->errors);
}

int report_json(buf *out, const report_input *in, const report_options *opt)
{
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    buf_puts(out, "{\n  \"tool\": {\"name\": \"krait\", \"version\": ");
    json_put_string(out, KRAIT_VERSION);
    buf_puts(out, "},\n");
    report_origins_json(out, opt->origins, opt->norigins);
    put_findings(out, in, opt);
    put_notes(out, in);
    put_errors(out, errors, nerrors);
    free(errors);
    if (egress_summary_json(out, in, opt) != 0)
        return -1;
    report_stats st;
    report_compute_stats(in, opt, &st);
    put_stats(out, &st);
    buf_puts(out, "}\n");
    return 0;
}
