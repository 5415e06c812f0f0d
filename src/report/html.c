/* html.c - the report for people who read it in a browser (docs/formats.md,
 * "HTML"): one self-contained file (inline CSS, SVG and a little
 * JavaScript, nothing fetched), complete without JavaScript and printable.
 * This file writes the document's frame, header and summary; the charts,
 * the findings table and the per-file sections have their own files.
 * Deterministic: the only time in it is the scan's start (report_options),
 * and no identifier is random. */
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "origin.h"

int html_rule_family(int r)
{
    for (int k = 0; k < RULE_FAMILY_COUNT; k++) {
        rule_family f = rules_family_at(k);
        if (r >= f.first && r < f.first + f.count)
            return k;
    }
    return 0;
}

static void count_finding(const scan_finding *x, const report_options *opt, html_counts *c)
{
    if (report_lists(opt, x))
        c->by_rule[x->rule]++, c->listed++;
    if (!report_passes(opt, x) || x->suppressed != SUPPRESSED_NOT)
        return;
    if (x->severity < LOW || x->severity > HIGH || x->confidence < LOW || x->confidence > HIGH)
        return;
    c->matrix[x->severity][x->confidence]++;
    c->by_family[html_rule_family(x->rule)][x->severity]++;
}

static void count_all(const report_input *in, const report_options *opt, html_counts *c)
{
    memset(c, 0, sizeof *c);
    report_compute_stats(in, opt, &c->st);
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        long before = c->listed;
        for (int k = 0; f->scanned && k < f->nfindings; k++)
            count_finding(&f->findings[k], opt, c);
        c->files_with_findings += c->listed > before;
    }
}

static void put_rules_meta(buf *b, const void *arg)
{
    html_meta_open(b, "Rules", "wide");
    html_put_rules_run(b, arg);
    buf_puts(b, "</dd></div>\n");
}

/* The rules, then where pypi:NAME inputs came from (origin.h). */
typedef struct header_meta {
    const rules_config *rules;
    const report_options *opt;
} header_meta;

static void put_header_meta(buf *b, const void *arg)
{
    const header_meta *m = arg;
    if (m->rules)
        put_rules_meta(b, m->rules);
    report_origins_html(b, m->opt->origins, m->opt->norigins);
}

static void put_header(buf *b, const report_input *in, const report_options *opt)
{
    header_meta meta = {in->rules, opt};
    html_page p = {.brand = "static security report", .heading = "Scan of",
                   .scanned_term = "Scanned", .roots = in->roots, .nroots = in->nroots,
                   .command_line = opt->command_line, .started_at = opt->started_at,
                   .extra_meta = put_header_meta, .extra_arg = &meta};
    html_put_page_header(b, &p);
}

static const rule_level levels[3] = {HIGH, MEDIUM, LOW};

static void put_matrix(buf *b, const html_counts *c)
{
    buf_puts(b, "<table class=\"matrix\">\n<caption>Findings by severity and confidence"
                "</caption>\n<thead><tr><th scope=\"col\">Severity \\ confidence</th>");
    for (int j = 0; j < 3; j++)
        buf_printf(b, "<th scope=\"col\">%s</th>", report_level_name(levels[j]));
    buf_puts(b, "<th scope=\"col\">total</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < 3; i++) {
        const char *s = report_level_name(levels[i]);
        buf_printf(b, "<tr><th scope=\"row\"><span class=\"sev sev-%s\">%s</span></th>", s, s);
        for (int j = 0; j < 3; j++)
            buf_printf(b, "<td id=\"matrix-%s-%s\">%ld</td>", s, report_level_name(levels[j]),
                       c->matrix[levels[i]][levels[j]]);
        buf_printf(b, "<td>%ld</td></tr>\n", c->st.by_severity[levels[i]]);
    }
    buf_puts(b, "<tr class=\"total\"><th scope=\"row\">total</th>");
    for (int j = 0; j < 3; j++) {
        long n = 0;
        for (int i = 0; i < 3; i++)
            n += c->matrix[levels[i]][levels[j]];
        buf_printf(b, "<td id=\"confidence-%s\">%ld</td>", report_level_name(levels[j]), n);
    }
    buf_printf(b, "<td>%ld</td></tr>\n</tbody>\n</table>\n", c->st.findings);
}

/* What a clean scan checked, said plainly: an empty report must not look
 * like a broken one. */
static void put_clean(buf *b, const report_input *in, const report_options *opt,
                      const html_counts *c)
{
    buf_printf(b, "<p class=\"clean\" id=\"clean\"><strong>No findings.</strong> krait "
                  "checked %ld file%s (%ld lines) with ",
               c->st.files, c->st.files == 1 ? "" : "s", c->st.lines);
    if (in->rules)
        html_put_rules_run(b, in->rules);
    else
        buf_printf(b, "the rules the command line above selects (the catalogue has %d)",
                   (int)RULE_COUNT);
    buf_printf(b, ", at severity %s or more and confidence %s or more, and found nothing "
                  "to report.",
               report_level_name(opt->min_severity), report_level_name(opt->min_confidence));
    if (c->st.suppressed)
        buf_printf(b, " %ld finding%s silenced by suppression comments.", c->st.suppressed,
                   c->st.suppressed == 1 ? " was" : "s were");
    if (c->st.errors)
        buf_printf(b, " <a href=\"#errors\">%ld file%s could not be scanned</a>.",
                   c->st.errors, c->st.errors == 1 ? "" : "s");
    buf_puts(b, "</p>\n");
}

static void put_summary(buf *b, const report_input *in, const report_options *opt,
                        const html_counts *c)
{
    const report_stats *st = &c->st;
    buf_puts(b, "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
                "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"cards\">\n");
    html_put_card(b, "count-findings", "total", st->findings, "findings");
    html_put_card(b, "count-high", "sev-high", st->by_severity[HIGH], "high");
    html_put_card(b, "count-medium", "sev-medium", st->by_severity[MEDIUM], "medium");
    html_put_card(b, "count-low", "sev-low", st->by_severity[LOW], "low");
    html_put_card(b, "count-files", "plain", st->files, "files scanned");
    html_put_card(b, "count-lines", "plain", st->lines, "lines");
    html_put_card(b, "count-suppressed", "plain", st->suppressed, "suppressed");
    html_put_card(b, "count-errors", st->errors ? "bad" : "plain", st->errors, "errors");
    html_put_card(b, "count-notes", "plain", st->notes, "notes");
    buf_puts(b, "</div>\n");
    if (st->findings == 0)
        put_clean(b, in, opt, c);
    put_matrix(b, c);
    buf_puts(b, "</section>\n");
}

int report_html(buf *out, const report_input *in, const report_options *opt)
{
    html_counts *c = malloc(sizeof *c);
    if (!c)
        return -1;
    count_all(in, opt, c);
    html_put_document_head(out, "krait report", in->roots, in->nroots);
    buf_puts(out, "<body>\n");
    put_header(out, in, opt);
    buf_puts(out, "<main>\n");
    put_summary(out, in, opt, c);
    html_put_charts(out, in, opt, c);
    html_put_findings(out, in, opt, c);
    html_put_rules(out, c);
    int status = html_put_egress(out, in, opt);
    if (status == 0)
        status = html_put_problems(out, in);
    if (status == 0)
        status = html_put_files(out, in, opt);
    html_put_page_end(out, "Findings are leads for a human review, not proof of a "
                           "vulnerability.");
    free(c);
    return status;
}
