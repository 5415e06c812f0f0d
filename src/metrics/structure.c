/* structure.c - how many statements, functions and classes a file holds:
 * Python Code Audit's "AST nodes" (every ast.stmt node, at any depth) and
 * its function and class counts, done on the whole tree. */
#include "../syntax/ast_walk.h"
#include "metrics.h"

/* ast.def lists the statement kinds together, FunctionDef to Continue. */
static int is_statement(ast_kind k)
{
    return k >= AST_FunctionDef && k <= AST_Continue;
}

static ast_walk_action count_node(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    if (!enter)
        return AST_WALK_CONTINUE;
    structure_counts *c = ctx;
    if (is_statement(n->kind))
        c->statements++;
    if (n->kind == AST_FunctionDef || n->kind == AST_AsyncFunctionDef)
        c->functions++;
    else if (n->kind == AST_ClassDef)
        c->classes++;
    return AST_WALK_CONTINUE;
}

void metrics_count_structure(const ast_node *module, structure_counts *out)
{
    *out = (structure_counts){0, 0, 0};
    ast_walk(module, count_node, out);
}
