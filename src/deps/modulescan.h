/* modulescan.h - the course's "modulescan" as a `krait deps` input: the
 * third-party modules a Python file or directory imports (the module
 * inventory of `krait overview`), as the distributions that provide them. */
#ifndef KRAIT_MODULESCAN_H
#define KRAIT_MODULESCAN_H

#include <stddef.h>

#include "deps/deps_input.h"

/* Measures the Python files under `path` (as `krait overview` finds them,
 * on `jobs` threads) and adds one DEPS_IMPORTS record per distribution
 * their third-party imports come from (the import -> distribution table,
 * else the top-level module's name), at its first import. Files that
 * cannot be read or parsed are notes. With `fallback`, a note also says
 * that no declaration was found, so the imports were audited instead.
 * Returns the records added. */
size_t deps_read_imports(deps_set *s, const char *path, int jobs, int fallback);

#endif
