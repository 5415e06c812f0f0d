/* osv.h - the OSV vulnerability database for PyPI, read offline from the
 * official export (a zip of one JSON document per advisory, or a directory
 * of *.json files), and the questions a dependency audit asks of it.
 *
 * Loading (osv_load.c, osv_json.c) is single-threaded, and two loads must
 * not run at once (cJSON keeps its last parse error in a global); afterwards
 * the database is read-only, so any number of threads may query it at
 * once: every answer is built in the caller's arena.
 *
 * Range evaluation follows the OSV schema's `IsVulnerable` pseudo-code
 * (https://ossf.github.io/osv-schema/#evaluation) with PEP 440 ordering
 * (pep440.h); the exact definition, including what is done with versions
 * that are not PEP 440, is in osv_match.c and restated at osv_affects. */
#ifndef KRAIT_OSV_H
#define KRAIT_OSV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "deps/pep440.h"

/* ---- the advisory model -------------------------------------------------- */

typedef struct osv_severity {
    const char *type;  /* "CVSS_V3", "CVSS_V4", ... as written */
    const char *score; /* the vector ("CVSS:3.1/AV:N/...") */
    bool has_base;     /* a CVSS v3.x vector whose base score was computed */
    double base;       /* that score (0.0 - 10.0), per the CVSS v3.1 spec */
} osv_severity;

typedef struct osv_reference {
    const char *type; /* ADVISORY, FIX, WEB, ... */
    const char *url;
} osv_reference;

typedef enum osv_event_kind {
    OSV_EV_INTRODUCED,
    OSV_EV_FIXED,
    OSV_EV_LAST_AFFECTED,
    OSV_EV_LIMIT,
} osv_event_kind;

/* One event of an ECOSYSTEM range. version is NULL for the two special
 * values: introduced "0" (before every version) and a limit containing '*'
 * (infinity). Events whose version is not PEP 440 are dropped at load
 * (counted in osv_stats.invalid_event_versions). */
typedef struct osv_event {
    osv_event_kind kind;
    const char *text;
    const pep440_version *version;
} osv_event;

/* An ECOSYSTEM range: its events sorted by version, stable (events with
 * equal versions keep the order they were written in). */
typedef struct osv_range {
    const osv_event *events;
    size_t nevents;
    bool has_limit;
} osv_range;

typedef struct osv_affected {
    const char *name;     /* PEP 503-normalised */
    const char *raw_name; /* as written */
    const osv_range *ranges; /* ECOSYSTEM ranges only (GIT/SEMVER counted, ignored) */
    size_t nranges;
    /* The `versions` list entries that are PEP 440 versions (the others
     * are counted in osv_stats.invalid_list_versions: they can never equal
     * a PEP 440 version), sorted in PEP 440 order. */
    const pep440_version *const *versions;
    size_t nversions;
    const char *ecosystem_specific; /* compact JSON or NULL */
    const char *database_specific;  /* compact JSON or NULL */
} osv_affected;

typedef struct osv_advisory {
    const char *id;
    const char *const *aliases;
    size_t naliases;
    const char *summary;  /* NULL when absent */
    const char *details;  /* NULL when absent; truncated to OSV_DETAILS_MAX */
    bool details_truncated;
    const char *published, *modified; /* RFC 3339 text, NULL when absent */
    const osv_severity *severity; /* top level and affected[].severity */
    size_t nseverity;
    const char *db_severity; /* database_specific.severity ("HIGH"), or NULL */
    const osv_reference *references;
    size_t nreferences;
    const osv_affected *affected; /* PyPI packages only */
    size_t naffected;
    const char *source; /* the zip member or file it came from */
} osv_advisory;

enum { OSV_DETAILS_MAX = 16 * 1024 };

/* ---- loading ---------------------------------------------------------- */

/* Hostile-input bounds. A member larger than member_max is skipped and
 * reported; more than total_max bytes in all or more than members_max
 * members stop the load with an error (a zip bomb is not a database). */
typedef struct osv_limits {
    size_t member_max;  /* default 8 MiB */
    size_t total_max;   /* default 2 GiB */
    size_t members_max; /* default 1,000,000 */
} osv_limits;

extern const osv_limits osv_default_limits;

