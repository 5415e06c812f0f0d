/* warnings.c - the SyntaxWarnings `compile(source, path, "exec")` gives in
 * CPython 3.14, which Python Code Audit counts: the parser's (py_file's:
 * escapes, numbers followed by keywords), then the AST pre-processor's
 * (PEP 765: return/break/continue leaving a `finally` block), then the
 * code generator's ("is" with a literal, calling or subscripting a literal,
 * an assert on a tuple).
 *
 * The code generator warns each time it compiles an expression, and it
 * compiles a `finally` body more than once: once where the `try` ends
 * normally, once for the exception path, and once more at every
 * return/break/continue whose jump leaves through it. The exception path's
 * copy is silent (CPython 3.14.1+) while its marker (a FINALLY_END block)
 * is on the stack: in it and in the scopes defined in it, but not in the
 * finally bodies a jump from it compiles once the marker is popped. The
 * walk below follows that bookkeeping (CPython's fblock stack) so that the
 * counts match what CPython prints, duplicates included (checked against
 * CPython itself: tests/metrics/warnings-oracle.mjs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../syntax/ast_walk.h"
#include "metrics.h"

/* ---- the list being built ---- */

typedef struct warn_list {
    arena *a;
    py_warning *items;
    int n, cap;
} warn_list;

static void add(warn_list *l, int lineno, int col_offset, const char *message)
{
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 16;
        py_warning *grown = arena_alloc_raw(l->a, (size_t)cap * sizeof *grown);
        if (l->n)
            memcpy(grown, l->items, (size_t)l->n * sizeof *grown);
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->n++] = (py_warning){lineno, col_offset, message};
}

static void addf(warn_list *l, const ast_node *at, const char *fmt, const char *a1,
                 const char *a2)
{
    char buf[256];
    snprintf(buf, sizeof buf, fmt, a1, a2);
    size_t len = strlen(buf);
    char *msg = arena_alloc_raw(l->a, len + 1);
    memcpy(msg, buf, len + 1);
    add(l, at->lineno, at->col_offset, msg);
}

/* ---- PEP 765 (CPython's Python/ast_preprocess.c) ----
 * A stack of contexts pushed at a finally body, a function body and a loop
 * body; a return warns when the innermost is a finally, a break or
 * continue likewise (a loop inside the finally stops it). Only those three
 * push: the body of a try inside a finally still counts as the finally. */
enum { CF_FINALLY = 1, CF_FUNC = 2, CF_LOOP = 3 };

static void pep765_body(warn_list *l, const ast_seq *body, int top);

static void pep765_stmt(warn_list *l, const ast_node *s, int top)
{
    switch (s->kind) {
    case AST_FunctionDef: pep765_body(l, s->v.FunctionDef.body, CF_FUNC); break;
    case AST_AsyncFunctionDef: pep765_body(l, s->v.AsyncFunctionDef.body, CF_FUNC); break;
    case AST_ClassDef: pep765_body(l, s->v.ClassDef.body, top); break;
    case AST_Return:
        if (top == CF_FINALLY)
            add(l, s->lineno, s->col_offset, "'return' in a 'finally' block");
        break;
    case AST_Break:
        if (top == CF_FINALLY)
            add(l, s->lineno, s->col_offset, "'break' in a 'finally' block");
        break;
    case AST_Continue:
        if (top == CF_FINALLY)
            add(l, s->lineno, s->col_offset, "'continue' in a 'finally' block");
        break;
    case AST_For:
        pep765_body(l, s->v.For.body, CF_LOOP);
        pep765_body(l, s->v.For.orelse, top);
        break;
    case AST_AsyncFor:
        pep765_body(l, s->v.AsyncFor.body, CF_LOOP);
        pep765_body(l, s->v.AsyncFor.orelse, top);
        break;
    case AST_While:
        pep765_body(l, s->v.While.body, CF_LOOP);
        pep765_body(l, s->v.While.orelse, top);
        break;
    case AST_If:
        pep765_body(l, s->v.If.body, top);
        pep765_body(l, s->v.If.orelse, top);
        break;
    case AST_With: pep765_body(l, s->v.With.body, top); break;
    case AST_AsyncWith: pep765_body(l, s->v.AsyncWith.body, top); break;
    case AST_Match:
        for (int i = 0; i < AST_SEQ_LEN(s->v.Match.cases); i++)
            pep765_body(l, AST_SEQ_NODE(s->v.Match.cases, i)->v.match_case.body, top);
        break;
    case AST_Try:
    case AST_TryStar: {
        int star = s->kind == AST_TryStar;
        const ast_seq *handlers = star ? s->v.TryStar.handlers : s->v.Try.handlers;
        pep765_body(l, star ? s->v.TryStar.body : s->v.Try.body, top);
        for (int i = 0; i < AST_SEQ_LEN(handlers); i++)
            pep765_body(l, AST_SEQ_NODE(handlers, i)->v.ExceptHandler.body, top);
        pep765_body(l, star ? s->v.TryStar.orelse : s->v.Try.orelse, top);
        pep765_body(l, star ? s->v.TryStar.finalbody : s->v.Try.finalbody, CF_FINALLY);
        break;
    }
    default: break;
    }
}

