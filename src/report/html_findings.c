/* html_findings.c - the findings table: one <tbody> per finding (a summary
 * row and a detail row with the source line, the safer alternative and
 * the references), every row written by the server
 * so the table is complete without JavaScript. The data-* attributes are
 * what the inline script sorts and filters on; the filter bar is hidden
 * until the script shows it. */
#include <string.h>

#include "html_internal.h"

static void put_option(buf *b, const char *value, const char *label)
{
    buf_puts(b, "<option value=\"");
    html_attr(b, value);
    buf_puts(b, "\">");
    html_text(b, label);
    buf_puts(b, "</option>");
}

static void put_level_select(buf *b, const char *id, const char *label)
{
    buf_printf(b, "<label>%s <select id=\"%s\">", label, id);
    put_option(b, "", "any");
    put_option(b, "high", "high");
    put_option(b, "medium", "medium");
    put_option(b, "low", "low");
    buf_puts(b, "</select></label>\n");
}

static void put_filters(buf *b, const html_counts *c)
{
    buf_puts(b, "<div id=\"filters\" class=\"filters\" role=\"search\" hidden>\n");
    put_level_select(b, "f-sev", "Severity");
    put_level_select(b, "f-conf", "Confidence");
    buf_puts(b, "<label>Rule <select id=\"f-rule\">");
    put_option(b, "", "any");
    for (int r = 0; r < RULE_COUNT; r++) {
        if (!c->by_rule[r])
            continue;
        buf_printf(b, "<option value=\"%s\">%s %s (%ld)</option>", rule_catalogue[r].id,
                   rule_catalogue[r].id, rule_catalogue[r].name, c->by_rule[r]);
    }
    buf_puts(b, "</select></label>\n<label>File <input id=\"f-file\" type=\"search\" "
                "placeholder=\"path contains\" autocomplete=\"off\"></label>\n"
                "<button type=\"button\" id=\"f-clear\">Clear</button>\n");
    buf_printf(b, "<output id=\"f-shown\" aria-live=\"polite\">%ld of %ld shown</output>\n"
                  "</div>\n",
               c->listed, c->listed);
}

static void put_sort_header(buf *b, const char *key, const char *label)
{
    buf_printf(b, "<th scope=\"col\" data-key=\"%s\"><button type=\"button\" "
                  "class=\"sort\">%s</button></th>",
               key, label);
}

/* The bytes of leading spaces and tabs: a range's later lines are marked
 * from their code, not from the margin. */
static size_t indent_of(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
        i++;
    return i;
}

/* One source line `n` of text s[0..len): its number, and when it is one of
 * the flagged lines (line..end_line) a highlight with the flagged columns
 * marked: columns are 1-based characters, end exclusive; a range going on
 * to later lines is marked to the end of its first line, from the
 * indentation on, to the end of the lines between and to end_column on its
 * last line. */
static void put_source_line(buf *b, const scan_finding *f, int n, const char *s, size_t len)
{
    int flagged = n >= f->line && n <= f->end_line;
    buf_printf(b, "<span class=\"sl%s\"><span class=\"ln\">%d</span><code>",
               flagged ? " hl" : "", n);
    if (!flagged) {
        html_text_n(b, s, len);
        buf_puts(b, "</code></span>");
        return;
    }
    size_t from = n == f->line ? html_column_offset_n(s, len, f->column) : indent_of(s, len);
    size_t to = n < f->end_line ? len : html_column_offset_n(s, len, f->end_column);
    if (n == f->line && n == f->end_line && to <= from && from < len)
        to = html_column_offset_n(s, len, f->column + 1);
    if (to < from)
        to = from;
    html_text_n(b, s, from);
    buf_puts(b, "<mark>");
    html_text_n(b, s + from, to - from);
    buf_puts(b, "</mark>");
    html_text_n(b, s + to, len - to);
    buf_puts(b, "</code></span>");
}

/* The flagged lines with the lines around them (scan_finding.context), or
 * only the flagged line when the scan recorded no context. Each line is a
 * block of its own, so no newline is written between them. */
static void put_source(buf *b, const scan_finding *f)
{
    buf_puts(b, "<pre class=\"src\">");
    if (!f->context || !*f->context || f->context_first < 1) {
        const char *s = f->snippet ? f->snippet : "";
        put_source_line(b, f, f->line, s, strlen(s));
    } else {
        const char *s = f->context;
        for (int n = f->context_first;; n++) {
            const char *nl = strchr(s, '\n');
            size_t len = nl ? (size_t)(nl - s) : strlen(s);
            put_source_line(b, f, n, s, len);
            if (!nl)
                break;
            s = nl + 1;
        }
    }
    buf_puts(b, "</pre>\n");
}

