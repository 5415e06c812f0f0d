/* archive.c - archives as scan inputs, in memory (archive.h). One reader
 * walks the members in archive order; each member's bytes are decompressed
 * through a scratch buffer (so the limits see what extraction would
 * write), kept only when a directory walk would have scanned such a file,
 * and copied into the file list's arena. Nothing is ever written to disk
 * and no member name is ever used as a path. */
#include "archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../rules/rules.h"
#include "archive_members.h"

void archive_limits_default(archive_limits *lim)
{
    lim->max_total = (uint64_t)1 << 30;
    lim->max_members = 100000;
    lim->max_ratio = 200;
    lim->min_ratio_size = (uint64_t)1 << 20;
    lim->max_member = (uint64_t)50 << 20;
    lim->max_depth = 3;
}

/* Longest first, so ".tar.gz" is not taken for ".gz" (which is not one). */
static const char *const archive_suffixes[] = {
    ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tgz", ".tbz2", ".txz", ".tzst",
    ".tar",    ".zip",     ".whl",    ".egg",
};

static int ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcasecmp(s + n - m, suffix) == 0;
}

int discover_is_archive_name(const char *name)
{
    for (size_t i = 0; i < sizeof archive_suffixes / sizeof archive_suffixes[0]; i++)
        if (ends_with_ci(name, archive_suffixes[i]))
            return 1;
    return 0;
}

int archive_name_is_hostile(const char *name)
{
    if (name[0] == '/' || strchr(name, '\\'))
        return 1;
    if (isalpha((unsigned char)name[0]) && name[1] == ':')
        return 1;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return 1;
        p += n;
        if (*p == '/')
            p++;
    }
    return 0;
}

/* What one archive given to krait shares with the archives nested in it. */
typedef struct reader {
    file_list *l;
    const discover_options *opt;
    archive_limits lim;
    const char *top;    /* the display name of the outer archive */
    member_table members;
    uint64_t total, count;
    int stopped; /* a limit was reached: read no further */
    int oom;
} reader;

/* One archive being read (the outer one or a nested one). */
typedef struct level {
    reader *r;
    struct archive *ar;
    const char *display; /* "a.tar.gz" or "a.tar.gz!inner.zip" */
    int depth;           /* 1 for the outer archive */
    char *data;          /* the current member's bytes when kept */
    size_t len, cap;
} level;

static void note(reader *r, const char *path, int rule, const char *message)
{
    member *m = members_get(&r->members, r->l->a, path);
    if (!m || members_add_finding(m, r->l->a, rule, message) != 0)
        r->oom = 1;
}

static void note_error(reader *r, const char *path, const char *what, struct archive *ar)
{
    const char *why = ar ? archive_error_string(ar) : NULL;
    char msg[600];
    snprintf(msg, sizeof msg, "%s%s%s", what, why ? ": " : "", why ? why : "");
    if (discover_add_error(r->l, path, msg) != 0)
        r->oom = 1;
}

static struct archive *new_reader(void)
{
    struct archive *ar = archive_read_new();
    if (!ar)
        return NULL;
    /* Named formats and filters only: "all" would take mtree (a text file
     * naming files on this disk) and filters run as external programs. */
    archive_read_support_format_tar(ar);
    archive_read_support_format_gnutar(ar);
    archive_read_support_format_zip(ar);
    archive_read_support_filter_gzip(ar);
    archive_read_support_filter_bzip2(ar);
    archive_read_support_filter_xz(ar);
    archive_read_support_filter_lzma(ar);
    archive_read_support_filter_zstd(ar);
    return ar;
}

/* "./pkg/x.py" is "pkg/x.py"; a name is shown as the archive has it
 * otherwise (a hostile one included). */
static const char *member_name(struct archive_entry *e)
{
    const char *name = archive_entry_pathname_utf8(e);
    if (!name)
        name = archive_entry_pathname(e);
    if (!name || !*name)
        return "(unnamed member)";
    while (name[0] == '.' && name[1] == '/' && name[2])
        name += 2;
    return name;
}

static const char *base_name(const char *name)
{
    const char *slash = strrchr(name, '/');
    return slash ? slash + 1 : name;
}

/* A directory component a walk would not enter (__pycache__, .git, ...). */
static int in_skipped_dir(const char *name)
{
    char part[256];
    for (const char *p = name;;) {
        size_t n = strcspn(p, "/");
        if (p[n] != '/')
            return 0; /* the last component is the file */
        if (n < sizeof part) {
            memcpy(part, p, n);
            part[n] = '\0';
            if (discover_is_skipped_dir(part))
                return 1;
        }
        p += n + 1;
    }
}

