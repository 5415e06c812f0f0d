/* ast_dump.c - CPython 3.14's ast.dump(tree, include_attributes=True),
 * driven by the reflection table ast_kinds[] so that no node kind needs
 * code of its own.
 *
 * The rules, read off Lib/ast.py (3.13+, show_empty=False):
 *   - fields print in ASDL order as name=value, separated by ", ";
 *   - a field is left out when its value is None and the field is optional
 *     ('?' in the ASDL: NODE_OPT, IDENT_OPT), or when it is an empty list
 *     ('*': SEQ, SEQ_IDENT, SEQ_CMPOP);
 *   - required fields always print, even when they hold None
 *     (Constant(value=None), MatchSingleton(value=None)), and ints always
 *     print (conversion=-1, is_async=0, level=0);
 *   - None items inside a list print as None (Dict keys for `**d`);
 *   - nodes with attributes then print lineno, col_offset, end_lineno,
 *     end_col_offset.
 *
 * The walk is iterative with an explicit stack: trees can be as deep as
 * the source is long (a + a + a + ... nests one BinOp per operand), and the
 * dumper must not be the thing that overflows a thread's C stack. */
#include "ast_dump.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrepr.h"

/* One node being printed: which field comes next and, while inside a list
 * field, which item. */
typedef struct dump_frame {
    const ast_node *node;
    int field;        /* index of the next field to print */
    int item;         /* next item of `seq`, when seq != NULL */
    const ast_seq *seq;
    int printed;      /* fields printed so far, for the ", " separators */
} dump_frame;

typedef struct dump_stack {
    dump_frame *frames;
    size_t n, cap;
} dump_stack;

static void push_node(dump_stack *st, buf *out, const ast_node *node)
{
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        dump_frame *f = realloc(st->frames, cap * sizeof *f);
        if (!f) {
            fputs("krait: out of memory\n", stderr);
            abort();
        }
        st->frames = f;
        st->cap = cap;
    }
    dump_frame *f = &st->frames[st->n++];
    memset(f, 0, sizeof *f);
    f->node = node;
    buf_puts(out, ast_kinds[node->kind].name);
    buf_putc(out, '(');
}

/* Appends a (possibly negative) int without printf's overhead: positions
 * are four ints per node, the bulk of a dump. */
static void put_int(buf *out, int v)
{
    char s[16];
    char *p = s + sizeof s;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    buf_put(out, p, (size_t)(s + sizeof s - p));
}

static void put_enum(buf *out, const char *name)
{
    buf_puts(out, name);
    buf_put(out, "()", 2);
}

static void put_ident(buf *out, const char *s)
{
    py_repr_str(out, s, strlen(s));
}

/* The field's address inside the node's union, typed by the caller. */
static const void *field_ptr(const ast_node *n, const ast_field_info *fi)
{
    return (const char *)n + fi->offset;
}

/* Whether ast.dump leaves the field out entirely. */
static int field_omitted(const ast_node *n, const ast_field_info *fi)
{
    const void *p = field_ptr(n, fi);
    switch (fi->kind) {
    case FK_NODE_OPT: return *(ast_node *const *)p == NULL;
    case FK_IDENT_OPT: return *(const char *const *)p == NULL;
    case FK_SEQ:
    case FK_SEQ_IDENT:
    case FK_SEQ_CMPOP: return AST_SEQ_LEN(*(ast_seq *const *)p) == 0;
    default: return 0;
    }
}

/* Prints a list of identifiers or cmpops in one go (they hold no nodes). */
static void put_flat_seq(buf *out, const ast_seq *s, ast_field_kind kind)
{
    buf_putc(out, '[');
    for (int i = 0; i < s->n; i++) {
        if (i)
            buf_put(out, ", ", 2);
        if (kind == FK_SEQ_IDENT)
            put_ident(out, AST_SEQ_IDENT(s, i));
        else
            put_enum(out, ast_cmpop_names[AST_SEQ_CMPOP(s, i)]);
    }
    buf_putc(out, ']');
}

