/* common.c - helpers shared by the rule families' checks (see common.h). */
#include "common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const ast_node *rc_param(const ast_node *call, int pos, const char *name)
{
    const ast_node *v = pos >= 0 ? rule_arg(call, pos) : NULL;
    if (!v && name)
        v = rule_kwarg(call, name);
    return v;
}

int rc_is_str(const rule_ctx *cx, const ast_node *expr)
{
    return expr && sem_const_str(cx->sem, expr) != NULL;
}

int rc_is_str_seq(const rule_ctx *cx, const ast_node *expr)
{
    if (!expr || (expr->kind != AST_List && expr->kind != AST_Tuple))
        return 0;
    const ast_seq *elts = expr->kind == AST_List ? expr->v.List.elts : expr->v.Tuple.elts;
    for (int i = 0; i < AST_SEQ_LEN(elts); i++)
        if (!rc_is_str(cx, AST_SEQ_NODE(elts, i)))
            return 0;
    return 1;
}

const char *rc_command_text(const rule_ctx *cx, const ast_node *expr)
{
    if (!expr)
        return NULL;
    const char *s = sem_const_str(cx->sem, expr);
    if (s || !rc_is_str_seq(cx, expr))
        return s;
    const ast_seq *elts = expr->kind == AST_List ? expr->v.List.elts : expr->v.Tuple.elts;
    size_t total = 1;
    for (int i = 0; i < AST_SEQ_LEN(elts); i++)
        total += strlen(sem_const_str(cx->sem, AST_SEQ_NODE(elts, i))) + 1;
    char *out = arena_alloc_raw(cx->a, total), *p = out;
    for (int i = 0; i < AST_SEQ_LEN(elts); i++) {
        const char *item = sem_const_str(cx->sem, AST_SEQ_NODE(elts, i));
        size_t n = strlen(item);
        if (i)
            *p++ = ' ';
        memcpy(p, item, n);
        p += n;
    }
    *p = '\0';
    return out;
}

const char *rc_last(const char *qualname)
{
    if (!qualname)
        return NULL;
    const char *dot = strrchr(qualname, '.');
    return dot ? dot + 1 : qualname;
}

int rc_ends_with(const char *qualname, const char *suffix)
{
    if (!qualname)
        return 0;
    size_t n = strlen(qualname), m = strlen(suffix);
    if (n == m)
        return strcmp(qualname, suffix) == 0;
    return n > m && qualname[n - m - 1] == '.' && strcmp(qualname + n - m, suffix) == 0;
}

int rc_under(const char *qualname, const char *prefix)
{
    if (!qualname)
        return 0;
    size_t m = strlen(prefix);
    return strncmp(qualname, prefix, m) == 0 && (qualname[m] == '\0' || qualname[m] == '.');
}

/* `from a import b` may import the submodule a.b: "a.b" is under `module`
 * when a is, or when a is `module`'s package and b its next part. */
static int from_import_under(const sem_import *im, const char *module)
{
    size_t m = strlen(im->module);
    return im->name && strncmp(module, im->module, m) == 0 && module[m] == '.' &&
           strcmp(module + m + 1, im->name) == 0;
}

int rc_imports(const rule_ctx *cx, const char *module)
{
    const sem_import *imports = NULL;
    int n = sem_imports(cx->sem, &imports);
    for (int i = 0; i < n; i++)
        if (rc_under(imports[i].module, module) || from_import_under(&imports[i], module))
            return 1;
    return 0;
}

int rc_kw_truthy(const rule_ctx *cx, const ast_node *call, const char *name, int absent)
{
    const ast_node *v = rule_kwarg(call, name);
    return v ? sem_truthy(cx->sem, v) : absent;
}

int rc_int(const rule_ctx *cx, const ast_node *expr, long long *out)
{
    return expr && sem_const_int(cx->sem, expr, out);
}

const char *rc_fmt(const rule_ctx *cx, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
    return arena_strndup(cx->a, buf, len);
}


int rc_in(const char *s, const char *const *list)
{
    if (!s)
        return 0;
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

int rc_starts(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

int rc_has_suffix(const char *s, const char *suffix)
{
    if (!s)
        return 0;
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int rc_const_false(const rule_ctx *cx, const ast_node *v)
{
    ast_const c;
    if (!v || !sem_const(cx->sem, v, &c))
        return 0;
    switch (c.kind) {
    case CONST_FALSE: return 1;
    case CONST_INT: {
        long long n;
        return sem_const_int(cx->sem, v, &n) && n == 0;
    }
    case CONST_STR:
    case CONST_BYTES: return c.u.str.len == 0;
    default: return 0;
    }
}

int rc_const_none(const rule_ctx *cx, const ast_node *v)
{
    ast_const c;
    return v && sem_const(cx->sem, v, &c) && c.kind == CONST_NONE;
}

const char *rc_simple_name(const ast_node *e)
{
    if (!e)
        return NULL;
    if (e->kind == AST_Name)
        return e->v.Name.id;
    if (e->kind == AST_Attribute)
        return e->v.Attribute.attr;
    return NULL;
}

const char *rc_method(const ast_node *call)
{
    if (!call || call->kind != AST_Call || call->v.Call.func->kind != AST_Attribute)
        return NULL;
    return call->v.Call.func->v.Attribute.attr;
}


const char *rc_qualname_nocall(const rule_ctx *cx, const ast_node *e)
{
    const char *qn = e ? sem_qualname(cx->sem, e) : NULL;
    if (!qn || !rc_has_suffix(qn, "()"))
        return qn;
    return arena_strndup(cx->a, qn, strlen(qn) - 2);
}


const char *rc_clip(arena *a, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return s;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--; /* back to the start of the sequence that does not fit */
    return arena_strndup(a, s, max);
}
