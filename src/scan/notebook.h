/* notebook.h - Jupyter notebooks (.ipynb) as Python modules.
 *
 * The code cells of a notebook are joined into ONE module, in order (cells
 * share their imports and names, as they do in a kernel), each cell on
 * whole lines of its own, after a first line "# coding: utf-8" (so that no
 * cell's text can declare another source encoding). IPython syntax that
 * the parser would refuse keeps its line, neutralised, with the original
 * text kept as a comment for the report's snippets:
 *
 *   !cmd, %magic args, ?x, x?      ->  pass  # !cmd
 *   x = !cmd, x = %magic           ->  x = None  # !cmd
 *   %%bash / %%writefile ... cell  ->  every line commented out
 *   %%time / %%timeit / %%capture  ->  the first line only
 *
 * Lines inside a bracket or a triple-quoted string are never rewritten.
 * Shell commands (`!cmd`, `x = !cmd`, %sx, %system, %%bash, %%sh,
 * %%script, %%system, %%!) are listed for the package family's KR1309.
 * nbformat 4 (cells) and 3 (worksheets[].cells, "input" for the source)
 * are read; cell sources may be a string or a list of strings. */
#ifndef KRAIT_SCAN_NOTEBOOK_H
#define KRAIT_SCAN_NOTEBOOK_H

#include <stddef.h>

#include "../base/arena.h"

typedef struct nb_cell {
    int number;     /* 1-based index among all the notebook's cells */
    int first_line; /* of the module where the cell starts */
    int nlines;     /* 0 for an empty cell */
} nb_cell;

typedef struct nb_shell {
    int line;            /* of the module */
    const char *command; /* the line as written, "!curl ... | sh" */
} nb_shell;

typedef struct notebook {
    char *text; /* the module, UTF-8, NUL-terminated */
    size_t len;
    nb_cell *cells; /* code cells only, in order */
    int ncells;
    nb_shell *shells;
    int nshells;
} notebook;

/* 1 when path names a notebook (".ipynb"). */
int notebook_is_path(const char *path);

/* Reads the notebook JSON data[0..len) into *out (memory from a). Returns
 * 0, or -1 with the reason in msg ("not JSON", "no cells", ...). */
int notebook_to_python(arena *a, const char *data, size_t len, notebook *out, char *msg,
                       size_t msgsize);

/* The code cell holding module line `line`, or NULL (the coding line). */
const nb_cell *notebook_cell_at(const notebook *nb, int line);

#endif
