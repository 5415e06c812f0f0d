/* html_metrics.c - the per-file measurements in the HTML report, when the
 * scan made them (scan_options.metrics: scan_file.metrics is then set):
 * more columns in the Files table (code, comment and docstring lines,
 * complexity, functions, the modules each file imports by origin) and an
 * Imported modules section for the whole tree. Origins come from the
 * overview summary, which knows the scanned tree's own modules. */
#include <stdlib.h>

#include "../metrics/summary.h"
#include "html_internal.h"

int html_metrics_begin(const report_input *in, html_metrics *m)
{
    m->on = 0;
    m->summary = NULL;
    for (size_t i = 0; i < in->scan->nfiles && !m->on; i++)
        m->on = in->scan->files[i].metrics != NULL;
    if (!m->on)
        return 0;
    m->summary = malloc(sizeof(overview_summary));
    if (!m->summary || overview_summarize(in->scan, m->summary) != 0) {
        free(m->summary);
        m->summary = NULL;
        return -1;
    }
    return 0;
}

void html_metrics_end(html_metrics *m)
{
    if (m->summary)
        overview_summary_free(m->summary);
    free(m->summary);
    m->summary = NULL;
}

void html_metrics_head(buf *b, const html_metrics *m)
{
    if (!m->on)
        return;
    buf_puts(b, "<th scope=\"col\">Code</th><th scope=\"col\">Comment</th>"
                "<th scope=\"col\">Docstring</th><th scope=\"col\">Complexity</th>"
                "<th scope=\"col\">Functions</th><th scope=\"col\">Imports</th>");
}

static const char *const origin_label[] = {"stdlib", "third party", "local"};

/* The file's modules grouped by origin: "stdlib: os, re; local: pkg.util". */
void html_put_module_names(buf *b, const overview_summary *s, const file_metrics *fm)
{
    int first_group = 1;
    for (int o = MODULE_STDLIB; o <= MODULE_LOCAL; o++) {
        int first = 1;
        for (int k = 0; k < fm->nmodules; k++) {
            if ((int)overview_origin(s, &fm->modules[k]) != o)
                continue;
            if (first)
                buf_printf(b, "%s<span class=\"origin origin-%d\">%s:</span> ",
                           first_group ? "" : "<br>", o, origin_label[o]);
            else
                buf_puts(b, ", ");
            html_text(b, fm->modules[k].name);
            first = first_group = 0;
        }
    }
}

void html_metrics_cells(buf *b, const html_metrics *m, const scan_file *f)
{
    if (!m->on)
        return;
    const file_metrics *fm = f->metrics;
    if (!fm) {
        buf_puts(b, "<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td>"
                    "<td class=\"num\"></td><td class=\"num\"></td><td></td>");
        return;
    }
    buf_printf(b, "<td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld"
                  "</td><td class=\"num\">%d</td><td class=\"num\">%ld</td><td class=\"imports\">",
               fm->lines.code, fm->lines.comment, fm->lines.docstring, fm->complexity,
               fm->structure.functions);
    html_put_module_names(b, m->summary, fm);
    buf_puts(b, "</td>");
}

void html_put_modules(buf *b, const html_metrics *m)
{
    if (!m->on)
        return;
    const overview_summary *s = m->summary;
    buf_printf(b, "<section id=\"modules\" aria-labelledby=\"modules-h\">\n<h2 id=\"modules-h\">"
                  "Imported modules <span class=\"muted\">(%zu)</span></h2>\n",
               s->nmodules);
    if (s->nmodules == 0) {
        buf_puts(b, "<p class=\"empty\">The scanned files import nothing.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<table class=\"modules\">\n<thead><tr><th scope=\"col\">Module</th>"
                "<th scope=\"col\">Origin</th><th scope=\"col\">Distribution</th>"
                "<th scope=\"col\">Files</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < s->nmodules; i++) {
        const module_count *x = &s->modules[i];
        buf_puts(b, "<tr><td><code>");
        html_text(b, x->name);
        buf_printf(b, "</code></td><td><span class=\"origin origin-%d\">%s</span></td><td>",
                   (int)x->origin, origin_label[x->origin]);
        html_text(b, x->distribution ? x->distribution : "");
        buf_printf(b, "</td><td class=\"num\">%ld</td></tr>\n", x->files);
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}
