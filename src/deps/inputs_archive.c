/* inputs_archive.c - a distribution file given to `krait deps`: an sdist
 * (.tar.gz, .zip, ...) or a wheel (.whl), read in memory with libarchive
 * and never extracted. What it declares is read by the usual readers,
 * under the name ARCHIVE!member: its core metadata (the sdist's top-level
 * PKG-INFO, the wheel's *.dist-info/METADATA: the release itself and its
 * Requires-Dist) and, for an sdist, the declaration files at its top level
 * (pyproject.toml, setup.cfg, setup.py - parsed, never run -,
 * requirements*.txt). Members are bounded in size and number: a hostile
 * archive is an error, never a hang. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <archive.h>
#include <archive_entry.h>

#include "deps/inputs_int.h"

enum { MEMBERS_MAX = 100000 };
#define ARCHIVE_BYTES_MAX ((size_t)512 << 20) /* read in all, decompressed */

static const char *const archive_suffixes[] = {
    ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst",
    ".tar", ".zip", ".whl", ".egg", NULL};

static bool ends_with_nocase(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

bool deps_is_archive_name(const char *path)
{
    for (const char *const *p = archive_suffixes; *p; p++)
        if (ends_with_nocase(path, *p))
            return true;
    return false;
}

typedef enum { PICK_NONE, PICK_METADATA, PICK_PYPROJECT, PICK_SETUP_CFG, PICK_SETUP_PY,
               PICK_REQUIREMENTS } pick;

/* Which reader a member goes to: files directly inside the archive's one
 * top directory (an sdist's NAME-VERSION/) or a top-level *.dist-info/. */
static pick pick_member(const char *name)
{
    const char *slash = strchr(name, '/');
    if (!slash || slash == name || strchr(slash + 1, '/'))
        return PICK_NONE;
    const char *base = slash + 1;
    size_t dirlen = (size_t)(slash - name);
    if (dirlen > 10 && strncmp(slash - 10, ".dist-info", 10) == 0)
        return strcmp(base, "METADATA") == 0 ? PICK_METADATA : PICK_NONE;
    if (strcmp(base, "PKG-INFO") == 0)
        return PICK_METADATA;
    if (strcmp(base, "pyproject.toml") == 0)
        return PICK_PYPROJECT;
    if (strcmp(base, "setup.cfg") == 0)
        return PICK_SETUP_CFG;
    if (strcmp(base, "setup.py") == 0)
        return PICK_SETUP_PY;
    if (strncmp(base, "requirements", 12) == 0 && ends_with_nocase(base, ".txt"))
        return PICK_REQUIREMENTS;
    return PICK_NONE;
}

static void read_member(deps_set *s, const char *path, pick p, const char *text, size_t len)
{
    switch (p) {
    case PICK_METADATA: deps_read_metadata_text(s, path, text, len); break;
    case PICK_PYPROJECT: deps_read_pyproject_text(s, path, text, len); break;
    case PICK_SETUP_CFG: deps_read_setup_cfg_text(s, path, text, len); break;
    case PICK_SETUP_PY: deps_read_setup_py_text(s, path, text, len); break;
    case PICK_REQUIREMENTS: deps_read_requirements_text(s, path, text, len); break;
    case PICK_NONE: break;
    }
}

/* The current member whole, NUL-terminated, in the set's arena; NULL when
 * larger than DEPS_MAX_FILE or unreadable (error recorded). */
static const char *member_bytes(deps_set *s, struct archive *ar, const char *path, size_t *len,
                          size_t *total)
{
    size_t cap = 1 << 16, have = 0;
    char *bytes = malloc(cap + 1);
    if (!bytes)
        abort();
    la_ssize_t got;
    while ((got = archive_read_data(ar, bytes + have, cap - have)) > 0) {
        have += (size_t)got;
        *total += (size_t)got;
        if (have > DEPS_MAX_FILE || *total > ARCHIVE_BYTES_MAX)
            break;
        if (have == cap) {
            cap *= 2;
            char *grown = realloc(bytes, cap + 1);
            if (!grown)
                abort();
            bytes = grown;
        }
    }
    const char *out = NULL;
    if (got < 0)
        deps_error_at(s, path, 0, "cannot read this member: %s", archive_error_string(ar));
    else if (have > DEPS_MAX_FILE || *total > ARCHIVE_BYTES_MAX)
        deps_error_at(s, path, 0, "larger than the size limit: not read");
    else
        out = deps_strndup(s, bytes, have), *len = have;
    free(bytes);
    return out;
}

/* "ARCHIVE!member", as krait scan names archive members. */
static const char *member_path(deps_set *s, const char *archive, const char *name)
{
    size_t a = strlen(archive), n = strlen(name);
    char *tmp = malloc(a + n + 2);
    if (!tmp)
        abort();
    memcpy(tmp, archive, a);
    tmp[a] = '!';
    memcpy(tmp + a + 1, name, n + 1);
    const char *out = deps_strdup(s, tmp);
    free(tmp);
    return out;
}

static struct archive *open_reader(const char *path, int *opened)
{
    struct archive *ar = archive_read_new();
    if (!ar)
        abort();
    /* named formats and filters only: no external programs, no mtree */
    archive_read_support_format_tar(ar);
    archive_read_support_format_gnutar(ar);
    archive_read_support_format_zip(ar);
    archive_read_support_filter_gzip(ar);
    archive_read_support_filter_bzip2(ar);
    archive_read_support_filter_xz(ar);
    archive_read_support_filter_zstd(ar);
    *opened = archive_read_open_filename(ar, path, 1 << 16);
    return ar;
}

size_t deps_read_archive(deps_set *s, const char *path)
{
    size_t before = s->n, total = 0, members = 0;
    int r;
    struct archive *ar = open_reader(path, &r);
    struct archive_entry *e;
    while (r == ARCHIVE_OK &&
           ((r = archive_read_next_header(ar, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN)) {
        r = ARCHIVE_OK;
        if (++members > MEMBERS_MAX) {
            deps_error_at(s, path, 0, "more than %d members: not read further", MEMBERS_MAX);
            break;
        }
        const char *name = archive_entry_pathname(e);
        pick p = name && archive_entry_filetype(e) == AE_IFREG ? pick_member(name) : PICK_NONE;
        if (p == PICK_NONE)
            continue;
        const char *member = member_path(s, path, name);
        size_t len;
        const char *text = member_bytes(s, ar, member, &len, &total);
        if (text)
            read_member(s, member, p, text, len);
        if (total > ARCHIVE_BYTES_MAX)
            break;
    }
    if (r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN)
        deps_error_at(s, path, 0, "not a readable archive: %s",
                      archive_error_string(ar) ? archive_error_string(ar) : "unknown error");
    else if (s->n == before)
        deps_note_at(s, path, 0, "no metadata or dependency declarations found in this archive");
    archive_read_free(ar);
    return s->n - before;
}
