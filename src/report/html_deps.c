/* html_deps.c - `krait deps --format html` (docs/formats.md): one
 * self-contained page in the scan report's frame (html_page.c: the same
 * Content-Security-Policy, stylesheet, script and escaping): what was
 * audited against which database, the counts (the JSON report's `stats`),
 * a sortable table of every dependency filterable by package, one section
 * per vulnerability (html_deps_vulns.c), what could not be audited, and
 * the readers' errors and notes. Every row is written here, so the page is
 * complete without JavaScript. Deterministic: the only time in it is the
 * run's start. */
#include <string.h>

#include "html_deps.h"
#include "html_overview.h" /* ov_put_sort_th */

const char *hd_version(arena *a, const pep440_version *v)
{
    return v ? pep440_to_string(a, v) : NULL;
}

const pep440_version *hd_fix(const audit_item *it, size_t k)
{
    const pep440_version *in_range = it->fixed_in_range ? it->fixed_in_range[k] : NULL;
    return in_range ? in_range : it->report.vulns[k].fixed;
}

/* critical and high share the report's high colour. */
void hd_put_severity(buf *b, const osv_vuln *v)
{
    const char *rating = audit_severity(v);
    const char *cls = strcmp(rating, "critical") == 0 || strcmp(rating, "high") == 0 ? " sev-high"
                      : strcmp(rating, "medium") == 0                                 ? " sev-medium"
                      : strcmp(rating, "low") == 0                                    ? " sev-low"
                                                                                      : "";
    buf_printf(b, "<span class=\"sev%s\">%s", cls, rating);
    double score = audit_max_score(v);
    if (score >= 0)
        buf_printf(b, " %.1f", score);
    buf_puts(b, "</span>");
}

void hd_put_requirement(buf *b, const deps_record *r)
{
    html_text(b, r->name ? r->name : (r->url ? r->url : "?"));
    if (r->version && !(r->specifier && r->specifier[0])) {
        buf_putc(b, ' ');
        html_text(b, r->version);
    } else {
        html_text(b, r->specifier);
    }
}

void hd_put_location(buf *b, const deps_record *r)
{
    html_text(b, r->path);
    if (r->line > 0)
        buf_printf(b, ":%d", r->line);
}

/* ---- the header and the summary ---------------------------------------- */

static void put_database(buf *b, const void *arg)
{
    const deps_report_input *in = arg;
    const char *newest = osv_db_newest_modified(in->db);
    html_meta_open(b, "Database", NULL);
    buf_puts(b, "<code id=\"db-path\">");
    html_text(b, in->db_path ? in->db_path : "(not recorded)");
    buf_puts(b, "</code></dd></div>\n");
    html_meta_open(b, "Advisories", NULL);
    /* The whole export's count (an indexed open loads only the audited
     * packages' advisories), as the text and JSON reports give it. */
    buf_printf(b, "<span id=\"db-advisories\">%zu</span></dd></div>\n",
               osv_db_stats(in->db)->loaded);
    html_meta_open(b, "Newest advisory", NULL);
    buf_puts(b, "<span id=\"db-newest\">");
    html_text(b, newest ? newest : "unknown");
    buf_puts(b, "</span></dd></div>\n");
}

/* No PATH: the command audits the current directory. */
static const char *const current_dir[] = {"."};

static void put_header(buf *b, const deps_report_input *in, const char *const *roots, int nroots)
{
    html_page p = {.brand = "dependency audit", .heading = "Dependencies of",
                   .scanned_term = "Audited", .roots = roots,
                   .nroots = nroots, .command_line = in->command_line,
                   .started_at = in->started_at, .extra_meta = put_database, .extra_arg = in};
    html_put_page_header(b, &p);
}

static void put_nav(buf *b)
{
    buf_puts(b, "<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#summary\">Summary</a>"
                "<a href=\"#dependencies\">Dependencies</a>"
                "<a href=\"#vulnerabilities\">Vulnerabilities</a>"
                "<a href=\"#not-audited\">Not audited</a><a href=\"#read-errors\">Errors</a>"
                "<a href=\"#read-notes\">Notes</a></nav>\n");
}

