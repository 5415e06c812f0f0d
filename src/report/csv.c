/* csv.c - one row per finding, note and error, plus a summary row
 * (docs/formats.md, "CSV"): RFC 4180 (CRLF line ends, fields quoted when
 * they hold a comma, quote or line break, quotes doubled), UTF-8. The
 * first column, `kind`, says what a row is, so one table carries what the
 * JSON report does. Text taken from scanned files that a spreadsheet would
 * run as a formula (it starts with = + - @, a tab or a carriage return) is
 * prefixed with a single quote, as OWASP recommends: a CSV report is opened
 * in spreadsheets, and a file name is attacker-chosen. */
#include <stdlib.h>
#include <string.h>

#include "formats_common.h"
#include "report.h"

static const char header[] = "kind,rule,bandit_id,ruff_code,cwe,severity,confidence,path,line,"
                             "column,end_line,end_column,message,snippet,suppressed";

/* A field; `guard`: may come from a scanned file (formula protection). */
static void put_field(buf *b, const char *s, int guard)
{
    if (!s)
        return;
    size_t len = strlen(s);
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    int prefix = guard && len > 0 && strchr("=+-@\t\r", s[0]) != NULL;
    if (quote)
        buf_putc(b, '"');
    if (prefix)
        buf_putc(b, '\'');
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = fc_next_cp(s + i, len - i, &cp);
        if (cp == '"')
            buf_puts(b, "\"\"");
        else if (cp == 0xFFFD && n == 1)
            buf_puts(b, "\xEF\xBF\xBD"); /* an invalid byte */
        else
            buf_put(b, s + i, n);
        i += n;
    }
    if (quote)
        buf_putc(b, '"');
}

static void put_int(buf *b, int v)
{
    if (v > 0)
        buf_printf(b, "%d", v);
}

static void put_finding(buf *b, const char *path, const scan_finding *f)
{
    const rule_info *r = &rule_catalogue[f->rule];
    buf_puts(b, "finding,");
    put_field(b, r->id, 0);
    buf_putc(b, ',');
    put_field(b, r->bandit, 0);
    buf_putc(b, ',');
    put_field(b, r->ruff, 0);
    buf_putc(b, ',');
    put_int(b, r->cwe);
    buf_printf(b, ",%s,%s,", report_level_name(f->severity), report_level_name(f->confidence));
    put_field(b, path, 1);
    buf_printf(b, ",%d,%d,%d,%d,", f->line, f->column, f->end_line, f->end_column);
    put_field(b, f->message, 1);
    buf_putc(b, ',');
    put_field(b, f->snippet, 1);
    buf_putc(b, ',');
    put_field(b, report_suppression_name(f->suppressed), 0);
    buf_puts(b, "\r\n");
}

/* A note or an error: kind, path, line and message; the rest empty. */
static void put_line_item(buf *b, const char *kind, const char *path, int line, const char *msg)
{
    buf_printf(b, "%s,,,,,,,", kind);
    put_field(b, path, 1);
    buf_putc(b, ',');
    put_int(b, line);
    buf_puts(b, ",,,,");
    put_field(b, msg, 1);
    buf_puts(b, ",,\r\n");
}

int report_csv(buf *out, const report_input *in, const report_options *opt)
{
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    buf_printf(out, "%s\r\n", header);
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nfindings; k++)
            if (report_lists(opt, &f->findings[k]))
                put_finding(out, f->path, &f->findings[k]);
    }
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nnotes; k++)
            put_line_item(out, "note", f->path, f->notes[k].line, f->notes[k].message);
    }
    for (size_t i = 0; i < nerrors; i++)
        put_line_item(out, "error", errors[i].path, errors[i].line, errors[i].message);
    free(errors);
    report_stats st;
    report_compute_stats(in, opt, &st);
    buf summary;
    buf_init(&summary);
    fc_put_summary(&summary, &st);
    buf_puts(out, "summary,,,,,,,,,,,,");
    put_field(out, summary.data, 0);
    buf_puts(out, ",,\r\n");
    buf_free(&summary);
    return 0;
}
