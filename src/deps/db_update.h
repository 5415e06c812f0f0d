/* db_update.h - getting the OSV database onto the disk (`krait db update`)
 * and finding it again (--db PATH or the default location), for the
 * commands that read it. */
#ifndef KRAIT_DB_UPDATE_H
#define KRAIT_DB_UPDATE_H

#include <stddef.h>

#include "deps/osv.h"

typedef struct db_update_options {
    const char *url;         /* NULL: OSV_EXPORT_URL */
    const char *dest;        /* the database file to replace */
    long connect_timeout;    /* seconds; 0: 30 */
    long stall_timeout;      /* seconds without a byte before giving up; 0: 60 */
    size_t max_bytes;        /* 0: 1 GiB; a larger download is refused */
} db_update_options;

typedef struct db_update_result {
    size_t bytes;      /* downloaded */
    size_t advisories; /* loaded from the new file */
    long http_status;
    osv_index_info index; /* the index written for the new file (osv.h) */
} db_update_result;

/* Downloads url (http or https only, redirects included) into a temporary
 * file beside dest, checks that it is a readable OSV export with at least
 * one advisory, and renames it over dest (atomic: readers see the old or
 * the new database, and a failed update leaves the old one intact).
 * Returns 0, or -1 with a message in err. Calls curl_global_init: for the
 * command line's single thread. */
int db_update(const db_update_options *o, db_update_result *res, char *err, size_t errlen);

/* Opens the database at `path`, or at osv_default_db_path() when path is
 * NULL, through its index (osv_db_open_for with no package: the whole
 * export's figures, every advisory only when the index is rebuilt). When
 * there is no file there, the message says how to get one. */
osv_db *osv_db_open_cli(const char *path, osv_index_info *info, char *err, size_t errlen);

#endif
