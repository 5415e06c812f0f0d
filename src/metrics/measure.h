/* measure.h - everything `krait overview` knows about one parsed file,
 * gathered by one call on the scanner's worker thread. */
#ifndef KRAIT_MEASURE_H
#define KRAIT_MEASURE_H

#include "../semantic/semantic.h"
#include "metrics.h"
#include "modules.h"

typedef struct file_metrics {
    line_counts lines;
    structure_counts structure;
    int complexity;         /* metrics_file_complexity */
    int has_maintainability; /* 0 when radon could not measure it either */
    double maintainability;  /* radon's `mi`, 0 to 100 */
    const cc_block *blocks; /* radon's blocks, in radon's order */
    int nblocks;
    const py_warning *warnings; /* what CPython 3.14 warns about, by line */
    int nwarnings;
    const module_use *modules; /* distinct, sorted by name */
    int nmodules;
} file_metrics;

/* Measures a parsed file. Scratch memory comes from `work` (reset by the
 * caller between files); the result and every string it points to live in
 * `out`. */
file_metrics *metrics_measure(arena *work, arena *out, const py_file *src,
                              const ast_node *module, const sem_index *sem);

#endif
