/* web.c - checks of the web family (web.def), SQL building aside
 * (web_sql.c). */
#include "checks.h"
#include "common.h"

#include <string.h>


int web_jinja_autoescape(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *ae = rule_kwarg(node, "autoescape");
    if (!ae)
        return !rule_has_star_args(node);
    int t = sem_truthy(cx->sem, ae);
    if (t == 1)
        return 0;
    if (t == 0) {
        hit->at = ae;
        return 1;
    }
    if (ae->kind == AST_Call &&
        rc_has_suffix(sem_qualname(cx->sem, ae->v.Call.func), "select_autoescape"))
        return 0;
    hit->confidence = MEDIUM;
    hit->at = ae;
    return 1;
}

/* default_filters=["h", ...] escapes every expression. */
int web_mako_template(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *df = rule_kwarg(node, "default_filters");
    if (df && (df->kind == AST_List || df->kind == AST_Tuple)) {
        const ast_seq *e = df->kind == AST_List ? df->v.List.elts : df->v.Tuple.elts;
        for (int i = 0; i < AST_SEQ_LEN(e); i++) {
            const char *s = sem_const_str(cx->sem, AST_SEQ_NODE(e, i));
            if (s && strcmp(s, "h") == 0)
                return 0;
        }
    }
    return 1;
}

/* A literal, or the output of an escaping function. */
static int is_escaped_or_literal(const rule_ctx *cx, const ast_node *v)
{
    static const char *const escapers[] = {
        "django.utils.html.escape", "django.utils.html.format_html",
        "django.utils.html.conditional_escape", "django.utils.html.format_html_join",
        "markupsafe.escape", "flask.escape", "jinja2.escape", "html.escape",
        "django.utils.html.strip_tags", NULL};
    ast_const c;
    if (sem_const(cx->sem, v, &c))
        return 1;
    return v->kind == AST_Call && rc_in(sem_qualname(cx->sem, v->v.Call.func), escapers);
}

int web_mark_safe(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *v = rc_param(node, 0, "s");
    if (!v)
        return 0;
    hit->at = v;
    return !is_escaped_or_literal(cx, v);
}

int web_markup(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *v = rc_param(node, 0, "base");
    if (!v)
        return 0;
    hit->at = v;
    return !is_escaped_or_literal(cx, v);
}

int web_mark_safe_decorator(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_seq *d = node->kind == AST_FunctionDef ? node->v.FunctionDef.decorator_list
                                                     : node->v.AsyncFunctionDef.decorator_list;
    for (int i = 0; i < AST_SEQ_LEN(d); i++) {
        const char *qn = sem_qualname(cx->sem, AST_SEQ_NODE(d, i));
        if (qn && (strcmp(qn, "django.utils.safestring.mark_safe") == 0 ||
                   strcmp(qn, "django.utils.html.mark_safe") == 0)) {
            hit->at = AST_SEQ_NODE(d, i);
            return 1;
        }
    }
    return 0;
}

/* A flask.Flask(), or an object of unknown type named like an app. */
static int is_flask_app(const rule_ctx *cx, const ast_node *recv)
{
    const char *qn = sem_qualname(cx->sem, recv);
    if (qn && (strcmp(qn, "flask.Flask()") == 0 || rc_starts(qn, "flask.")))
        return strcmp(qn, "flask.Flask()") == 0;
    /* app, flask_app, create_app(): by name, as the type is unknown */
    const char *name = qn ? rc_last(qn) : rc_simple_name(recv);
    return name && (strstr(name, "app") || strstr(name, "APP"));
}

int web_flask_debug(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *m = rc_method(node);
    if (!m || strcmp(m, "run") != 0 || !is_flask_app(cx, node->v.Call.func->v.Attribute.value))
        return 0;
    const ast_node *d = rule_kwarg(node, "debug");
    if (!d || sem_truthy(cx->sem, d) != 1)
        return 0;
    hit->at = d;
    return 1;
}

static int is_settings_file(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strstr(base, "settings") != NULL || strstr(path, "/settings/") != NULL;
}

