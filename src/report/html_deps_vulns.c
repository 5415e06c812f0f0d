/* html_deps_vulns.c - the vulnerabilities of `krait deps --format html`:
 * one section per package and primary ID, with every advisory merged into
 * it (IDs and aliases, summary, details, severity vectors with their CVSS
 * base scores, dates, references) and the declarations it affects with
 * the version that fixes it. The advisories are untrusted: their text is
 * escaped, long details are folded, and a reference becomes a link only
 * when it is an http(s) URL (javascript:, data: and the like are shown as
 * text, never made clickable). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_deps.h"

static int by_group(const void *pa, const void *pb)
{
    const hd_pair *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c == 0)
        c = strcmp(a->id, b->id);
    return c ? c : (a->flat > b->flat) - (a->flat < b->flat);
}

int hd_index_build(const audit_result *res, hd_index *x)
{
    memset(x, 0, sizeof *x);
    x->base = malloc((res->n ? res->n : 1) * sizeof *x->base);
    if (!x->base)
        return -1;
    for (size_t i = 0; i < res->n; i++) {
        x->base[i] = x->npairs;
        x->npairs += res->items[i].report.n;
    }
    size_t cap = x->npairs ? x->npairs : 1;
    x->sorted = malloc(cap * sizeof *x->sorted);
    x->section = malloc(cap * sizeof *x->section);
    x->start = malloc(cap * sizeof *x->start);
    if (!x->sorted || !x->section || !x->start)
        return -1;
    for (size_t i = 0; i < res->n; i++) {
        const audit_item *it = &res->items[i];
        for (size_t k = 0; k < it->report.n; k++) {
            size_t f = x->base[i] + k;
            x->sorted[f] = (hd_pair){it->rec->key ? it->rec->key : "", it->report.vulns[k].id,
                                     i, k, f};
        }
    }
    qsort(x->sorted, x->npairs, sizeof *x->sorted, by_group);
    for (size_t s = 0; s < x->npairs; s++) {
        const hd_pair *p = &x->sorted[s];
        int first = s == 0 || strcmp(p->key, p[-1].key) != 0 || strcmp(p->id, p[-1].id) != 0;
        if (first) {
            x->start[p->flat] = s;
            x->nsections++;
        }
        x->section[p->flat] = first ? p->flat : x->section[p[-1].flat];
    }
    return 0;
}

void hd_index_free(hd_index *x)
{
    free(x->sorted);
    free(x->base);
    free(x->section);
    free(x->start);
    memset(x, 0, sizeof *x);
}

size_t hd_section_of(const hd_index *x, size_t item, size_t k)
{
    return x->section[x->base[item] + k];
}

/* Only these become links: anything else (javascript:, data:, file:,
 * relative paths) would run, read or go somewhere the reader did not
 * choose. */
static int is_web_url(const char *url)
{
    return url && (strncasecmp(url, "https://", 8) == 0 || strncasecmp(url, "http://", 7) == 0);
}

static void put_reference(buf *b, const osv_reference *r)
{
    buf_puts(b, "<li>");
    if (r->type) {
        buf_puts(b, "<span class=\"badge\">");
        html_text(b, r->type);
        buf_puts(b, "</span> ");
    }
    if (is_web_url(r->url)) {
        buf_puts(b, "<a href=\"");
        html_attr(b, r->url);
        buf_puts(b, "\" rel=\"noopener noreferrer\">");
        html_text(b, r->url);
        buf_puts(b, "</a>");
    } else {
        buf_puts(b, "<code>");
        html_text(b, r->url);
        buf_puts(b, "</code> <span class=\"muted\">(not a web address: not linked)</span>");
    }
    buf_puts(b, "</li>\n");
}

/* Details as written (Markdown is not rendered): paragraphs at blank
 * lines, line breaks kept. */
