/* checks.h - a declaration of every check named by a row of the catalogue,
 * derived from the .def files. Family files include it so that a check's
 * definition is compiled against the one signature the engine calls it
 * with; registry.c includes it to reference them all (strong references:
 * they are what pulls each family's object out of the static library).
 * Repeating a declaration is harmless. */
#ifndef KRAIT_CHECKS_H
#define KRAIT_CHECKS_H

#include "rules.h"

#define FAMILY(name, title)
#define RULE(id, ...)
#define CALL(id, qn, check) rule_check check;
#define NODE(id, kind, check) rule_check check;
#define IMPORT(id, module, check) rule_check check;
#define REF(id, qn, check) rule_check check;
#include "rules.def"
#undef FAMILY
#undef RULE
#undef CALL
#undef NODE
#undef IMPORT
#undef REF

#endif
