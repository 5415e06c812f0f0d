/* fuzz_osv.c - libFuzzer target: any bytes as an OSV export (a zip read by
 * libarchive) and as one advisory (JSON), then every loaded advisory's
 * affected entries queried at each version they mention (src/deps/osv.h).
 * Small limits so a zip bomb is refused quickly. Besides crashes, leaks,
 * hangs and sanitizer reports, these properties trap:
 *   - a listed version is always affected (the OSV pseudo-code's first test);
 *   - osv_match_version reports an advisory's group whenever osv_affects
 *     says the advisory affects that version;
 *   - the index of a loaded zip (osv_index_file.c) decodes back, with one
 *     entry per package and one member per advisory; each member is then
 *     read through the zip directory (osv_zipdir.c) and parsed.
 * Bytes that look like an index are decoded as one, too. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <stdlib.h>

#include <archive.h>
#include <archive_entry.h>

#include <sys/mman.h>
#include <unistd.h>

#include "base/arena.h"
#include "deps/osv.h"
#include "deps/osv_index_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool reported(const osv_report *r, const osv_advisory *adv)
{
    for (size_t i = 0; i < r->n; i++)
        for (size_t j = 0; j < r->vulns[i].nadvisories; j++)
            if (r->vulns[i].advisories[j] == adv)
                return true;
    return false;
}

static void query_all(const osv_db *db)
{
    arena *a = arena_new();
    for (size_t i = 0; i < osv_db_count(db); i++) {
        const osv_advisory *adv = osv_db_at(db, i);
        for (size_t j = 0; j < adv->naffected; j++) {
            const osv_affected *aff = &adv->affected[j];
            for (size_t k = 0; k < aff->nversions && k < 50; k++) {
                if (!osv_affects(aff, aff->versions[k]))
                    __builtin_trap();
                osv_report r = osv_match_version(db, a, aff->name, aff->versions[k]);
                if (!reported(&r, adv))
                    __builtin_trap();
            }
        }
    }
    arena_free(a);
}

/* The bytes as the one member "A.json" of a zip built in memory. */
static void *wrap_in_zip(const uint8_t *data, size_t size, size_t *zlen)
{
    size_t cap = size + 4096;
    void *out = malloc(cap);
    struct archive *ar = archive_write_new();
    struct archive_entry *e = archive_entry_new();
    archive_write_set_format_zip(ar);
    archive_write_open_memory(ar, out, cap, zlen);
    archive_entry_set_pathname(e, "A.json");
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, (la_int64_t)size);
    archive_write_header(ar, e);
    archive_write_data(ar, data, size);
    archive_write_close(ar);
    archive_write_free(ar);
    archive_entry_free(e);
    return out;
}

/* The bytes as a file (the zip directory reader works on descriptors). */
static int memory_file(const void *data, size_t size)
{
    int fd = memfd_create("fuzz-osv", MFD_CLOEXEC);
    if (fd < 0 || write(fd, data, size) != (ssize_t)size)
        __builtin_trap();
    return fd;
}

static void index_round_trip(const osv_db *db, const void *zip, size_t zlen)
{
    int fd = memory_file(zip, zlen);
    arena *a = arena_new();
    zip_member *dir;
    size_t ndir;
    char why[256];
    osv_index_key key = {.size = zlen};
    buf out;
    buf_init(&out);
    if (zip_read_directory(fd, zlen, a, &dir, &ndir, why, sizeof why) &&
        osv_index_encode(db, &key, dir, ndir, &out, why, sizeof why)) {
        unsigned char *copy = malloc(out.len);
        memcpy(copy, out.data, out.len);
        osv_index ix;
        if (!osv_index_decode(copy, out.len, &ix) || ix.npackages != osv_db_stats(db)->packages ||
            ix.nmembers != osv_db_count(db))
            __builtin_trap();
        /* Each member read back through the directory. A crafted zip's
         * directory may disagree with its local headers (which the stream
         * reader used): the read or the parse may then fail, which
         * osv_index.c detects and answers with a full load, so only
         * crashes and sanitizer reports count here. */
        static char member[1 << 16];
        osv_db *again = osv_db_new();
        for (size_t i = 0; i < ix.nmembers; i++)
            if (zip_read_member(fd, &ix.members[i], member, sizeof member, why, sizeof why))
                osv_db_take(again, ix.members[i].name, member, (size_t)ix.members[i].usize);
        osv_db_close(again);
        osv_index_release(&ix);
    }
    buf_free(&out);
    arena_free(a);
    close(fd);
}

static void decode_as_index(const uint8_t *data, size_t size)
{
    unsigned char *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    osv_index ix;
    if (osv_index_decode(copy, size, &ix))
        for (size_t i = 0; i < ix.npackages; i++)
            (void)osv_index_find(&ix, ix.packages[i].name);
    osv_index_release(&ix);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 11 && memcmp(data, "KRAITOSVIDX", 11) == 0) {
        decode_as_index(data, size);
        return 0;
    }
    static const osv_limits lim = {.member_max = 1 << 16, .total_max = 1 << 20,
                                   .members_max = 1000};
    char err[256];
    osv_db *db = osv_db_open_zip_memory(data, size, &lim, err, sizeof err);
    if (db) {
        query_all(db);
        index_round_trip(db, data, size);
        osv_db_close(db);
    }
    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        return 0;
    size_t zlen = 0;
    void *zip = wrap_in_zip(data, size, &zlen);
    db = osv_db_open_zip_memory(zip, zlen, &lim, err, sizeof err);
    if (db) {
        query_all(db);
        index_round_trip(db, zip, zlen);
        osv_db_close(db);
    }
    free(zip);
    return 0;
}
