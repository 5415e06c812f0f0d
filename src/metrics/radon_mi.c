/* radon_mi.c - radon 5.1's maintainability index (`radon mi`, whose
 * default counts multi-line strings as comments):
 *
 *   MI = max(0, min(100, (171 - 5.2 ln V - 0.23 G - 16.2 ln L
 *                          + 50 sin(sqrt(2.46 * radians(C)))) * 100 / 171))
 *
 * V the file's Halstead volume, G radon's total complexity, L radon's
 * logical lines (lloc), C the percentage of comment and multi-line string
 * lines among radon's source lines (sloc); 100 when V or L is 0. The
 * Halstead figures follow radon's HalsteadVisitor exactly: operators are
 * the operator classes of BinOp, UnaryOp, BoolOp, AugAssign and Compare;
 * their operands count distinct by value within the enclosing function's
 * name (a Name by its id, an Attribute by its attribute name, a Constant
 * by its value with Python's equality, so 1, 1.0 and True are one
 * operand), any other operand expression distinct by itself; a def's
 * decorators, defaults and annotations are not visited. */
#include "radon_mi.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../syntax/ast_walk.h"

/* ---- the set of distinct operands -------------------------------------- */

typedef struct operand_set {
    struct slot {
        uint64_t hash;
        const char *key;
        size_t len;
    } *slots;
    size_t n, cap;
    long unique; /* operands that are only equal to themselves */
} operand_set;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static int set_grow(operand_set *set)
{
    size_t cap = set->cap ? set->cap * 2 : 256;
    struct slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->slots[i].key)
            continue;
        size_t j = set->slots[i].hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return 0;
}

/* Adds the key (arena memory that stays valid); -1 without memory. */
static int set_add(operand_set *set, const char *key, size_t len)
{
    if (2 * (set->n + 1) > set->cap && set_grow(set))
        return -1;
    uint64_t h = hash_bytes(key, len);
    size_t j = h & (set->cap - 1);
    for (; set->slots[j].key; j = (j + 1) & (set->cap - 1))
        if (set->slots[j].hash == h && set->slots[j].len == len &&
            memcmp(set->slots[j].key, key, len) == 0)
            return 0;
    set->slots[j] = (struct slot){h, key, len};
    set->n++;
    return 0;
}

/* ---- operand keys: Python equality as bytes --------------------------------- */

/* Integers longer than this are keyed by their digits as written rather
 * than converted to decimal (quadratic): 0x10 and 16 stay one operand,
 * only a literal of thousands of digits written in two bases would not. */
enum { INT_KEY_MAX_DIGITS = 1000 };

/* The value's key: a tag ('s' str, 'y' bytes, 'n' a number equal to an
 * integer, 'f' another float, 'j' an imaginary number, 'N' None, 'E'
 * Ellipsis) and canonical bytes. */
static const char *value_key(arena *a, const ast_const *c, size_t *len, char *tag)
{
    static const char zero[] = "0", one[] = "1";
    char tmp[64];
    switch (c->kind) {
    case CONST_STR:
    case CONST_BYTES:
        *tag = c->kind == CONST_STR ? 's' : 'y';
        *len = c->u.str.len;
        return c->u.str.s;
    case CONST_NONE:
    case CONST_ELLIPSIS:
        *tag = c->kind == CONST_NONE ? 'N' : 'E';
        *len = 0;
        return "";
    case CONST_TRUE:
    case CONST_FALSE:
        *tag = 'n';
        *len = 1;
        return c->kind == CONST_TRUE ? one : zero;
    case CONST_INT: {
        *tag = 'n';
        if (c->u.i.base != 10 && c->u.i.len > INT_KEY_MAX_DIGITS) {
            *tag = (char)('a' + c->u.i.base); /* distinct from every other tag */
            *len = (size_t)c->u.i.len;
            return c->u.i.digits;
        }
        const char *d = ast_int_to_decimal(a, c);
        *len = strlen(d);
        return d;
    }
    case CONST_FLOAT:
    case CONST_COMPLEX: {
        double v = c->u.f;
        if (c->kind == CONST_COMPLEX && v != 0) {
            *tag = 'j';
            snprintf(tmp, sizeof tmp, "%a", v);
        } else if (c->kind == CONST_COMPLEX || v == 0) {
            *tag = 'n';
            *len = 1;
            return zero; /* 0.0, -0.0 and 0j equal 0 */
        } else if (isfinite(v) && v == floor(v)) {
            *tag = 'n';
            char *s = arena_alloc_raw(a, 400);
            snprintf(s, 400, "%.0f", v); /* exact: equal to that integer */
            *len = strlen(s);
            return s;
        } else {
            *tag = 'f';
            snprintf(tmp, sizeof tmp, "%a", v);
        }
        *len = strlen(tmp);
        return arena_strndup(a, tmp, *len);
    }
    }
    *tag = '?';
    *len = 0;
    return "";
}

