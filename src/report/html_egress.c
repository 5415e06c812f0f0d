/* html_egress.c - the HTML report's Egress section: the per-file verdict of
 * egress_summary.h, as the text and JSON reports give it. The files with
 * outbound connection logic are listed with their lines and destinations
 * (already masked by the rules); the others are counted, so a large scan
 * stays readable. Nothing when no egress rule ran. */
#include "egress_summary.h"
#include "html_internal.h"

static void put_lines(buf *b, const egress_file_summary *f)
{
    for (int i = 0; i < f->nlines; i++)
        buf_printf(b, "%s%d", i ? ", " : "", f->lines[i]);
}

static void put_destinations(buf *b, const egress_file_summary *f)
{
    for (int i = 0; i < f->ndestinations; i++) {
        buf_puts(b, i ? "<br><code>" : "<code>");
        html_text(b, f->destinations[i]);
        buf_puts(b, "</code>");
    }
}

static void put_outbound_rows(buf *b, const egress_summary *s)
{
    buf_puts(b, "<table class=\"items\" id=\"egress-files\">\n<thead><tr>"
                "<th scope=\"col\">File</th><th scope=\"col\">Lines</th>"
                "<th scope=\"col\">Destinations</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < s->nfiles; i++) {
        const egress_file_summary *f = &s->files[i];
        if (!f->outbound)
            continue;
        buf_puts(b, "<tr><td class=\"loc\"><code>");
        html_text(b, f->path);
        buf_puts(b, "</code></td><td>");
        put_lines(b, f);
        buf_puts(b, "</td><td>");
        put_destinations(b, f);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody>\n</table>\n");
}

int html_put_egress(buf *b, const report_input *in, const report_options *opt)
{
    egress_summary s;
    if (egress_summary_build(in, opt, &s) != 0)
        return -1;
    if (s.active) {
        size_t others = s.nfiles - s.noutbound;
        buf_printf(b, "<section id=\"egress\" aria-labelledby=\"egress-h\">\n"
                      "<h2 id=\"egress-h\">Egress <span class=\"muted\">(<span "
                      "id=\"egress-outbound\">%zu</span> of %zu files)</span></h2>\n",
                   s.noutbound, s.nfiles);
        if (s.noutbound) {
            buf_puts(b, "<p>" EGRESS_VERDICT_FOUND " (the egress findings' lines, and the "
                        "hard-coded destinations they name):</p>\n");
            put_outbound_rows(b, &s);
        }
        if (others)
            buf_printf(b, "<p class=\"empty\">%s%zu file%s: " EGRESS_VERDICT_NONE ".</p>\n",
                       s.noutbound ? "Other " : "", others, others == 1 ? "" : "s");
        buf_puts(b, "</section>\n");
    }
    egress_summary_free(&s);
    return 0;
}