/* CWE, the peers' IDs, and the way to the rule's explanation (written once
 * per rule in the Rules section: repeating it under each of hundreds of
 * findings would double the report). */
static void put_references(buf *b, const rule_info *r)
{
    buf_puts(b, "<p class=\"refs\">");
    if (r->cwe > 0)
        buf_printf(b, "<a href=\"https://cwe.mitre.org/data/definitions/%d.html\" "
                      "rel=\"noopener noreferrer\">CWE-%d</a>",
                   r->cwe, r->cwe);
    else
        buf_puts(b, "no CWE");
    buf_printf(b, " <a href=\"#rule-%s\">Why it matters: %s</a>", r->id, r->id);
    if (r->bandit)
        buf_printf(b, " <span class=\"peer\">Bandit %s</span>", r->bandit);
    if (r->ruff)
        buf_printf(b, " <span class=\"peer\">Ruff %s</span>", r->ruff);
    buf_puts(b, "</p>\n");
}

static void put_detail(buf *b, const scan_finding *f, const rule_info *r)
{
    /* The body is a block of its own so the browser can skip laying it out
     * while it is off screen (content-visibility, report.css). */
    buf_puts(b, "<tr class=\"detail\"><td colspan=\"5\"><div class=\"detail-body\">\n");
    put_source(b, f);
    buf_puts(b, "<p class=\"fix\"><strong>Safer alternative:</strong> ");
    html_text(b, r->fix);
    buf_puts(b, "</p>\n");
    put_references(b, r);
    buf_puts(b, "</div></td></tr>\n");
}

static void put_finding(buf *b, const char *path, const scan_finding *f, long order)
{
    const rule_info *r = &rule_catalogue[f->rule];
    const char *sev = report_level_name(f->severity), *conf = report_level_name(f->confidence);
    const char *why = report_suppression_name(f->suppressed);
    buf_printf(b, "<tbody class=\"finding%s\" id=\"finding-%ld\" data-order=\"%ld\" "
                  "data-sev=\"%s\" data-conf=\"%s\" data-rule=\"%s\" data-line=\"%d\" "
                  "data-path=\"",
               why ? " suppressed" : "", order, order, sev, conf, r->id, f->line);
    html_attr(b, path);
    buf_printf(b, "\">\n<tr class=\"row\"><td><span class=\"sev sev-%s\">%s</span></td>"
                  "<td><span class=\"conf\">%s</span></td><td><strong>%s</strong> "
                  "<span class=\"rname\">%s</span></td><td class=\"loc\"><code>",
               sev, sev, conf, r->id, r->name);
    html_text(b, path);
    buf_printf(b, ":%d:%d</code></td><td>", f->line, f->column);
    html_text(b, f->message);
    if (why)
        buf_printf(b, " <span class=\"badge\">suppressed: %s</span>", why);
    buf_puts(b, "</td></tr>\n");
    put_detail(b, f, r);
    buf_puts(b, "</tbody>\n");
}

static void put_table(buf *b, const report_input *in, const report_options *opt)
{
    buf_puts(b, "<table id=\"findings-table\" class=\"findings\">\n<thead><tr>");
    put_sort_header(b, "sev", "Severity");
    put_sort_header(b, "conf", "Confidence");
    put_sort_header(b, "rule", "Rule");
    put_sort_header(b, "loc", "Location");
    buf_puts(b, "<th scope=\"col\">Message</th></tr></thead>\n");
    long order = 0;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        for (int k = 0; f->scanned && k < f->nfindings; k++)
            if (report_lists(opt, &f->findings[k]))
                put_finding(b, f->path, &f->findings[k], order++);
    }
    buf_puts(b, "</table>\n");
}

void html_put_findings(buf *b, const report_input *in, const report_options *opt,
                       const html_counts *c)
{
    buf_printf(b, "<section id=\"findings\" aria-labelledby=\"findings-h\">\n"
                  "<h2 id=\"findings-h\">Findings <span class=\"muted\">(%ld)</span></h2>\n",
               c->listed);
    if (c->st.suppressed)
        buf_printf(b, "<p class=\"note\">%ld finding%s silenced by suppression comments "
                      "(<code># nosec</code>, <code># noqa</code>, <code># krait: ignore</code>)"
                      "%s</p>\n",
                   c->st.suppressed, c->st.suppressed == 1 ? " was" : "s were",
                   opt->show_suppressed ? ": they are listed below, marked <em>suppressed</em>."
                                        : "; <code>--show-suppressed</code> lists them.");
    if (c->listed == 0) {
        buf_puts(b, "<p class=\"empty\">No findings to list.</p>\n</section>\n");
        return;
    }
    put_filters(b, c);
    put_table(b, in, opt);
    buf_puts(b, "</section>\n");
}
