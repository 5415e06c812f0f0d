/* engine.h - running the catalogue over one parsed file: one walk of the
 * tree, dispatching CALL/NODE/IMPORT rows, then suppression comments.
 * Pure per-file work (no globals), so files run on any thread. */
#ifndef KRAIT_ENGINE_H
#define KRAIT_ENGINE_H

#include "../syntax/parser.h"
#include "rules.h"

typedef struct finding {
    int rule;                          /* rule_id */
    int line, col, end_line, end_col;  /* AST positions: lines 1-based,
                                          columns 0-based UTF-8 bytes */
    rule_level severity, confidence;
    const char *message;
    /* 0, or what silenced it: a comment on a line of the enclosing
     * statement (Bandit's multi-line semantics). */
    enum { SUPPRESSED_NOT = 0, SUPPRESSED_NOSEC, SUPPRESSED_NOQA, SUPPRESSED_KRAIT } suppressed;
    /* The source range holding a secret (rule_hit.redact), to be
     * masked wherever source text is shown; redact_line 0: none. Same
     * units as the position above. */
    int redact_line, redact_col, redact_end_line, redact_end_col;
} finding;

/* A problem with the file that is not a finding (an unknown rule ID in a
 * `# nosec B999` comment, ...): reported as a warning. */
typedef struct file_note {
    int line;
    const char *message;
} file_note;

typedef struct rules_config {
    unsigned char enabled[RULE_COUNT]; /* 1: run this rule */
    int ignore_suppressions;           /* --ignore-nosec */
} rules_config;

/* Every rule enabled, suppressions honoured. */
void rules_config_default(rules_config *cfg);

typedef struct file_result {
    finding *findings;   /* sorted by line, column, rule; arena-owned */
    int nfindings;
    file_note *notes;
    int nnotes;
} file_result;

/* Runs the enabled rules over `src` (from py_parse_file) and fills *out
 * with arena memory. `path` is used for messages only; `module_name`/
 * `is_package` go to sem_build. */
void rules_run(const rules_config *cfg, arena *a, const char *path, const py_file *src,
               const ast_node *module, const char *module_name, int is_package,
               file_result *out);

/* rules_run with the file's semantic index already built (the scanner
 * shares one index between the rules and the overview's measurements). */
struct sem_index;
void rules_run_indexed(const rules_config *cfg, arena *a, const char *path, const py_file *src,
                       const ast_node *module, const struct sem_index *sem, file_result *out);

#endif
