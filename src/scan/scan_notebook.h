/* scan_notebook.h - a notebook's scan results, cell by cell (private to
 * src/scan). The cells are scanned as one module (notebook.h); its results
 * are then cut into one scan_file per code cell, "nb.ipynb#cell-3", with
 * lines counted from the cell's first line, so that every report format
 * shows the same location without knowing about notebooks. */
#ifndef KRAIT_SCAN_NOTEBOOK_RESULTS_H
#define KRAIT_SCAN_NOTEBOOK_RESULTS_H

#include "notebook.h"
#include "scan.h"

/* The notebook's shell commands as KR1309 findings (when enabled), merged
 * into f's findings in line order. */
void scan_nb_add_shells(arena *results, scan_file *f, const notebook *nb,
                        const rules_config *cfg);

/* A syntax error at module line `line`: its cell's path and line. */
void scan_nb_locate_error(arena *results, scan_file *f, const notebook *nb);

/* Cuts f's results into f->parts (one per code cell; none when the
 * notebook has no code cell). */
void scan_nb_split(arena *results, scan_file *f, const notebook *nb);

/* Replaces every file that has parts by its parts, in order. 0 or -1. */
int scan_nb_flatten(scan_result *r);

#endif
