/* complexity.c - cyclomatic complexity per block, exactly as radon 5.1's
 * `cc` computes it, and the per-file score of Python Code Audit (done
 * right). Both are one iterative pass over the tree: no recursion, so a
 * tree of any depth is measured without touching the C stack.
 *
 * radon's rules (radon/visitors.py, ComplexityVisitor), which we follow
 * to the letter because the point is to give radon's numbers:
 *   - a function starts at 1; a decision point in its body adds to it:
 *     if/elif and `x if c else y` +1; for/async for/while +1, +1 more
 *     with an `else`; try +1 per except handler, +1 with an `else`;
 *     and/or chains (number of operands - 1); each comprehension `for`
 *     +1 and each of its `if`s +1; assert +1 (and nothing inside the
 *     assert counts). `with`, `match`/`case`, `except*` (TryStar), lambda
 *     add nothing: radon 5.1 predates or ignores them.
 *   - only the body is looked at: decorators, default values,
 *     annotations and type parameters count for nobody.
 *   - a nested function (closure) is its own block; its decisions do not
 *     count for the enclosing function.
 *   - a class's real complexity is 1 + the decisions directly in its body
 *     + the complexity of each method (a def directly in the class, under
 *     any if/try of the class body); nested classes add nothing. The
 *     complexity radon reports is the real one when there is no method,
 *     else real / methods (truncated) + 1 if there are several methods.
 *   - a class defined inside a function is not reported at all, and
 *     neither is anything inside it (radon drops it).
 *   - decisions at module level belong to no block.
 */
#include "metrics.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../syntax/ast_walk.h"
#include "radon_mi.h"

/* ---- radon's increments ----------------------------------------------------- */

/* What node n adds to its block's complexity (radon's generic_visit). */
static int radon_increment(const ast_node *n)
{
    switch (n->kind) {
    case AST_If:
    case AST_IfExp:
    case AST_Assert:
        return 1;
    case AST_For:
        return 1 + (AST_SEQ_LEN(n->v.For.orelse) > 0);
    case AST_AsyncFor:
        return 1 + (AST_SEQ_LEN(n->v.AsyncFor.orelse) > 0);
    case AST_While:
        return 1 + (AST_SEQ_LEN(n->v.While.orelse) > 0);
    case AST_Try:
        return AST_SEQ_LEN(n->v.Try.handlers) + (AST_SEQ_LEN(n->v.Try.orelse) > 0);
    case AST_BoolOp:
        return AST_SEQ_LEN(n->v.BoolOp.values) - 1;
    case AST_comprehension:
        return 1 + AST_SEQ_LEN(n->v.comprehension.ifs);
    default:
        return 0;
    }
}

static int is_def(const ast_node *n)
{
    return n->kind == AST_FunctionDef || n->kind == AST_AsyncFunctionDef;
}

/* ---- the walk's state --------------------------------------------------------- */

/* Where the walk stands in one node: the child field it is in and, for a
 * sequence, the next item. A def or class frame walks its body only. */
typedef struct cc_frame {
    ast_child_cursor children;
    int scope; /* a def/class frame: the scope it opened; else -1 */
} cc_frame;

/* An open def or class: the block it fills and the running totals. */
typedef struct cc_scope {
    int block;   /* index in the block list; -1: not reported (the module) */
    int is_class;
    long score;  /* function: its complexity; class: its real complexity */
    int methods; /* class: defs directly in its body */
} cc_scope;

typedef struct cc_state {
    arena *a;
    cc_frame *frames;
    int nframes, frames_cap;
    cc_scope *scopes;
    int nscopes, scopes_cap;
    cc_block *blocks;
    int nblocks, blocks_cap;
    /* radon's total_complexity: module-level decisions and the module-level
     * functions' and classes' (real complexity - 1) */
    long module_total;
} cc_state;

/* Grows *p (n items of `size` bytes, capacity *cap) to hold one more. */
static int grow(void **p, int n, int *cap, size_t size)
{
    if (n < *cap)
        return 0;
    if (*cap > INT_MAX / 2)
        return -1;
    int ncap = *cap ? *cap * 2 : 64;
    void *q = realloc(*p, (size_t)ncap * size);
    if (!q)
        return -1;
    *p = q;
    *cap = ncap;
    return 0;
}

/* ---- blocks ------------------------------------------------------------------- */

/* Qualified names keep at most this many bytes of the enclosing block's
 * name: beyond it the prefix becomes "...". Real code never comes near
 * (the parser allows 100 indentation levels); it keeps a pathological
 * nesting of long names from costing depth x file size of memory. */
enum { CC_PREFIX_MAX = 1024 };

static const char *qualified_name(arena *a, const char *parent, const char *name)
{
    if (!parent)
        return name;
    size_t plen = strlen(parent), nlen = strlen(name);
    if (plen > CC_PREFIX_MAX) {
        parent = "...";
        plen = 3;
    }
    char *s = arena_alloc_raw(a, plen + 1 + nlen + 1);
    memcpy(s, parent, plen);
    s[plen] = '.';
    memcpy(s + plen + 1, name, nlen + 1);
    return s;
}

/* The innermost open scope, or NULL at module level. */
static cc_scope *current_scope(cc_state *st)
{
    return st->nscopes ? &st->scopes[st->nscopes - 1] : NULL;
}

/* A def or class met in the walk: its block (when radon reports it) and
 * its scope. Returns the scope index, -2 when the node and everything in
 * it are not reported (a class inside a function), -1 without memory. */
