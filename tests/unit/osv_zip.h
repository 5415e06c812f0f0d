/* osv_zip.h - for the OSV unit tests: zips built in memory (libarchive's
 * writer) from (member name, bytes) pairs, and databases opened from them. */
#ifndef KRAIT_TEST_OSV_ZIP_H
#define KRAIT_TEST_OSV_ZIP_H

#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "deps/osv.h"

typedef struct zip_member {
    const char *name;
    const char *data; /* NUL-terminated unless len is set */
    size_t len;
} zip_member;

/* A malloc'd zip of the members (deflated, so a large repetitive member
 * stays small: the zip-bomb shape). */
static inline void *zip_build(const zip_member *m, size_t n, size_t *zlen)
{
    size_t cap = 1 << 16;
    for (size_t i = 0; i < n; i++)
        cap += (m[i].len ? m[i].len : strlen(m[i].data)) + 512;
    void *out = malloc(cap);
    struct archive *ar = archive_write_new();
    archive_write_set_format_zip(ar);
    archive_write_open_memory(ar, out, cap, zlen);
    for (size_t i = 0; i < n; i++) {
        size_t len = m[i].len ? m[i].len : strlen(m[i].data);
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m[i].name);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, (la_int64_t)len);
        archive_write_header(ar, e);
        archive_write_data(ar, m[i].data, len);
        archive_entry_free(e);
    }
    archive_write_close(ar);
    archive_write_free(ar);
    return out;
}

static inline osv_db *zip_open(const zip_member *m, size_t n, const osv_limits *lim,
                               char *err, size_t errlen)
{
    size_t zlen = 0;
    void *zip = zip_build(m, n, &zlen);
    osv_db *db = osv_db_open_zip_memory(zip, zlen, lim, err, errlen);
    free(zip);
    return db;
}

#endif
