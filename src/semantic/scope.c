/* scope.c - sem_build: one walk over the tree that records the scopes,
 * every name's bindings in its scope, the scope of every Name load and
 * the imports. Questions are answered later (resolve.c, consteval.c), when all
 * bindings are known, because a name bound anywhere in a function is local
 * throughout it. */
#include "sem_internal.h"

#include <string.h>

#include "../syntax/ast_walk.h"

static void bind_value(sem_index *ix, const sem_scope *scope, const char *name, sem_def_kind kind,
                       const ast_node *value)
{
    sem_bind(ix, scope, name, kind)->value = value;
}

/* Import statements directly in the body of an `except ImportError:`
 * handler: few per file, so a short list; past its end they are treated as
 * ordinary imports (which only makes their names ambiguous). */
enum { MAX_FALLBACK_IMPORTS = 64 };

typedef struct fallback_list {
    const ast_node *items[MAX_FALLBACK_IMPORTS];
    int n;
} fallback_list;

static int is_fallback_import(const fallback_list *f, const ast_node *stmt)
{
    for (int i = 0; i < f->n; i++)
        if (f->items[i] == stmt)
            return 1;
    return 0;
}

static int names_import_error(const ast_node *e)
{
    return e->kind == AST_Name && (strcmp(e->v.Name.id, "ImportError") == 0 ||
                                   strcmp(e->v.Name.id, "ModuleNotFoundError") == 0);
}

/* `except ImportError:` or `except (ImportError, OSError):`: note the
 * import statements of its body as fallbacks. */
static void note_fallback_imports(fallback_list *f, const ast_node *handler)
{
    const ast_node *type = handler->v.ExceptHandler.type;
    int catches = 0;
    if (type && type->kind == AST_Tuple) {
        for (int i = 0; i < AST_SEQ_LEN(type->v.Tuple.elts); i++)
            catches |= names_import_error(AST_SEQ_NODE(type->v.Tuple.elts, i));
    } else if (type) {
        catches = names_import_error(type);
    }
    const ast_seq *body = handler->v.ExceptHandler.body;
    for (int i = 0; catches && i < AST_SEQ_LEN(body) && f->n < MAX_FALLBACK_IMPORTS; i++) {
        const ast_node *stmt = AST_SEQ_NODE(body, i);
        if (stmt->kind == AST_Import || stmt->kind == AST_ImportFrom)
            f->items[f->n++] = stmt;
    }
}

