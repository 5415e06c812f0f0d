/* osv_zipdir.h - random access to the members of the OSV export's zip, for
 * the index (osv_index.c): the central directory gives each member's
 * offset, and one member is then read with a seek and an inflate, instead
 * of walking every member as libarchive's stream reader must. The full load
 * (osv_load.c) stays with libarchive; this reader only serves members the
 * index named, and checks each against the directory's sizes and CRC-32.
 * Private to src/deps. */
#ifndef KRAIT_OSV_ZIPDIR_H
#define KRAIT_OSV_ZIPDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

typedef struct zip_member {
    const char *name;   /* NUL-terminated, as stored (bytes, no conversion) */
    uint64_t offset;    /* of the local file header */
    uint64_t csize, usize;
    uint32_t crc;
    uint16_t method;    /* 0 stored, 8 deflate: the only two read */
    uint16_t flags;     /* bit 0: encrypted (refused) */
} zip_member;

/* The central directory of the zip open on fd (size bytes long), zip64
 * included; members in directory order, names in `a`. False, with a
 * message in err, when it cannot be found or is inconsistent. */
bool zip_read_directory(int fd, uint64_t size, arena *a, zip_member **out, size_t *n,
                        char *err, size_t errlen);

/* Member m's bytes into buf (capacity cap, at least m->usize): false with a
 * message when the member is encrypted, uses another method, does not
 * inflate to exactly usize bytes, or fails its CRC-32. */
bool zip_read_member(int fd, const zip_member *m, char *buf, size_t cap, char *err,
                     size_t errlen);

#endif