int web_django_debug(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_seq *t = node->v.Assign.targets;
    if (AST_SEQ_LEN(t) != 1 || AST_SEQ_NODE(t, 0)->kind != AST_Name ||
        strcmp(AST_SEQ_NODE(t, 0)->v.Name.id, "DEBUG") != 0)
        return 0;
    ast_const c;
    if (!sem_const(cx->sem, node->v.Assign.value, &c) || c.kind != CONST_TRUE)
        return 0;
    if (!cx->path || !is_settings_file(cx->path))
        return 0;
    const ast_seq *body = cx->module->v.Module.body;
    for (int i = 0; i < AST_SEQ_LEN(body); i++)
        if (AST_SEQ_NODE(body, i) == node)
            return 1;
    return 0;
}

/* A literal string, or a list/tuple/dict (values) made only of them. */
static int all_literal(const rule_ctx *cx, const ast_node *e)
{
    if (!e)
        return 1;
    const ast_seq *items = NULL;
    if (e->kind == AST_List)
        items = e->v.List.elts;
    else if (e->kind == AST_Tuple)
        items = e->v.Tuple.elts;
    else if (e->kind == AST_Dict)
        items = e->v.Dict.values;
    else
        return sem_const_str(cx->sem, e) != NULL;
    for (int i = 0; i < AST_SEQ_LEN(items); i++)
        if (!sem_const_str(cx->sem, AST_SEQ_NODE(items, i)))
            return 0;
    return 1;
}

/* extra(select=None, where=None, params=None, tables=None, order_by=None,
 * select_params=None): params and select_params are values, safe. */
int web_django_extra(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *m = rc_method(node);
    if (!m || strcmp(m, "extra") != 0 || !rc_imports(cx, "django"))
        return 0;
    static const struct {
        const char *name;
        int pos;
    } sql_args[] = {{"select", 0}, {"where", 1}, {"tables", 3}, {"order_by", 4}};
    for (size_t i = 0; i < sizeof sql_args / sizeof sql_args[0]; i++) {
        const ast_node *v = rc_param(node, sql_args[i].pos, sql_args[i].name);
        if (v && !all_literal(cx, v)) {
            hit->at = v;
            return 1;
        }
    }
    return 0;
}

int web_django_rawsql(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *sql = rc_param(node, 0, "sql");
    if (!sql || sem_const_str(cx->sem, sql))
        return 0;
    hit->at = sql;
    return 1;
}

int web_cgi_import(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)cx, (void)hit;
    static const char *const cgi[] = {"CGIHandler", "CGIScript", "CGIDirectory", NULL};
    if (node->kind == AST_alias) /* the imported name itself */
        return rc_in(node->v.alias.name, cgi) ||
               rc_in(rc_last(node->v.alias.name), cgi);
    if (node->kind != AST_ImportFrom)
        return 0;
    const ast_seq *names = node->v.ImportFrom.names;
    for (int i = 0; i < AST_SEQ_LEN(names); i++)
        if (rc_in(AST_SEQ_NODE(names, i)->v.alias.name, cgi))
            return 1;
    return 0;
}

/* The dotted use (wsgiref.handlers.CGIHandler()); a from-import is reported
 * at the import. */
int web_cgi_call(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)cx, (void)hit;
    return node->v.Call.func->kind == AST_Attribute;
}

int web_werkzeug_debugger(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *d = rc_param(node, 4, "use_debugger");
    if (!d || sem_truthy(cx->sem, d) != 1)
        return 0;
    hit->at = d;
    return 1;
}

/* app.debug = True; app.config["DEBUG"] = True */
int web_flask_debug_assign(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_seq *t = node->v.Assign.targets;
    ast_const c;
    if (AST_SEQ_LEN(t) != 1 || !sem_const(cx->sem, node->v.Assign.value, &c) ||
        c.kind != CONST_TRUE)
        return 0;
    const ast_node *tg = AST_SEQ_NODE(t, 0);
    if (tg->kind == AST_Attribute && strcmp(tg->v.Attribute.attr, "debug") == 0)
        return is_flask_app(cx, tg->v.Attribute.value);
    if (tg->kind != AST_Subscript || tg->v.Subscript.value->kind != AST_Attribute)
        return 0;
    const ast_node *cfg = tg->v.Subscript.value;
    const char *key = sem_const_str(cx->sem, tg->v.Subscript.slice);
    return strcmp(cfg->v.Attribute.attr, "config") == 0 && key && strcmp(key, "DEBUG") == 0 &&
           is_flask_app(cx, cfg->v.Attribute.value);
}
