/* html_deps.h - the pieces of `krait deps --format html` (html_deps*.c).
 * Private to src/report. Advisory text (summaries, details, references,
 * even IDs) is untrusted input from a downloaded database, and paths,
 * names and markers come from the audited files: every string goes
 * through html_text or html_attr, and only http(s) references become
 * links. */
#ifndef KRAIT_HTML_DEPS_H
#define KRAIT_HTML_DEPS_H

#include "deps_report.h"
#include "html_internal.h"

/* The (dependency, vulnerability) pairs of the audit, numbered in the
 * report's order (dependencies in order, each one's vulnerabilities in
 * order: the JSON's flat `vulnerabilities` list), and grouped into
 * sections: one per package and primary ID, so a vulnerability that two
 * declarations of a package share is described once. */
typedef struct hd_pair {
    const char *key; /* the package's normalised name */
    const char *id;  /* the vulnerability's primary ID */
    size_t item, k;  /* audit->items[item].report.vulns[k] */
    size_t flat;     /* the pair's number */
} hd_pair;

typedef struct hd_index {
    hd_pair *sorted;  /* by key, ID, then number: each group contiguous */
    size_t npairs;
    size_t *base;     /* per item: the number of its first pair */
    size_t *section;  /* per pair: the number of its group's first pair */
    size_t *start;    /* per group's first pair: the group's place in sorted */
    size_t nsections;
} hd_index;

/* Returns -1 when out of memory; free with hd_index_free either way. */
int hd_index_build(const audit_result *res, hd_index *x);
void hd_index_free(hd_index *x);
/* The anchor of the section describing items[item].report.vulns[k]. */
size_t hd_section_of(const hd_index *x, size_t item, size_t k);

/* "2.31.0", or NULL (text in `a`). */
const char *hd_version(arena *a, const pep440_version *v);
/* The fix of items[item]'s k-th vulnerability: within the allowed range
 * for a specifier, else the advisories' smallest fix above. */
const pep440_version *hd_fix(const audit_item *it, size_t k);
/* A severity badge: the rating and, when known, the highest CVSS base
 * score ("high 7.5"). */
void hd_put_severity(buf *b, const osv_vuln *v);
/* "requests==2.5.0", "jinja2>=2.10,<2.11", "pyyaml" (escaped). */
void hd_put_requirement(buf *b, const deps_record *r);
/* "requirements.txt:2" (escaped). */
void hd_put_location(buf *b, const deps_record *r);

/* The page's own CSS rules (html_deps_css.c). */
extern const char html_deps_css[];

/* The vulnerabilities section (html_deps_vulns.c). */
void hd_put_vulnerabilities(buf *b, arena *a, const deps_report_input *in, const hd_index *x);

#endif