static int matches(const char *const *pats, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (fnmatch(pats[i], name, 0) == 0 || fnmatch(pats[i], base_name(name), 0) == 0)
            return 1;
    return 0;
}

enum want { WANT_NOT, WANT_SOURCE, WANT_IF_SHEBANG, WANT_ARCHIVE };

static enum want wanted(const level *lv, const char *name)
{
    const discover_options *opt = lv->r->opt;
    if (in_skipped_dir(name))
        return WANT_NOT;
    if (opt && matches(opt->exclude, opt->nexclude, name))
        return WANT_NOT;
    const char *base = base_name(name);
    if (ends_with_ci(base, ".py") || ends_with_ci(base, ".pyw") ||
        ends_with_ci(base, ".ipynb"))
        return WANT_SOURCE;
    if (opt && matches(opt->include, opt->ninclude, name))
        return WANT_SOURCE;
    if (discover_is_archive_name(base))
        return WANT_ARCHIVE;
    if (base[0] && !strchr(base + 1, '.'))
        return WANT_IF_SHEBANG;
    return WANT_NOT;
}

/* The length of the UTF-8 sequence at s (n bytes left) and its code point,
 * or 0 when it is not valid UTF-8. */
static int utf8_at(const unsigned char *s, size_t n, unsigned *cp)
{
    int len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
            : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || (size_t)len > n)
        return 0;
    unsigned c = len == 1 ? s[0] : s[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* Control characters (a newline would forge a report line, ESC would
 * colour a terminal), C1 controls, bidirectional controls (Trojan Source)
 * and bytes that are not UTF-8 are shown escaped: member names are
 * whatever the archive's author wrote. */
static int must_escape(unsigned c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

/* name as it is shown: see must_escape. Truncated to fit out. */
static void escape_name(const char *name, char *out, size_t size)
{
    const unsigned char *s = (const unsigned char *)name;
    size_t n = strlen(name), k = 0;
    for (size_t i = 0; i < n && k + 12 < size;) {
        unsigned cp = 0;
        int len = utf8_at(s + i, n - i, &cp);
        if (len == 0) {
            k += (size_t)snprintf(out + k, size - k, "\\x%02x", s[i]);
            i++;
        } else if (must_escape(cp)) {
            k += (size_t)snprintf(out + k, size - k, cp < 0x100 ? "\\x%02x" : "\\u%04x", cp);
            i += (size_t)len;
        } else {
            memcpy(out + k, s + i, (size_t)len);
            k += (size_t)len;
            i += (size_t)len;
        }
    }
    out[k] = '\0';
}

static void display_path(const level *lv, const char *name, char *out, size_t size)
{
    char shown[4096];
    escape_name(name, shown, sizeof shown);
    snprintf(out, size, "%s!%s", lv->display, shown);
}

/* Link, device, hostile name: findings about the member itself. 1 when
 * the member has no contents to read (a link or a special file). */
static int check_entry(level *lv, struct archive_entry *e, const char *path, const char *name)
{
    reader *r = lv->r;
    char msg[700], shown[512];
    if (archive_name_is_hostile(name)) {
        escape_name(name, shown, sizeof shown);
        snprintf(msg, sizeof msg, "Archive member name escapes the extraction directory: '%s'",
                 shown);
        note(r, path, RULE_KR1301, msg);
    }
    const char *hard = archive_entry_hardlink(e);
    mode_t type = archive_entry_filetype(e);
    if (hard || type == AE_IFLNK) {
        const char *target = hard ? hard : archive_entry_symlink(e);
        escape_name(target ? target : "", shown, sizeof shown);
        snprintf(msg, sizeof msg, "Archive member is a %s link to '%s' (not followed)",
                 hard ? "hard" : "symbolic", shown);
        note(r, path, RULE_KR1302, msg);
        return 1;
    }
    if (type == AE_IFCHR || type == AE_IFBLK || type == AE_IFIFO || type == AE_IFSOCK) {
        snprintf(msg, sizeof msg, "Archive member is a %s",
                 type == AE_IFIFO ? "fifo" : type == AE_IFSOCK ? "socket" : "device node");
        note(r, path, RULE_KR1303, msg);
        return 1;
    }
    return type != AE_IFREG;
}

static int keep_byte(level *lv, const char *p, size_t n)
{
    if (lv->len + n > lv->cap) {
        size_t cap = lv->cap ? lv->cap : 64 * 1024;
        while (cap < lv->len + n)
            cap *= 2;
        char *d = realloc(lv->data, cap);
        if (!d)
            return -1;
        lv->data = d;
        lv->cap = cap;
    }
    memcpy(lv->data + lv->len, p, n);
    lv->len += n;
    return 0;
}

typedef struct member_read {
    uint64_t size, hash;
    int kept;      /* lv->data holds all of it */
    int too_large; /* more than max_member while it was being kept */
    int failed;    /* an archive error (reported) */
} member_read;

static void stop_total(level *lv)
{
    reader *r = lv->r;
    char msg[200];
    snprintf(msg, sizeof msg,
             "Archive decompresses past the size limit (%llu bytes); the rest is not scanned",
             (unsigned long long)r->lim.max_total);
    note(r, r->top, RULE_KR1306, msg);
    r->stopped = 1;
}

/* Decompresses the current member, hashing and counting it, keeping its
 * bytes in lv->data when `keep`. */
static void read_member(level *lv, int keep, const char *path, member_read *mr)
{
    reader *r = lv->r;
    memset(mr, 0, sizeof *mr);
    mr->hash = 1469598103934665603ull;
    mr->kept = keep;
    lv->len = 0;
    char chunk[64 * 1024];
    for (;;) {
        la_ssize_t got = archive_read_data(lv->ar, chunk, sizeof chunk);
        if (got == 0)
            return;
        if (got < 0) {
            note_error(r, path, "corrupt or truncated archive member", lv->ar);
            mr->failed = 1;
            return;
        }
        for (la_ssize_t i = 0; i < got; i++)
            mr->hash = (mr->hash ^ (unsigned char)chunk[i]) * 1099511628211ull;
        mr->size += (uint64_t)got;
        r->total += (uint64_t)got;
        if (mr->kept && mr->size > r->lim.max_member) {
            mr->kept = 0;
            mr->too_large = 1;
        }
        if (mr->kept && keep_byte(lv, chunk, (size_t)got) != 0) {
            r->oom = 1;
            return;
        }
        if (r->total > r->lim.max_total) {
            stop_total(lv);
            mr->kept = 0;
            return;
        }
    }
}

static void check_ratio(level *lv, const char *path, uint64_t size, int64_t packed)
{
    const archive_limits *lim = &lv->r->lim;
    if (size <= lim->min_ratio_size)
        return;
    if (packed > 0 && size / (uint64_t)packed <= lim->max_ratio)
        return;
    char msg[300];
    snprintf(msg, sizeof msg,
             "Archive member decompresses to %llu bytes from about %lld compressed "
             "(ratio over %llu)",
             (unsigned long long)size, (long long)(packed > 0 ? packed : 0),
             (unsigned long long)lim->max_ratio);
    note(lv->r, path, RULE_KR1305, msg);
}

static void read_level(level *lv);

static void open_nested(level *lv, const char *path)
{
    reader *r = lv->r;
    if (lv->depth >= r->lim.max_depth) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "Archive nested deeper than the limit (%d) is not opened",
                 r->lim.max_depth);
        note(r, path, RULE_KR1308, msg);
        return;
    }
    level in = {.r = r, .display = path, .depth = lv->depth + 1};
    /* The bytes move to the inner level: the outer one reads on into a new
     * buffer. */
    char *data = lv->data;
    size_t len = lv->len;
    lv->data = NULL;
    lv->len = lv->cap = 0;
    in.ar = new_reader();
    if (!in.ar) {
        r->oom = 1;
    } else if (archive_read_open_memory(in.ar, data, len) != ARCHIVE_OK) {
        note_error(r, path, "not a readable archive", in.ar);
    } else {
        read_level(&in);
    }
    if (in.ar)
        archive_read_free(in.ar);
    free(in.data);
    free(data);
}

