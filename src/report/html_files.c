/* html_files.c - what the report says per file: the files that could not
 * be scanned (errors), the warnings about scanned files (notes), and one
 * row of statistics per file.
 * When the scan measured the files (scan_file.metrics), html_metrics.c
 * adds its columns to each row and an Imported modules section. */
#include <stdlib.h>

#include "html_internal.h"

static void put_line_item(buf *b, const char *path, int line, const char *message)
{
    buf_puts(b, "<tr><td class=\"loc\"><code>");
    html_text(b, path);
    buf_puts(b, "</code></td><td class=\"num\">");
    if (line > 0)
        buf_printf(b, "%d", line);
    buf_puts(b, "</td><td>");
    html_text(b, message);
    buf_puts(b, "</td></tr>\n");
}

static const char item_head[] = "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">"
                                "Line</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n";

static int put_errors(buf *b, const report_input *in)
{
    scan_error *errors;
    size_t n;
    if (report_collect_errors(in, &errors, &n) != 0)
        return -1;
    buf_printf(b, "<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">"
                  "Files not scanned <span class=\"muted\">(%zu)</span></h2>\n",
               n);
    if (n == 0) {
        buf_puts(b, "<p class=\"empty\">None: every file found was read and parsed.</p>\n");
    } else {
        buf_puts(b, "<p>These files could not be read or parsed as Python 3.14, so no rule "
                    "ran on them.</p>\n<table class=\"items\">\n");
        buf_puts(b, item_head);
        for (size_t i = 0; i < n; i++)
            put_line_item(b, errors[i].path, errors[i].line, errors[i].message);
        buf_puts(b, "</tbody>\n</table>\n");
    }
    buf_puts(b, "</section>\n");
    free(errors);
    return 0;
}

static void put_notes(buf *b, const report_input *in)
{
    long n = 0;
    for (size_t i = 0; i < in->scan->nfiles; i++)
        n += in->scan->files[i].nnotes;
    if (n == 0)
        return;
    buf_printf(b, "<section id=\"notes\" aria-labelledby=\"notes-h\">\n<h2 id=\"notes-h\">"
                  "Notes <span class=\"muted\">(%ld)</span></h2>\n<table class=\"items\">\n",
               n);
    buf_puts(b, item_head);
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; k < f->nnotes; k++)
            put_line_item(b, f->path, f->notes[k].line, f->notes[k].message);
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

int html_put_problems(buf *b, const report_input *in)
{
    if (put_errors(b, in) != 0)
        return -1;
    put_notes(b, in);
    return 0;
}

static void put_file_row(buf *b, const scan_file *f, const report_options *opt,
                         const html_metrics *m)
{
    long sev[4] = {0}, suppressed = 0;
    for (int k = 0; f->scanned && k < f->nfindings; k++) {
        const scan_finding *x = &f->findings[k];
        if (!report_passes(opt, x))
            continue;
        if (x->suppressed)
            suppressed++;
        else if (x->severity >= LOW && x->severity <= HIGH)
            sev[x->severity]++;
    }
    long total = sev[HIGH] + sev[MEDIUM] + sev[LOW];
    buf_printf(b, "<tr%s><td class=\"loc\"><code>", total ? " class=\"has-findings\"" : "");
    html_text(b, f->path);
    buf_puts(b, "</code>");
    if (f->failed) {
        buf_puts(b, " <span class=\"badge bad\">not scanned</span></td><td class=\"num\"></td>"
                    "<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td>");
    } else {
        buf_printf(b, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
                      "<td class=\"num sevs\"><span class=\"c-high\">%ld</span> / "
                      "<span class=\"c-medium\">%ld</span> / <span class=\"c-low\">%ld</span>"
                      "</td><td class=\"num\">%ld</td>",
                   f->lines, total, sev[HIGH], sev[MEDIUM], sev[LOW], suppressed);
    }
    html_metrics_cells(b, m, f);
    buf_puts(b, "</tr>\n");
}

int html_put_files(buf *b, const report_input *in, const report_options *opt)
{
    buf_printf(b, "<section id=\"files\" aria-labelledby=\"files-h\">\n<h2 id=\"files-h\">"
                  "Files <span class=\"muted\">(%zu)</span></h2>\n",
               in->scan->nfiles);
    if (in->scan->nfiles == 0) {
        buf_puts(b, "<p class=\"empty\">No Python file was found under the paths given.</p>\n"
                    "</section>\n");
        return 0;
    }
    html_metrics m;
    if (html_metrics_begin(in, &m) != 0) {
        html_metrics_end(&m);
        return -1;
    }
    buf_puts(b, "<div class=\"scroll\">\n<table class=\"files\">\n<thead><tr>"
                "<th scope=\"col\">File</th><th scope=\"col\">Lines</th>"
                "<th scope=\"col\">Findings</th><th scope=\"col\" title=\"high / medium / low\">H / M / L</th>"
                "<th scope=\"col\">Suppressed</th>");
    html_metrics_head(b, &m);
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < in->scan->nfiles; i++)
        put_file_row(b, &in->scan->files[i], opt, &m);
    buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
    html_put_modules(b, &m);
    html_metrics_end(&m);
    return 0;
}
