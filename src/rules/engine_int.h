/* engine_int.h - what engine.c, stmt_span.c and suppress.c share. Private
 * to src/rules. */
#ifndef KRAIT_ENGINE_INT_H
#define KRAIT_ENGINE_INT_H

#include "engine.h"

/* A finding with the lines a suppression comment may sit on: those of its
 * enclosing statement (for a compound statement only its header), plus the
 * finding's own first line. */
typedef struct pending_finding {
    finding f;
    int first_line, last_line;
} pending_finding;

/* stmt_span.c: 1 for the node kinds a suppression comment attaches to
 * (statements, and except handlers and match cases, whose headers are
 * lines of their own). A match_case has no position of its own. */
static inline int stmt_is_statement(const ast_node *n)
{
    return (n->kind >= AST_FunctionDef && n->kind <= AST_Continue) ||
           n->kind == AST_ExceptHandler || n->kind == AST_match_case;
}
/* The decoded source and, once a compound header needs it, where each of
 * its lines starts. text NULL: headers end where their last child ends. */
typedef struct line_index {
    arena *a;
    const char *text;
    size_t len;
    size_t *starts;
    int nlines;
} line_index;

/* Fills li->starts and li->nlines from li->text (stmt_span.c). */
void line_index_build(line_index *li);
/* The lines of a statement that its suppression comments may sit on:
 * simple statements all their lines; compound ones from their first
 * decorator to the ':' that opens their body. */
void stmt_span(const ast_node *stmt, line_index *li, int *first, int *last);

/* suppress.c: marks the findings silenced by `# nosec`, `# noqa` and
 * `# krait: ignore[...]` comments and reports unknown rule IDs in them as
 * notes (arena memory). */
void suppress_findings(arena *a, const py_file *src, pending_finding *p, int n,
                       file_note **notes, int *nnotes);

#endif
