/* scan.h - scanning a list of files on a pool of threads. Each file is read,
 * parsed and run through the rules on some worker; its results are copied
 * out of the worker's (reused) arena and stored at the file's index, so the
 * result is the same whatever the number of threads. */
#ifndef KRAIT_SCAN_H
#define KRAIT_SCAN_H

#include <stddef.h>

#include "../base/arena.h"
#include "../rules/engine.h"
#include "discover.h"

/* One finding, positioned for people: lines and columns 1-based, columns in
 * characters, end_column exclusive (docs/formats.md). */
typedef struct scan_finding {
    int rule; /* rule_id */
    int line, column, end_line, end_column;
    rule_level severity, confidence;
    int suppressed; /* SUPPRESSED_* of engine.h */
    const char *message;
    const char *snippet; /* the source line `line`, without its newline */
    /* The lines around it for reports that show context (HTML): from
     * context_first, SCAN_CONTEXT_LINES before `line` to as many after
     * `end_line` (fewer at the file's ends, at most SCAN_CONTEXT_MAX in
     * all), joined with '\n', without a final newline. */
    const char *context;
    int context_first;
} scan_finding;

enum { SCAN_CONTEXT_LINES = 2, SCAN_CONTEXT_MAX = 12 };

struct file_metrics;

typedef struct scan_file {
    const char *path;
    /* The dotted module name from the package layout (scan_module_name),
     * or NULL: what tells local imports from third-party ones. */
    const char *module_name;
    /* With scan_options.metrics: the file's measurements
     * (src/metrics/measure.h), else NULL. */
    const struct file_metrics *metrics;
    int scanned;  /* read and parsed: findings and notes are meaningful */
    long lines;   /* of a scanned file */
    scan_finding *findings;
    int nfindings;
    file_note *notes;
    int nnotes;
    int failed;         /* 1: `error` says why the file was not scanned */
    scan_error error;
    /* A notebook's code cells while the pool runs; scan_files puts them in
     * the notebook's place ("nb.ipynb#cell-3", src/scan/scan_notebook.h). */
    struct scan_file *parts;
    int nparts;
} scan_file;

typedef struct scan_options {
    const rules_config *rules; /* NULL: no rules (krait overview) */
    int metrics;               /* 1: measure each file (scan_file.metrics) */
    size_t max_file_size; /* bytes; larger files are errors */
    int jobs;             /* threads; 1 runs on the calling thread */
    /* file_list.inputs, parallel to the paths (archive members held in
     * memory, findings made at discovery); NULL: every path is on disk. */
    const scan_input *inputs;
} scan_options;

enum { SCAN_DEFAULT_MAX_FILE_SIZE = 50 << 20 };

typedef struct scan_result {
    /* one per path, in the order given; a notebook with code cells is
     * one per cell ("nb.ipynb#cell-3"), in cell order, in its place */
    scan_file *files;
    size_t nfiles;
    arena **arenas;   /* own the results' strings (one per worker) */
    int narenas;
} scan_result;

/* Scans paths[0..n) (SCAN_STDIN_PATH reads stdin) on opt->jobs threads
 * (fewer if the system refuses more; the result is the same). Returns 0,
 * or -1 when the result could not be allocated. Free with
 * scan_result_free. */
int scan_files(const scan_options *opt, const char *const *paths, size_t n,
               scan_result *out);
void scan_result_free(scan_result *r);

/* The number of online CPUs (at least 1): the default for -j. */
int scan_default_jobs(void);

/* The dotted module name of a file from the package layout (parent
 * directories holding __init__.py), or NULL when it has none; *is_package
 * is 1 for an __init__.py. Exposed for unit tests. */
const char *scan_module_name(arena *a, const char *path, int *is_package);
/* 1 when s[0..n) can be one part of a dotted module name (an identifier,
 * non-ASCII letters allowed): module.c's test, shared with archive members. */
int scan_module_part(const char *s, size_t n);

#endif
