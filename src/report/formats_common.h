/* formats_common.h - what the machine-readable formats (SARIF, GitLab,
 * CSV, GitHub, JUnit) share: paths relative to the project, URIs, stable
 * fingerprints, timestamps and walking UTF-8 that may be invalid. */
#ifndef KRAIT_FORMATS_COMMON_H
#define KRAIT_FORMATS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "report.h"

/* The working directory, the project root CI tools resolve relative paths
 * against (GitHub code scanning, GitLab): "" when unknown. */
typedef struct fc_cwd {
    char path[4096];
} fc_cwd;
void fc_get_cwd(fc_cwd *c);

/* `path` relative to the working directory without a leading "./"
 * (a pointer into `path`), or NULL when it is absolute and outside it or is
 * standard input. */
const char *fc_project_path(const char *path, const fc_cwd *c);

/* `s` as a URI path: every byte but unreserved characters and '/'
 * percent-encoded (RFC 3986), so any file name is a valid URI reference. */
void fc_put_uri_path(buf *b, const char *s);

/* One code point of s[0..n) (n > 0): returns the bytes used (at least 1);
 * an invalid byte gives U+FFFD. */
size_t fc_next_cp(const char *s, size_t n, unsigned *cp);

/* Bidirectional formatting characters (Trojan Source). */
int fc_is_bidi(unsigned cp);

/* 64-bit FNV-1a, continued from `h` (start with FC_HASH_SEED). */
#define FC_HASH_SEED 0xcbf29ce484222325ULL
uint64_t fc_hash(uint64_t h, const void *data, size_t len);

/* A finding's fingerprint, stable across commits that move it: a hash of
 * rule, project path, the flagged line with whitespace runs collapsed, and
 * the finding's rank among the file's findings with the same rule and line
 * text. Two 64-bit halves (different seeds), as 32 hex digits. */
typedef struct fc_fingerprint {
    char hex[33];
} fc_fingerprint;
/* Fingerprints of every finding of `f` (a malloc'd array, NULL when the
 * file has none or out of memory: *ok says which). */
fc_fingerprint *fc_fingerprints(const scan_file *f, const char *project_path, int *ok);

/* "2026-11-25T10:40:38" (UTC; with a trailing Z when `zulu`). */
void fc_iso_time(char out[32], long long t, int zulu);

/* One-line summary: "12 files scanned (1234 lines), findings: 5 (high 1,
 * medium 3, low 1), suppressed: 2, warnings: 0, errors: 1" (warnings are
 * the notes of the JSON report, named as the text summary names them). */
void fc_put_summary(buf *b, const report_stats *st);

#endif
