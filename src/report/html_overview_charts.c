/* html_overview_charts.c - the overview's charts, inline SVG like the scan
 * report's (html_svg.c): what the lines are made of, the distribution of
 * file complexity (a histogram) and of function complexity (radon's ranks
 * A-F), and the 20 largest and the 20 most complex files. Each chart has a
 * <title> and a <desc> giving its numbers in words, each bar a <title> and
 * a printed value, so they read the same to a screen reader, on paper and
 * in grey. */
#include <stdio.h>

#include "html_overview.h"

enum { CHART_W = 600, COL_CHART_H = 220, COL_TOP = 22, COL_BOTTOM = 40, PLOT_X = 12,
       LABEL_W = 250, BAR_W = 290, ROW_H = 22, TOP_FILES = 20 };

typedef struct ov_bar {
    const char *label; /* ours, or a path (escaped, shortened) */
    long value;
    const char *cls;   /* the <rect>'s class: its colour */
    const char *title; /* what the tooltip and description say; NULL: label */
} ov_bar;

static const char *bar_title(const ov_bar *x)
{
    return x->title ? x->title : x->label;
}

static long max_value(const ov_bar *bars, int n)
{
    long max = 0;
    for (int i = 0; i < n; i++)
        if (bars[i].value > max)
            max = bars[i].value;
    return max;
}

static void put_open(buf *b, const char *id, const char *title, const char *unit,
                     const ov_bar *bars, int n, int h)
{
    buf_printf(b, "<figure class=\"chart\">\n<figcaption>%s</figcaption>\n", title);
    buf_printf(b, "<svg role=\"img\" aria-labelledby=\"%s-t %s-d\" viewBox=\"0 0 %d %d\" "
                  "width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
               id, id, CHART_W, h, CHART_W, h);
    buf_printf(b, "<title id=\"%s-t\">%s</title>\n<desc id=\"%s-d\">", id, title, id);
    for (int i = 0; i < n; i++) {
        buf_puts(b, i ? "; " : "");
        html_text(b, bar_title(&bars[i]));
        buf_printf(b, ": %ld %s", bars[i].value, unit);
    }
    buf_puts(b, "</desc>\n");
}

/* Vertical columns, for distributions: the label under each column, the
 * value above it. */
static void put_columns(buf *b, const char *id, const char *title, const char *unit,
                        const ov_bar *bars, int n)
{
    put_open(b, id, title, unit, bars, n, COL_CHART_H);
    long max = max_value(bars, n);
    int plot_h = COL_CHART_H - COL_TOP - COL_BOTTOM, base = COL_CHART_H - COL_BOTTOM;
    double slot = (double)(CHART_W - 2 * PLOT_X) / n, w = slot * 0.7;
    buf_printf(b, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", PLOT_X,
               base, CHART_W - PLOT_X, base);
    for (int i = 0; i < n; i++) {
        double h = max ? (double)bars[i].value * plot_h / (double)max : 0;
        if (bars[i].value > 0 && h < 1)
            h = 1;
        double x = PLOT_X + slot * i + (slot - w) / 2, mid = PLOT_X + slot * i + slot / 2;
        buf_puts(b, "<g class=\"bar\"><title>");
        html_text(b, bars[i].label);
        buf_printf(b, ": %ld %s</title>\n<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                      "height=\"%.1f\"/>\n",
                   bars[i].value, unit, bars[i].cls, x, base - h, w, h);
        buf_printf(b, "<text class=\"n\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%ld</text>\n",
                   mid, base - h - 5, bars[i].value);
        buf_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", mid,
                   base + 16);
        html_text(b, bars[i].label);
        buf_puts(b, "</text></g>\n");
    }
    buf_puts(b, "</svg>\n</figure>\n");
}

/* Horizontal bars, for rankings of files: the path (its end) on the left. */
static void put_bars(buf *b, const char *id, const char *title, const char *unit,
                     const ov_bar *bars, int n)
{
    int h = n * ROW_H + 8;
    put_open(b, id, title, unit, bars, n, h);
    long max = max_value(bars, n);
    for (int i = 0; i < n; i++) {
        int y = i * ROW_H + 4;
        double w = max ? (double)bars[i].value * BAR_W / (double)max : 0;
        if (bars[i].value > 0 && w < 1)
            w = 1;
        buf_puts(b, "<g class=\"bar\"><title>");
        html_text(b, bar_title(&bars[i]));
        buf_printf(b, ": %ld %s</title>\n<text class=\"lbl\" x=\"%d\" y=\"%d\" "
                      "text-anchor=\"end\">",
                   bars[i].value, unit, LABEL_W - 8, y + 14);
        html_put_short_label(b, bars[i].label, 34);
        buf_printf(b, "</text>\n<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" "
                      "height=\"%d\"/>\n<text class=\"n\" x=\"%.1f\" y=\"%d\">%ld</text></g>\n",
                   bars[i].cls, LABEL_W, y + 2, w, ROW_H - 6, LABEL_W + w + 6, y + 14,
                   bars[i].value);
    }
    buf_puts(b, "</svg>\n</figure>\n");
}

/* File complexity scores run from 1 to the thousands: buckets that widen
 * as they go, the same for every report so that reports compare. */
static const struct {
    int lo;
    const char *label;
} buckets[] = {{1, "1-5"},     {6, "6-10"},     {11, "11-20"},     {21, "21-50"},
               {51, "51-100"}, {101, "101-200"}, {201, "201-500"}, {501, "501+"}};
enum { NBUCKETS = sizeof buckets / sizeof buckets[0] };