typedef struct osv_stats {
    size_t members;      /* zip members / directory entries seen */
    size_t not_json;     /* names not ending in .json, directories, links: ignored */
    size_t loaded;       /* advisories in the database */
    size_t withdrawn;    /* skipped: `withdrawn` is set */
    size_t no_pypi;      /* skipped: no affected PyPI package */
    size_t bad_json;     /* skipped: not JSON, or nested too deep for cJSON */
    size_t bad_schema;   /* skipped: no id, or a field of the wrong type */
    size_t too_large;    /* skipped: larger than member_max */
    size_t duplicates;   /* skipped: an ID seen before (the newer `modified` kept) */
    size_t ranges_ecosystem;
    size_t ranges_ignored; /* GIT and SEMVER ranges */
    size_t invalid_event_versions; /* events dropped: not PEP 440 */
    size_t invalid_list_versions;  /* `versions` entries that are not PEP 440 */
    size_t packages;     /* distinct normalised package names */
    size_t bytes;        /* uncompressed JSON read */
} osv_stats;

/* What went wrong with one member (the load goes on). */
typedef struct osv_problem {
    const char *member;  /* printable (control bytes shown as '?') */
    const char *message;
} osv_problem;

typedef struct osv_db osv_db;

/* Opens a zip export or a directory of *.json files. NULL on a fatal
 * error (missing path, not a zip, corrupt or truncated archive, limits
 * exceeded), with a message in err (size errlen). Problems with single
 * members are not fatal: they are counted and listed (osv_db_problems). */
osv_db *osv_db_open(const char *path, const osv_limits *limits, char *err, size_t errlen);
/* The same from a zip held in memory (tests, fuzzing). */
osv_db *osv_db_open_zip_memory(const void *data, size_t len, const osv_limits *limits,
                               char *err, size_t errlen);
void osv_db_close(osv_db *db);

const osv_stats *osv_db_stats(const osv_db *db);
/* The first problems met, in member order (at most OSV_PROBLEMS_MAX). */
const osv_problem *osv_db_problems(const osv_db *db, size_t *n);
enum { OSV_PROBLEMS_MAX = 100 };

/* Advisories sorted by ID. */
size_t osv_db_count(const osv_db *db);
const osv_advisory *osv_db_at(const osv_db *db, size_t i);
const osv_advisory *osv_db_find(const osv_db *db, const char *id);
/* The newest `modified` (RFC 3339 strings compare as text), NULL if none. */
const char *osv_db_newest_modified(const osv_db *db);

/* The default location: $XDG_CACHE_HOME/krait/osv/PyPI-all.zip, else
 * $HOME/.cache/krait/osv/PyPI-all.zip (malloc'd; NULL without HOME). */
char *osv_default_db_path(void);
#define OSV_EXPORT_URL "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"

/* ---- the index ---------------------------------------------------------- */

/* An audit asks about a few hundred packages of a database of tens of
 * thousands of advisories. The index, written on first use, maps each
 * package to the zip members of its advisories (with their offsets), and
 * holds the whole export's stats, problems and newest date; with it, only
 * the audited packages' members are read and parsed (osv_index.c).
 *
 * It lives in the cache, $XDG_CACHE_HOME/krait/osv/index/ (else
 * ~/.cache/...), beside the default database, named by a hash of the
 * zip's real path; it is used only while the zip's size, mtime, ctime,
 * inode and device are those recorded in it, and rebuilt otherwise. A
 * directory database, or no cache directory, is loaded whole. */
typedef enum osv_index_state {
    OSV_INDEX_NONE,  /* not applicable: a directory database, no cache dir */
    OSV_INDEX_USED,  /* fresh: only the packages asked for were parsed */
    OSV_INDEX_BUILT, /* missing or stale: loaded whole, index written */
    OSV_INDEX_FAILED /* loaded whole; the index could not be used or written (why) */
} osv_index_state;

typedef struct osv_index_info {
    osv_index_state state;
    char path[4096]; /* the index file, or "" */
    char why[256];   /* BUILT: why (none yet, the database changed, ...);
                      * FAILED: what went wrong */
} osv_index_info;

/* Opens the database at `path` for an audit of the packages names[0..n)
 * (any spelling), through the index when it can (see above). With a fresh
 * index the database holds only those packages' advisories:
 * osv_db_count/at/find see only them, while osv_db_stats, osv_db_problems
 * and osv_db_newest_modified describe the whole export, exactly as a full
 * load would. Answers about the packages named are identical to a full
 * load's. info (may be NULL) says what happened. */
