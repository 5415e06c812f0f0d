/* ast.c - tables derived from ast.def, allocation, integer conversion. */
#include "ast.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NODE(name, pos) static const ast_field_info fields_##name[] = {
#define FIELD(node, kind, fname) {#fname, FK_##kind, offsetof(ast_node, v.node.fname)},
#define END(name) {NULL, FK_NODE, 0}};
#include "ast.def"
#undef NODE
#undef FIELD
#undef END

#define NODE(name, pos) {#name, pos, (int)(sizeof fields_##name / sizeof fields_##name[0]) - 1, fields_##name},
#define FIELD(node, kind, fname)
#define END(name)
#define POS 1
#define NOPOS 0
const ast_kind_info ast_kinds[AST_KIND_COUNT] = {
#include "ast.def"
};
#undef POS
#undef NOPOS
#undef NODE
#undef FIELD
#undef END

const char *const ast_ctx_names[] = {"Load", "Store", "Del"};
const char *const ast_boolop_names[] = {"And", "Or"};
const char *const ast_operator_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
    "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
const char *const ast_unaryop_names[] = {"Invert", "Not", "UAdd", "USub"};
const char *const ast_cmpop_names[] = {
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};

ast_node *ast_new(arena *a, ast_kind kind)
{
    ast_node *n = arena_alloc(a, sizeof *n);
    n->kind = kind;
    return n;
}

ast_seq *ast_seq_new(arena *a, int n)
{
    ast_seq *s = arena_alloc(a, sizeof *s + (size_t)n * sizeof(void *));
    s->n = n;
    return s;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

int ast_int_to_i64(const ast_const *c, int64_t *out)
{
    uint64_t v = 0;
    uint64_t limit = (uint64_t)INT64_MAX;
    for (int i = 0; i < c->u.i.len; i++) {
        uint64_t d = (uint64_t)digit_value(c->u.i.digits[i]);
        uint64_t base = (uint64_t)c->u.i.base;
        if (v > (limit - d) / base)
            return 0;
        v = v * base + d;
    }
    *out = (int64_t)v;
    return 1;
}

/* Base conversion on little-endian limbs of 10^9: quadratic, fine for the
 * literal sizes source code holds. */
const char *ast_int_to_decimal(arena *a, const ast_const *c)
{
    if (c->u.i.base == 10) {
        int i = 0;
        while (i < c->u.i.len - 1 && c->u.i.digits[i] == '0')
            i++;
        return arena_strndup(a, c->u.i.digits + i, (size_t)(c->u.i.len - i));
    }
    size_t cap = (size_t)c->u.i.len / 2 + 2;
    uint32_t *limb = arena_alloc(a, cap * sizeof *limb);
    size_t n = 1;
    for (int i = 0; i < c->u.i.len; i++) {
        uint64_t carry = (uint64_t)digit_value(c->u.i.digits[i]);
        for (size_t k = 0; k < n; k++) {
            uint64_t t = (uint64_t)limb[k] * (uint64_t)c->u.i.base + carry;
            limb[k] = (uint32_t)(t % 1000000000u);
            carry = t / 1000000000u;
        }
        if (carry)
            limb[n++] = (uint32_t)carry;
    }
    char *s = arena_alloc(a, n * 9 + 1);
    char *p = s;
    p += sprintf(p, "%u", (unsigned)limb[n - 1]);
    for (size_t k = n - 1; k-- > 0;)
        p += sprintf(p, "%09u", (unsigned)limb[k]);
    return s;
}
