/* exec.c - checks of the code execution family (rows in exec.def). */
#include "checks.h"
#include "common.h"

#include <string.h>

/* Prototypes for every check named in exec.def, so that a signature that
 * does not match rule_check fails here rather than at link time. */

/* compile(source, filename, mode): a constant source is the program's own
 * code; anything else (text or a tree built at run time) is reported. */
int exec_compile_dynamic(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *src = rc_param(node, 0, "source");
    if (!src)
        return rule_has_star_args(node);
    return !rc_is_str(cx, src);
}

/* __import__(name) / import_module(name): a constant name is an ordinary
 * import, which the import rules judge. */
int exec_dynamic_import(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *name = rc_param(node, 0, "name");
    if (!name)
        return rule_has_star_args(node);
    return !rc_is_str(cx, name);
}

/* run_path(path_name) / run_module(mod_name). */
int exec_runpy_dynamic(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const char *kw = rc_ends_with(cx->qualname, "run_path") ? "path_name" : "mod_name";
    const ast_node *target = rc_param(node, 0, kw);
    if (!target)
        return rule_has_star_args(node);
    return !rc_is_str(cx, target);
}

/* ctypes.util.find_library, or a function of that name krait cannot
 * resolve (ctypes.util's own module code calls it unqualified). */
static int is_find_library(const rule_ctx *cx, const ast_node *func)
{
    const char *fn = sem_qualname(cx->sem, func);
    if (fn)
        return strcmp(fn, "ctypes.util.find_library") == 0;
    return func->kind == AST_Name && strcmp(func->v.Name.id, "find_library") == 0;
}

/* ctypes.CDLL(name): a constant name, None (the running program) or
 * find_library("constant") is the program's own choice. */
int exec_ctypes_dynamic(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *name = rc_param(node, 0, "name");
    if (!name)
        return rule_has_star_args(node);
    ast_const c;
    if (sem_const(cx->sem, name, &c))
        return 0;
    if (name->kind == AST_Call && is_find_library(cx, name->v.Call.func))
        return !rc_is_str(cx, rc_param(name, 0, "name"));
    return 1;
}