osv_db *osv_db_open_for(const char *path, const char *const *names, size_t n,
                        osv_index_info *info, char *err, size_t errlen);

/* The index file for a database path (malloc'd), or NULL without a cache
 * directory or when the path cannot be resolved. */
char *osv_index_path(const char *db_path);

/* Writes (or rewrites) the index of the zip at `path`, already loaded whole
 * as db; false with the reason in info->why. */
bool osv_index_write(const char *path, const osv_db *db, osv_index_info *info);

/* ---- matching ----------------------------------------------------------- */

/* Whether `v` of the package `aff` describes is affected: the OSV
 * pseudo-code. True if v equals (PEP 440 equality: "1.0" == "1.0.0", local
 * labels significant) an entry of the versions list, or if some ECOSYSTEM
 * range, with v below one of its limits (or no limit), ends its sorted
 * event walk "vulnerable": introduced when v >= it (always for "0"),
 * fixed when v >= it, last_affected when v > it. */
bool osv_affects(const osv_affected *aff, const pep440_version *v);

/* One vulnerability: advisories of the same package merged when they share
 * an ID (one's ID in the other's aliases, or a common alias such as a CVE).
 * The primary ID is chosen deterministically among the merged advisories'
 * own IDs: PYSEC- first (the PyPI ecosystem's home database), then GHSA-,
 * then any other; ties by byte order. */
typedef struct osv_vuln {
    const char *id;            /* the primary ID */
    const char *const *ids;    /* every ID and alias of the group, sorted, unique */
    size_t nids;
    const osv_advisory *const *advisories; /* sorted by ID; [0] is the primary's */
    const osv_affected *const *affected;   /* the package's entry in each */
    size_t nadvisories;
    /* For a pinned version: the smallest version above it named by a
     * `fixed` event of one of these advisories that none of them affects;
     * for a specifier set, the smallest such version with no lower bound.
     * NULL when no such fix is known (a versions list or last_affected
     * names none). */
    const pep440_version *fixed;
} osv_vuln;

typedef struct osv_report {
    const osv_vuln *vulns; /* sorted by primary ID */
    size_t n;
    /* Pinned: the smallest version above the installed one, among the
     * `fixed` versions of every advisory of the package, that no advisory
     * of the package affects (the upgrade to offer; NULL if none is known,
     * and when nothing affects the installed version).
     * Specifier set: the lowest version the set allows that no advisory of
     * the package affects, among the versions the advisories mention
     * (listed versions and range boundaries) and the set's own versions. */
    const pep440_version *safe;
} osv_report;

/* The advisories affecting `name` (any spelling; normalised here) at
 * exactly version v. The report lives in `a`. */
osv_report osv_match_version(const osv_db *db, arena *a, const char *name,
                             const pep440_version *v);

/* The advisories a specifier set still admits: an advisory is admitted
 * when one of its candidate versions is affected and allowed by the set
 * (pep440_specset_contains with `mode`). The candidates: the advisory's
 * listed versions, its range boundaries (introduced "0" standing for the
 * version "0"), the versions the specifiers name (for ==X.* and ~=X the
 * prefix X), and for each >X and !=X (not !=X.*) the final version X with
 * one more release component ".1" (2.0 -> 2.0.1, 2.0rc1 -> 2.0.1) - a
 * version just above X. This is exact for the versions the advisories and
 * the set mention and may miss an advisory whose only affected allowed
 * versions lie strictly between such points (say >2.0 with a range
 * [2.0.0.1, 2.0.0.5), or !=1.6.* with a range [1.6, 1.8) and <1.7.1). */
osv_report osv_match_specset(const osv_db *db, arena *a, const char *name,
                             const pep440_specset *set, pep440_prereleases mode);

/* The advisories of a package (normalised name), sorted by ID, with the
 * affected entry of each. Returns the count; *out points into the db. */
typedef struct osv_pkg_entry {
    const osv_advisory *adv;
    const osv_affected *aff;
} osv_pkg_entry;
size_t osv_db_package(const osv_db *db, const char *normalized_name,
                      const osv_pkg_entry **out);

/* ---- CVSS --------------------------------------------------------------- */

/* The base score of a CVSS v3.0/v3.1 vector, per the v3.1 specification
 * (section 7.1 and Appendix A's Roundup). False for anything else. */
bool osv_cvss3_base(const char *vector, double *score);

#endif
