/* origin.h - where inputs that are not local paths came from (`krait scan
 * pypi:NAME`): the release, its file, digest and upload date, shown by the
 * text, JSON and SARIF reports (docs/formats.md, "Inputs from PyPI"). */
#ifndef KRAIT_REPORT_ORIGIN_H
#define KRAIT_REPORT_ORIGIN_H

#include <stddef.h>

#include "../base/buf.h"
#include "json_write.h"

typedef struct report_origin {
    const char *spec;     /* "pypi:NAME==VERSION", the index's spelling */
    const char *file;     /* the file name: what member paths start with */
    const char *kind;     /* "sdist", "bdist_wheel" */
    const char *url;      /* where it was downloaded from */
    const char *sha256;   /* verified before use */
    const char *uploaded; /* ISO 8601 as the index gives it, or NULL */
    const char *note;     /* e.g. a yanked release named explicitly; or NULL */
} report_origin;

/* "source: pypi:NAME==VERSION: FILE (KIND, uploaded DATE, sha256 HEX)"
 * lines and a note line where there is one; nothing when n == 0. */
void report_origins_text(buf *out, const report_origin *o, size_t n);
/* `  "sources": [...],` (a member of the top-level object, with its
 * trailing comma); nothing when n == 0, so local scans are unchanged. */
void report_origins_json(buf *out, const report_origin *o, size_t n);
/* "properties": {"sources": [...]} of a SARIF invocation; nothing when
 * n == 0. */
void report_origins_sarif(jw *w, const report_origin *o, size_t n);
/* One "Source" row per input in the HTML report's header list. */
void report_origins_html(buf *b, const report_origin *o, size_t n);

#endif
