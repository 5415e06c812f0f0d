/* formats_common.c - helpers shared by the machine-readable formats. */
#include "formats_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/unicode.h"

void fc_get_cwd(fc_cwd *c)
{
    if (!getcwd(c->path, sizeof c->path))
        c->path[0] = '\0';
}

static const char *skip_dot_slash(const char *p)
{
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
        while (*p == '/')
            p++;
    }
    return p;
}

const char *fc_project_path(const char *path, const fc_cwd *c)
{
    if (strcmp(path, SCAN_STDIN_PATH) == 0)
        return NULL;
    if (path[0] != '/')
        return skip_dot_slash(path);
    size_t n = strlen(c->path);
    if (n == 0)
        return NULL;
    if (n == 1) /* the working directory is / */
        return path + 1;
    if (strncmp(path, c->path, n) == 0 && path[n] == '/')
        return skip_dot_slash(path + n + 1);
    return NULL;
}

void fc_put_uri_path(buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
            buf_putc(b, (char)c);
        else
            buf_printf(b, "%%%02X", c);
    }
}

size_t fc_next_cp(const char *s, size_t n, unsigned *cp)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t k = uni_decode(s, n, cp);
    if (k == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return k;
}

int fc_is_bidi(unsigned cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

uint64_t fc_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The line text with leading and trailing whitespace dropped and inner runs
 * made one space: re-indenting a block does not change a fingerprint. */
static uint64_t hash_line(uint64_t h, const char *s)
{
    const char *sp = " \t\f\v\r\n";
    s += strspn(s, sp);
    while (*s) {
        size_t word = strcspn(s, sp);
        h = fc_hash(h, s, word);
        s += word;
        s += strspn(s, sp);
        if (*s)
            h = fc_hash(h, " ", 1);
    }
    return fc_hash(h, "", 1);
}

static uint64_t finding_key(uint64_t seed, const scan_finding *f, const char *path)
{
    const char *id = rule_catalogue[f->rule].id;
    uint64_t h = fc_hash(seed, id, strlen(id) + 1);
    h = fc_hash(h, path, strlen(path) + 1);
    return hash_line(h, f->snippet ? f->snippet : "");
}

/* Two seeds, so the 128-bit value is two independent 64-bit hashes. */
static const uint64_t seeds[2] = {FC_HASH_SEED, 0x84222325cbf29ce4ULL};

typedef struct keyed {
    uint64_t key;
    size_t index;
} keyed;

static int compare_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* rank[i]: how many findings before i have the same key (the same rule and
 * line text): sorted, so a file with 100,000 findings costs n log n. */
static int rank_findings(const scan_file *f, const char *path, unsigned *rank)
{
    size_t n = (size_t)f->nfindings;
    keyed *k = malloc(n * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < n; i++)
        k[i] = (keyed){finding_key(seeds[0], &f->findings[i], path), i};
    qsort(k, n, sizeof *k, compare_keyed);
    for (size_t i = 0; i < n; i++)
        rank[k[i].index] = i > 0 && k[i - 1].key == k[i].key ? rank[k[i - 1].index] + 1 : 0;
    free(k);
    return 0;
}

fc_fingerprint *fc_fingerprints(const scan_file *f, const char *project_path, int *ok)
{
    *ok = 1;
    if (f->nfindings <= 0)
        return NULL;
    size_t n = (size_t)f->nfindings;
    fc_fingerprint *out = malloc(n * sizeof *out);
    unsigned *rank = malloc(n * sizeof *rank);
    if (!out || !rank || rank_findings(f, project_path, rank) != 0) {
        free(out);
        free(rank);
        *ok = 0;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        /* The rank among equal keys: the same call twice on one line text
         * still gets two fingerprints, in source order. */
        uint64_t half[2];
        for (int s = 0; s < 2; s++) {
            uint64_t h = finding_key(seeds[s], &f->findings[i], project_path);
            char r[16];
            int len = snprintf(r, sizeof r, "%u", rank[i]);
            half[s] = fc_hash(h, r, (size_t)len);
        }
        snprintf(out[i].hex, sizeof out[i].hex, "%016llx%016llx", (unsigned long long)half[0],
                 (unsigned long long)half[1]);
    }
    free(rank);
    return out;
}

void fc_iso_time(char out[32], long long t, int zulu)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm))
        memset(&tm, 0, sizeof tm);
    strftime(out, 32, zulu ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%dT%H:%M:%S", &tm);
}

void fc_put_summary(buf *b, const report_stats *st)
{
    buf_printf(b,
               "files scanned: %ld (%ld lines), findings: %ld (high %ld, medium %ld, low %ld), "
               "suppressed: %ld, warnings: %ld, errors: %ld",
               st->files, st->lines, st->findings, st->by_severity[HIGH], st->by_severity[MEDIUM],
               st->by_severity[LOW], st->suppressed, st->notes, st->errors);
}