static void pep765_body(warn_list *l, const ast_seq *body, int top)
{
    for (int i = 0; i < AST_SEQ_LEN(body); i++)
        pep765_stmt(l, AST_SEQ_NODE(body, i), top);
}

/* ---- the code generator's checks (CPython's Python/codegen.c) ---- */

/* infer_type's tp_name, NULL when the compiler cannot tell. */
static const char *type_name(const ast_node *e)
{
    switch (e->kind) {
    case AST_Tuple: return "tuple";
    case AST_List: case AST_ListComp: return "list";
    case AST_Dict: case AST_DictComp: return "dict";
    case AST_Set: case AST_SetComp: return "set";
    case AST_GeneratorExp: return "generator";
    case AST_Lambda: return "function";
    case AST_TemplateStr: case AST_Interpolation: return "string.templatelib.Template";
    case AST_JoinedStr: case AST_FormattedValue: return "str";
    case AST_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "NoneType";
        case CONST_TRUE: case CONST_FALSE: return "bool";
        case CONST_ELLIPSIS: return "ellipsis";
        case CONST_INT: return "int";
        case CONST_FLOAT: return "float";
        case CONST_COMPLEX: return "complex";
        case CONST_STR: return "str";
        case CONST_BYTES: return "bytes";
        }
        return NULL;
    default: return NULL;
    }
}

static int const_kind_is(const ast_node *e, ast_const_kind k)
{
    return e->kind == AST_Constant && e->v.Constant.value.kind == k;
}

/* check_is_arg: 0 for a literal `is` should not compare with (a constant
 * other than None/True/False/..., or a tuple of constants). */
static int is_arg(const ast_node *e)
{
    if (e->kind == AST_Tuple) {
        for (int i = 0; i < AST_SEQ_LEN(e->v.Tuple.elts); i++)
            if (AST_SEQ_NODE(e->v.Tuple.elts, i)->kind != AST_Constant)
                return 1;
        return 0;
    }
    if (e->kind != AST_Constant)
        return 1;
    ast_const_kind k = e->v.Constant.value.kind;
    return k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE || k == CONST_ELLIPSIS;
}

