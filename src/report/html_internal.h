/* html_internal.h - the pieces of the HTML report (html*.c) and what they
 * share. Private to src/report. Everything written here comes from the
 * scan (paths, snippets, messages) or from the catalogue, so every string
 * goes through html_text or html_attr: nothing is written raw. */
#ifndef KRAIT_HTML_INTERNAL_H
#define KRAIT_HTML_INTERNAL_H

#include "report.h"

/* ---- escaping (html_escape.c) ------------------------------------------- */
/* Text content: & < > " ' as character references; invalid UTF-8 as
 * U+FFFD; controls (but tab), lone surrogates and the bidirectional
 * formatting characters of Trojan Source as a visible <U+XXXX> marker,
 * so the reader sees what is in the file, not what it pretends to be. */
void html_text(buf *b, const char *s);
int html_shown_as_code_point(unsigned cp); /* written as <U+XXXX> */
void html_text_n(buf *b, const char *s, size_t len);
/* The same for a double-quoted attribute value (without the quotes). */
void html_attr(buf *b, const char *s);
/* Byte offset in `s` of the 1-based character column `col` (clamped to
 * the end of the string). */
size_t html_column_offset(const char *s, int col);
/* The same within s[0..len). */
size_t html_column_offset_n(const char *s, size_t len, int col);

/* ---- the page frame shared by the scan report and the overview
 * (html_page.c) ----------------------------------------------------------- */
typedef struct html_page {
    const char *brand;        /* "static security report" */
    const char *heading;      /* "Scan of", followed by the roots */
    const char *scanned_term; /* "Scanned" */
    const char *const *roots; /* the PATH arguments as given */
    int nroots;
    const char *command_line; /* NULL: not recorded */
    long long started_at;
    /* More rows for the header's list (each opened with html_meta_open and
     * closed with "</dd></div>\n"), or NULL. */
    void (*extra_meta)(buf *b, const void *arg);
    const void *extra_arg;
} html_page;

void html_put_roots_text(buf *b, const char *const *roots, int nroots);
/* From <!DOCTYPE> to </head>; the <title> is `title` (markup-free, ours),
 * a colon and the roots. */
void html_put_document_head(buf *b, const char *title, const char *const *roots, int nroots);
/* The same with more CSS rules (ours, never data) after the shared
 * stylesheet, or NULL. */
void html_put_document_head_css(buf *b, const char *title, const char *const *roots, int nroots,
                                const char *extra_css);
void html_put_page_header(buf *b, const html_page *p);
void html_meta_open(buf *b, const char *term, const char *cls);
/* One summary card; `id` lets tests and readers find the number. */
void html_put_card(buf *b, const char *id, const char *cls, long n, const char *label);
/* Closes <main>, writes the footer (`footer`: ours, markup allowed), the
 * script and the end of the document. */
void html_put_page_end(buf *b, const char *footer);

/* ---- the data every section reads (html.c) ------------------------------- */
typedef struct html_counts {
    report_stats st;
    long matrix[4][4];             /* [severity][confidence], unsuppressed */
    long by_family[RULE_FAMILY_COUNT][4]; /* [family][severity], unsuppressed */
    long by_rule[RULE_COUNT];      /* listed findings, suppressed included */
    long listed;                   /* rows of the findings table */
    long files_with_findings;
} html_counts;

/* The Egress section (html_egress.c): the per-file verdict of
 * egress_summary.h, when egress rules ran. 0, or -1 out of memory. */
int html_put_egress(buf *b, const report_input *in, const report_options *opt);

/* The family index of rule `r`. */
int html_rule_family(int r);

/* What was run, in words: "all 104 rules (11 families: exec, ...)" or
 * "12 of the 104 rules (exec, process 3 of 12)"; "(not recorded)" when
 * `rules` is NULL (html_rules.c). */
void html_put_rules_run(buf *b, const rules_config *rules);

/* ---- sections ------------------------------------------------------------- */
void html_put_charts(buf *b, const report_input *in, const report_options *opt,
                     const html_counts *c);            /* html_svg.c */
void html_put_findings(buf *b, const report_input *in, const report_options *opt,
                       const html_counts *c);          /* html_findings.c */
void html_put_rules(buf *b, const html_counts *c); /* html_rules.c */
/* Errors, notes and the per-file table (html_files.c). Returns -1 when out
 * of memory. */
int html_put_problems(buf *b, const report_input *in);
int html_put_files(buf *b, const report_input *in, const report_options *opt);

/* ---- per-file measurements, when the scan made them (html_metrics.c) ---- */
struct overview_summary;
typedef struct html_metrics {
    int on;                           /* some file has scan_file.metrics */
    struct overview_summary *summary; /* origins of modules, module table */
} html_metrics;
/* Returns -1 when out of memory; end with html_metrics_end either way. */
int html_metrics_begin(const report_input *in, html_metrics *m);
void html_metrics_end(html_metrics *m);
void html_metrics_head(buf *b, const html_metrics *m);  /* more <th> */
void html_metrics_cells(buf *b, const html_metrics *m, const scan_file *f);
void html_put_modules(buf *b, const html_metrics *m);   /* a section */
struct file_metrics;
/* A file's modules grouped by origin ("stdlib: os, re<br>local: .util"). */
void html_put_module_names(buf *b, const struct overview_summary *s,
                           const struct file_metrics *fm);
/* A bar label shortened to `keep` characters as shown, keeping its end
 * (html_svg.c). */
void html_put_short_label(buf *b, const char *s, size_t keep);

/* ---- assets (html_assets.c) ----------------------------------------------- */
extern const char html_css[];
extern const char html_js[];
/* base64 SHA-256 of "\n" + html_js: the Content-Security-Policy lets only
 * that script run. */
extern const char html_js_sha256[];

#endif