static void put_summary(buf *b, const deps_report_input *in)
{
    const audit_result *r = in->audit;
    size_t nerr = in->deps->nerrors;
    buf_puts(b, "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
                "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"cards\">\n");
    html_put_card(b, "n-dependencies", "total", (long)r->n, "dependencies");
    html_put_card(b, "n-audited", "plain", (long)r->audited, "audited");
    html_put_card(b, "n-vulnerable", r->vulnerable ? "bad" : "plain", (long)r->vulnerable,
                  "vulnerable");
    html_put_card(b, "n-vulnerabilities", r->vulnerabilities ? "bad" : "plain",
                  (long)r->vulnerabilities, "vulnerabilities");
    html_put_card(b, "n-not-auditable", r->unauditable ? "warn" : "plain", (long)r->unauditable,
                  "not auditable");
    html_put_card(b, "n-ignored", "plain", (long)r->ignored, "ignored (--ignore-vuln)");
    html_put_card(b, "n-errors", nerr ? "bad" : "plain", (long)nerr, "errors");
    buf_puts(b, "</div>\n");
    if (r->vulnerabilities == 0 && nerr == 0)
        buf_puts(b, "<p class=\"clean\">No known vulnerability affects the audited "
                    "dependencies.</p>\n");
    buf_puts(b, "<p class=\"note\">Pinned, locked and installed versions are matched exactly. "
                "For a range (<code>requests&gt;=2.0</code>) the report lists the advisories "
                "some allowed version still has, and the lowest allowed version that none "
                "affects. <em>Vulnerabilities</em> counts each (dependency, vulnerability) "
                "pair, as the JSON report does. Nothing was resolved, downloaded or "
                "executed.</p>\n</section>\n");
}

/* ---- the dependencies table --------------------------------------------- */

static void put_filter(buf *b, size_t rows)
{
    buf_printf(b, "<div class=\"filters\" role=\"search\" data-filter=\"deps-table\" "
                  "data-col=\"0\" hidden>\n<label>Package <input type=\"search\" "
                  "placeholder=\"name contains\" autocomplete=\"off\" id=\"deps-table-q\">"
                  "</label>\n<button type=\"button\">Clear</button>\n"
                  "<output aria-live=\"polite\">%zu of %zu shown</output>\n</div>\n",
               rows, rows);
}

static void put_package_cell(buf *b, const deps_record *r)
{
    buf_puts(b, "<td><strong class=\"pkg\">");
    html_text(b, r->name ? r->name : (r->url ? r->url : "?"));
    buf_puts(b, "</strong>");
    for (size_t i = 0; i < r->nextras; i++) {
        buf_puts(b, i ? "," : "[");
        html_text(b, r->extras[i]);
        if (i + 1 == r->nextras)
            buf_putc(b, ']');
    }
    if (r->marker) {
        buf_puts(b, "<br><span class=\"muted marker\">; ");
        html_text(b, r->marker);
        buf_puts(b, "</span>");
    }
    if (r->url && r->name) {
        buf_puts(b, "<br><span class=\"muted url\">@ ");
        html_text(b, r->url);
        buf_puts(b, "</span>");
    }
    buf_puts(b, "</td>");
}

static void put_version_cell(buf *b, const deps_record *r)
{
    buf_puts(b, "<td class=\"req\">");
    if (r->specifier && r->specifier[0]) {
        buf_puts(b, "<code>");
        html_text(b, r->specifier);
        buf_puts(b, "</code>");
    } else if (r->version) {
        buf_puts(b, "<code>");
        html_text(b, r->version);
        buf_puts(b, "</code>");
    } else {
        buf_puts(b, "<span class=\"muted\">any version</span>");
    }
    buf_puts(b, "</td>");
}

static void put_source_cell(buf *b, const deps_record *r)
{
    buf_puts(b, "<td class=\"loc\" data-v=\"");
    html_attr(b, r->path);
    buf_printf(b, ":%010d\"><code>", r->line);
    hd_put_location(b, r);
    buf_printf(b, "</code><br><span class=\"muted\">%s", deps_kind_name(r->kind));
    if (r->group) {
        buf_puts(b, " (");
        html_text(b, r->group);
        buf_putc(b, ')');
    }
    buf_puts(b, "</span></td>");
}

static void put_status_cell(buf *b, const audit_item *it)
{
    size_t n = it->report.n;
    buf_puts(b, "<td class=\"status\">");
    if (it->status == AUDIT_UNAUDITABLE) {
        buf_puts(b, "<span class=\"badge\">not auditable</span> ");
        html_text(b, it->rec->unauditable ? it->rec->unauditable : "no valid name");
    } else if (it->status == AUDIT_PINNED) {
        buf_puts(b, n ? "<span class=\"badge bad\">vulnerable</span> pinned"
                      : "<span class=\"badge\">no known vulnerability</span> pinned");
    } else {
        buf_puts(b, n ? "<span class=\"badge bad\">admits vulnerable versions</span> range"
                      : "<span class=\"badge\">no known vulnerability</span> range");
    }
    buf_puts(b, "</td>");
}

