/* resolve.c - qualified names of expressions (semantic.h). A Name is
 * resolved through its binding(s); an Attribute extends its value's name;
 * a Call's result is its callee's name followed by "()", except for the
 * calls that import or fetch an attribute by a constant name. */
#include "sem_internal.h"

#include <string.h>

/* Alias chains longer than this (`a = b; b = c; ...`) are given up on: they
 * do not occur in real code, and the limit bounds recursion. */
enum { QUALNAME_MAX_DEPTH = 48 };

const char *sem_dotted(arena *a, const char *left, const char *right)
{
    size_t l = strlen(left), r = strlen(right);
    /* An unresolved relative base ("." or "..a.") needs no second dot. */
    size_t sep = l > 0 && left[l - 1] == '.' ? 0 : 1;
    char *s = arena_alloc_raw(a, l + sep + r + 1);
    memcpy(s, left, l);
    if (sep)
        s[l] = '.';
    memcpy(s + l + sep, right, r + 1);
    return s;
}

static const char *call_result(arena *a, const char *callee)
{
    size_t l = strlen(callee);
    char *s = arena_alloc_raw(a, l + 3);
    memcpy(s, callee, l);
    memcpy(s + l, "()", 3);
    return s;
}

static const char *def_qualname(const sem_index *ix, const sem_def *d, int depth)
{
    switch (d->kind) {
    case DEF_IMPORT:
        return d->qualname;
    case DEF_VALUE:
    case DEF_WITH:
        return sem_qualname_depth(ix, d->value, depth + 1);
    default:
        return NULL;
    }
}

/* `name = None` next to other bindings (the `except ImportError: yaml =
 * None` fallback) cannot be what a call or attribute access goes through,
 * so it does not count against them. */
static int is_none_binding(const sem_def *d)
{
    return d->kind == DEF_VALUE && d->value->kind == AST_Constant &&
           d->value->v.Constant.value.kind == CONST_NONE;
}

static int has_preferred_def(const sem_sym *sym)
{
    for (const sem_def *d = sym->defs; d; d = d->next)
        if (!d->fallback && !is_none_binding(d))
            return 1;
    return 0;
}

/* All bindings must agree; one unknown or disagreeing binding and the name
 * has none. Fallback imports (sem_def.fallback) count only when nothing
 * else binds the name. Cached per symbol; a symbol met again while being
 * resolved is a cycle (`a = b; b = a`) and has none either. */
static const char *symbol_qualname(const sem_index *ix, const sem_sym *csym, int depth)
{
    sem_sym *sym = (sem_sym *)csym; /* the cache is the only thing written */
    if (sym->qn_state == CACHE_DONE)
        return sym->qn;
    if (sym->qn_state == CACHE_BUSY || depth > QUALNAME_MAX_DEPTH)
        return NULL;
    sym->qn_state = CACHE_BUSY;
    const char *qn = NULL;
    int skip_fallbacks = has_preferred_def(sym);
    for (const sem_def *d = sym->defs; d; d = d->next) {
        if (is_none_binding(d) || (skip_fallbacks && d->fallback))
            continue;
        const char *q = def_qualname(ix, d, depth);
        if (!q || (qn && strcmp(q, qn) != 0)) {
            qn = NULL;
            break;
        }
        qn = q;
    }
    sym->qn = qn;
    sym->qn_state = CACHE_DONE;
    return qn;
}

static const char *name_qualname(const sem_index *ix, const ast_node *n, int depth)
{
    const sem_scope *scope = sem_scope_of(ix, n);
    if (!scope)
        return NULL;
    const sem_sym *sym = sem_lookup(ix, scope, n->v.Name.id);
    if (sym)
        return symbol_qualname(ix, sym, depth);
    /* `__builtins__.eval`: in a script __builtins__ is the module itself
     * (elsewhere a dict, which has no such attribute). */
    if (strcmp(n->v.Name.id, "__builtins__") == 0)
        return "builtins";
    return sem_is_builtin(n->v.Name.id) ? sem_dotted(ix->a, "builtins", n->v.Name.id) : NULL;
}

/* getattr(X, "name") and getattr(X, "name", default): X.name. */
static const char *getattr_qualname(const sem_index *ix, const ast_node *call, int depth)
{
    const ast_seq *args = call->v.Call.args;
    int n = AST_SEQ_LEN(args);
    if (n < 2 || n > 3 || AST_SEQ_LEN(call->v.Call.keywords) > 0)
        return NULL;
    for (int i = 0; i < n; i++)
        if (AST_SEQ_NODE(args, i)->kind == AST_Starred)
            return NULL;
    const char *attr = sem_const_str(ix, AST_SEQ_NODE(args, 1));
    const char *obj = sem_qualname_depth(ix, AST_SEQ_NODE(args, 0), depth + 1);
    return attr && obj && *attr ? sem_dotted(ix->a, obj, attr) : NULL;
}

static const char *call_qualname(const sem_index *ix, const ast_node *call, int depth)
{
    const char *callee = sem_qualname_depth(ix, call->v.Call.func, depth + 1);
    if (!callee)
        return NULL;
    if (strcmp(callee, "builtins.getattr") == 0)
        return getattr_qualname(ix, call, depth);
    int top_only = 0;
    const char *mod = sem_dynamic_import(ix, call, callee, &top_only);
    if (mod) {
        const char *dot = top_only ? strchr(mod, '.') : NULL;
        return dot ? arena_strndup(ix->a, mod, (size_t)(dot - mod)) : mod;
    }
    return call_result(ix->a, callee);
}

const char *sem_qualname_depth(const sem_index *ix, const ast_node *expr, int depth)
{
    if (!expr || depth > QUALNAME_MAX_DEPTH)
        return NULL;
    switch (expr->kind) {
    case AST_Name:
        return name_qualname(ix, expr, depth);
    case AST_Attribute: {
        const char *base = sem_qualname_depth(ix, expr->v.Attribute.value, depth + 1);
        return base ? sem_dotted(ix->a, base, expr->v.Attribute.attr) : NULL;
    }
    case AST_Call:
        return call_qualname(ix, expr, depth);
    case AST_NamedExpr: /* (run := subprocess.run)(...) */
        return sem_qualname_depth(ix, expr->v.NamedExpr.value, depth + 1);
    default:
        return NULL;
    }
}

const char *sem_qualname(const sem_index *ix, const ast_node *expr)
{
    return ix ? sem_qualname_depth(ix, expr, 0) : NULL;
}
