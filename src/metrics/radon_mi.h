/* radon_mi.h - the parts of radon 5.1's maintainability index (`radon mi`),
 * private to src/metrics: radon's raw line counts (radon_raw.c), its
 * Halstead volume and total complexity (radon_mi.c, complexity.c). */
#ifndef KRAIT_METRICS_RADON_MI_H
#define KRAIT_METRICS_RADON_MI_H

#include <stddef.h>

#include "metrics.h"

/* radon.raw.analyze's Module: loc = sloc + blank + multi + single_comments. */
typedef struct radon_raw {
    long loc, lloc, sloc, comments, multi, blank, single_comments;
} radon_raw;

/* radon's raw counts of the decoded text; -1 where radon itself fails
 * ("SyntaxError at line": its line-by-line tokenizing never completes). */
int metrics_radon_raw(const char *text, size_t len, radon_raw *out);

/* ComplexityVisitor(off=True).total_complexity of the module: 1 + the
 * decisions at module level + (complexity - 1) of each module-level
 * function + (real complexity - 1) of each module-level class. -1 if
 * memory ran out. */
long metrics_radon_total_complexity(arena *a, const ast_node *module);

/* HalsteadVisitor's figures for the whole file. */
typedef struct radon_halstead {
    long h1, h2, n1, n2;
    double volume;
} radon_halstead;

int metrics_radon_halstead(arena *a, const ast_node *module, radon_halstead *out);

#endif
