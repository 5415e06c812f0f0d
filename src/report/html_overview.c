/* html_overview.c - `krait overview --format html` (docs/formats.md): one
 * self-contained page in the scan report's style (the same frame, CSS,
 * script and escaping, html_page.c): the header, the summary cards, inline
 * SVG charts (html_overview_charts.c), then the tables
 * (html_overview_tables.c) and the files that could not be measured.
 * Deterministic: the only time in it is the run's start, every list has a
 * fixed order, and the numbers are the JSON report's. */
#include <stdlib.h>
#include <string.h>

#include "html_overview.h"

char ov_rank(int complexity)
{
    return complexity <= 5 ? 'A' : complexity <= 10 ? 'B' : complexity <= 20 ? 'C'
         : complexity <= 30 ? 'D' : complexity <= 40 ? 'E' : 'F';
}

static int by_lines(const void *a, const void *b)
{
    const scan_file *x = *(const scan_file *const *)a, *y = *(const scan_file *const *)b;
    if (x->metrics->lines.physical != y->metrics->lines.physical)
        return x->metrics->lines.physical > y->metrics->lines.physical ? -1 : 1;
    return x < y ? -1 : x > y; /* the scan's path order */
}

static int by_complexity(const void *a, const void *b)
{
    const scan_file *x = *(const scan_file *const *)a, *y = *(const scan_file *const *)b;
    if (x->metrics->complexity != y->metrics->complexity)
        return x->metrics->complexity > y->metrics->complexity ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* The length of the longest directory prefix ("a/b/") of every path. */
static size_t common_dir(const scan_file *const *files, size_t n)
{
    if (n == 0)
        return 0;
    const char *first = files[0]->path;
    size_t len = strlen(first);
    for (size_t i = 1; i < n && len > 0; i++) {
        size_t k = 0;
        while (k < len && files[i]->path[k] == first[k])
            k++;
        len = k;
    }
    while (len > 0 && first[len - 1] != '/')
        len--;
    return len;
}

static int rank_files(const scan_result *r, ov_ranked *out)
{
    size_t cap = r->nfiles ? r->nfiles : 1;
    out->by_lines = malloc(cap * sizeof *out->by_lines);
    out->by_complexity = malloc(cap * sizeof *out->by_complexity);
    out->n = 0;
    if (!out->by_lines || !out->by_complexity)
        return -1;
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].metrics)
            out->by_lines[out->n++] = &r->files[i];
    out->common_dir = common_dir(out->by_lines, out->n);
    memcpy(out->by_complexity, out->by_lines, out->n * sizeof *out->by_lines);
    qsort(out->by_lines, out->n, sizeof *out->by_lines, by_lines);
    qsort(out->by_complexity, out->n, sizeof *out->by_complexity, by_complexity);
    return 0;
}

static void put_nav(buf *b)
{
    buf_puts(b, "<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#summary\">Summary</a>"
                "<a href=\"#charts\">Charts</a><a href=\"#functions\">Functions</a>"
                "<a href=\"#files\">Files</a><a href=\"#modules\">Modules</a>"
                "<a href=\"#warnings\">Warnings</a><a href=\"#errors\">Errors</a></nav>\n");
}

static void put_median_card(buf *b, const overview_summary *s)
{
    buf_puts(b, "<div class=\"card cx\"><span class=\"num\" id=\"ov-median\">");
    overview_put_median(b, s->median_complexity);
    buf_puts(b, "</span><span class=\"label\">median file complexity</span></div>\n");
}

