/* rules.h - the rule catalogue and what a rule's check sees.
 *
 * Rules are data. Each family has one table file, src/rules/<family>.def,
 * holding its rows, and, when some rule needs context, one small check
 * function per such rule in src/rules/<family>.c. The rows:
 *
 *   RULE(ID, NAME, SEV, CONF, CWE, BANDIT, RUFF, MESSAGE, HELP, FIX)
 *       ID: krait's stable ID, KR + the family's hundred (KR102,
 *       KR1001 for the tenth family and after: rules.def);
 *       NAME: short kebab-case name ("subprocess-shell-true");
 *       SEV, CONF: LOW | MEDIUM | HIGH (the defaults; a check may change
 *       them per finding, as Bandit does); CWE: number or 0;
 *       BANDIT, RUFF: "B602", "S602" or NULL; MESSAGE: one line, what is
 *       wrong; HELP: why it matters and when it is a false alarm (may say
 *       where krait deliberately differs from a peer); FIX: the safer
 *       alternative.
 *   CALL(ID, "qualified.name", CHECK)
 *       a call whose callee resolves (semantic.h) to that name; a trailing
 *       '*' matches any rest ("os.spawn*"). CHECK is a rule_check function
 *       or `always`.
 *   NODE(ID, KIND, CHECK)
 *       every node of ast_kind AST_<KIND> (Assert, ExceptHandler, Constant,
 *       FunctionDef, ...), given to CHECK.
 *   REF(ID, "qualified.name", CHECK)
 *       a reference to that name that is not called: the function passed
 *       as a value (`map(pickle.loads, blobs)`, `load = pickle.loads`),
 *       as Python Code Audit reports them. A call is CALL rows' business;
 *       only a whole dotted name that is read counts: neither the `pickle`
 *       of `pickle.loads` nor an attribute read off it
 *       (`pickle.loads.__doc__`) passes the function on.
 *   IMPORT(ID, "module", CHECK)
 *       an import of that module or of a submodule of it (exact dotted
 *       prefix: "pickle" does not match "pickletools"); the node is the
 *       import statement or the __import__ call.
 *
 * Families are listed in rules.def (FAMILY rows); registry.c and engine.c
 * expand them. Adding a rule = adding rows to its family's .def file and,
 * if it needs context, one check function. */
#ifndef KRAIT_RULES_H
#define KRAIT_RULES_H

#include "../base/arena.h"
#include "../semantic/semantic.h"
#include "../syntax/ast.h"

typedef enum { LOW = 1, MEDIUM = 2, HIGH = 3 } rule_level;

typedef struct rule_info {
    const char *id, *name, *family;
    rule_level severity, confidence;
    int cwe;
    const char *bandit, *ruff;
    const char *message, *help, *fix;
} rule_info;

/* Rule indexes: RULE_KR102 and so on, in catalogue order. */
typedef enum {
#define FAMILY(name, title) /* nothing */
#define RULE(id, ...) RULE_##id,
#define CALL(id, qn, check)
#define NODE(id, kind, check)
#define IMPORT(id, module, check)
#define REF(id, qn, check)
#include "rules.def"
#undef FAMILY
#undef RULE
#undef CALL
#undef NODE
#undef IMPORT
#undef REF
    RULE_COUNT
} rule_id;

extern const rule_info rule_catalogue[RULE_COUNT];

/* What a check sees: the file, its meaning, and the node that matched. */
typedef struct rule_ctx {
    const sem_index *sem;
    arena *a;                 /* the file's arena, for messages */
    const char *path;         /* as the user gave it */
    const char *source;       /* decoded UTF-8 text, NUL-terminated */
    size_t source_len;
    const char *qualname;     /* CALL rows: the callee's qualified name */
    const ast_node *module;
    /* The matched node's parent and grandparent in the tree (NULL at the
     * top), kept by the engine's walk: a check that needs context looks
     * up here instead of searching the tree, which would make a long
     * chain (`a + b + ...`) cost the square of its length. */
    const ast_node *parent, *grandparent;
} rule_ctx;

/* What a check may change about the finding it reports (all optional: the
 * engine fills the row's defaults and the matched node's position). */
typedef struct rule_hit {
    rule_level severity, confidence; /* 0: the row's */
    const char *message;             /* NULL: the row's; else arena text */
    const ast_node *at;              /* NULL: the matched node */
    /* secrets (KR11xx, KR905-907): a secret that reports must not print.
     * `redact` is the node whose source holds it; `redact_text` its
     * decoded bytes, looked for verbatim in that source (NULL, or not
     * found there because of escapes: the node's whole range). The
     * engine turns it into finding.redact_*, scan.c masks that range in
     * the snippet and context lines. */
    const ast_node *redact;
    const char *redact_text;
    size_t redact_len;
} rule_hit;

/* A check: 1 to report (hit may be adjusted), 0 not to. */
typedef int rule_check(const rule_ctx *cx, const ast_node *node, rule_hit *hit);
rule_check always; /* reports every match */

/* Helpers for checks (engine.c). */
const ast_node *rule_kwarg(const ast_node *call, const char *name); /* value or NULL */
const ast_node *rule_arg(const ast_node *call, int i); /* i-th positional or NULL */
int rule_has_star_args(const ast_node *call); /* *a or **k present: unknowable */

/* Look a rule up by any spelling: "KR602", "B602", "S602" or its name.
 * Returns its index or -1. Family names: rules_family_known(). */
int rules_find(const char *spelling);
int rules_family_known(const char *family);

/* The families, in catalogue order (rules.def). A family's rules are
 * rule_catalogue[first .. first + count - 1]. */
typedef enum {
#define FAMILY(name, title) RULE_FAMILY_##name,
#define RULE(id, ...)
#define CALL(id, qn, check)
#define NODE(id, kind, check)
#define IMPORT(id, module, check)
#define REF(id, qn, check)
#include "rules.def"
#undef FAMILY
#undef RULE
#undef CALL
#undef NODE
#undef IMPORT
#undef REF
    RULE_FAMILY_COUNT
} rule_family_id;

typedef struct rule_family {
    const char *name, *title;
    int first, count;
} rule_family;
rule_family rules_family_at(int k); /* 0 <= k < RULE_FAMILY_COUNT */
/* 1 when `spelling` names rule `r` (KR/Bandit/Ruff ID, case-insensitive,
 * or its name): several rules may carry one Bandit or Ruff ID. */
int rules_spelling_matches(int r, const char *spelling, size_t len);

#endif