/* The first `is`/`is not` with a literal operand, and only that one. */
static void check_compare(warn_list *l, const ast_node *e)
{
    const ast_node *left = e->v.Compare.left;
    int left_ok = is_arg(left);
    for (int i = 0; i < AST_SEQ_LEN(e->v.Compare.ops); i++) {
        ast_cmpop op = AST_SEQ_CMPOP(e->v.Compare.ops, i);
        const ast_node *right = AST_SEQ_NODE(e->v.Compare.comparators, i);
        int right_ok = is_arg(right);
        if ((op == CMP_Is || op == CMP_IsNot) && (!left_ok || !right_ok)) {
            const ast_node *literal = !left_ok ? left : right;
            addf(l, e,
                 op == CMP_Is ? "\"is\" with '%s' literal. Did you mean \"==\"?%s"
                              : "\"is not\" with '%s' literal. Did you mean \"!=\"?%s",
                 type_name(literal), "");
            return;
        }
        left = right;
        left_ok = right_ok;
    }
}

static void check_caller(warn_list *l, const ast_node *f)
{
    switch (f->kind) {
    case AST_Constant: case AST_Tuple: case AST_List: case AST_ListComp: case AST_Dict:
    case AST_DictComp: case AST_Set: case AST_SetComp: case AST_GeneratorExp:
    case AST_JoinedStr: case AST_TemplateStr: case AST_FormattedValue: case AST_Interpolation:
        addf(l, f, "'%s' object is not callable; perhaps you missed a comma?%s",
             type_name(f), "");
        break;
    default: break;
    }
}

static void check_subscripter(warn_list *l, const ast_node *v)
{
    switch (v->kind) {
    case AST_Constant: {
        ast_const_kind k = v->v.Constant.value.kind;
        if (k == CONST_STR || k == CONST_BYTES)
            return;
    } /* fall through: None, ..., numbers */
    /* FALLTHROUGH */
    case AST_Set: case AST_SetComp: case AST_GeneratorExp: case AST_TemplateStr:
    case AST_Interpolation: case AST_Lambda:
        addf(l, v, "'%s' object is not subscriptable; perhaps you missed a comma?%s",
             type_name(v), "");
        break;
    default: break;
    }
}

static void check_index(warn_list *l, const ast_node *v, const ast_node *index)
{
    const char *index_type = type_name(index);
    if (!index_type || strcmp(index_type, "int") == 0 || strcmp(index_type, "bool") == 0)
        return;
    switch (v->kind) {
    case AST_Constant:
        if (!const_kind_is(v, CONST_STR) && !const_kind_is(v, CONST_BYTES))
            return;
    /* FALLTHROUGH */
    case AST_Tuple: case AST_List: case AST_ListComp: case AST_JoinedStr:
    case AST_FormattedValue:
        addf(l, v, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
             type_name(v), index_type);
        break;
    default: break;
    }
}

static ast_walk_action check_expr_node(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    if (!enter)
        return AST_WALK_CONTINUE;
    warn_list *l = ctx;
    if (n->kind == AST_Compare)
        check_compare(l, n);
    else if (n->kind == AST_Call)
        check_caller(l, n->v.Call.func);
    else if (n->kind == AST_Subscript && n->v.Subscript.ctx == CTX_Load) {
        check_subscripter(l, n->v.Subscript.value);
        check_index(l, n->v.Subscript.value, n->v.Subscript.slice);
    }
    return AST_WALK_CONTINUE;
}

/* ---- the compilation walk ---- */

/* CPython's fblock stack, reduced to what decides what gets compiled and
 * whether it warns: a loop (break and continue stop there), a try whose
 * finally body a jump compiles, and the exception path's copy of a finally
 * body (silent). A new function or class scope starts an empty stack. */
typedef enum { FB_LOOP, FB_FINALLY_TRY, FB_FINALLY_END } fblock_kind;
typedef struct fblock {
    fblock_kind kind;
    const ast_seq *finalbody;
    const struct fblock *below;
} fblock;

/* A hostile file could nest try/finally so that CPython's copies grow
 * exponentially; past this many statement compilations the repeated copies
 * are no longer made (CPython would take as long as the copies). */
enum { MAX_VISITS = 1000000 };

typedef struct cg {
    warn_list *out;
    const fblock *top;
    int outer_silent;    /* an enclosing scope was being compiled silently */
    int scope_function;  /* compiling a function body (annotations) */
    int future_annotations;
    long visits;
} cg;

