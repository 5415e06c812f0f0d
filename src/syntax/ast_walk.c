/* ast_walk.c - generic iterative tree walk, from ast.def. */
#include "ast_walk.h"

#include <stdlib.h>

/* ---- the child-field table, expanded from ast.def ------------------------ */

#define CF_NODE(node, f) {(unsigned short)offsetof(ast_node, v.node.f), AST_CHILD_NODE},
#define CF_NODE_OPT CF_NODE
#define CF_SEQ(node, f) {(unsigned short)offsetof(ast_node, v.node.f), AST_CHILD_SEQ},
#define CF_SEQ_IDENT(node, f)
#define CF_SEQ_CMPOP(node, f)
#define CF_IDENT(node, f)
#define CF_IDENT_OPT(node, f)
#define CF_INT(node, f)
#define CF_CONST(node, f)
#define CF_CTX(node, f)
#define CF_BOOLOP(node, f)
#define CF_OPERATOR(node, f)
#define CF_UNARYOP(node, f)

#define NODE(name, pos) static const ast_child_field cf_##name[] = {
#define FIELD(node, kind, fname) CF_##kind(node, fname)
#define END(name) {0, AST_CHILD_END}};
#include "ast.def"
#undef NODE
#undef FIELD
#undef END

#define NODE(name, pos) cf_##name,
#define FIELD(node, kind, fname)
#define END(name)
const ast_child_field *const ast_child_fields[AST_KIND_COUNT] = {
#include "ast.def"
};
#undef NODE
#undef FIELD
#undef END

static const ast_child_field body_fields[3][2] = {
    {{(unsigned short)offsetof(ast_node, v.FunctionDef.body), AST_CHILD_SEQ}, {0, AST_CHILD_END}},
    {{(unsigned short)offsetof(ast_node, v.AsyncFunctionDef.body), AST_CHILD_SEQ},
     {0, AST_CHILD_END}},
    {{(unsigned short)offsetof(ast_node, v.ClassDef.body), AST_CHILD_SEQ}, {0, AST_CHILD_END}},
};

const ast_child_field *ast_body_fields(const ast_node *n)
{
    switch (n->kind) {
    case AST_FunctionDef:
        return body_fields[0];
    case AST_AsyncFunctionDef:
        return body_fields[1];
    case AST_ClassDef:
        return body_fields[2];
    default:
        return ast_child_fields[n->kind];
    }
}

/* ---- the walk ------------------------------------------------------------ */

/* Where the walk stands inside one node: the child field it is in and, for
 * a sequence, the next item (for a single child: 1 once visited). */
typedef ast_child_cursor walk_frame;

enum { WALK_INLINE_FRAMES = 64 };

typedef struct walk_stack {
    walk_frame *frames;
    int n, cap;
    walk_frame inline_frames[WALK_INLINE_FRAMES];
} walk_stack;

static int stack_grow(walk_stack *s)
{
    int cap = s->cap * 2;
    walk_frame *f;
    if (s->frames == s->inline_frames) {
        f = malloc((size_t)cap * sizeof *f);
        if (f)
            for (int i = 0; i < s->n; i++)
                f[i] = s->frames[i];
    } else {
        f = realloc(s->frames, (size_t)cap * sizeof *f);
    }
    if (!f)
        return -1;
    s->frames = f;
    s->cap = cap;
    return 0;
}

/* 0: entered, children to come; 1: stop; 2: skipped; -1: no memory. */
static inline int enter_node(walk_stack *s, const ast_node *n, ast_visit_fn *visit, void *ctx)
{
    ast_walk_action a = visit(n, 1, s->n, ctx);
    if (a == AST_WALK_STOP)
        return 1;
    if (a == AST_WALK_SKIP)
        return 0;
    if (s->n == s->cap && stack_grow(s) != 0)
        return -1;
    s->frames[s->n++] = (walk_frame){n, ast_child_fields[n->kind], 0};
    return 0;
}

int ast_walk(const ast_node *root, ast_visit_fn *visit, void *ctx)
{
    if (!root)
        return 0;
    walk_stack s = {.n = 0, .cap = WALK_INLINE_FRAMES};
    s.frames = s.inline_frames;
    int rc = enter_node(&s, root, visit, ctx);
    while (rc == 0 && s.n > 0) {
        walk_frame *top = &s.frames[s.n - 1];
        const ast_node *c = ast_cursor_next(top);
        if (c) {
            rc = enter_node(&s, c, visit, ctx);
            continue;
        }
        s.n--;
        if (visit(top->node, 0, s.n, ctx) == AST_WALK_STOP)
            rc = 1;
    }
    if (s.frames != s.inline_frames)
        free(s.frames);
    return rc;
}

int ast_child_count(const ast_node *n)
{
    walk_frame f = {n, ast_child_fields[n->kind], 0};
    int count = 0;
    while (ast_cursor_next(&f))
        count++;
    return count;
}

const ast_node *ast_child(const ast_node *n, int i)
{
    walk_frame f = {n, ast_child_fields[n->kind], 0};
    const ast_node *c;
    while ((c = ast_cursor_next(&f)) && i-- > 0)
        ;
    return c;
}