static void bind_import(sem_index *ix, const sem_scope *scope, const char *name,
                        const char *qualname, int fallback)
{
    sem_def *d = sem_bind(ix, scope, name, DEF_IMPORT);
    d->qualname = qualname;
    d->fallback = fallback;
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct work_item {
    const ast_node *node;
    const sem_scope *scope;
} work_item;

typedef struct walker {
    sem_index *ix;
    work_item *items;
    size_t n, cap;
    fallback_list fallbacks;
} walker;

static void grow(walker *w)
{
    size_t cap = w->cap * 2;
    work_item *t = arena_alloc_raw(w->ix->a, cap * sizeof *t);
    memcpy(t, w->items, w->n * sizeof *t);
    w->items = t;
    w->cap = cap;
}

/* Constants are a good share of all nodes and never matter here. */
static inline void push(walker *w, const ast_node *n, const sem_scope *scope)
{
    if (!n || n->kind == AST_Constant)
        return;
    if (w->n == w->cap)
        grow(w);
    w->items[w->n++] = (work_item){n, scope};
}

/* Pushed in reverse so that they are processed in source order. */
static void push_seq(walker *w, const ast_seq *s, const sem_scope *scope)
{
    for (int i = AST_SEQ_LEN(s); i-- > 0;)
        push(w, AST_SEQ_NODE(s, i), scope);
}

static void push_children(walker *w, const ast_node *n, const sem_scope *scope)
{
    const ast_child_field *cf = ast_child_fields[n->kind];
    int k = 0;
    while (cf[k].seq != AST_CHILD_END)
        k++;
    while (k-- > 0) {
        const char *base = (const char *)n + cf[k].offset;
        if (cf[k].seq == AST_CHILD_NODE)
            push(w, *(ast_node *const *)base, scope);
        else
            push_seq(w, *(ast_seq *const *)base, scope);
    }
}

static sem_scope *new_scope(sem_index *ix, sem_scope_kind kind, const sem_scope *parent)
{
    sem_scope *s = arena_alloc(ix->a, sizeof *s);
    s->kind = kind;
    s->parent = (sem_scope *)parent;
    return s;
}

static void bind_params(walker *w, const ast_node *args, const sem_scope *fn,
                        const sem_scope *outer)
{
    const ast_seq *lists[3] = {args->v.arguments.posonlyargs, args->v.arguments.args,
                               args->v.arguments.kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < AST_SEQ_LEN(lists[l]); i++) {
            const ast_node *a = AST_SEQ_NODE(lists[l], i);
            sem_bind(w->ix, fn, a->v.arg.arg, DEF_UNKNOWN);
            push(w, a->v.arg.annotation, outer);
        }
    const ast_node *star[2] = {args->v.arguments.vararg, args->v.arguments.kwarg};
    for (int i = 0; i < 2; i++)
        if (star[i]) {
            sem_bind(w->ix, fn, star[i]->v.arg.arg, DEF_UNKNOWN);
            push(w, star[i]->v.arg.annotation, outer);
        }
    /* Defaults are evaluated where the def is. */
    push_seq(w, args->v.arguments.defaults, outer);
    push_seq(w, args->v.arguments.kw_defaults, outer);
}

static void visit_function(walker *w, const ast_node *n, const sem_scope *scope)
{
    /* FunctionDef and AsyncFunctionDef share their layout. */
    const ast_seq *body = n->kind == AST_Lambda ? NULL : n->v.FunctionDef.body;
    const sem_scope *fn = new_scope(w->ix, SCOPE_FUNCTION, scope);
    if (n->kind == AST_Lambda) {
        push(w, n->v.Lambda.body, fn);
        bind_params(w, n->v.Lambda.args, fn, scope);
        return;
    }
    sem_bind(w->ix, scope, n->v.FunctionDef.name, DEF_UNKNOWN);
    push_seq(w, body, fn);
    push_seq(w, n->v.FunctionDef.type_params, scope);
    push(w, n->v.FunctionDef.returns, scope);
    bind_params(w, n->v.FunctionDef.args, fn, scope);
    push_seq(w, n->v.FunctionDef.decorator_list, scope);
}

static void visit_class(walker *w, const ast_node *n, const sem_scope *scope)
{
    sem_bind(w->ix, scope, n->v.ClassDef.name, DEF_UNKNOWN);
    const sem_scope *cls = new_scope(w->ix, SCOPE_CLASS, scope);
    push_seq(w, n->v.ClassDef.body, cls);
    push_seq(w, n->v.ClassDef.type_params, scope);
    push_seq(w, n->v.ClassDef.keywords, scope);
    push_seq(w, n->v.ClassDef.bases, scope);
    push_seq(w, n->v.ClassDef.decorator_list, scope);
}

/* The element and every generator but the first iterable belong to the
 * comprehension's own scope. ListComp, SetComp and GeneratorExp share a
 * layout; DictComp has key and value. */
static void visit_comprehension(walker *w, const ast_node *n, const sem_scope *scope)
{
    const sem_scope *comp = new_scope(w->ix, SCOPE_COMPREHENSION, scope);
    const ast_seq *gens;
    if (n->kind == AST_DictComp) {
        push(w, n->v.DictComp.value, comp);
        push(w, n->v.DictComp.key, comp);
        gens = n->v.DictComp.generators;
    } else {
        push(w, n->v.ListComp.elt, comp);
        gens = n->v.ListComp.generators;
    }
    for (int i = AST_SEQ_LEN(gens); i-- > 0;) {
        const ast_node *g = AST_SEQ_NODE(gens, i);
        push_seq(w, g->v.comprehension.ifs, comp);
        push(w, g->v.comprehension.target, comp);
        push(w, g->v.comprehension.iter, i == 0 ? scope : comp);
    }
}

/* A target `name = value`: a Name gets the value; anything else
 * (unpacking, attributes, subscripts) is walked, its Names unknown. */
static void visit_target(walker *w, const ast_node *t, const sem_scope *scope, sem_def_kind kind,
                         const ast_node *value)
{
    if (t->kind == AST_Name) {
        bind_value(w->ix, scope, t->v.Name.id, kind, value);
    } else {
        push(w, t, scope);
    }
}

/* Only loads are recorded: they are what rules ask about. */
static void visit_name(walker *w, const ast_node *n, const sem_scope *scope)
{
    if (n->v.Name.ctx == CTX_Load)
        sem_record_scope(w->ix, n, scope);
    else if (n->v.Name.ctx == CTX_Store)
        sem_bind(w->ix, scope, n->v.Name.id, DEF_UNKNOWN);
    else if (n->v.Name.ctx == CTX_Del)
        sem_sym_get(w->ix, scope, n->v.Name.id)->flags |= SYM_LOCAL;
}

static void visit_import(walker *w, const ast_node *n, const sem_scope *scope)
{
    sem_index *ix = w->ix;
    int fallback = is_fallback_import(&w->fallbacks, n);
    const ast_seq *names = n->v.Import.names;
    for (int i = 0; i < AST_SEQ_LEN(names); i++) {
        const ast_node *al = AST_SEQ_NODE(names, i);
        const char *full = al->v.alias.name;
        sem_import_add(ix, full, NULL, n);
        if (al->v.alias.asname) {
            bind_import(ix, scope, al->v.alias.asname, full, fallback);
        } else {
            /* `import a.b.c` binds `a`, which is the module a. */
            const char *dot = strchr(full, '.');
            const char *top = dot ? arena_strndup(ix->a, full, (size_t)(dot - full)) : full;
            bind_import(ix, scope, top, top, fallback);
        }
    }
}

static void bind_star(sem_index *ix, const sem_scope *scope, const char *module)
{
    const char *p = sem_star_names(module);
    while (p && *p) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *name = arena_strndup(ix->a, p, len);
        bind_import(ix, scope, name, sem_dotted(ix->a, module, name), 0);
        p += len;
        while (*p == ' ')
            p++;
    }
}

