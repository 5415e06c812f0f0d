/* archive.h - the members of archives (sdists, wheels, zips, tarballs) as
 * scan inputs, read in memory with libarchive and never written to disk.
 *
 * A member that a directory walk would pick up (*.py, *.pyw, *.ipynb, an
 * extensionless file with a python shebang, outside __pycache__, .git,
 * *.egg-info, ...) becomes the input "ARCHIVE!member/path.py"; an archive
 * inside an archive is opened in turn ("a.tar.gz!inner.zip!x.py") down to
 * a nesting limit. What is wrong with the archive itself is reported as
 * findings of the package family (KR13xx, src/rules/package.def) at line 1
 * of the member, or of the archive for archive-wide limits: hostile names
 * (traversal, absolute, drive letters, backslashes), links, devices and
 * fifos, duplicate names with different contents, bombs (compression
 * ratio, total size, member count), nesting. None of them stops the scan;
 * a corrupt or truncated archive is an error naming the archive, and the
 * members read before the damage are still scanned. */
#ifndef KRAIT_SCAN_ARCHIVE_H
#define KRAIT_SCAN_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "discover.h"

typedef struct archive_limits {
    /* Bytes decompressed from one archive given to krait, nested ones
     * included; past it the rest is not read (KR1306). */
    uint64_t max_total;
    /* Members of one archive, nested ones included (KR1307). */
    uint64_t max_members;
    /* A member larger than min_ratio_size whose size is more than
     * max_ratio times the compressed bytes it came from (KR1305). */
    uint64_t max_ratio, min_ratio_size;
    /* A member kept for the scan is at most this large (larger ones are
     * "file too large" errors, like files on disk). */
    uint64_t max_member;
    /* Archives opened inside one another: 1 = only the outer one. */
    int max_depth;
} archive_limits;

/* 1 GiB, 100000 members, ratio 200 over 1 MiB, members of 50 MiB,
 * depth 3 (an archive, an archive inside it, and one more). */
void archive_limits_default(archive_limits *lim);

/* Adds the scan inputs of the archive at `path` (a file on disk, opened
 * whatever its name) to l; opt may be NULL (defaults, no excludes).
 * Returns 0, or -1 when out of memory; archive problems are recorded in l
 * as errors or findings. */
int discover_add_archive_file(file_list *l, const char *path, const discover_options *opt);

/* The same for an archive held in memory (`krait scan pypi:NAME`), under
 * the display name `display` ("requests-2.32.3.tar.gz"). data is only read
 * during the call: what is kept is copied into l's arena, so the caller
 * may free it as soon as this returns. The format is recognised from the
 * bytes, not from the name. l is a list from discover_files (kept sorted:
 * call this after it) or a zeroed file_list (set up here; free it with
 * file_list_free). Returns 0 or -1 (out of memory). */
int discover_add_archive_memory(file_list *l, const char *display, const void *data,
                                size_t len);

/* The same with options (excludes, limits). */
int discover_add_archive_memory_opt(file_list *l, const char *display, const void *data,
                                    size_t len, const discover_options *opt);

/* The member-name checks, exposed for unit tests: 1 when `name` would be
 * written outside the extraction directory or names a different place on
 * another system ("../x", "/etc/x", "C:x", "a\\b"). */
int archive_name_is_hostile(const char *name);

#endif