static void put_vulns_cell(buf *b, arena *a, const hd_index *x, size_t i, const audit_item *it)
{
    buf_printf(b, "<td class=\"vulns\" data-v=\"%zu\">", it->report.n);
    if (it->report.n == 0)
        buf_puts(b, it->status == AUDIT_UNAUDITABLE ? "<span class=\"muted\">not audited</span>"
                                                    : "<span class=\"muted\">none known</span>");
    for (size_t k = 0; k < it->report.n; k++) {
        const osv_vuln *v = &it->report.vulns[k];
        buf_printf(b, "<span class=\"vline\"><a href=\"#v-%zu\">", hd_section_of(x, i, k) + 1);
        html_text(b, v->id);
        buf_puts(b, "</a> ");
        hd_put_severity(b, v);
        const pep440_version *fix = hd_fix(it, k);
        if (fix)
            buf_printf(b, " <span class=\"muted\">fixed in %s</span>", hd_version(a, fix));
        buf_puts(b, "</span>");
    }
    buf_puts(b, "</td>");
}

static void put_fix_cell(buf *b, arena *a, const audit_item *it)
{
    const char *safe = hd_version(a, it->report.safe);
    buf_puts(b, "<td class=\"fix\">");
    if (it->status == AUDIT_PINNED && safe)
        buf_printf(b, "upgrade to <strong class=\"safe\">%s</strong>", safe);
    else if (it->status == AUDIT_RANGE && safe)
        buf_printf(b, "lowest safe version <strong class=\"safe\">%s</strong>", safe);
    else if (it->report.n)
        buf_puts(b, it->status == AUDIT_RANGE
                        ? "<span class=\"muted\">no allowed version known to be free of them</span>"
                        : "<span class=\"muted\">no fixed version known</span>");
    buf_puts(b, "</td>");
}

static const char *status_name(audit_status s)
{
    return s == AUDIT_PINNED ? "pinned" : s == AUDIT_RANGE ? "range" : "not_auditable";
}

static void put_dependency(buf *b, arena *a, const hd_index *x, size_t i, const audit_item *it)
{
    buf_printf(b, "<tr id=\"dep-%zu\" data-status=\"%s\"%s>", i + 1, status_name(it->status),
               it->report.n ? " class=\"has-findings\"" : "");
    put_package_cell(b, it->rec);
    put_version_cell(b, it->rec);
    put_source_cell(b, it->rec);
    put_status_cell(b, it);
    put_vulns_cell(b, a, x, i, it);
    put_fix_cell(b, a, it);
    buf_puts(b, "</tr>\n");
}