static void put_paragraphs(buf *b, const char *s)
{
    buf_puts(b, "<p>");
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (len && s[len - 1] == '\r')
            len--;
        html_text_n(b, s, len);
        if (!nl)
            break;
        s = nl + 1;
        if (*s == '\n' || (s[0] == '\r' && s[1] == '\n')) {
            while (*s == '\n' || *s == '\r')
                s++;
            if (*s)
                buf_puts(b, "</p>\n<p>");
        } else if (*s) {
            buf_puts(b, "<br>");
        }
    }
    buf_puts(b, "</p>\n");
}

/* Short details are shown; longer ones folded under their first words. */
enum { DETAILS_OPEN_MAX = 600, REFS_OPEN_MAX = 6 };

static void put_details(buf *b, const osv_advisory *adv)
{
    if (!adv->details || !*adv->details)
        return;
    size_t len = strlen(adv->details);
    buf_printf(b, "<details class=\"adv-details\"%s><summary>Details <span class=\"muted\">"
                  "(%zu bytes%s)</span></summary>\n",
               len <= DETAILS_OPEN_MAX ? " open" : "", len,
               adv->details_truncated ? ", cut at 16 KiB" : "");
    put_paragraphs(b, adv->details);
    buf_puts(b, "</details>\n");
}

static void put_scores(buf *b, const osv_advisory *adv)
{
    for (size_t k = 0; k < adv->nseverity; k++) {
        const osv_severity *s = &adv->severity[k];
        buf_puts(b, "<p class=\"cvss\">");
        html_text(b, s->type);
        buf_puts(b, " <code>");
        html_text(b, s->score);
        buf_puts(b, "</code>");
        if (s->has_base)
            buf_printf(b, ": base score <strong class=\"score\">%.1f</strong>", s->base);
        buf_puts(b, "</p>\n");
    }
}

static void put_dates(buf *b, const osv_advisory *adv)
{
    buf_puts(b, "<span class=\"muted\">");
    if (adv->published) {
        buf_puts(b, " published ");
        html_text(b, adv->published);
    }
    if (adv->modified) {
        buf_puts(b, adv->published ? ", modified " : " modified ");
        html_text(b, adv->modified);
    }
    if (adv->db_severity) {
        buf_puts(b, "; database severity ");
        html_text(b, adv->db_severity);
    }
    buf_puts(b, "</span>");
}

/* `shown`: the section's summary, not repeated under the advisory it
 * came from. */
static void put_advisory(buf *b, const osv_advisory *adv, const char *shown)
{
    buf_puts(b, "<div class=\"advisory\">\n<p><strong>Advisory <code class=\"adv-id\">");
    html_text(b, adv->id);
    buf_puts(b, "</code></strong>");
    put_dates(b, adv);
    buf_puts(b, "</p>\n");
    if (adv->summary && !(shown && strcmp(adv->summary, shown) == 0)) {
        buf_puts(b, "<p class=\"adv-summary\">");
        html_text(b, adv->summary);
        buf_puts(b, "</p>\n");
    }
    put_scores(b, adv);
    put_details(b, adv);
    if (adv->nreferences) {
        /* A long list (advisories often carry dozens of mailing-list
         * links) is folded. */
        buf_printf(b, "<details class=\"adv-refs\"%s><summary>References <span class=\"muted\">"
                      "(%zu)</span></summary>\n<ul class=\"refs\">\n",
                   adv->nreferences <= REFS_OPEN_MAX ? " open" : "", adv->nreferences);
        for (size_t k = 0; k < adv->nreferences; k++)
            put_reference(b, &adv->references[k]);
        buf_puts(b, "</ul>\n</details>\n");
    }
    buf_puts(b, "</div>\n");
}

static void put_aliases(buf *b, const osv_vuln *v)
{
    buf_puts(b, "<p><strong>Aliases:</strong> <span class=\"aliases\">");
    int any = 0;
    for (size_t i = 0; i < v->nids; i++) {
        if (strcmp(v->ids[i], v->id) == 0)
            continue;
        buf_puts(b, any ? ", <code>" : "<code>");
        html_text(b, v->ids[i]);
        buf_puts(b, "</code>");
        any = 1;
    }
    buf_puts(b, any ? "</span></p>\n" : "none</span></p>\n");
}