static void cg_body(cg *c, const ast_seq *body);

static int silent(const cg *c)
{
    if (c->outer_silent)
        return 1;
    for (const fblock *b = c->top; b; b = b->below)
        if (b->kind == FB_FINALLY_END)
            return 1;
    return 0;
}

static void cg_expr(cg *c, const ast_node *e)
{
    if (e && !silent(c))
        ast_walk(e, check_expr_node, c->out);
}

static void cg_exprs(cg *c, const ast_seq *s)
{
    for (int i = 0; i < AST_SEQ_LEN(s); i++)
        cg_expr(c, AST_SEQ_NODE(s, i));
}

/* codegen_unwind_fblock_stack: a return (to_loop 0) or break/continue
 * (to_loop 1) compiles every finally body it leaves, each with the blocks
 * above it popped. */
static void cg_unwind(cg *c, int to_loop)
{
    const fblock *saved = c->top;
    for (const fblock *b = c->top; b; b = b->below) {
        if (to_loop && b->kind == FB_LOOP)
            break;
        if (b->kind == FB_FINALLY_TRY && c->visits < MAX_VISITS) {
            c->top = b->below;
            cg_body(c, b->finalbody);
        }
    }
    c->top = saved;
}

/* A body with its own scope: a function's or a class's. */
static void cg_scope(cg *c, const ast_seq *body, int function)
{
    const fblock *saved = c->top;
    int saved_fn = c->scope_function, saved_silent = c->outer_silent;
    c->outer_silent = silent(c);
    c->top = NULL;
    c->scope_function = function;
    cg_body(c, body);
    c->top = saved;
    c->scope_function = saved_fn;
    c->outer_silent = saved_silent;
}

static void cg_function(cg *c, const ast_node *s, const ast_node *args, const ast_node *returns,
                        const ast_seq *body, const ast_seq *decorators, const ast_seq *type_params)
{
    cg_exprs(c, decorators);
    cg_exprs(c, type_params);
    cg_exprs(c, args->v.arguments.defaults);
    cg_exprs(c, args->v.arguments.kw_defaults);
    if (!c->future_annotations) { /* compiled into __annotate__ */
        const ast_seq *lists[] = {args->v.arguments.posonlyargs, args->v.arguments.args,
                                  args->v.arguments.kwonlyargs};
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < AST_SEQ_LEN(lists[k]); i++)
                cg_expr(c, AST_SEQ_NODE(lists[k], i)->v.arg.annotation);
        if (args->v.arguments.vararg)
            cg_expr(c, args->v.arguments.vararg->v.arg.annotation);
        if (args->v.arguments.kwarg)
            cg_expr(c, args->v.arguments.kwarg->v.arg.annotation);
        cg_expr(c, returns);
    }
    (void)s;
    cg_scope(c, body, 1);
}

static void cg_loop_body(cg *c, const ast_seq *body)
{
    fblock loop = {FB_LOOP, NULL, c->top};
    c->top = &loop;
    cg_body(c, body);
    c->top = loop.below;
}

static void cg_handlers(cg *c, const ast_seq *handlers)
{
    for (int i = 0; i < AST_SEQ_LEN(handlers); i++) {
        const ast_node *h = AST_SEQ_NODE(handlers, i);
        cg_expr(c, h->v.ExceptHandler.type);
        cg_body(c, h->v.ExceptHandler.body);
    }
}

/* codegen_try_finally: the try part with the finally pushed, then the
 * finally body for the normal path, then its exception-path copy. */
