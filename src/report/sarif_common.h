/* sarif_common.h - the pieces of SARIF 2.1.0 that the scan report (sarif.c)
 * and the dependency report (deps_sarif.c) write alike. */
#ifndef KRAIT_SARIF_COMMON_H
#define KRAIT_SARIF_COMMON_H

#include "formats_common.h"
#include "json_write.h"

#define SARIF_SCHEMA_URI                                                                     \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* The base every relative artifact URI is resolved against: the working
 * directory (originalUriBaseIds). */
#define SARIF_SRCROOT "SRCROOT"

/* "key": {"text": text} (a message or description). */
void sarif_put_text(jw *w, const char *key, const char *text);

/* "artifactLocation": a path inside the working directory relative to
 * SRCROOT; an absolute one outside it as a file:// URI; others as given. */
void sarif_put_artifact(jw *w, const char *path, const fc_cwd *cwd);

/* "locations": [one physicalLocation of path, with region.startLine when
 * line > 0]. */
void sarif_put_line_location(jw *w, const char *path, int line, const fc_cwd *cwd);

/* "originalUriBaseIds": SRCROOT as the working directory's file:// URI. */
void sarif_put_base_ids(jw *w, const fc_cwd *cwd);

#endif
