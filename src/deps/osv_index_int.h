/* osv_index_int.h - the index file's contents in memory and its encoding
 * (osv_index_file.c), shared with the policy in osv_index.c. Private. */
#ifndef KRAIT_OSV_INDEX_INT_H
#define KRAIT_OSV_INDEX_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "deps/osv_int.h"
#include "deps/osv_zipdir.h"

/* What identifies the zip an index was built from. */
typedef struct osv_index_key {
    uint64_t size, mtime_s, mtime_ns, ctime_s, ctime_ns, ino, dev;
} osv_index_key;

void osv_index_key_of(const struct stat *st, osv_index_key *k);

/* FNV-1a 64: the body's checksum, and the index file's name from the
 * database's real path. */
uint64_t osv_index_hash(const void *data, size_t n);

typedef struct osv_index_package {
    const char *name;      /* normalised */
    const uint32_t *members; /* indexes into the member table, ascending */
    uint32_t nmembers;
} osv_index_package;

/* An index read back: every pointer points into `data` (or `a`). */
typedef struct osv_index {
    osv_index_key key;
    osv_stats stats;
    const char *newest; /* NULL when none */
    osv_problem *problems;
    size_t nproblems;
    zip_member *members;
    size_t nmembers;
    osv_index_package *packages; /* sorted by name */
    size_t npackages;
    unsigned char *data; /* the file's bytes (malloc'd) */
    arena *a;
} osv_index;

/* The encoding of db's index for the zip whose directory is dir[0..ndir)
 * into out. False (why set) when a kept advisory's member is not in the
 * directory exactly once. */
bool osv_index_encode(const osv_db *db, const osv_index_key *key, const zip_member *dir,
                      size_t ndir, buf *out, char *why, size_t whylen);

/* Decodes a file's bytes (taking ownership of data, malloc'd, len bytes).
 * False when it is not a well-formed index of this format version: every
 * length and offset is checked, and a checksum covers the whole body. */
bool osv_index_decode(unsigned char *data, size_t len, osv_index *ix);
void osv_index_release(osv_index *ix);

/* The package's entry, or NULL. */
const osv_index_package *osv_index_find(const osv_index *ix, const char *normalized_name);

#endif
