/* audit.h - a dependency audit: every declared dependency (deps_input.h)
 * matched against the OSV database (osv.h). Pinned, locked and installed
 * versions are matched exactly; a specifier (`requests>=2.0`) is matched
 * as the set of versions it allows: which advisories it still admits, and
 * the lowest version it allows that none affects. */
#ifndef KRAIT_AUDIT_H
#define KRAIT_AUDIT_H

#include <stddef.h>

#include "deps/deps_input.h"
#include "deps/osv.h"

typedef enum audit_status {
    AUDIT_PINNED,      /* an exact version was matched */
    AUDIT_RANGE,       /* a specifier (possibly empty: any version) was matched */
    AUDIT_UNAUDITABLE, /* record.unauditable says why */
} audit_status;

typedef struct audit_item {
    const deps_record *rec;
    audit_status status;
    osv_report report; /* the vulnerabilities; report.safe: the upgrade */
    /* AUDIT_RANGE: per vulnerability (parallel to report.vulns), the
     * smallest version that one of its advisories names as fixed, that the
     * specifier allows and that none of its advisories affects (the fix
     * within the allowed range: 3.2.5 for django~=3.2.0, not the 3.1.13 of
     * another branch); NULL when there is none, and then report.vulns[k].fixed
     * is the answer. */
    const pep440_version **fixed_in_range;
} audit_item;

typedef struct audit_result {
    audit_item *items; /* in the deps_set's order (file, then line) */
    size_t n;
    size_t audited, unauditable, vulnerable, vulnerabilities;
    size_t ignored; /* vulnerabilities dropped by --ignore-vuln */
} audit_result;

/* What the audit accepts (--ignore-vuln): vulnerabilities any of whose IDs
 * or aliases is one of these are dropped and counted as ignored. */
typedef struct audit_options {
    const char *const *ignore;
    size_t nignore;
} audit_options;

/* Matches every record of `deps`; memory from `a`. Returns 0, or -1 when
 * out of memory. opt may be NULL. */
int audit_run(const osv_db *db, const deps_set *deps, const audit_options *opt, arena *a,
              audit_result *out);

/* A line for people: the advisory's summary, else the first sentence of
 * its details (at most about 160 bytes, in `a`), else NULL. */
const char *audit_summary(arena *a, const osv_vuln *v);

/* The highest score of a vulnerability's advisories (CVSS v3 base score
 * computed from its vector), or -1 when none has one. */
double audit_max_score(const osv_vuln *v);
/* "critical", "high", "medium", "low", from that score; else from the
 * advisories' database severity ("MODERATE" -> "medium"); else "unknown". */
const char *audit_severity(const osv_vuln *v);

#endif