static int open_scope(cc_state *st, const ast_node *n)
{
    const cc_scope *outer = current_scope(st);
    int is_class = n->kind == AST_ClassDef;
    int in_class = outer && outer->is_class;
    if (outer && !in_class && is_class)
        return -2;
    int parent = outer ? outer->block : -1; /* an index: the arrays may move */
    if (grow((void **)&st->blocks, st->nblocks, &st->blocks_cap, sizeof *st->blocks) ||
        grow((void **)&st->scopes, st->nscopes, &st->scopes_cap, sizeof *st->scopes))
        return -1;
    const char *name = is_class                           ? n->v.ClassDef.name
                       : n->kind == AST_AsyncFunctionDef ? n->v.AsyncFunctionDef.name
                                                         : n->v.FunctionDef.name;
    st->blocks[st->nblocks] = (cc_block){
        .name = qualified_name(st->a, parent >= 0 ? st->blocks[parent].name : NULL, name),
        .kind = is_class ? BLOCK_CLASS : in_class ? BLOCK_METHOD : BLOCK_FUNCTION,
        .line = n->lineno,
        .end_line = n->end_lineno,
        .col = n->col_offset,
    };
    st->scopes[st->nscopes] = (cc_scope){st->nblocks++, is_class, 1, 0};
    return st->nscopes++;
}

/* The def or class of the innermost scope is fully walked: its final
 * complexity, and a method's share of its class. */
static void close_scope(cc_state *st)
{
    cc_scope *s = &st->scopes[--st->nscopes];
    long cc = s->score;
    if (s->is_class && s->methods > 0)
        cc = s->score / s->methods + (s->methods > 1);
    st->blocks[s->block].complexity = cc > INT_MAX ? INT_MAX : (int)cc;
    cc_scope *outer = current_scope(st);
    if (!outer)
        st->module_total += s->score - 1;
    if (!s->is_class && outer && outer->is_class) {
        outer->score += cc;
        outer->methods++;
    }
}

/* ---- the walk ----------------------------------------------------------------- */

/* Enters node n: counts it, and pushes a frame for its children unless
 * radon does not look inside (assert, an unreported class). 0 or -1. */
static int enter(cc_state *st, const ast_node *n)
{
    int scope = -1;
    if (is_def(n) || n->kind == AST_ClassDef) {
        scope = open_scope(st, n);
        if (scope == -2)
            return 0;
        if (scope < 0)
            return -1;
    } else {
        cc_scope *s = current_scope(st);
        if (s)
            s->score += radon_increment(n);
        else
            st->module_total += radon_increment(n);
        if (n->kind == AST_Assert)
            return 0;
    }
    if (grow((void **)&st->frames, st->nframes, &st->frames_cap, sizeof *st->frames))
        return -1;
    st->frames[st->nframes++] = (cc_frame){
        {n, scope >= 0 ? ast_body_fields(n) : ast_child_fields[n->kind], 0}, scope};
    return 0;
}

static int walk_blocks(cc_state *st, const ast_node *module)
{
    if (enter(st, module))
        return -1;
    while (st->nframes > 0) {
        cc_frame *top = &st->frames[st->nframes - 1];
        const ast_node *c = ast_cursor_next(&top->children);
        if (c) {
            if (enter(st, c))
                return -1;
            continue;
        }
        if (top->scope >= 0)
            close_scope(st);
        st->nframes--;
    }
    return 0;
}

long metrics_radon_total_complexity(arena *a, const ast_node *module)
{
    cc_state st = {.a = a, .module_total = 1};
    int rc = module ? walk_blocks(&st, module) : 0;
    free(st.frames);
    free(st.scopes);
    free(st.blocks);
    return rc == 0 ? st.module_total : -1;
}

int metrics_cc_blocks(arena *a, const ast_node *module, cc_block **out)
{
    cc_state st = {.a = a};
    *out = NULL;
    if (!module)
        return 0;
    int rc = walk_blocks(&st, module);
    if (rc == 0 && st.nblocks > 0) {
        *out = arena_alloc_raw(a, (size_t)st.nblocks * sizeof **out);
        memcpy(*out, st.blocks, (size_t)st.nblocks * sizeof **out);
    }
    free(st.frames);
    free(st.scopes);
    free(st.blocks);
    return rc == 0 ? st.nblocks : -1;
}

/* ---- Python Code Audit's file score ------------------------------------------- */

/* What node n adds to the file's score: Code Audit's visit_* methods
 * (if/elif, for, while, try, each except handler, with, match, assert,
 * and/or operands - 1), plus what its visitor misses: each match case
 * (its visit_MatchCase never runs: the node class is match_case), async
 * for, async with and try/except* (TryStar; its handlers it did count). */
static int audit_increment(const ast_node *n)
{
    switch (n->kind) {
    case AST_If:
    case AST_For:
    case AST_AsyncFor:
    case AST_While:
    case AST_Try:
    case AST_TryStar:
    case AST_ExceptHandler:
    case AST_With:
    case AST_AsyncWith:
    case AST_Match:
    case AST_match_case:
    case AST_Assert:
        return 1;
    case AST_BoolOp:
        return AST_SEQ_LEN(n->v.BoolOp.values) - 1;
    default:
        return 0;
    }
}

static ast_walk_action add_audit_increment(const ast_node *n, int enter_, int depth, void *ctx)
{
    (void)depth;
    if (enter_)
        *(long *)ctx += audit_increment(n);
    return AST_WALK_CONTINUE;
}

int metrics_file_complexity(const ast_node *module)
{
    long score = 1;
    if (ast_walk(module, add_audit_increment, &score) < 0)
        return -1;
    return score > INT_MAX ? INT_MAX : (int)score;
}