typedef struct halstead_state {
    arena *a;
    operand_set set;
    uint64_t operators; /* a bit per distinct operator class */
    long n1, n2;
    int oom;
} halstead_state;

/* One operand of an operator, in the enclosing function's context (NULL
 * at module level). */
static void add_operand(halstead_state *h, const char *context, const ast_node *n)
{
    const char *v;
    size_t len;
    char tag = 's';
    h->n2++;
    if (n->kind == AST_Name) {
        v = n->v.Name.id;
        len = strlen(v);
    } else if (n->kind == AST_Attribute) {
        v = n->v.Attribute.attr;
        len = strlen(v);
    } else if (n->kind == AST_Constant) {
        v = value_key(h->a, &n->v.Constant.value, &len, &tag);
    } else {
        h->set.unique++;
        return;
    }
    size_t clen = context ? strlen(context) : 0;
    char *key = arena_alloc_raw(h->a, clen + len + 3);
    key[0] = context ? 'c' : '-';
    memcpy(key + 1, context ? context : "", clen);
    key[1 + clen] = '\0';
    key[2 + clen] = tag;
    memcpy(key + 3 + clen, v, len);
    if (set_add(&h->set, key, clen + len + 3))
        h->oom = 1;
}

/* Operator classes as bits: BinOp/AugAssign operators 0-12, unary 13-16,
 * and/or 17-18, comparisons 19-28 (radon counts them by class name). */
enum { BIT_UNARY = 13, BIT_BOOL = 17, BIT_CMP = 19 };

static void count_operators(halstead_state *h, const char *ctx, const ast_node *n)
{
    switch (n->kind) {
    case AST_BinOp:
        h->n1++;
        h->operators |= 1ull << n->v.BinOp.op;
        add_operand(h, ctx, n->v.BinOp.left);
        add_operand(h, ctx, n->v.BinOp.right);
        break;
    case AST_AugAssign:
        h->n1++;
        h->operators |= 1ull << n->v.AugAssign.op;
        add_operand(h, ctx, n->v.AugAssign.target);
        add_operand(h, ctx, n->v.AugAssign.value);
        break;
    case AST_UnaryOp:
        h->n1++;
        h->operators |= 1ull << (BIT_UNARY + n->v.UnaryOp.op);
        add_operand(h, ctx, n->v.UnaryOp.operand);
        break;
    case AST_BoolOp:
        h->n1++;
        h->operators |= 1ull << (BIT_BOOL + n->v.BoolOp.op);
        for (int i = 0; i < AST_SEQ_LEN(n->v.BoolOp.values); i++)
            add_operand(h, ctx, AST_SEQ_NODE(n->v.BoolOp.values, i));
        break;
    case AST_Compare:
        for (int i = 0; i < AST_SEQ_LEN(n->v.Compare.ops); i++) {
            h->n1++;
            h->operators |= 1ull << (BIT_CMP + AST_SEQ_CMPOP(n->v.Compare.ops, i));
        }
        for (int i = 0; i < AST_SEQ_LEN(n->v.Compare.comparators); i++)
            add_operand(h, ctx, AST_SEQ_NODE(n->v.Compare.comparators, i));
        add_operand(h, ctx, n->v.Compare.left);
        break;
    default:
        break;
    }
}

