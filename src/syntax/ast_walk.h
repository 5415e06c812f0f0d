/* ast_walk.h - a generic pre-order walk over any syntax tree, driven by the
 * reflection table ast_kinds[] so that no caller writes a case per node
 * kind. Iterative (an explicit stack, on the heap beyond 64 levels): a
 * pathologically deep tree cannot overflow the C stack. Children are visited in ast.def field
 * order, which is source order except where CPython's field order is not
 * (a def's decorators come after its body). */
#ifndef KRAIT_AST_WALK_H
#define KRAIT_AST_WALK_H

#include "ast.h"

/* What a visit on entry asks of the walk. On leave the answer is ignored
 * except AST_WALK_STOP. */
typedef enum {
    AST_WALK_CONTINUE = 0, /* visit the children, then call leave */
    AST_WALK_SKIP = 1,     /* do not visit the children; no leave call */
    AST_WALK_STOP = 2      /* end the whole walk now */
} ast_walk_action;

/* Called with enter=1 before a node's children and enter=0 after them.
 * depth: 0 for the root, +1 per level. */
typedef ast_walk_action ast_visit_fn(const ast_node *n, int enter, int depth, void *ctx);

/* Walk `root` (may be NULL). Returns 0 when the walk ran to its end, 1 when
 * a visit stopped it, -1 when the stack could not be allocated. */
int ast_walk(const ast_node *root, ast_visit_fn *visit, void *ctx);

/* The fields of each kind that hold child nodes (NODE, NODE_OPT, SEQ), in
 * ast.def order, ending with an entry whose `seq` is AST_CHILD_END: a
 * tighter table than ast_kinds[] for walkers, which only want children. */
enum { AST_CHILD_NODE = 0, AST_CHILD_SEQ = 1, AST_CHILD_END = 2 };
typedef struct ast_child_field {
    unsigned short offset; /* from the start of ast_node */
    unsigned char seq;
} ast_child_field;
extern const ast_child_field *const ast_child_fields[AST_KIND_COUNT];

/* A cursor over the children a field list names, for walkers that keep
 * their own stack because they must visit other fields than the walk's
 * (radon counts only a def's body: ast_body_fields). Start it with
 * {node, fields, 0}; ast_cursor_next gives each child in turn (NULL items
 * of sequences, such as missing Dict keys, skipped), then NULL. */
typedef struct ast_child_cursor {
    const ast_node *node;
    const ast_child_field *field;
    int item; /* in a sequence field: the next index; a node field: 1 once given */
} ast_child_cursor;

static inline const ast_node *ast_cursor_next(ast_child_cursor *c)
{
    for (; c->field->seq != AST_CHILD_END; c->field++, c->item = 0) {
        const char *base = (const char *)c->node + c->field->offset;
        if (c->field->seq == AST_CHILD_NODE) {
            const ast_node *child = *(ast_node *const *)base;
            if (c->item == 0 && child) {
                c->item = 1;
                return child;
            }
        } else {
            const ast_seq *s = *(ast_seq *const *)base;
            while (c->item < AST_SEQ_LEN(s)) {
                const ast_node *child = AST_SEQ_NODE(s, c->item++);
                if (child)
                    return child;
            }
        }
    }
    return NULL;
}

/* The field list of a FunctionDef's, AsyncFunctionDef's or ClassDef's body
 * alone (no decorators, defaults, annotations, bases); for any other node
 * its whole ast_child_fields entry. */
const ast_child_field *ast_body_fields(const ast_node *n);

/* The number of direct children of n and the i-th one (NULL items of
 * sequences, such as missing Dict keys, are skipped): for callers that
 * need their own traversal order. ast_child costs O(i): to go through all
 * children of a wide node (a module body) use ast_child_fields. */
int ast_child_count(const ast_node *n);
const ast_node *ast_child(const ast_node *n, int i);

#endif
