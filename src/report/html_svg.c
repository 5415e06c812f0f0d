/* html_svg.c - the report's charts, drawn as inline SVG (no script, no
 * image files): findings by severity, by rule family and by file (the 20
 * with most). Each chart has a <title> and a <desc> giving its numbers in
 * words, each bar a <title> and a printed count, so the charts read the
 * same to a screen reader, on paper and in grey. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/unicode.h"
#include "html_internal.h"

enum { CHART_W = 600, LABEL_W = 240, BAR_W = 300, ROW_H = 22, TOP_FILES = 20 };

typedef struct bar {
    const char *label; /* shown, shortened to fit */
    const char *title; /* the bar's tooltip; NULL: the label */
    long seg[4];       /* by rule_level: stacked HIGH, MEDIUM, LOW */
} bar;

static long bar_total(const bar *x)
{
    return x->seg[HIGH] + x->seg[MEDIUM] + x->seg[LOW];
}

/* How many characters the code point at s[0..n) takes on screen: one
 * written as <U+XXXX> takes 8; a bad byte (then U+FFFD) 1. Sets *len to
 * its length in bytes. */
static size_t char_width(const char *s, size_t n, size_t *len)
{
    unsigned cp;
    size_t k = uni_decode(s, n, &cp);
    *len = k ? k : 1;
    return k && html_shown_as_code_point(cp) ? 8 : 1;
}

/* The label's end after an ellipsis when it is longer than `keep`
 * characters on screen: of a path, the end (file name) is what tells files
 * apart. */
void html_put_short_label(buf *b, const char *s, size_t keep)
{
    size_t len = strlen(s), width = 0, i, n;
    for (i = 0; i < len; i += n)
        width += char_width(s + i, len - i, &n);
    if (width <= keep) {
        html_text(b, s);
        return;
    }
    for (i = 0; i < len && width > keep - 1; i += n)
        width -= char_width(s + i, len - i, &n);
    buf_puts(b, "\xE2\x80\xA6"); /* … */
    html_text(b, s + i);
}

static void put_bar(buf *b, const bar *x, int row, long max)
{
    static const rule_level order[3] = {HIGH, MEDIUM, LOW};
    int y = row * ROW_H + 4;
    long total = bar_total(x);
    buf_puts(b, "<g class=\"bar\"><title>");
    html_text(b, x->title ? x->title : x->label);
    buf_printf(b, ": %ld (high %ld, medium %ld, low %ld)</title>\n", total, x->seg[HIGH],
               x->seg[MEDIUM], x->seg[LOW]);
    buf_printf(b, "<text class=\"lbl\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 8,
               y + 14);
    html_put_short_label(b, x->label, 32);
    buf_puts(b, "</text>\n");
    double at = LABEL_W;
    for (int k = 0; k < 3; k++) {
        long v = x->seg[order[k]];
        if (v == 0 || max == 0)
            continue;
        double w = (double)v * BAR_W / (double)max;
        buf_printf(b, "<rect class=\"sev-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>\n",
                   report_level_name(order[k]), at, y + 2, w < 1 ? 1.0 : w, ROW_H - 6);
        at += w < 1 ? 1.0 : w;
    }
    buf_printf(b, "<text class=\"n\" x=\"%.1f\" y=\"%d\">%ld</text></g>\n", at + 6, y + 14, total);
}

/* A horizontal bar chart, stacked by severity. `id` names the chart's
 * title and description for aria-labelledby. */
