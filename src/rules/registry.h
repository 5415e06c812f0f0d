/* registry.h - the match tables behind the engine (registry.c): the CALL,
 * NODE, IMPORT and REF rows of rules.def, indexed once per process so that each
 * node of a file costs one lookup. Private to src/rules. */
#ifndef KRAIT_REGISTRY_H
#define KRAIT_REGISTRY_H

#include "rules.h"

typedef enum { ROW_CALL, ROW_NODE, ROW_IMPORT, ROW_REF } rule_row_type;

typedef struct rule_row {
    rule_row_type type;
    int rule;            /* rule_id */
    const char *pattern; /* CALL: qualified name (a prefix row keeps its '*');
                            IMPORT: module; REF: qualified name;
                            NODE: NULL */
    size_t len;          /* strlen(pattern), 0 for NODE rows */
    int kind;            /* NODE: the ast_kind; else -1 */
    rule_check *check;
} rule_row;

/* CALL rows for exactly this qualified name, in catalogue order. */
const rule_row *registry_calls(const char *qualname, int *n);
/* CALL rows whose pattern ends in '*': the engine tries each against every
 * callee by prefix (few rows, so a list is enough). */
const rule_row *registry_call_prefixes(int *n);
/* 0 when no CALL row can match a callee `X.attr`: its qualified name
 * would end in ".attr" (semantic.h), and no pattern ends so. Spares the
 * engine resolving the callee of most method calls. */
int registry_may_call_attr(const char *attr);
/* REF rows for exactly this qualified name. */
const rule_row *registry_refs(const char *qualname, int *n);
/* 0 when no REF row's name ends in `last` (the attribute or name at the
 * end of a reference): spares resolving nearly every name. */
int registry_may_ref(const char *last);
/* NODE rows for one node kind. */
const rule_row *registry_nodes(ast_kind kind, int *n);
/* IMPORT rows for exactly this module (the engine asks for each dotted
 * prefix of an imported module in turn). */
const rule_row *registry_imports(const char *module, size_t len, int *n);

/* Every row, for the catalogue checks of the unit tests. */
const rule_row *registry_all_rows(int *n);

#endif