/* Prints a field that holds no child node. */
static void put_leaf_field(buf *out, const ast_node *n, const ast_field_info *fi,
                           arena *scratch)
{
    const void *p = field_ptr(n, fi);
    switch (fi->kind) {
    case FK_IDENT:
    case FK_IDENT_OPT: put_ident(out, *(const char *const *)p); break;
    case FK_INT: put_int(out, *(const int *)p); break;
    case FK_CONST: py_repr_const(out, (const ast_const *)p, scratch); break;
    case FK_CTX: put_enum(out, ast_ctx_names[*(const ast_ctx *)p]); break;
    case FK_BOOLOP: put_enum(out, ast_boolop_names[*(const ast_boolop *)p]); break;
    case FK_OPERATOR: put_enum(out, ast_operator_names[*(const ast_operator *)p]); break;
    case FK_UNARYOP: put_enum(out, ast_unaryop_names[*(const ast_unaryop *)p]); break;
    case FK_SEQ_IDENT:
    case FK_SEQ_CMPOP: put_flat_seq(out, *(ast_seq *const *)p, fi->kind); break;
    default: break; /* nodes and node lists are walked by the caller */
    }
}

static void put_positions(buf *out, const ast_node *n, int printed)
{
    if (printed)
        buf_put(out, ", ", 2);
    buf_put(out, "lineno=", 7);
    put_int(out, n->lineno);
    buf_put(out, ", col_offset=", 13);
    put_int(out, n->col_offset);
    buf_put(out, ", end_lineno=", 13);
    put_int(out, n->end_lineno);
    buf_put(out, ", end_col_offset=", 17);
    put_int(out, n->end_col_offset);
}

/* Continues a list field of the top frame: prints items until one is a
 * node to descend into (returns it) or the list ends (returns NULL). */
static const ast_node *next_seq_item(buf *out, dump_frame *f)
{
    while (f->item < f->seq->n) {
        const ast_node *child = AST_SEQ_NODE(f->seq, f->item);
        if (f->item++)
            buf_put(out, ", ", 2);
        if (child)
            return child;
        buf_put(out, "None", 4);
    }
    buf_putc(out, ']');
    f->seq = NULL;
    return NULL;
}

/* Continues the top frame's fields: prints leaf fields until one holds a
 * node to descend into (returns it); at the end closes the node and
 * returns NULL. */
static const ast_node *next_field(buf *out, dump_frame *f, arena *scratch)
{
    const ast_kind_info *k = &ast_kinds[f->node->kind];
    while (f->field < k->nfields) {
        const ast_field_info *fi = &k->fields[f->field++];
        if (field_omitted(f->node, fi))
            continue;
        if (f->printed++)
            buf_put(out, ", ", 2);
        buf_puts(out, fi->name);
        buf_putc(out, '=');
        const void *p = field_ptr(f->node, fi);
        if (fi->kind == FK_NODE || fi->kind == FK_NODE_OPT) {
            const ast_node *child = *(ast_node *const *)p;
            if (child)
                return child;
            buf_put(out, "None", 4); /* a required child missing: show it */
        } else if (fi->kind == FK_SEQ) {
            buf_putc(out, '[');
            f->seq = *(ast_seq *const *)p;
            f->item = 0;
            const ast_node *child = next_seq_item(out, f);
            if (child)
                return child;
        } else {
            put_leaf_field(out, f->node, fi, scratch);
        }
    }
    if (k->has_pos)
        put_positions(out, f->node, f->printed);
    buf_putc(out, ')');
    return NULL;
}

void ast_dump(buf *out, const ast_node *node, arena *scratch)
{
    if (!node) {
        buf_put(out, "None", 4);
        return;
    }
    dump_stack st = {NULL, 0, 0};
    push_node(&st, out, node);
    while (st.n > 0) {
        dump_frame *f = &st.frames[st.n - 1];
        const ast_node *child = f->seq ? next_seq_item(out, f) : NULL;
        if (!child && !f->seq)
            child = next_field(out, f, scratch);
        /* No child to enter means next_field has closed the node. */
        if (child)
            push_node(&st, out, child);
        else
            st.n--;
    }
    free(st.frames);
}