/* The declarations a section's vulnerability affects, each with its fix. */
static void put_affected(buf *b, arena *a, const audit_result *res, const hd_index *x,
                         size_t s)
{
    buf_puts(b, "<ul class=\"affected\">\n");
    const hd_pair *first = &x->sorted[s];
    for (const hd_pair *p = first; p < x->sorted + x->npairs; p++) {
        if (strcmp(p->key, first->key) != 0 || strcmp(p->id, first->id) != 0)
            break;
        const audit_item *it = &res->items[p->item];
        const osv_vuln *v = &it->report.vulns[p->k];
        buf_printf(b, "<li><a href=\"#dep-%zu\">", p->item + 1);
        hd_put_requirement(b, it->rec);
        buf_puts(b, "</a> <span class=\"muted\">(");
        hd_put_location(b, it->rec);
        buf_puts(b, it->status == AUDIT_PINNED ? ")</span>: affected" : ")</span>: the range admits it");
        const pep440_version *fix = hd_fix(it, p->k);
        if (fix)
            buf_printf(b, "; <strong>fixed in <span class=\"fixed\">%s</span></strong>",
                       hd_version(a, fix));
        else
            buf_puts(b, "; <span class=\"fixed\">no fixed version known</span>");
        if (it->status == AUDIT_RANGE && v->fixed && v->fixed != fix)
            buf_printf(b, " <span class=\"muted\">(the advisories&#39; lowest fix: %s)</span>",
                       hd_version(a, v->fixed));
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ul>\n");
}

static void put_section(buf *b, arena *a, const audit_result *res, const hd_index *x, size_t f)
{
    size_t s = x->start[f];
    const hd_pair *p = &x->sorted[s];
    const audit_item *it = &res->items[p->item];
    const osv_vuln *v = &it->report.vulns[p->k];
    buf_printf(b, "<section class=\"rule vuln\" id=\"v-%zu\" aria-labelledby=\"v-%zu-h\">\n"
                  "<h3 id=\"v-%zu-h\"><span class=\"vid\">",
               f + 1, f + 1, f + 1);
    html_text(b, v->id);
    buf_puts(b, "</span> ");
    hd_put_severity(b, v);
    buf_puts(b, " <span class=\"muted\">in <span class=\"pkg\">");
    html_text(b, it->rec->name ? it->rec->name : p->key);
    buf_puts(b, "</span></span></h3>\n");
    const char *summary = audit_summary(a, v);
    if (summary) {
        buf_puts(b, "<p class=\"rmsg\">");
        html_text(b, summary);
        buf_puts(b, "</p>\n");
    }
    put_aliases(b, v);
    put_affected(b, a, res, x, s);
    for (size_t i = 0; i < v->nadvisories; i++)
        put_advisory(b, v->advisories[i], summary);
    buf_puts(b, "</section>\n");
}

void hd_put_vulnerabilities(buf *b, arena *a, const deps_report_input *in, const hd_index *x)
{
    const audit_result *res = in->audit;
    buf_printf(b, "<section id=\"vulnerabilities\" aria-labelledby=\"vulnerabilities-h\">\n"
                  "<h2 id=\"vulnerabilities-h\">Vulnerabilities <span class=\"muted\">(%zu)"
                  "</span></h2>\n",
               x->nsections);
    if (x->nsections == 0) {
        buf_puts(b, "<p class=\"empty\">No known vulnerability affects the audited "
                    "dependencies.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p>One section per package and vulnerability, with every advisory merged "
                "into it (the same flaw is often published as PYSEC, GHSA and CVE). The "
                "advisories&#39; text is shown as written; only web (http and https) "
                "references are links.</p>\n");
    for (size_t f = 0; f < x->npairs; f++)
        if (x->section[f] == f)
            put_section(b, a, res, x, f);
    buf_puts(b, "</section>\n");
}
