/* summary.h - the directory-level view of `krait overview`: totals over
 * every measured file, the true median and maximum of file complexity,
 * the functions ranked by complexity, and each imported module with the
 * number of files importing it, classified against the scanned tree. */
#ifndef KRAIT_SUMMARY_H
#define KRAIT_SUMMARY_H

#include <stddef.h>

#include "../scan/scan.h"
#include "measure.h"

typedef struct ranked_function {
    const char *path;
    const cc_block *block;
} ranked_function;

typedef struct module_count {
    const char *name;         /* dotted, as imported */
    module_origin origin;     /* after looking at the scanned tree */
    const char *distribution; /* third party: the PyPI name when it differs */
    long files;               /* files importing it */
} module_count;

typedef struct overview_summary {
    long files;  /* measured */
    long errors; /* not measured: unreadable, binary, syntax errors... */
    line_counts lines;
    structure_counts structure;
    long warnings;
    double median_complexity; /* of the measured files; 0 when none */
    int max_complexity;
    const char *max_complexity_path;
    ranked_function *functions; /* every block, most complex first */
    size_t nfunctions;
    module_count *modules; /* by origin (stdlib, third party, local), then name */
    size_t nmodules;
    module_set local;          /* top-level names of the scanned tree */
    const char **local_names;  /* its storage (malloc'd strings) */
    size_t nlocal_names;
} overview_summary;

/* Builds the summary of a scan run with scan_options.metrics. Returns 0,
 * or -1 when out of memory. Free with overview_summary_free. */
int overview_summarize(const scan_result *r, overview_summary *out);
void overview_summary_free(overview_summary *s);

/* A module's origin once the scanned tree is known (modules_classify):
 * a name whose top-level module is one of the tree's own is local. */
module_origin overview_origin(const overview_summary *s, const module_use *m);

const char *overview_origin_name(module_origin o); /* "stdlib", "third_party", "local" */

#endif
