/* osv_zipdir.c - the zip central directory and single-member reads (see
 * osv_zipdir.h). Layouts from PKWARE's APPNOTE.TXT, sections 4.3.7 (local
 * header), 4.3.12 (central directory header), 4.3.14-16 (zip64 and end of
 * central directory records) and 4.5.3 (zip64 extra field). */
#include "deps/osv_zipdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

enum {
    SIG_LOCAL = 0x04034b50,
    SIG_CENTRAL = 0x02014b50,
    SIG_EOCD = 0x06054b50,
    SIG_EOCD64 = 0x06064b50,
    SIG_LOCATOR64 = 0x07064b50,
    EOCD_LEN = 22,
    LOCATOR64_LEN = 20,
    EOCD64_LEN = 56,
    CENTRAL_LEN = 46,
    LOCAL_LEN = 30,
    MAX_COMMENT = 65535,
};

/* A central directory larger than this is not an OSV export's. */
#define ZIP_DIRECTORY_MAX ((uint64_t)256 << 20)

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static bool read_at(int fd, void *buf, size_t len, uint64_t off)
{
    size_t have = 0;
    while (have < len) {
        ssize_t got = pread(fd, (char *)buf + have, len - have, (off_t)(off + have));
        if (got <= 0)
            return false;
        have += (size_t)got;
    }
    return true;
}

/* Where the directory is and how many entries it has. */
typedef struct zip_end {
    uint64_t entries, dir_size, dir_offset;
} zip_end;

static bool read_end64(int fd, uint64_t locator_at, zip_end *end)
{
    unsigned char loc[LOCATOR64_LEN], rec[EOCD64_LEN];
    if (!read_at(fd, loc, sizeof loc, locator_at) || le32(loc) != SIG_LOCATOR64)
        return false;
    if (!read_at(fd, rec, sizeof rec, le64(loc + 8)) || le32(rec) != SIG_EOCD64)
        return false;
    *end = (zip_end){le64(rec + 32), le64(rec + 40), le64(rec + 48)};
    return true;
}

/* The end-of-directory record: the last signature in the file's tail whose
 * comment length reaches exactly the end of the file. */
static bool find_end(int fd, uint64_t size, zip_end *end)
{
    size_t tail = size < EOCD_LEN + MAX_COMMENT ? (size_t)size : EOCD_LEN + MAX_COMMENT;
    unsigned char *buf = malloc(tail ? tail : 1);
    if (!buf)
        abort();
    bool found = false;
    if (tail >= EOCD_LEN && read_at(fd, buf, tail, size - tail))
        for (size_t i = tail - EOCD_LEN + 1; i-- > 0 && !found;)
            if (le32(buf + i) == SIG_EOCD && i + EOCD_LEN + le16(buf + i + 20) == tail) {
                const unsigned char *r = buf + i;
                *end = (zip_end){le16(r + 10), le32(r + 12), le32(r + 16)};
                uint64_t at = size - tail + i;
                bool zip64 = le16(r + 10) == 0xffff || le32(r + 12) == 0xffffffffu ||
                             le32(r + 16) == 0xffffffffu;
                found = !zip64 || (at >= LOCATOR64_LEN && read_end64(fd, at - LOCATOR64_LEN, end));
            }
    free(buf);
    return found;
}

/* The zip64 extra field replaces, in this order, each of usize, csize and
 * offset whose 32-bit field is all ones. */
static bool apply_zip64(const unsigned char *extra, size_t len, zip_member *m, bool big_u,
                        bool big_c, bool big_o)
{
    while (len >= 4) {
        uint16_t id = le16(extra), n = le16(extra + 2);
        if ((size_t)n + 4 > len)
            return false;
        if (id == 0x0001) {
            const unsigned char *p = extra + 4, *e = p + n;
            uint64_t *fields[3] = {big_u ? &m->usize : NULL, big_c ? &m->csize : NULL,
                                   big_o ? &m->offset : NULL};
            for (int k = 0; k < 3; k++) {
                if (!fields[k])
                    continue;
                if (e - p < 8)
                    return false;
                *fields[k] = le64(p);
                p += 8;
            }
            return true;
        }
        extra += 4 + n;
        len -= 4 + (size_t)n;
    }
    return !(big_u || big_c || big_o);
}