static void put_dependencies(buf *b, arena *a, const deps_report_input *in, const hd_index *x)
{
    const audit_result *r = in->audit;
    buf_printf(b, "<section id=\"dependencies\" aria-labelledby=\"dependencies-h\">\n"
                  "<h2 id=\"dependencies-h\">Dependencies <span class=\"muted\">(%zu)</span>"
                  "</h2>\n",
               r->n);
    if (r->n == 0) {
        buf_puts(b, "<p class=\"empty\">No dependency declaration was found.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p class=\"legend\">In the order read (file, then line). <em>Fix</em>: for a "
                "pinned version the smallest upgrade no advisory affects; for a range the "
                "lowest version it allows that none affects.</p>\n");
    put_filter(b, r->n);
    buf_puts(b, "<div class=\"scroll\">\n<table class=\"sorts ov deps\" id=\"deps-table\">\n"
                "<thead><tr>");
    ov_put_sort_th(b, "Package", 0, NULL);
    ov_put_sort_th(b, "Version or specifier", 0, NULL);
    ov_put_sort_th(b, "Source", 0, "the declaring file and line");
    ov_put_sort_th(b, "Status", 0, NULL);
    ov_put_sort_th(b, "Vulnerabilities", 1, "known vulnerabilities, and the version fixing each");
    ov_put_sort_th(b, "Fix", 0, NULL);
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < r->n; i++)
        put_dependency(b, a, x, i, &r->items[i]);
    buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* ---- what could not be audited, errors, notes ---------------------------- */

static void put_unauditable(buf *b, const audit_result *r)
{
    buf_printf(b, "<section id=\"not-audited\" aria-labelledby=\"not-audited-h\">\n"
                  "<h2 id=\"not-audited-h\">Not audited <span class=\"muted\">(%zu)</span></h2>\n",
               r->unauditable);
    if (r->unauditable == 0) {
        buf_puts(b, "<p class=\"empty\">None: every dependency was matched against the "
                    "advisories.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p>These declarations name no version or package krait can match (an "
                "editable, URL, VCS or path requirement, a legacy version): check them by "
                "hand.</p>\n<table class=\"items\" id=\"not-audited-table\">\n<thead><tr>"
                "<th scope=\"col\">Source</th><th scope=\"col\">Requirement</th>"
                "<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < r->n; i++) {
        const audit_item *it = &r->items[i];
        if (it->status != AUDIT_UNAUDITABLE)
            continue;
        buf_puts(b, "<tr><td class=\"loc\"><code>");
        hd_put_location(b, it->rec);
        buf_printf(b, "</code></td><td><a href=\"#dep-%zu\">", i + 1);
        hd_put_requirement(b, it->rec);
        buf_puts(b, "</a></td><td>");
        html_text(b, it->rec->unauditable ? it->rec->unauditable : "no valid name");
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void put_problems(buf *b, const char *id, const char *title, const deps_error *e,
                         size_t n, const char *none)
{
    buf_printf(b, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">%s "
                  "<span class=\"muted\">(%zu)</span></h2>\n",
               id, id, id, title, n);
    if (n == 0) {
        buf_printf(b, "<p class=\"empty\">%s</p>\n</section>\n", none);
        return;
    }
    buf_printf(b, "<table class=\"items\" id=\"%s-table\">\n<thead><tr><th scope=\"col\">File"
                  "</th><th scope=\"col\">Line</th><th scope=\"col\">Message</th></tr></thead>\n"
                  "<tbody>\n",
               id);
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
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* The <title>'s name for what was audited: the last component of the first
 * root ("project", not "/home/me/src/project/"), "and N more" when there
 * are more, at most TITLE_MAX bytes kept from its end: a window's title has
 * little room (html-validate's long-title rule asks for 70 characters). */
enum { TITLE_MAX = 48 };

static const char *title_root(arena *a, const char *const *roots, int nroots)
{
    const char *r = roots[0];
    size_t len = strlen(r);
    while (len > 1 && r[len - 1] == '/')
        len--;
    size_t start = len;
    while (start > 0 && r[start - 1] != '/')
        start--;
    if (start == len) /* "/" */
        start = 0;
    if (len - start > TITLE_MAX) {
        start = len - TITLE_MAX;
        while (start < len && ((unsigned char)r[start] & 0xC0) == 0x80)
            start++; /* not in the middle of a UTF-8 sequence */
    }
    buf b;
    buf_init(&b);
    buf_put(&b, r + start, len - start);
    if (nroots > 1)
        buf_printf(&b, " and %d more", nroots - 1);
    char *t = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return t;
}

int deps_report_html(buf *out, const deps_report_input *in)
{
    hd_index x = {0};
    arena *a = arena_new();
    int status = a && hd_index_build(in->audit, &x) == 0 ? 0 : -1;
    int given = in->roots && in->nroots > 0;
    const char *const *roots = given ? in->roots : current_dir;
    int nroots = given ? in->nroots : 1;
    if (status == 0) {
        const char *title[1] = {title_root(a, roots, nroots)};
        html_put_document_head_css(out, "krait deps", title, 1, html_deps_css);
        buf_puts(out, "<body>\n");
        put_header(out, in, roots, nroots);
        buf_puts(out, "<main>\n");
        put_nav(out);
        put_summary(out, in);
        put_dependencies(out, a, in, &x);
        hd_put_vulnerabilities(out, a, in, &x);
        put_unauditable(out, in->audit);
        put_problems(out, "read-errors", "Errors", in->deps->errors, in->deps->nerrors,
                     "None: every declaration file was read.");
        put_problems(out, "read-notes", "Notes", in->deps->notes, in->deps->nnotes,
                     "None.");
        html_put_page_end(out, "Known vulnerabilities from the OSV advisories on disk: a "
                               "dependency without any is not proven safe.");
    }
    hd_index_free(&x);
    arena_free(a);
    return status;
}