static void put_chart(buf *b, const char *id, const char *title, const bar *bars, int n)
{
    long max = 0;
    for (int i = 0; i < n; i++)
        if (bar_total(&bars[i]) > max)
            max = bar_total(&bars[i]);
    int h = n * ROW_H + 8;
    buf_printf(b, "<figure class=\"chart\">\n<figcaption>%s</figcaption>\n", title);
    buf_printf(b, "<svg role=\"img\" aria-labelledby=\"%s-t %s-d\" viewBox=\"0 0 %d %d\" "
                  "width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
               id, id, CHART_W, h, CHART_W, h);
    buf_printf(b, "<title id=\"%s-t\">%s</title>\n<desc id=\"%s-d\">", id, title, id);
    for (int i = 0; i < n; i++) {
        buf_puts(b, i ? "; " : "");
        html_text(b, bars[i].title ? bars[i].title : bars[i].label);
        buf_printf(b, ": %ld", bar_total(&bars[i]));
    }
    buf_puts(b, "</desc>\n");
    for (int i = 0; i < n; i++)
        put_bar(b, &bars[i], i, max);
    buf_puts(b, "</svg>\n</figure>\n");
}

static void put_severity_chart(buf *b, const html_counts *c)
{
    bar bars[3] = {{"high", NULL, {0}}, {"medium", NULL, {0}}, {"low", NULL, {0}}};
    bars[0].seg[HIGH] = c->st.by_severity[HIGH];
    bars[1].seg[MEDIUM] = c->st.by_severity[MEDIUM];
    bars[2].seg[LOW] = c->st.by_severity[LOW];
    put_chart(b, "chart-severity", "Findings by severity", bars, 3);
}

static void put_family_chart(buf *b, const html_counts *c)
{
    bar bars[RULE_FAMILY_COUNT];
    for (int k = 0; k < RULE_FAMILY_COUNT; k++) {
        rule_family f = rules_family_at(k);
        bars[k] = (bar){f.name, f.title, {0}};
        memcpy(bars[k].seg, c->by_family[k], sizeof bars[k].seg);
    }
    put_chart(b, "chart-family", "Findings by rule family", bars, RULE_FAMILY_COUNT);
}

typedef struct file_bar {
    bar b;
    size_t index; /* path order, to break ties the same way every time */
} file_bar;

static int by_count_then_path(const void *a, const void *b)
{
    const file_bar *x = a, *y = b;
    long nx = bar_total(&x->b), ny = bar_total(&y->b);
    if (nx != ny)
        return nx > ny ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The files with most unsuppressed findings (at most TOP_FILES). */
static void put_file_chart(buf *b, const report_input *in, const report_options *opt)
{
    file_bar *all = calloc(in->scan->nfiles ? in->scan->nfiles : 1, sizeof *all);
    if (!all)
        return; /* the chart is a view of the table: skipped, not fatal */
    size_t n = 0;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        file_bar fb = {{f->path, NULL, {0}}, i};
        for (int k = 0; f->scanned && k < f->nfindings; k++) {
            const scan_finding *x = &f->findings[k];
            if (report_passes(opt, x) && !x->suppressed && x->severity >= LOW &&
                x->severity <= HIGH)
                fb.b.seg[x->severity]++;
        }
        if (bar_total(&fb.b) > 0)
            all[n++] = fb;
    }
    qsort(all, n, sizeof *all, by_count_then_path);
    int shown = n < TOP_FILES ? (int)n : TOP_FILES;
    bar top[TOP_FILES];
    for (int i = 0; i < shown; i++)
        top[i] = all[i].b;
    char title[64];
    snprintf(title, sizeof title, "Findings by file (the %d with most, of %zu)", shown, n);
    put_chart(b, "chart-files", title, top, shown);
    free(all);
}

void html_put_charts(buf *b, const report_input *in, const report_options *opt,
                     const html_counts *c)
{
    if (c->st.findings == 0)
        return; /* nothing to draw: the summary says so in words */
    buf_puts(b, "<section id=\"charts\" aria-labelledby=\"charts-h\">\n"
                "<h2 id=\"charts-h\">Charts</h2>\n<div class=\"charts\">\n");
    put_severity_chart(b, c);
    put_family_chart(b, c);
    put_file_chart(b, in, opt);
    buf_puts(b, "</div>\n</section>\n");
}