static void put_summary(buf *b, const overview_summary *s)
{
    const line_counts *l = &s->lines;
    buf_puts(b, "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
                "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"cards\">\n");
    html_put_card(b, "ov-files", "total", s->files, "files measured");
    html_put_card(b, "ov-lines", "plain", l->physical, "lines");
    html_put_card(b, "ov-code", "k-code", l->code, "code lines");
    html_put_card(b, "ov-blank", "k-blank", l->blank, "blank lines");
    html_put_card(b, "ov-comment-only", "k-comment", l->comment_only, "comment-only lines");
    html_put_card(b, "ov-docstring", "k-doc", l->docstring, "docstring lines");
    html_put_card(b, "ov-comment", "plain", l->comment, "lines with a comment");
    buf_puts(b, "</div>\n<div class=\"cards\">\n");
    html_put_card(b, "ov-statements", "plain", s->structure.statements, "statements");
    html_put_card(b, "ov-functions", "plain", s->structure.functions, "functions");
    html_put_card(b, "ov-classes", "plain", s->structure.classes, "classes");
    put_median_card(b, s);
    html_put_card(b, "ov-max", "cx", s->max_complexity, "max file complexity");
    html_put_card(b, "ov-warnings", s->warnings ? "warn" : "plain", s->warnings, "warnings");
    html_put_card(b, "ov-errors", s->errors ? "bad" : "plain", s->errors, "errors");
    buf_puts(b, "</div>\n");
    if (s->max_complexity_path) {
        buf_printf(b, "<p class=\"note\">The most complex file (score %d) is <code>",
                   s->max_complexity);
        html_text(b, s->max_complexity_path);
        buf_puts(b, "</code>. File complexity is Python Code Audit&#39;s score (1 + one "
                    "per branch, loop, handler, match case, boolean operator...); function "
                    "complexity is radon&#39;s <code>cc</code>.</p>\n");
    }
    buf_puts(b, "</section>\n");
}

static int put_errors(buf *b, const overview_input *in)
{
    scan_error *e;
    size_t n;
    if (overview_collect_errors(in, &e, &n) != 0)
        return -1;
    buf_printf(b, "<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">"
                  "Files not measured <span class=\"muted\">(%zu)</span></h2>\n",
               n);
    if (n == 0) {
        buf_puts(b, "<p class=\"empty\">None: every file found was read and parsed.</p>\n");
    } else {
        buf_puts(b, "<p>These files could not be read or parsed as Python 3.14, so they are "
                    "in no count above.</p>\n<table class=\"items\" id=\"errors-table\">\n"
                    "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Line</th>"
                    "<th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < n; i++) {
            buf_puts(b, "<tr><td class=\"loc\"><code>");
            html_text(b, e[i].path);
            buf_puts(b, "</code></td><td class=\"num\">");
            if (e[i].line > 0)
                buf_printf(b, "%d", e[i].line);
            buf_puts(b, "</td><td>");
            html_text(b, e[i].message);
            buf_puts(b, "</td></tr>\n");
        }
        buf_puts(b, "</tbody>\n</table>\n");
    }
    buf_puts(b, "</section>\n");
    free(e);
    return 0;
}

static void put_header(buf *b, const overview_input *in, const overview_options *opt)
{
    html_page p = {.brand = "code overview", .heading = "Overview of",
                   .scanned_term = "Measured", .roots = in->roots, .nroots = in->nroots,
                   .command_line = opt->command_line, .started_at = opt->started_at};
    html_put_page_header(b, &p);
}

int overview_html(buf *out, const overview_input *in, const overview_options *opt)
{
    ov_ranked r;
    int status = rank_files(in->scan, &r);
    if (status == 0) {
        html_put_document_head(out, "krait overview", in->roots, in->nroots);
        buf_puts(out, "<body>\n");
        put_header(out, in, opt);
        buf_puts(out, "<main>\n");
        put_nav(out);
        put_summary(out, in->summary);
        ov_put_charts(out, in, &r);
        ov_put_functions(out, in->summary, opt->top);
        ov_put_files(out, in);
        ov_put_modules(out, in->summary);
        ov_put_warnings(out, in);
        status = put_errors(out, in);
        html_put_page_end(out, "Sizes and complexity point at where a review should start; "
                               "they say nothing about safety by themselves.");
    }
    free(r.by_lines);
    free(r.by_complexity);
    return status;
}
