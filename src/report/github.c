/* github.c - GitHub Actions workflow commands (docs/formats.md, "GitHub"):
 * one `::error`/`::warning`/`::notice` line per finding, note and error,
 * which the runner turns into annotations on the pull request, then the
 * summary as a plain log line. Values are escaped as the runner unescapes
 * them (% CR LF in the message; also : and , in properties), so no text
 * from a scanned file can end a command or start a new one; other control
 * characters (terminal escapes) and bidirectional controls are shown as
 * <U+XXXX>, so a file name cannot recolour or reorder the CI log. */
#include <stdlib.h>
#include <string.h>

#include "formats_common.h"
#include "report.h"

static void put_escaped(buf *b, const char *s, int property)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = fc_next_cp(s + i, len - i, &cp);
        if (cp == '%')
            buf_puts(b, "%25");
        else if (cp == '\r')
            buf_puts(b, "%0D");
        else if (cp == '\n')
            buf_puts(b, "%0A");
        else if (property && cp == ':')
            buf_puts(b, "%3A");
        else if (property && cp == ',')
            buf_puts(b, "%2C");
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || fc_is_bidi(cp))
            buf_printf(b, "<U+%04X>", cp);
        else if (cp == 0xFFFD && n == 1)
            buf_puts(b, "\xEF\xBF\xBD");
        else
            buf_put(b, s + i, n);
        i += n;
    }
}

/* The path GitHub resolves against the checkout: relative to the
 * working directory, without "./". */
static void put_file(buf *b, const char *path, const fc_cwd *cwd)
{
    const char *rel = fc_project_path(path, cwd);
    buf_puts(b, "file=");
    put_escaped(b, rel ? rel : path, 1);
}

static const char *command(const scan_finding *f)
{
    if (f->suppressed != SUPPRESSED_NOT)
        return "notice";
    return f->severity == HIGH ? "error" : f->severity == MEDIUM ? "warning" : "notice";
}

static void put_finding(buf *b, const char *path, const scan_finding *f, const fc_cwd *cwd)
{
    const rule_info *r = &rule_catalogue[f->rule];
    buf_printf(b, "::%s ", command(f));
    put_file(b, path, cwd);
    buf_printf(b, ",line=%d", f->line);
    if (f->end_line >= f->line)
        buf_printf(b, ",endLine=%d", f->end_line);
    /* GitHub takes columns only for a range on one line. */
    if (f->end_line == f->line && f->column > 0 && f->end_column > 0)
        buf_printf(b, ",col=%d,endColumn=%d", f->column, f->end_column);
    buf_puts(b, ",title=");
    put_escaped(b, "krait ", 1);
    put_escaped(b, r->id, 1);
    put_escaped(b, " ", 1);
    put_escaped(b, r->name, 1);
    buf_printf(b, "::%s [%s/%s] ", r->id, report_level_name(f->severity),
               report_level_name(f->confidence));
    put_escaped(b, f->message, 0);
    const char *why = report_suppression_name(f->suppressed);
    if (why)
        buf_printf(b, " (suppressed: %s)", why);
    buf_putc(b, '\n');
}

static void put_line_item(buf *b, const char *cmd, const char *path, int line, const char *msg,
                          const fc_cwd *cwd)
{
    buf_printf(b, "::%s ", cmd);
    put_file(b, path, cwd);
    if (line > 0)
        buf_printf(b, ",line=%d", line);
    buf_puts(b, ",title=krait::");
    put_escaped(b, msg, 0);
    buf_putc(b, '\n');
}

int report_github(buf *out, const report_input *in, const report_options *opt)
{
    fc_cwd cwd;
    fc_get_cwd(&cwd);
    scan_error *errors;
    size_t nerrors;
    if (report_collect_errors(in, &errors, &nerrors) != 0)
        return -1;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nfindings; k++)
            if (report_lists(opt, &f->findings[k]))
                put_finding(out, f->path, &f->findings[k], &cwd);
        for (int k = 0; k < f->nnotes; k++)
            put_line_item(out, "warning", f->path, f->notes[k].line, f->notes[k].message, &cwd);
    }
    for (size_t i = 0; i < nerrors; i++)
        put_line_item(out, "error", errors[i].path, errors[i].line, errors[i].message, &cwd);
    free(errors);
    report_stats st;
    report_compute_stats(in, opt, &st);
    buf_puts(out, "krait: ");
    fc_put_summary(out, &st);
    buf_putc(out, '\n');
    return 0;
}
