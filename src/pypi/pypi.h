/* pypi.h - `pypi:NAME[==VERSION]` inputs: a release looked up in the PyPI
 * JSON API (https://docs.pypi.org/api/json/), one of its files chosen,
 * downloaded into memory with libcurl and checked against the sha256
 * digest the index publishes. Nothing is written to disk and nothing
 * downloaded is executed.
 *
 * Pieces: pypi_name.c (the argument, the index URL), pypi_index.c (the
 * JSON document, the choice of a file), pypi_http.c (bounded HTTP GET),
 * pypi_digest.c (sha256), pypi.c (the whole fetch). No global state
 * except libcurl's, which pypi_fetch initialises: call it from one thread
 * (the command line's), before starting worker threads. */
#ifndef KRAIT_PYPI_H
#define KRAIT_PYPI_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

/* The prefix that makes a command-line argument a PyPI request. */
#define PYPI_PREFIX "pypi:"
#define PYPI_DEFAULT_INDEX "https://pypi.org"

/* Archives larger than this are refused whatever the index says. */
enum { PYPI_MAX_ARCHIVE = 200 << 20, PYPI_MAX_JSON = 64 << 20 };

bool pypi_is_request(const char *arg);

/* A parsed `pypi:NAME[==VERSION]`. */
typedef struct pypi_request {
    const char *name;    /* as written */
    const char *key;     /* PEP 503 normalised: what the URL uses */
    const char *version; /* PEP 440 normalised, or NULL for the latest */
} pypi_request;

/* Parses arg (with its "pypi:" prefix). The name must be a PEP 508 name
 * and the version a PEP 440 version (so that neither can smuggle '/', '?'
 * or '#' into a URL). Returns 0, or -1 with a one-line reason in err. */
int pypi_parse_request(arena *a, const char *arg, pypi_request *r, char *err, size_t errlen);

/* The JSON API base for an index URL (--index-url, PIP_INDEX_URL): a
 * trailing "/simple" or "/+simple" (with or without '/') is removed, so
 * https://pypi.org/simple/ gives https://pypi.org and Artifactory's
 * https://h/artifactory/api/pypi/REPO/simple gives .../api/pypi/REPO;
 * anything else is taken as the base itself. NULL (with err) for a URL
 * that is not http(s), has a query or fragment, or is plain http to a
 * host other than the loopback. The result has no trailing '/'. */
const char *pypi_api_base(arena *a, const char *index_url, char *err, size_t errlen);

/* Plain http is refused except to the loopback (127.0.0.0/8, ::1,
 * localhost: the test suite's fake index); https always with certificate
 * checks. Applies to every URL and every redirect. */
bool pypi_url_allowed(const char *url);

/* Replaces, in place, the bytes that would drive a terminal (C0 controls,
 * DEL, UTF-8-encoded C1 controls) with '?': every text an index sends
 * (names, versions, yanked reasons, URLs) goes through it before it can
 * reach a message or a report. */
void pypi_clean_text(char *s);

/* url without its user name and password (private mirrors put tokens
 * there), for messages: written to out (truncated to size). */
void pypi_url_redact(const char *url, char *out, size_t size);

/* ---- the JSON document ------------------------------------------------ */

typedef struct pypi_file {
    const char *filename, *url, *packagetype; /* "sdist", "bdist_wheel", ... */
    const char *sha256;      /* 64 lowercase hex digits, or NULL if absent/malformed */
    const char *upload_time; /* upload_time_iso_8601 (or upload_time), or NULL */
    long long size;          /* -1 when absent */
    bool yanked;
    const char *yanked_reason; /* NULL when none given */
} pypi_file;

typedef struct pypi_release {
    const char *name, *version; /* info.name, info.version */
    const char *const *requires_dist; /* info.requires_dist (PEP 508 strings) */
    size_t nrequires;
    const pypi_file *files; /* the release's files ("urls") */
    size_t nfiles;
} pypi_release;

/* Reads a /pypi/NAME[/VERSION]/json document. Returns 0, or -1 with the
 * reason (not JSON, missing or mistyped fields) in err. */
int pypi_release_parse(arena *a, const char *json, size_t len, pypi_release *out, char *err,
                       size_t errlen);

/* The file krait audits: an sdist (.tar.gz before other suffixes, then by
 * file name); without one, a wheel (py3-none-any, then py2.py3-none-any,
 * then any other *-none-any, then the first by file name); other kinds
 * (eggs, installers) never. Non-yanked files first. NULL with err when
 * the release has no such file. */
const pypi_file *pypi_choose_file(const pypi_release *r, char *err, size_t errlen);

/* ---- HTTP and digests --------------------------------------------------- */

typedef struct pypi_limits {
    long timeout;         /* seconds for the whole transfer; 0: 300 */
    long connect_timeout; /* seconds; 0: 30 */
    size_t max_bytes;     /* more is refused */
    long long exact_size; /* >= 0: the body must have exactly this size */
} pypi_limits;

/* GET url into a malloc'd buffer (*data, *len; NUL-terminated for
 * convenience). Redirects are followed (at most 5) only to URLs that
 * pypi_url_allowed accepts. Returns 0, or -1 with err; *status is the
 * last HTTP status (0 if none), so that 404 can be told apart. */
int pypi_http_get(const char *url, const pypi_limits *lim, char **data, size_t *len,
                  long *status, char *err, size_t errlen);

/* sha256 of data as 64 lowercase hex digits and a NUL. 0, or -1 if
 * libcrypto fails. */
int pypi_sha256_hex(const void *data, size_t len, char out[65]);

/* ---- the whole fetch ---------------------------------------------------- */

typedef struct pypi_options {
    const char *index_url; /* NULL: $PIP_INDEX_URL, else https://pypi.org */
    long timeout;          /* 0: $KRAIT_PYPI_TIMEOUT, else 300 seconds */
    bool download;         /* false: only the JSON (krait deps) */
} pypi_options;

typedef struct pypi_package {
    const char *spec;  /* "pypi:NAME==VERSION" with the index's spelling */
    const char *name, *version;
    bool pinned;       /* the request named the version */
    const pypi_release *release;
    const pypi_file *file; /* NULL when !download */
    unsigned char *data;   /* malloc'd: the verified archive */
    size_t len;
    const char *note;      /* e.g. "yanked release (reason): scanned because pinned" */
} pypi_package;

/* Resolves, downloads and verifies arg ("pypi:..."): everything but data
 * lives in `a`. Returns 0, or -1 with a one-line reason in err (unknown
 * project or version, no usable file, yanked and not pinned, digest
 * mismatch, size, timeout, refused redirect, bad JSON). */
int pypi_fetch(arena *a, const pypi_options *o, const char *arg, pypi_package *out, char *err,
               size_t errlen);
void pypi_package_free(pypi_package *p);

/* `krait deps pypi:...` (pypi_deps.c): the release and its requires_dist
 * as records of s under the path p->spec. Returns the records added. */
struct deps_set;
size_t pypi_add_deps(struct deps_set *s, const pypi_package *p);

#endif
