/* text.c - the report for people (docs/formats.md, "Text"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../base/unicode.h"
#include "report.h"
#include "egress_summary.h"
#include "origin.h"

/* ANSI styles, or empty strings when colour is off. */
typedef struct style {
    const char *bold, *reset, *caret, *warn, *err;
    const char *level[4];
} style;

static style make_style(int colour)
{
    if (!colour)
        return (style){"", "", "", "", "", {"", "", "", ""}};
    return (style){"\033[1m", "\033[0m", "\033[1;32m", "\033[1;35m", "\033[1;31m",
                   {"", "\033[36m", "\033[33m", "\033[1;31m"}};
}

/* Characters that must not reach a terminal raw: C0/C1 controls (a tab
 * aside) and the bidirectional formatting characters of Trojan Source,
 * which would reorder what the reader sees. */
static int needs_escape(unsigned cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xD800 && cp <= 0xDFFF);
}

static void put_marks(buf *b, char c, int n)
{
    for (int i = 0; i < n; i++)
        buf_putc(b, c);
}

/* The source line and, under it, carets from column `from` up to (not
 * including) column `to` (1-based characters). */
static void put_source(buf *out, const style *s, const char *line, int from, int to)
{
    buf carets;
    buf_init(&carets);
    size_t len = strlen(line), last_caret = 0;
    int col = 1;
    if (to <= from)
        to = from + 1;
    buf_puts(out, "    ");
    for (size_t i = 0; i < len; col++) {
        unsigned cp;
        size_t n = uni_decode(line + i, len - i, &cp);
        if (n == 0)
            n = 1, cp = 0xFFFD;
        int width = 1;
        int marked = col >= from && col < to;
        if (cp == '\t') {
            buf_putc(out, '\t');
            buf_putc(&carets, '\t');
            width = 0;
        } else if (needs_escape(cp)) {
            char esc[16];
            width = snprintf(esc, sizeof esc, "<U+%04X>", cp);
            buf_puts(out, esc);
        } else {
            buf_put(out, line + i, n);
            int w = utf8proc_charwidth((utf8proc_int32_t)cp);
            width = w < 0 ? 1 : w;
        }
        put_marks(&carets, marked ? '^' : ' ', width);
        if (marked && width > 0)
            last_caret = carets.len;
        i += n;
    }
    /* A range starting at the end of the line (or past it): one caret there. */
    if (last_caret == 0 && col <= from) {
        put_marks(&carets, ' ', from - col);
        buf_putc(&carets, '^');
        last_caret = carets.len;
    }
    buf_puts(out, "\n    ");
    buf_puts(out, s->caret);
    buf_put(out, carets.data ? carets.data : "", last_caret);
    buf_puts(out, s->reset);
    buf_putc(out, '\n');
    buf_free(&carets);
}

static void put_finding(buf *out, const style *s, const char *path, const scan_finding *f)
{
    const rule_info *r = &rule_catalogue[f->rule];
    buf_printf(out, "%s%s:%d:%d:%s %s%s%s [%s%s%s/%s] %s", s->bold, path, f->line, f->column,
               s->reset, s->bold, r->id, s->reset, s->level[f->severity],
               report_level_name(f->severity), s->reset, report_level_name(f->confidence),
               f->message);
    const char *why = report_suppression_name(f->suppressed);
    if (why)
        buf_printf(out, " (suppressed: %s)", why);
    buf_putc(out, '\n');
    int to = f->end_line == f->line ? f->end_column : 1 << 30;
    if (f->snippet[0]) /* none for findings about an archive itself */
        put_source(out, s, f->snippet, f->column, to);
}

static void put_findings(buf *out, const style *s, const report_input *in,
                         const report_options *opt)
{
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nfindings; k++)
            if (report_lists(opt, &f->findings[k]))
                put_finding(out, s, f->path, &f->findings[k]);
    }
}

static void put_notes(buf *out, const style *s, const report_input *in)
{
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nnotes; k++)
            buf_printf(out, "%s:%d: %swarning:%s %s\n", f->path, f->notes[k].line, s->warn,
                       s->reset, f->notes[k].message);
    }
}

static void put_error(buf *out, const style *s, const scan_error *e)
{
    if (e->line > 0)
        buf_printf(out, "%s%s:%d:%s %s%s%s\n", s->bold, e->path, e->line, s->reset, s->err,
                   e->message, s->reset);
    else
        buf_printf(out, "%s%s:%s %s%s%s\n", s->bold, e->path, s->reset, s->err, e->message,
                   s->reset);
}

static void put_summary(buf *out, const report_stats *st, const report_options *opt)
{
    if (out->len > 0) /* a blank line after findings and errors, if any */
        buf_putc(out, '\n');
    buf_printf(out, "files scanned: %ld (%ld lines)\n", st->files, st->lines);
    buf_printf(out, "findings: %ld (high %ld, medium %ld, low %ld)\n", st->findings,
               st->by_severity[HIGH], st->by_severity[MEDIUM], st->by_severity[LOW]);
    buf_printf(out, "suppressed: %ld\n", st->suppressed);
    if (st->notes > 0)
        buf_printf(out, "warnings: %ld\n", st->notes);
    buf_printf(out, "errors: %ld\n", st->errors);
    buf_printf(out, "time: %.3f s\n", opt->elapsed);
}

int report_text(buf *out, const report_input *in, const report_options *opt)
{
    style s = make_style(opt->colour);
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    report_origins_text(out, opt->origins, opt->norigins);
    put_findings(out, &s, in, opt);
    put_notes(out, &s, in);
    for (size_t i = 0; i < nerrors; i++)
        put_error(out, &s, &errors[i]);
    free(errors);
    if (!opt->quiet) {
        if (egress_summary_text(out, in, opt) != 0)
            return -1;
        report_stats st;
        report_compute_stats(in, opt, &st);
        put_summary(out, &st, opt);
    }
    return 0;
}
