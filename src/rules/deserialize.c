/* deserialize.c - checks of the deserialization family (rows in
 * deserialize.def). */
#include "checks.h"
#include "common.h"

#include <string.h>


typedef enum { LOADER_UNKNOWN, LOADER_SAFE, LOADER_FULL, LOADER_UNSAFE } loader_kind;

static int name_in(const char *name, const char *const *list)
{
    for (; name && *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

static loader_kind loader_by_name(const char *name)
{
    static const char *const safe[] = {"SafeLoader", "CSafeLoader", "BaseLoader",
                                       "CBaseLoader", NULL};
    static const char *const full[] = {"FullLoader", "CFullLoader", NULL};
    static const char *const unsafe[] = {"Loader", "CLoader", "UnsafeLoader",
                                         "CUnsafeLoader", NULL};
    if (name_in(name, safe))
        return LOADER_SAFE;
    if (name_in(name, full))
        return LOADER_FULL;
    if (name_in(name, unsafe))
        return LOADER_UNSAFE;
    return LOADER_UNKNOWN;
}

/* A name krait cannot resolve, by how it is spelled: one ending in
 * SafeLoader or BaseLoader (`FastSafeLoader` bound to CSafeLoader or
 * SafeLoader in try/except ImportError, a SafeLoader subclass) states the
 * intent; anything else stays unknown. */
static loader_kind loader_by_spelling(const char *name)
{
    loader_kind k = loader_by_name(name);
    if (k != LOADER_UNKNOWN)
        return k;
    size_t n = strlen(name);
    if ((n > 10 && strcmp(name + n - 10, "SafeLoader") == 0) ||
        (n > 10 && strcmp(name + n - 10, "BaseLoader") == 0))
        return LOADER_SAFE;
    return LOADER_UNKNOWN;
}

/* getattr(yaml, "CSafeLoader", yaml.SafeLoader): the C loader when built,
 * else the Python one; safe when both are. */
static loader_kind loader_of(const rule_ctx *cx, const ast_node *expr, int depth);

static loader_kind getattr_loader(const rule_ctx *cx, const ast_node *call, int depth)
{
    const char *fn = sem_qualname(cx->sem, call->v.Call.func);
    if (!fn || strcmp(fn, "builtins.getattr") != 0 || AST_SEQ_LEN(call->v.Call.args) != 3)
        return LOADER_UNKNOWN;
    loader_kind first = loader_by_name(sem_const_str(cx->sem, rule_arg(call, 1)));
    loader_kind fallback = loader_of(cx, rule_arg(call, 2), depth + 1);
    return first == fallback ? first : LOADER_UNKNOWN;
}

/* What a Loader= value is. Through the qualified name first; when a name
 * has none (bound differently in try/except ImportError branches, a
 * common way to prefer the C loader), by its own spelling. */
static loader_kind loader_of(const rule_ctx *cx, const ast_node *expr, int depth)
{
    if (!expr || depth > 2)
        return LOADER_UNKNOWN;
    const char *qn = sem_qualname(cx->sem, expr);
    if (qn)
        return loader_by_name(rc_last(qn));
    if (expr->kind == AST_Call)
        return getattr_loader(cx, expr, depth);
    if (expr->kind == AST_Name)
        return loader_by_spelling(expr->v.Name.id);
    if (expr->kind == AST_Attribute)
        return loader_by_spelling(expr->v.Attribute.attr);
    return LOADER_UNKNOWN;
}

static void full_loader_hit(rule_hit *hit)
{
    hit->severity = LOW;
    hit->confidence = MEDIUM;
    hit->message = "YAML FullLoader: safe from object construction only with PyYAML >= 5.4; "
                   "prefer SafeLoader";
}

int deser_yaml_load(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *fn = rc_last(cx->qualname);
    if (fn && strncmp(fn, "full_load", 9) == 0) {
        full_loader_hit(hit);
        return 1;
    }
    const ast_node *loader = rc_param(node, 1, "Loader");
    if (!loader) {
        if (rule_has_star_args(node)) /* Loader= may hide in **kwargs */
            hit->confidence = MEDIUM;
        return 1;
    }
    switch (loader_of(cx, loader, 0)) {
    case LOADER_SAFE:
        return 0;
    case LOADER_FULL:
        full_loader_hit(hit);
        return 1;
    case LOADER_UNSAFE:
        return 1;
    case LOADER_UNKNOWN:
        break;
    }
    hit->confidence = MEDIUM;
    return 1;
}

/* ruamel.yaml.YAML(typ="unsafe"): the loader that builds any object. */
int deser_ruamel_unsafe(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const char *typ = sem_const_str(cx->sem, rule_kwarg(node, "typ"));
    return typ && strcmp(typ, "unsafe") == 0;
}

int deser_torch_load(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    int weights_only = rc_kw_truthy(cx, node, "weights_only", 0);
    if (weights_only == 1)
        return 0;
    if (weights_only == -1)
        hit->confidence = MEDIUM;
    return 1;
}

static int is_commit_hash(const char *s)
{
    size_t n = strlen(s);
    return n >= 7 && strspn(s, "0123456789abcdefABCDEF") == n;
}

static int is_local_path(const char *s)
{
    return s && (s[0] == '/' || strncmp(s, "./", 2) == 0 || strncmp(s, "../", 3) == 0);
}

/* Which of the matched names download from the Hub. */
static int is_hub_download(const char *qn)
{
    static const char *const hub[] = {"hf_hub_download", "snapshot_download", NULL};
    if (rc_under(qn, "huggingface_hub"))
        return name_in(rc_last(qn), hub);
    if (rc_under(qn, "transformers") || rc_under(qn, "diffusers"))
        return strcmp(rc_last(qn), "from_pretrained") == 0;
    return strcmp(qn, "datasets.load_dataset") == 0;
}

int deser_hf_unpinned(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    if (!cx->qualname || !is_hub_download(cx->qualname))
        return 0;
    const ast_node *rev = rule_kwarg(node, "revision");
    if (!rev)
        rev = rule_kwarg(node, "commit_id");
    if (rev) {
        ast_const c;
        const char *s = sem_const_str(cx->sem, rev);
        if (s && is_commit_hash(s))
            return 0;
        if (!s && !sem_const(cx->sem, rev, &c))
            hit->confidence = LOW;
    }
    const ast_node *first = rule_arg(node, 0);
    if (!first)
        first = rule_kwarg(node, "repo_id");
    if (!first)
        first = rule_kwarg(node, "pretrained_model_name_or_path");
    if (first && is_local_path(sem_const_str(cx->sem, first)))
        return 0;
    hit->message = rc_fmt(cx, "Hugging Face download without a pinned revision in %s()",
                          rc_last(cx->qualname));
    return 1;
}

int deser_numpy_allow_pickle(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *v = rc_param(node, 2, "allow_pickle");
    if (!v)
        return 0;
    int t = sem_truthy(cx->sem, v);
    if (t == 0)
        return 0;
    if (t == -1)
        hit->confidence = MEDIUM;
    return 1;
}