/* One central directory header at p (left bytes remain); its length in *used. */
static bool parse_central(arena *a, const unsigned char *p, size_t left, zip_member *m,
                          size_t *used)
{
    if (left < CENTRAL_LEN || le32(p) != SIG_CENTRAL)
        return false;
    size_t name_len = le16(p + 28), extra_len = le16(p + 30), comment_len = le16(p + 32);
    *used = CENTRAL_LEN + name_len + extra_len + comment_len;
    if (*used > left)
        return false;
    *m = (zip_member){
        .name = arena_strndup(a, (const char *)p + CENTRAL_LEN, name_len),
        .offset = le32(p + 42),
        .csize = le32(p + 20),
        .usize = le32(p + 24),
        .crc = le32(p + 16),
        .method = le16(p + 10),
        .flags = le16(p + 8),
    };
    return strlen(m->name) == name_len && /* no NUL inside a name */
           apply_zip64(p + CENTRAL_LEN + name_len, extra_len, m, m->usize == 0xffffffffu,
                       m->csize == 0xffffffffu, m->offset == 0xffffffffu);
}

bool zip_read_directory(int fd, uint64_t size, arena *a, zip_member **out, size_t *n,
                        char *err, size_t errlen)
{
    zip_end end;
    if (!find_end(fd, size, &end)) {
        snprintf(err, errlen, "no zip end-of-directory record");
        return false;
    }
    if (end.dir_size > ZIP_DIRECTORY_MAX || end.dir_offset > size ||
        end.dir_size > size - end.dir_offset || end.entries > end.dir_size / CENTRAL_LEN) {
        snprintf(err, errlen, "inconsistent zip directory");
        return false;
    }
    unsigned char *dir = malloc(end.dir_size ? (size_t)end.dir_size : 1);
    zip_member *ms = arena_alloc(a, (end.entries ? (size_t)end.entries : 1) * sizeof *ms);
    if (!dir)
        abort();
    bool ok = read_at(fd, dir, (size_t)end.dir_size, end.dir_offset);
    size_t at = 0;
    for (uint64_t i = 0; ok && i < end.entries; i++) {
        size_t used;
        ok = parse_central(a, dir + at, (size_t)end.dir_size - at, &ms[i], &used) &&
             ms[i].offset < end.dir_offset;
        at += ok ? used : 0;
    }
    free(dir);
    if (!ok) {
        snprintf(err, errlen, "corrupt zip directory");
        return false;
    }
    *out = ms;
    *n = (size_t)end.entries;
    return true;
}

/* Inflates raw deflate data (src, len) into exactly want bytes of dst. */
static bool inflate_exactly(const unsigned char *src, size_t len, char *dst, size_t want)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return false;
    z.next_in = (unsigned char *)src;
    z.avail_in = (uInt)len;
    z.next_out = (unsigned char *)dst;
    z.avail_out = (uInt)want;
    int r = inflate(&z, Z_FINISH);
    bool ok = r == Z_STREAM_END && z.total_out == want;
    inflateEnd(&z);
    return ok;
}

/* A stream reader (libarchive, which loaded the database) names members by
 * their local headers, the directory by its own entries: the index serves
 * a member only when both agree. */
static bool local_name_matches(int fd, const zip_member *m, size_t len)
{
    if (len != strlen(m->name))
        return false;
    char *name = malloc(len ? len : 1);
    if (!name)
        abort();
    bool same = read_at(fd, name, len, m->offset + LOCAL_LEN) && memcmp(name, m->name, len) == 0;
    free(name);
    return same;
}

bool zip_read_member(int fd, const zip_member *m, char *buf, size_t cap, char *err,
                     size_t errlen)
{
    unsigned char local[LOCAL_LEN];
    if ((m->flags & 1) || (m->method != 0 && m->method != 8) || m->usize > cap ||
        m->csize > UINT32_MAX || m->usize > UINT32_MAX) {
        snprintf(err, errlen, "%s: encrypted, unsupported method or too large", m->name);
        return false;
    }
    if (!read_at(fd, local, sizeof local, m->offset) || le32(local) != SIG_LOCAL) {
        snprintf(err, errlen, "%s: no local header at its offset", m->name);
        return false;
    }
    if (!local_name_matches(fd, m, le16(local + 26))) {
        snprintf(err, errlen, "%s: the local header names another member", m->name);
        return false;
    }
    uint64_t data_at = m->offset + LOCAL_LEN + le16(local + 26) + le16(local + 28);
    unsigned char *raw = malloc(m->csize ? (size_t)m->csize : 1);
    if (!raw)
        abort();
    bool ok = read_at(fd, raw, (size_t)m->csize, data_at);
    if (ok && m->method == 0)
        ok = m->csize == m->usize && (memcpy(buf, raw, (size_t)m->usize), true);
    else if (ok)
        ok = inflate_exactly(raw, (size_t)m->csize, buf, (size_t)m->usize);
    free(raw);
    ok = ok && crc32(0L, (const Bytef *)buf, (uInt)m->usize) == m->crc;
    if (!ok)
        snprintf(err, errlen, "%s: does not match the zip directory (size or CRC-32)", m->name);
    return ok;
}