static void visit_import_from(walker *w, const ast_node *n, const sem_scope *scope)
{
    sem_index *ix = w->ix;
    const char *base = sem_from_module(ix, n->v.ImportFrom.level, n->v.ImportFrom.module);
    const ast_seq *names = n->v.ImportFrom.names;
    for (int i = 0; i < AST_SEQ_LEN(names); i++) {
        const ast_node *al = AST_SEQ_NODE(names, i);
        const char *name = al->v.alias.name;
        sem_import_add(ix, base, name, n);
        if (strcmp(name, "*") == 0) {
            bind_star(ix, scope, base);
            continue;
        }
        const char *as = al->v.alias.asname ? al->v.alias.asname : name;
        bind_import(ix, scope, as, sem_dotted(ix->a, base, name),
                    is_fallback_import(&w->fallbacks, n));
    }
}

static void visit_declaration(walker *w, const ast_node *n, const sem_scope *scope)
{
    int flag = n->kind == AST_Global ? SYM_GLOBAL : SYM_NONLOCAL;
    const ast_seq *names = n->v.Global.names;
    if (scope->kind == SCOPE_MODULE)
        return;
    for (int i = 0; i < AST_SEQ_LEN(names); i++)
        sem_sym_get(w->ix, scope, AST_SEQ_IDENT(names, i))->flags |= flag;
    w->ix->ndeclared += AST_SEQ_LEN(names);
}

static void visit_with(walker *w, const ast_node *n, const sem_scope *scope)
{
    /* With and AsyncWith share their layout. */
    push_seq(w, n->v.With.body, scope);
    const ast_seq *items = n->v.With.items;
    for (int i = AST_SEQ_LEN(items); i-- > 0;) {
        const ast_node *it = AST_SEQ_NODE(items, i);
        if (it->v.withitem.optional_vars)
            visit_target(w, it->v.withitem.optional_vars, scope, DEF_WITH,
                         it->v.withitem.context_expr);
        push(w, it->v.withitem.context_expr, scope);
    }
}

static const sem_scope *walrus_scope(const sem_scope *s)
{
    while (s->kind == SCOPE_COMPREHENSION && s->parent)
        s = s->parent;
    return s;
}

static void bind_opt_name(walker *w, const char *name, const sem_scope *scope)
{
    if (name)
        sem_bind(w->ix, scope, name, DEF_UNKNOWN);
}

static int is_dynamic_import_candidate(const ast_node *call)
{
    const ast_node *f = call->v.Call.func;
    if (f->kind == AST_Name)
        return strcmp(f->v.Name.id, "__import__") == 0;
    return f->kind == AST_Attribute && strcmp(f->v.Attribute.attr, "import_module") == 0;
}

