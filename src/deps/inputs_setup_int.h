/* inputs_setup_int.h - what the two legacy setuptools readers share
 * (inputs_setupcfg.c, inputs_setup.c): turning one requirement string into
 * a record. Not part of the API (deps_input.h). */
#ifndef KRAIT_INPUTS_SETUP_INT_H
#define KRAIT_INPUTS_SETUP_INT_H

#include <stddef.h>

#include "deps/deps_input.h"

/* Parse `text` as a PEP 508 requirement and append it as a record of
 * `kind` in `group`; an invalid one is an error at path:line. Returns the
 * number of records added (0 or 1). */
size_t deps_setup_add_req(deps_set *s, const char *path, int line, deps_kind kind,
                          const char *group, const char *text, size_t len);

#endif
