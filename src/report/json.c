/* json.c - the report for programs (docs/formats.md, "JSON"). Written by
 * hand: members in a fixed order, no time, so the bytes are reproducible. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/unicode.h"
#include "report.h"

/* Code points written as \uXXXX although JSON allows them raw: lone
 * surrogates (not valid UTF-8), C1 controls, U+2028/U+2029 (line breaks to
 * JavaScript) and the bidirectional controls of Trojan Source, so that
 * `cat report.json` shows a snippet as it is stored, not reordered. */
static int escaped_anyway(unsigned cp)
{
    return (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* A JSON string. Invalid UTF-8 (file names are bytes) becomes U+FFFD per
 * bad byte, so the document is always valid UTF-8; a lone surrogate (the
 * parser keeps Python's) becomes its \uXXXX escape, as Python's json does. */
static void put_string(buf *b, const char *s)
{
    buf_putc(b, '"');
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c == '\n') {
            buf_puts(b, "\\n");
        } else if (c == '\r') {
            buf_puts(b, "\\r");
        } else if (c == '\t') {
            buf_puts(b, "\\t");
        } else if (c == '\b') {
            buf_puts(b, "\\b");
        } else if (c == '\f') {
            buf_puts(b, "\\f");
        } else if (c < 0x20 || c == 0x7F) {
            buf_printf(b, "\\u%04x", c);
        } else if (c < 0x80) {
            buf_putc(b, (char)c);
        } else {
            unsigned cp;
            size_t n = uni_decode(s + i, len - i, &cp);
            if (n == 0)
                buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
            else if (escaped_anyway(cp))
                buf_printf(b, "\\u%04x", cp);
            else
                buf_put(b, s + i, n);
            i += n ? n : 1;
            continue;
        }
        i++;
    }
    buf_putc(b, '"');
}

static void put_nullable_string(buf *b, const char *s)
{
    if (s)
        put_string(b, s);
    else
        buf_puts(b, "null");
}

static void put_key(buf *b, const char *indent, const char *key)
{
    buf_puts(b, indent);
    put_string(b, key);
    buf_puts(b, ": ");
}

static void put_finding(buf *b, const char *path, const scan_finding *f,
                        const report_options *opt)
{
    const rule_info *r = &rule_catalogue[f->rule];
    const char *in = "      ";
    buf_puts(b, "    {\n");
    put_key(b, in, "rule");
    put_string(b, r->id);
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
    put_string(b, report_level_name(f->severity));
    buf_puts(b, ",\n");
    put_key(b, in, "confidence");
    put_string(b, report_level_name(f->confidence));
    buf_puts(b, ",\n");
    put_key(b, in, "path");
    put_string(b, path);
    buf_printf(b, ",\n%s\"line\": %d,\n%s\"column\": %d,\n", in, f->line, in, f->column);
    buf_printf(b, "%s\"end_line\": %d,\n%s\"end_column\": %d,\n", in, f->end_line, in,
               f->end_column);
    put_key(b, in, "message");
    put_string(b, f->message);
    buf_puts(b, ",\n");
    put_key(b, in, "snippet");
    put_string(b, f->snippet);
    if (opt->show_suppressed) {
        const char *why = report_suppression_name(f->suppressed);
        buf_puts(b, ",\n");
        put_key(b, in, "suppressed");
        if (why)
            put_string(b, why);
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
    put_string(b, path);
    if (line > 0)
        buf_printf(b, ", \"line\": %d, \"message\": ", line);
    else
        buf_puts(b, ", \"line\": null, \"message\": ");
    put_string(b, message);
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
               "    \"errors\": %ld\n"
               "  }\n",
               st->files, st->lines, st->by_severity[HIGH], st->by_severity[MEDIUM],
               st->by_severity[LOW], st->suppressed, st->errors);
}

int report_json(buf *out, const report_input *in, const report_options *opt)
{
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    buf_puts(out, "{\n  \"tool\": {\"name\": \"krait\", \"version\": ");
    put_string(out, KRAIT_VERSION);
    buf_puts(out, "},\n");
    put_findings(out, in, opt);
    put_notes(out, in);
    put_errors(out, errors, nerrors);
    free(errors);
    report_stats st;
    report_compute_stats(in, opt, &st);
    put_stats(out, &st);
    buf_puts(out, "}\n");
    return 0;
}