static void too_large(reader *r, const char *path, const member_read *mr, const char *what)
{
    char msg[200];
    snprintf(msg, sizeof msg, "%s (%llu bytes > limit %llu)", what,
             (unsigned long long)mr->size, (unsigned long long)r->lim.max_member);
    if (discover_add_error(r->l, path, msg) != 0)
        r->oom = 1;
}

/* Every regular member is recorded (a name met twice with other contents
 * is KR1304, whatever the file); a member kept for the scan is copied into
 * the list's arena under its display path. The last of several members of
 * one name wins, as extraction would have it. */
static void record_member(level *lv, const char *path, const member_read *mr, enum want want)
{
    reader *r = lv->r;
    member *m = members_get(&r->members, r->l->a, path);
    if (!m) {
        r->oom = 1;
        return;
    }
    if (++m->seen > 1 && m->hash != mr->hash && !m->duplicate_noted) {
        m->duplicate_noted = 1;
        if (members_add_finding(m, r->l->a, RULE_KR1304,
                                "Archive holds this name more than once with different "
                                "contents; extraction keeps the last copy, the one scanned") !=
            0)
            r->oom = 1;
    }
    m->hash = mr->hash;
    m->data = NULL;
    m->len = 0;
    if (want == WANT_NOT || mr->failed)
        return;
    if (want == WANT_ARCHIVE) {
        if (mr->too_large)
            too_large(r, path, mr, "archive inside the archive too large to open");
        return;
    }
    /* lv->data holds the first bytes even of a member too large to keep. */
    if (want == WANT_IF_SHEBANG && !discover_has_python_shebang(lv->data, lv->len))
        return;
    if (mr->too_large) {
        too_large(r, path, mr, "file too large");
        return;
    }
    if (!mr->kept)
        return;
    char *copy = arena_alloc_raw(r->l->a, lv->len + 1);
    memcpy(copy, lv->data, lv->len);
    copy[lv->len] = '\0';
    m->data = copy;
    m->len = lv->len;
}