static void cg_try(cg *c, const ast_seq *body, const ast_seq *handlers, const ast_seq *orelse,
                   const ast_seq *finalbody)
{
    fblock fin = {FB_FINALLY_TRY, finalbody, c->top};
    if (finalbody)
        c->top = &fin;
    cg_body(c, body);
    cg_handlers(c, handlers);
    cg_body(c, orelse);
    if (!finalbody)
        return;
    c->top = fin.below;
    cg_body(c, finalbody);
    fblock end = {FB_FINALLY_END, NULL, c->top};
    c->top = &end;
    if (c->visits < MAX_VISITS)
        cg_body(c, finalbody);
    c->top = end.below;
}

static void cg_match(cg *c, const ast_node *s)
{
    cg_expr(c, s->v.Match.subject);
    for (int i = 0; i < AST_SEQ_LEN(s->v.Match.cases); i++) {
        const ast_node *mc = AST_SEQ_NODE(s->v.Match.cases, i);
        cg_expr(c, mc->v.match_case.pattern);
        cg_expr(c, mc->v.match_case.guard);
        cg_body(c, mc->v.match_case.body);
    }
}

static void cg_annassign(cg *c, const ast_node *s)
{
    cg_expr(c, s->v.AnnAssign.value);
    cg_expr(c, s->v.AnnAssign.target);
    /* Only a simple name's annotation at module or class level is kept
     * (compiled into __annotate__); a function's are never evaluated. */
    if (s->v.AnnAssign.simple && !c->scope_function && !c->future_annotations)
        cg_expr(c, s->v.AnnAssign.annotation);
}

static void cg_stmt(cg *c, const ast_node *s)
{
    c->visits++;
    switch (s->kind) {
    case AST_FunctionDef:
        cg_function(c, s, s->v.FunctionDef.args, s->v.FunctionDef.returns, s->v.FunctionDef.body,
                    s->v.FunctionDef.decorator_list, s->v.FunctionDef.type_params);
        break;
    case AST_AsyncFunctionDef:
        cg_function(c, s, s->v.AsyncFunctionDef.args, s->v.AsyncFunctionDef.returns,
                    s->v.AsyncFunctionDef.body, s->v.AsyncFunctionDef.decorator_list,
                    s->v.AsyncFunctionDef.type_params);
        break;
    case AST_ClassDef:
        cg_exprs(c, s->v.ClassDef.decorator_list);
        cg_exprs(c, s->v.ClassDef.type_params);
        cg_exprs(c, s->v.ClassDef.bases);
        cg_exprs(c, s->v.ClassDef.keywords);
        cg_scope(c, s->v.ClassDef.body, 0);
        break;
    case AST_Return:
        cg_expr(c, s->v.Return.value);
        cg_unwind(c, 0);
        break;
    case AST_Break:
    case AST_Continue: cg_unwind(c, 1); break;
    case AST_Delete: cg_exprs(c, s->v.Delete.targets); break;
    case AST_Assign:
        cg_expr(c, s->v.Assign.value);
        cg_exprs(c, s->v.Assign.targets);
        break;
    case AST_TypeAlias:
        cg_expr(c, s->v.TypeAlias.name);
        cg_exprs(c, s->v.TypeAlias.type_params);
        cg_expr(c, s->v.TypeAlias.value);
        break;
    case AST_AugAssign:
        cg_expr(c, s->v.AugAssign.target);
        cg_expr(c, s->v.AugAssign.value);
        break;
    case AST_AnnAssign: cg_annassign(c, s); break;
    case AST_For:
    case AST_AsyncFor: {
        int a = s->kind == AST_AsyncFor;
        cg_expr(c, a ? s->v.AsyncFor.iter : s->v.For.iter);
        cg_expr(c, a ? s->v.AsyncFor.target : s->v.For.target);
        cg_loop_body(c, a ? s->v.AsyncFor.body : s->v.For.body);
        cg_body(c, a ? s->v.AsyncFor.orelse : s->v.For.orelse);
        break;
    }
    case AST_While:
        cg_expr(c, s->v.While.test);
        cg_loop_body(c, s->v.While.body);
        cg_body(c, s->v.While.orelse);
        break;
    case AST_If:
        cg_expr(c, s->v.If.test);
        cg_body(c, s->v.If.body);
        cg_body(c, s->v.If.orelse);
        break;
    case AST_With:
        cg_exprs(c, s->v.With.items);
        cg_body(c, s->v.With.body);
        break;
    case AST_AsyncWith:
        cg_exprs(c, s->v.AsyncWith.items);
        cg_body(c, s->v.AsyncWith.body);
        break;
    case AST_Match: cg_match(c, s); break;
    case AST_Raise:
        cg_expr(c, s->v.Raise.exc);
        cg_expr(c, s->v.Raise.cause);
        break;
    case AST_Try:
        cg_try(c, s->v.Try.body, s->v.Try.handlers, s->v.Try.orelse, s->v.Try.finalbody);
        break;
    case AST_TryStar:
        cg_try(c, s->v.TryStar.body, s->v.TryStar.handlers, s->v.TryStar.orelse,
               s->v.TryStar.finalbody);
        break;
    case AST_Assert: {
        const ast_node *t = s->v.Assert.test;
        if (!silent(c) && t->kind == AST_Tuple && AST_SEQ_LEN(t->v.Tuple.elts) > 0)
            add(c->out, s->lineno, s->col_offset,
                "assertion is always true, perhaps remove parentheses?");
        cg_expr(c, t);
        cg_expr(c, s->v.Assert.msg);
        break;
    }
    case AST_Expr: cg_expr(c, s->v.Expr.value); break;
    default: break; /* import, global, nonlocal, pass */
    }
}