static void visit_node(walker *w, const ast_node *n, const sem_scope *scope)
{
    switch (n->kind) {
    case AST_FunctionDef:
    case AST_AsyncFunctionDef:
    case AST_Lambda:
        visit_function(w, n, scope);
        return;
    case AST_ClassDef:
        visit_class(w, n, scope);
        return;
    case AST_ListComp:
    case AST_SetComp:
    case AST_GeneratorExp:
    case AST_DictComp:
        visit_comprehension(w, n, scope);
        return;
    case AST_Name:
        visit_name(w, n, scope);
        return;
    case AST_Assign:
        push(w, n->v.Assign.value, scope);
        for (int i = AST_SEQ_LEN(n->v.Assign.targets); i-- > 0;)
            visit_target(w, AST_SEQ_NODE(n->v.Assign.targets, i), scope, DEF_VALUE,
                         n->v.Assign.value);
        return;
    case AST_AnnAssign:
        push(w, n->v.AnnAssign.value, scope);
        push(w, n->v.AnnAssign.annotation, scope);
        if (n->v.AnnAssign.value || n->v.AnnAssign.target->kind != AST_Name)
            visit_target(w, n->v.AnnAssign.target, scope, DEF_VALUE, n->v.AnnAssign.value);
        else /* `x: int` binds nothing but makes x local */
            sem_sym_get(w->ix, scope, n->v.AnnAssign.target->v.Name.id)->flags |= SYM_LOCAL;
        return;
    case AST_NamedExpr:
        push(w, n->v.NamedExpr.value, scope);
        bind_value(w->ix, walrus_scope(scope), n->v.NamedExpr.target->v.Name.id, DEF_VALUE,
                   n->v.NamedExpr.value);
        return;
    case AST_With:
    case AST_AsyncWith:
        visit_with(w, n, scope);
        return;
    case AST_Import:
        visit_import(w, n, scope);
        return;
    case AST_ImportFrom:
        visit_import_from(w, n, scope);
        return;
    case AST_Global:
    case AST_Nonlocal:
        visit_declaration(w, n, scope);
        return;
    case AST_ExceptHandler:
        bind_opt_name(w, n->v.ExceptHandler.name, scope);
        note_fallback_imports(&w->fallbacks, n);
        break;
    case AST_MatchAs:
        bind_opt_name(w, n->v.MatchAs.name, scope);
        break;
    case AST_MatchStar:
        bind_opt_name(w, n->v.MatchStar.name, scope);
        break;
    case AST_MatchMapping:
        bind_opt_name(w, n->v.MatchMapping.rest, scope);
        break;
    case AST_TypeAlias:
        if (n->v.TypeAlias.name->kind == AST_Name)
            sem_bind(w->ix, scope, n->v.TypeAlias.name->v.Name.id, DEF_UNKNOWN);
        push(w, n->v.TypeAlias.value, scope);
        return;
    case AST_Call:
        if (is_dynamic_import_candidate(n))
            sem_import_add(w->ix, NULL, NULL, n); /* decided after the walk */
        break;
    default:
        break;
    }
    push_children(w, n, scope);
}

/* Pending __import__/import_module calls become imports when their callee
 * really is the builtin/importlib function and the name is constant. */
static void settle_dynamic_imports(sem_index *ix)
{
    sem_import_list *l = &ix->imports;
    int k = 0;
    for (int i = 0; i < l->n; i++) {
        sem_import im = l->items[i];
        if (!im.module) {
            int top_only;
            const ast_node *call = im.via;
            const char *callee = sem_qualname(ix, call->v.Call.func);
            im.module = callee ? sem_dynamic_import(ix, call, callee, &top_only) : NULL;
            if (!im.module)
                continue;
        }
        l->items[k++] = im;
    }
    l->n = k;
}

/* Sizes the Name table so that big files do not rehash over and over:
 * real code has about 0.65 Name loads per line (krait's corpus A). A file
 * with long lines only costs a few doublings. */
static size_t expected_loads(const ast_node *module)
{
    const ast_seq *body = module->kind == AST_Module ? module->v.Module.body : NULL;
    int n = AST_SEQ_LEN(body);
    size_t lines = n > 0 ? (size_t)AST_SEQ_NODE(body, n - 1)->end_lineno : 0;
    return lines + lines / 2;
}

sem_index *sem_build(arena *a, const ast_node *module, const char *module_name, int is_package)
{
    sem_index *ix = arena_alloc(a, sizeof *ix);
    ix->a = a;
    ix->module_name = module_name;
    ix->is_package = is_package;
    sem_scope *top = new_scope(ix, SCOPE_MODULE, NULL);
    ix->module = top;
    sem_nodes_grow(ix, expected_loads(module));
    sem_syms_grow(ix);
    walker w = {.ix = ix, .items = NULL, .n = 0, .cap = 64};
    w.items = arena_alloc_raw(a, w.cap * sizeof *w.items);
    push(&w, module, top);
    while (w.n > 0) {
        work_item it = w.items[--w.n];
        visit_node(&w, it.node, it.scope);
    }
    sem_apply_declarations(ix);
    settle_dynamic_imports(ix);
    return ix;
}
