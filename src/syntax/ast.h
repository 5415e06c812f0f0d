/* ast.h - the syntax tree, mirroring CPython 3.14's `ast` module.
 *
 * Node kinds, their fields and field order come from ast.def. A node is
 *     n->kind == AST_Call,  n->v.Call.func,  n->v.Call.args->items[i]
 * Positions follow CPython: lineno/end_lineno 1-based, col_offset and
 * end_col_offset 0-based UTF-8 byte offsets within the line. Every node,
 * sequence and string belongs to the arena of the file it came from. */
#ifndef KRAIT_AST_H
#define KRAIT_AST_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"

typedef struct ast_node ast_node;

/* A sequence of child nodes, identifiers (char *) or cmpops (ast_cmpop cast
 * through intptr_t; use AST_SEQ_CMPOP). An empty sequence may be NULL. */
typedef struct ast_seq {
    int n;
    void *items[];
} ast_seq;

#define AST_SEQ_LEN(s) ((s) ? (s)->n : 0)
#define AST_SEQ_NODE(s, i) ((ast_node *)(s)->items[i])
#define AST_SEQ_IDENT(s, i) ((const char *)(s)->items[i])
#define AST_SEQ_CMPOP(s, i) ((ast_cmpop)(intptr_t)(s)->items[i])

typedef enum { CTX_Load, CTX_Store, CTX_Del } ast_ctx;
typedef enum { BOOLOP_And, BOOLOP_Or } ast_boolop;
typedef enum {
    OP_Add, OP_Sub, OP_Mult, OP_MatMult, OP_Div, OP_Mod, OP_Pow,
    OP_LShift, OP_RShift, OP_BitOr, OP_BitXor, OP_BitAnd, OP_FloorDiv
} ast_operator;
typedef enum { UNARY_Invert, UNARY_Not, UNARY_UAdd, UNARY_USub } ast_unaryop;
typedef enum {
    CMP_Eq, CMP_NotEq, CMP_Lt, CMP_LtE, CMP_Gt, CMP_GtE,
    CMP_Is, CMP_IsNot, CMP_In, CMP_NotIn
} ast_cmpop;

/* A Python constant value (Constant.value, MatchSingleton.value,
 * Interpolation.str). */
typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT, CONST_FLOAT, CONST_COMPLEX, CONST_STR, CONST_BYTES
} ast_const_kind;

typedef struct ast_const {
    ast_const_kind kind;
    union {
        /* CONST_INT: the literal's digits without prefix or underscores,
         * in `base` (2, 8, 10 or 16); any size. ast_int_to_decimal and
         * ast_int_to_i64 in ast.c convert. */
        struct { const char *digits; int len; int base; } i;
        double f;    /* CONST_FLOAT; CONST_COMPLEX: the imaginary part */
        /* CONST_STR: UTF-8 (lone surrogates encoded as 3-byte sequences,
         * since Python str can hold them); CONST_BYTES: raw bytes.
         * May contain NUL; always NUL-terminated as well. */
        struct { const char *s; size_t len; } str;
    } u;
} ast_const;

#define FT_NODE ast_node *
#define FT_NODE_OPT ast_node *
#define FT_SEQ ast_seq *
#define FT_SEQ_IDENT ast_seq *
#define FT_SEQ_CMPOP ast_seq *
#define FT_IDENT const char *
#define FT_IDENT_OPT const char *
#define FT_INT int
#define FT_CONST ast_const
#define FT_CTX ast_ctx
#define FT_BOOLOP ast_boolop
#define FT_OPERATOR ast_operator
#define FT_UNARYOP ast_unaryop

typedef enum {
#define NODE(name, pos) AST_##name,
#define FIELD(node, kind, name)
#define END(name)
#include "ast.def"
#undef NODE
#undef FIELD
#undef END
    AST_KIND_COUNT
} ast_kind;

struct ast_node {
    ast_kind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
#define NODE(name, pos) struct {
#define FIELD(node, kind, name) FT_##kind name;
#define END(name) } name;
#include "ast.def"
#undef NODE
#undef FIELD
#undef END
    } v;
};

/* Reflection over ast.def, for the dumper and generic walkers. */
typedef enum {
    FK_NODE, FK_NODE_OPT, FK_SEQ, FK_SEQ_IDENT, FK_SEQ_CMPOP, FK_IDENT,
    FK_IDENT_OPT, FK_INT, FK_CONST, FK_CTX, FK_BOOLOP, FK_OPERATOR, FK_UNARYOP
} ast_field_kind;

typedef struct ast_field_info {
    const char *name;
    ast_field_kind kind;
    size_t offset; /* from the start of ast_node */
} ast_field_info;

typedef struct ast_kind_info {
    const char *name;
    int has_pos;
    int nfields;
    const ast_field_info *fields;
} ast_kind_info;

extern const ast_kind_info ast_kinds[AST_KIND_COUNT];

extern const char *const ast_ctx_names[];
extern const char *const ast_boolop_names[];
extern const char *const ast_operator_names[];
extern const char *const ast_unaryop_names[];
extern const char *const ast_cmpop_names[];

/* Allocation helpers (the parser's; zeroed memory from the arena). */
ast_node *ast_new(arena *a, ast_kind kind);
ast_seq *ast_seq_new(arena *a, int n);

/* Integer constants: decimal text (arena-allocated) and, when the value fits,
 * an int64 (returns 0 if it does not fit). */
const char *ast_int_to_decimal(arena *a, const ast_const *c);
int ast_int_to_i64(const ast_const *c, int64_t *out);

#endif