static void cg_body(cg *c, const ast_seq *body)
{
    for (int i = 0; i < AST_SEQ_LEN(body); i++)
        cg_stmt(c, AST_SEQ_NODE(body, i));
}

/* `from __future__ import annotations`: annotations become strings, never
 * compiled. Future imports can only open the module. */
static int has_future_annotations(const ast_node *module)
{
    const ast_seq *body = module->v.Module.body;
    for (int i = 0; i < AST_SEQ_LEN(body); i++) {
        const ast_node *s = AST_SEQ_NODE(body, i);
        if (s->kind != AST_ImportFrom || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0)
            continue;
        const ast_seq *names = s->v.ImportFrom.names;
        for (int k = 0; k < AST_SEQ_LEN(names); k++)
            if (strcmp(AST_SEQ_NODE(names, k)->v.alias.name, "annotations") == 0)
                return 1;
    }
    return 0;
}

/* ---- all of it, in order ---- */

typedef struct ranked {
    py_warning w;
    int seq;
} ranked;

static int by_position(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->w.lineno != b->w.lineno)
        return a->w.lineno < b->w.lineno ? -1 : 1;
    if (a->w.col_offset != b->w.col_offset)
        return a->w.col_offset < b->w.col_offset ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Stable: warnings at one place keep CPython's order. */
static void sort_by_position(arena *a, py_warning *w, int n)
{
    if (n < 2)
        return;
    ranked *r = arena_alloc_raw(a, (size_t)n * sizeof *r);
    for (int i = 0; i < n; i++)
        r[i] = (ranked){w[i], i};
    qsort(r, (size_t)n, sizeof *r, by_position);
    for (int i = 0; i < n; i++)
        w[i] = r[i].w;
}

int metrics_warnings(arena *a, const py_file *src, const ast_node *module, py_warning **out)
{
    warn_list l = {a, NULL, 0, 0};
    for (int i = 0; src && i < src->nwarnings; i++)
        add(&l, src->warnings[i].lineno, src->warnings[i].col_offset, src->warnings[i].message);
    if (module && module->kind == AST_Module) {
        pep765_body(&l, module->v.Module.body, 0);
        cg c = {&l, NULL, 0, 0, has_future_annotations(module), 0};
        cg_body(&c, module->v.Module.body);
    }
    sort_by_position(a, l.items, l.n);
    *out = l.items;
    return l.n;
}