/* ---- the walk: a def's body only, in the def's name ------------------------ */

typedef struct h_frame {
    ast_child_cursor children;
    const char *context;
} h_frame;

static int h_push(h_frame **frames, int *n, int *cap, const ast_node *node, const char *ctx)
{
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 64;
        h_frame *f = realloc(*frames, (size_t)ncap * sizeof *f);
        if (!f)
            return -1;
        *frames = f;
        *cap = ncap;
    }
    /* A def's body only, counted in the def's name (a class: everything). */
    const ast_child_field *fields = ast_child_fields[node->kind];
    if (node->kind == AST_FunctionDef) {
        fields = ast_body_fields(node);
        ctx = node->v.FunctionDef.name;
    } else if (node->kind == AST_AsyncFunctionDef) {
        fields = ast_body_fields(node);
        ctx = node->v.AsyncFunctionDef.name;
    }
    (*frames)[(*n)++] = (h_frame){{node, fields, 0}, ctx};
    return 0;
}

int metrics_radon_halstead(arena *a, const ast_node *module, radon_halstead *out)
{
    halstead_state h = {.a = a};
    h_frame *frames = NULL;
    int n = 0, cap = 0;
    int rc = module ? h_push(&frames, &n, &cap, module, NULL) : 0;
    while (rc == 0 && !h.oom && n > 0) {
        h_frame *top = &frames[n - 1];
        const ast_node *c = ast_cursor_next(&top->children);
        if (!c) {
            n--;
            continue;
        }
        count_operators(&h, top->context, c);
        rc = h_push(&frames, &n, &cap, c, top->context);
    }
    free(frames);
    free(h.set.slots);
    if (rc || h.oom)
        return -1;
    long h1 = 0;
    for (uint64_t bits = h.operators; bits; bits &= bits - 1)
        h1++;
    *out = (radon_halstead){h1, (long)h.set.n + h.set.unique, h.n1, h.n2, 0};
    long vocabulary = out->h1 + out->h2, length = out->n1 + out->n2;
    /* Python's math.log(h, 2) is log(h) / log(2) */
    out->volume = vocabulary ? (double)length * (log((double)vocabulary) / log(2.0)) : 0;
    return 0;
}

/* ---- the index ----------------------------------------------------------- */

/* radon.metrics.mi_compute, operation for operation (the same doubles). */
static double mi_compute(double volume, long complexity, long lloc, double comments)
{
    if (volume <= 0 || lloc <= 0)
        return 100.0;
    double sloc_scale = log((double)lloc);
    double volume_scale = log(volume);
    double comments_scale = sqrt(2.46 * (comments * (M_PI / 180.0)));
    double nn_mi = 171 - 5.2 * volume_scale - 0.23 * (double)complexity - 16.2 * sloc_scale +
                   50 * sin(comments_scale);
    double mi = nn_mi * 100 / 171.0;
    return mi < 0.0 ? 0.0 : mi > 100.0 ? 100.0 : mi;
}

int metrics_maintainability(arena *a, const py_file *src, const ast_node *module, double *mi)
{
    radon_raw raw;
    radon_halstead h;
    if (!src->text || metrics_radon_raw(src->text, src->len, &raw))
        return -1;
    long complexity = metrics_radon_total_complexity(a, module);
    if (complexity < 0 || metrics_radon_halstead(a, module, &h))
        return -1;
    double comments =
        raw.sloc ? (double)(raw.comments + raw.multi) / (double)raw.sloc * 100 : 0;
    *mi = mi_compute(h.volume, complexity, raw.lloc, comments);
    return 0;
}