static int count_member(level *lv)
{
    reader *r = lv->r;
    if (++r->count <= r->lim.max_members)
        return 1;
    char msg[200];
    snprintf(msg, sizeof msg,
             "Archive has more members than the limit (%llu); the rest is not scanned",
             (unsigned long long)r->lim.max_members);
    note(r, r->top, RULE_KR1307, msg);
    r->stopped = 1;
    return 0;
}

static void visit_member(level *lv, struct archive_entry *e, int64_t packed_before)
{
    reader *r = lv->r;
    const char *name = member_name(e);
    char path[4200];
    display_path(lv, name, path, sizeof path);
    if (!count_member(lv))
        return;
    if (check_entry(lv, e, path, name))
        return;
    enum want want = wanted(lv, name);
    member_read mr;
    read_member(lv, want != WANT_NOT, path, &mr);
    if (mr.failed || r->oom)
        return;
    /* A member cut short by the size limit has no meaningful ratio. */
    if (!r->stopped)
        check_ratio(lv, path, mr.size, archive_filter_bytes(lv->ar, -1) - packed_before);
    record_member(lv, path, &mr, want);
    if (want == WANT_ARCHIVE && mr.kept && !r->stopped && !r->oom)
        open_nested(lv, path);
}

static void read_level(level *lv)
{
    reader *r = lv->r;
    while (!r->stopped && !r->oom) {
        struct archive_entry *e;
        int64_t before = archive_filter_bytes(lv->ar, -1);
        int rc = archive_read_next_header(lv->ar, &e);
        if (rc == ARCHIVE_EOF)
            return;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
            note_error(r, lv->display,
                       r->count == 0 && lv->depth == 1 ? "not a readable archive"
                                                       : "corrupt or truncated archive",
                       lv->ar);
            return;
        }
        visit_member(lv, e, before);
    }
}

static int finish(reader *r, level *lv)
{
    if (lv->ar)
        archive_read_free(lv->ar);
    free(lv->data);
    int rc = r->oom ? -1 : members_flush(&r->members, r->l);
    members_free(&r->members);
    return rc;
}

static void start(reader *r, file_list *l, const char *display, const discover_options *opt)
{
    memset(r, 0, sizeof *r);
    r->l = l;
    r->opt = opt;
    if (opt && opt->limits)
        r->lim = *opt->limits;
    else
        archive_limits_default(&r->lim);
    r->top = arena_strndup(l->a, display, strlen(display));
}

int discover_add_archive_file(file_list *l, const char *path, const discover_options *opt)
{
    reader r;
    start(&r, l, path, opt);
    level lv = {.r = &r, .display = r.top, .depth = 1, .ar = new_reader()};
    if (!lv.ar)
        return -1;
    if (archive_read_open_filename(lv.ar, path, 1 << 16) != ARCHIVE_OK)
        note_error(&r, r.top, "not a readable archive", lv.ar);
    else
        read_level(&lv);
    return finish(&r, &lv);
}

int discover_add_archive_memory_opt(file_list *l, const char *display, const void *data,
                                    size_t len, const discover_options *opt)
{
    if (!l->a) {
        memset(l, 0, sizeof *l);
        l->a = arena_new();
    }
    reader r;
    start(&r, l, display, opt);
    level lv = {.r = &r, .display = r.top, .depth = 1, .ar = new_reader()};
    if (!lv.ar)
        return -1;
    if (archive_read_open_memory(lv.ar, data, len) != ARCHIVE_OK)
        note_error(&r, r.top, "not a readable archive", lv.ar);
    else
        read_level(&lv);
    if (finish(&r, &lv) != 0)
        return -1;
    /* Called after discover_files (or on an empty list): keep it sorted. */
    return discover_sort(l);
}

int discover_add_archive_memory(file_list *l, const char *display, const void *data,
                                size_t len)
{
    return discover_add_archive_memory_opt(l, display, data, len, NULL);
}
