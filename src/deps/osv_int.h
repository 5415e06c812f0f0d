/* osv_int.h - what osv_load.c, osv_json.c and osv_match.c share; not part
 * of the API. */
#ifndef KRAIT_OSV_INT_H
#define KRAIT_OSV_INT_H

#include "deps/osv.h"

struct osv_db {
    arena *a;             /* every advisory's strings, versions, arrays */
    osv_advisory *advs;   /* malloc'd, sorted by ID after the load */
    size_t n, cap;
    osv_pkg_entry *index; /* malloc'd, sorted by (package name, ID) */
    size_t nindex;
    osv_stats stats;
    osv_problem problems[OSV_PROBLEMS_MAX];
    size_t nproblems;
    const char *newest;
};

typedef enum osv_parse_status {
    OSV_PARSE_OK,
    OSV_PARSE_WITHDRAWN,
    OSV_PARSE_NO_PYPI,
    OSV_PARSE_BAD_JSON,
    OSV_PARSE_BAD_SCHEMA,
} osv_parse_status;

/* One JSON document into *out (strings in db->a). On BAD_JSON and
 * BAD_SCHEMA, *why says what (static or arena text). Counts ranges and
 * invalid versions in db->stats. */
osv_parse_status osv_parse_advisory(osv_db *db, const char *member, const char *json,
                                    size_t len, osv_advisory *out, const char **why);

/* Record a problem with a member (only the first OSV_PROBLEMS_MAX are kept). */
void osv_add_problem(osv_db *db, const char *member, const char *message);

/* The pieces of a load, for the index (osv_index.c): an empty database;
 * one member's JSON parsed, counted and kept; then the sort by ID, the
 * duplicates dropped and the package index built. */
osv_db *osv_db_new(void);
void osv_db_take(osv_db *db, const char *member, const char *json, size_t len);
void osv_db_finish(osv_db *db);

/* Stable order of range events: by version, "0" first, '*' limits last. */
int osv_event_order(const osv_event *x, const osv_event *y);

#endif