static void put_file_histogram(buf *b, const ov_ranked *r)
{
    ov_bar bars[NBUCKETS];
    for (int k = 0; k < NBUCKETS; k++)
        bars[k] = (ov_bar){buckets[k].label, 0, "c-files", NULL};
    for (size_t i = 0; i < r->n; i++) {
        int k = NBUCKETS - 1, cx = r->by_lines[i]->metrics->complexity;
        while (k > 0 && cx < buckets[k].lo)
            k--;
        bars[k].value++;
    }
    put_columns(b, "chart-file-cx", "Files by complexity score", "files", bars, NBUCKETS);
}

static void put_rank_chart(buf *b, const overview_summary *s)
{
    static const char *const labels[6] = {"A 1-5", "B 6-10", "C 11-20", "D 21-30", "E 31-40",
                                          "F 41+"};
    static const char *const classes[6] = {"rank-a", "rank-b", "rank-c", "rank-d", "rank-e",
                                           "rank-f"};
    ov_bar bars[6];
    for (int k = 0; k < 6; k++)
        bars[k] = (ov_bar){labels[k], 0, classes[k], NULL};
    for (size_t i = 0; i < s->nfunctions; i++)
        if (s->functions[i].block->kind != BLOCK_CLASS)
            bars[ov_rank(s->functions[i].block->complexity) - 'A'].value++;
    put_columns(b, "chart-ranks", "Functions by complexity rank (radon)", "functions", bars, 6);
}

static void put_top_files(buf *b, const ov_ranked *r, int by_size)
{
    ov_bar bars[TOP_FILES];
    int n = r->n < TOP_FILES ? (int)r->n : TOP_FILES;
    for (int i = 0; i < n; i++) {
        const scan_file *f = by_size ? r->by_lines[i] : r->by_complexity[i];
        bars[i] = (ov_bar){f->path + r->common_dir,
                           by_size ? f->metrics->lines.physical : f->metrics->complexity,
                           by_size ? "c-size" : "c-cx", f->path};
    }
    char title[96];
    snprintf(title, sizeof title, "%s (%d of %zu)",
             by_size ? "Largest files, in lines" : "Most complex files, by score", n, r->n);
    put_bars(b, by_size ? "chart-largest" : "chart-complex", title,
             by_size ? "lines" : "complexity", bars, n);
}

/* One bar, stacked: how the lines divide into code, docstrings, comments
 * and blank lines (the four add up to all lines). */
static void put_line_kinds(buf *b, const overview_summary *s)
{
    static const char *const names[4] = {"code", "docstring", "comment-only", "blank"};
    static const char *const classes[4] = {"k-code", "k-doc", "k-comment", "k-blank"};
    const long v[4] = {s->lines.code, s->lines.docstring, s->lines.comment_only, s->lines.blank};
    long total = v[0] + v[1] + v[2] + v[3];
    buf_puts(b, "<figure class=\"chart wide-chart\">\n<figcaption>What the lines are"
                "</figcaption>\n<svg role=\"img\" aria-labelledby=\"chart-lines-t chart-lines-d\" "
                "viewBox=\"0 0 1160 58\" width=\"1160\" height=\"58\" preserveAspectRatio=\"xMinYMin meet\" "
                "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"chart-lines-t\">What the "
                "lines are</title>\n<desc id=\"chart-lines-d\">");
    for (int k = 0; k < 4; k++)
        buf_printf(b, "%s%s: %ld lines", k ? "; " : "", names[k], v[k]);
    buf_puts(b, "</desc>\n");
    double at = 0;
    for (int k = 0; k < 4 && total > 0; k++) {
        double w = (double)v[k] * 1160.0 / (double)total;
        buf_printf(b, "<g class=\"bar\"><title>%s: %ld lines (%.1f%%)</title><rect class=\"%s\" "
                      "x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"22\"/></g>\n",
                   names[k], v[k], 100.0 * (double)v[k] / (double)total, classes[k], at, w);
        at += w;
    }
    for (int k = 0; k < 4; k++)
        buf_printf(b, "<rect class=\"%s\" x=\"%d\" y=\"36\" width=\"12\" height=\"12\"/>"
                      "<text class=\"lbl\" x=\"%d\" y=\"46\">%s %ld (%.1f%%)</text>\n",
                   classes[k], k * 290, k * 290 + 18, names[k], v[k],
                   total ? 100.0 * (double)v[k] / (double)total : 0.0);
    buf_puts(b, "</svg>\n</figure>\n");
}

void ov_put_charts(buf *b, const overview_input *in, const ov_ranked *r)
{
    buf_puts(b, "<section id=\"charts\" aria-labelledby=\"charts-h\">\n"
                "<h2 id=\"charts-h\">Charts</h2>\n");
    if (r->n == 0) {
        buf_puts(b, "<p class=\"empty\">No file was measured: nothing to draw.</p>\n</section>\n");
        return;
    }
    put_line_kinds(b, in->summary);
    buf_puts(b, "<div class=\"charts\">\n");
    put_file_histogram(b, r);
    put_rank_chart(b, in->summary);
    put_top_files(b, r, 1);
    put_top_files(b, r, 0);
    buf_puts(b, "</div>\n");
    if (r->common_dir > 0) {
        buf_puts(b, "<p class=\"legend\">The files&#39; labels leave out <code>");
        html_text_n(b, r->by_lines[0]->path, r->common_dir);
        buf_puts(b, "</code>, which every measured path starts with.</p>\n");
    }
    buf_puts(b, "</section>\n");
}
