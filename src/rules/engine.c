/* engine.c - rules_run: one walk of a file's tree dispatching the CALL,
 * NODE and IMPORT rows of the catalogue (registry.c), then sorting,
 * deduplicating and suppressing the findings. Everything per file lives in
 * the file's arena; nothing global is written, so files run on any thread. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../syntax/ast_walk.h"
#include "engine_int.h"
#include "registry.h"

void rules_config_default(rules_config *cfg)
{
    memset(cfg->enabled, 1, sizeof cfg->enabled);
    cfg->ignore_suppressions = 0;
}

/* ---- helpers for checks (rules.h) ---- */

int always(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)cx, (void)node, (void)hit;
    return 1;
}

/* `**{"shell": True}`: a literal dict unpacked into the call says as much
 * as a keyword. */
static const ast_node *dict_entry(const ast_node *dict, const char *name)
{
    const ast_seq *keys = dict->v.Dict.keys;
    for (int i = 0; i < AST_SEQ_LEN(keys); i++) {
        const ast_node *k = AST_SEQ_NODE(keys, i);
        if (k && k->kind == AST_Constant && k->v.Constant.value.kind == CONST_STR &&
            strcmp(k->v.Constant.value.u.str.s, name) == 0)
            return AST_SEQ_NODE(dict->v.Dict.values, i);
    }
    return NULL;
}

const ast_node *rule_kwarg(const ast_node *call, const char *name)
{
    if (!call || call->kind != AST_Call)
        return NULL;
    const ast_seq *kws = call->v.Call.keywords;
    const ast_node *found = NULL;
    for (int i = 0; i < AST_SEQ_LEN(kws); i++) {
        const ast_node *kw = AST_SEQ_NODE(kws, i);
        const char *arg = kw->v.keyword.arg;
        if (arg && strcmp(arg, name) == 0)
            found = kw->v.keyword.value;
        else if (!arg && kw->v.keyword.value->kind == AST_Dict) {
            const ast_node *v = dict_entry(kw->v.keyword.value, name);
            found = v ? v : found;
        }
    }
    return found;
}

const ast_node *rule_arg(const ast_node *call, int i)
{
    if (!call || call->kind != AST_Call || i < 0)
        return NULL;
    const ast_seq *args = call->v.Call.args;
    for (int k = 0; k < AST_SEQ_LEN(args) && k <= i; k++)
        if (AST_SEQ_NODE(args, k)->kind == AST_Starred)
            return NULL; /* where the i-th argument lands is unknowable */
    return i < AST_SEQ_LEN(args) ? AST_SEQ_NODE(args, i) : NULL;
}

int rule_has_star_args(const ast_node *call)
{
    if (!call || call->kind != AST_Call)
        return 0;
    const ast_seq *args = call->v.Call.args, *kws = call->v.Call.keywords;
    for (int i = 0; i < AST_SEQ_LEN(args); i++)
        if (AST_SEQ_NODE(args, i)->kind == AST_Starred)
            return 1;
    for (int i = 0; i < AST_SEQ_LEN(kws); i++)
        if (!AST_SEQ_NODE(kws, i)->v.keyword.arg)
            return 1;
    return 0;
}

/* ---- the walk ---- */

typedef struct walk_state {
    const rules_config *cfg;
    rule_ctx cx;
    line_index lines;
    const ast_node **stmts; /* enclosing statements, innermost last */
    int nstmts, stmts_cap;
    const ast_node **path;  /* path[d]: the node entered at depth d */
    int path_cap;
    pending_finding *found;
    int nfound, found_cap;
    const rule_row *node_rows[AST_KIND_COUNT]; /* NODE rows by kind */
    int node_nrows[AST_KIND_COUNT];
    const sem_import **imports; /* by `via`, then source order */
    int nimports;
    int call_imports; /* some import is made by a call (__import__("x")) */
    const ast_node *where; /* where to report by default, if not the matched node */
} walk_state;

/* Arena arrays grow by doubling; the old copy stays in the arena, which
 * costs at most as much again. */
static void *grow(arena *a, void *items, int n, int *cap, size_t size)
{
    int ncap = *cap ? 2 * *cap : 16;
    void *bigger = arena_alloc_raw(a, (size_t)ncap * size);
    if (n)
        memcpy(bigger, items, (size_t)n * size);
    *cap = ncap;
    return bigger;
}

static void suppression_lines(walk_state *w, const ast_node *at, pending_finding *p)
{
    p->first_line = p->last_line = at->lineno;
    if (w->nstmts == 0)
        return;
    int first, last;
    stmt_span(w->stmts[w->nstmts - 1], &w->lines, &first, &last);
    p->first_line = first < at->lineno ? first : at->lineno;
    p->last_line = last > at->lineno ? last : at->lineno;
}

/* A node to report at: the one the check named, else the dispatch's
 * choice (an import's alias), else the matched node;
 * position-less nodes (arguments, withitem) fall back to the statement. */
static const ast_node *report_position(const walk_state *w, const ast_node *node,
                                       const rule_hit *hit)
{
    const ast_node *at = hit->at ? hit->at : w->where ? w->where : node;
    for (int i = w->nstmts - 1; i >= 0 && !ast_kinds[at->kind].has_pos; i--)
        at = w->stmts[i];
    return ast_kinds[at->kind].has_pos ? at : NULL;
}

/* ---- the source range of a secret (rule_hit.redact) ---- */

static size_t redact_offset(const line_index *li, int line, int col)
{
    if (line < 1 || line > li->nlines)
        return li->len;
    size_t off = li->starts[line - 1] + (size_t)(col > 0 ? col : 0);
    return off <= li->len ? off : li->len;
}

static void redact_position(const line_index *li, size_t off, int *line, int *col)
{
    int lo = 0, hi = li->nlines - 1; /* the last line starting at or before off */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (li->starts[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    *line = lo + 1;
    *col = (int)(off - li->starts[lo]);
}

/* KR905-907 name their password literal as the finding's node: it is
 * masked like the secrets family's values. */
static void redact_password(int rule, const ast_node *at, rule_hit *hit)
{
    if (hit->redact || (rule != RULE_KR905 && rule != RULE_KR906 && rule != RULE_KR907))
        return;
    if (at->kind != AST_Constant || at->v.Constant.value.kind != CONST_STR)
        return;
    hit->redact = at;
    hit->redact_text = at->v.Constant.value.u.str.s;
    hit->redact_len = at->v.Constant.value.u.str.len;
}

static void redact_secret(walk_state *w, int rule, const ast_node *at, rule_hit *hit,
                          finding *f)
{
    redact_password(rule, at, hit);
    const ast_node *n = hit->redact;
    line_index *li = &w->lines;
    if (!n || !ast_kinds[n->kind].has_pos || !li->text)
        return;
    if (!li->starts)
        line_index_build(li);
    size_t from = redact_offset(li, n->lineno, n->col_offset);
    size_t to = redact_offset(li, n->end_lineno, n->end_col_offset);
    if (to <= from)
        return;
    if (hit->redact_text && hit->redact_len > 0) {
        const char *found = memmem(li->text + from, to - from, hit->redact_text, hit->redact_len);
        if (found) { /* else escapes or concatenation: the whole node */
            from = (size_t)(found - li->text);
            to = from + hit->redact_len;
        }
    }
    redact_position(li, from, &f->redact_line, &f->redact_col);
    redact_position(li, to, &f->redact_end_line, &f->redact_end_col);
}

/* ---- reporting ---- */

static void report_row(walk_state *w, const rule_row *row, const ast_node *node)
{
    rule_hit hit = {0};
    if (!row->check(&w->cx, node, &hit))
        return;
    const ast_node *at = report_position(w, node, &hit);
    if (!at)
        return;
    if (w->nfound == w->found_cap)
        w->found = grow(w->cx.a, w->found, w->nfound, &w->found_cap, sizeof *w->found);
    const rule_info *ri = &rule_catalogue[row->rule];
    pending_finding *p = &w->found[w->nfound++];
    p->f = (finding){
        .rule = row->rule,
        .line = at->lineno, .col = at->col_offset,
        .end_line = at->end_lineno, .end_col = at->end_col_offset,
        .severity = hit.severity ? hit.severity : ri->severity,
        .confidence = hit.confidence ? hit.confidence : ri->confidence,
        .message = hit.message ? hit.message : ri->message,
        .suppressed = SUPPRESSED_NOT,
    };
    suppression_lines(w, at, p);
    redact_secret(w, row->rule, at, &hit, &p->f);
}

/* Inline: most rows met are NODE rows of disabled or quiet rules. */
static inline void try_row(walk_state *w, const rule_row *row, const ast_node *node)
{
    if (w->cfg->enabled[row->rule] && row->check)
        report_row(w, row, node);
}

static void dispatch_call(walk_state *w, const ast_node *call)
{
    const ast_node *func = call->v.Call.func;
    if (func->kind == AST_Attribute && !registry_may_call_attr(func->v.Attribute.attr))
        return;
    const char *qn = sem_qualname(w->cx.sem, func);
    if (!qn)
        return;
    w->cx.qualname = qn;
    int n;
    const rule_row *rows = registry_calls(qn, &n);
    for (int i = 0; i < n; i++)
        try_row(w, &rows[i], call);
    rows = registry_call_prefixes(&n);
    for (int i = 0; i < n; i++)
        if (qn[0] == rows[i].pattern[0] && strncmp(qn, rows[i].pattern, rows[i].len - 1) == 0)
            try_row(w, &rows[i], call); /* len - 1: without the '*' */
    w->cx.qualname = NULL;
}

/* The name a Name or Attribute ends with. */
static const char *last_name(const ast_node *n)
{
    return n->kind == AST_Name ? n->v.Name.id : n->v.Attribute.attr;
}

/* REF rows: a Name or Attribute that is read, is the whole dotted name
 * (not the `pickle` of `pickle.loads`) and is not the callee of a call. */
/* `ev = eval` in a function: a local alias, whose calls resolve through it
 * and are reported there. At module or class level an alias is not
 * skipped: other files may import it and call it where krait cannot see
 * what it is. */
static int is_local_alias(const walk_state *w, const ast_node *parent, const ast_node *n)
{
    if (!parent || parent->kind != AST_Assign || parent->v.Assign.value != n)
        return 0;
    const ast_seq *t = parent->v.Assign.targets;
    for (int i = 0; i < AST_SEQ_LEN(t); i++)
        if (AST_SEQ_NODE(t, i)->kind != AST_Name)
            return 0;
    for (int i = w->nstmts - 1; i >= 0; i--) {
        ast_kind k = w->stmts[i]->kind;
        if (k == AST_FunctionDef || k == AST_AsyncFunctionDef)
            return 1;
        if (k == AST_ClassDef)
            return 0;
    }
    return 0;
}

static void dispatch_ref(walk_state *w, const ast_node *n)
{
    ast_ctx ctx = n->kind == AST_Name ? n->v.Name.ctx : n->v.Attribute.ctx;
    const ast_node *parent = w->cx.parent;
    if (ctx != CTX_Load || !registry_may_ref(last_name(n)))
        return;
    if (parent && parent->kind == AST_Attribute && parent->v.Attribute.value == n)
        return;
    if (parent && parent->kind == AST_Call && parent->v.Call.func == n)
        return;
    if (is_local_alias(w, parent, n))
        return;
    const char *qn = sem_qualname(w->cx.sem, n);
    if (!qn)
        return;
    w->cx.qualname = qn;
    int count;
    const rule_row *rows = registry_refs(qn, &count);
    for (int i = 0; i < count; i++)
        try_row(w, &rows[i], n);
    w->cx.qualname = NULL;
}

/* IMPORT rows: "pickle" matches pickle and pickle.x, never pickletools; a
 * from-import also tries module.member (`from xml.etree import
 * cElementTree`). Each dotted prefix is one lookup. */
static void try_import_row(walk_state *w, const rule_row *row, const ast_node *via,
                           int *reported, int *nreported)
{
    for (int i = 0; i < *nreported; i++)
        if (reported[i] == row->rule)
            return;
    int before = w->nfound;
    try_row(w, row, via);
    if (w->nfound > before && *nreported < 32)
        reported[(*nreported)++] = row->rule;
}

static void dispatch_module(walk_state *w, const ast_node *via, const char *module, size_t len,
                            int *reported, int *nreported)
{
    for (;;) {
        int n;
        const rule_row *rows = registry_imports(module, len, &n);
        for (int i = 0; i < n; i++)
            try_import_row(w, &rows[i], via, reported, nreported);
        while (len > 0 && module[len - 1] != '.')
            len--;
        if (len == 0)
            return;
        len--; /* drop the '.' */
    }
}

/* The alias that imports `im` (`pickle` in `import os, pickle`), so a
 * finding points at the name rather than the whole statement. */
static const ast_node *import_alias(const ast_node *via, const sem_import *im)
{
    const ast_seq *names = via->kind == AST_Import ? via->v.Import.names
                           : via->kind == AST_ImportFrom ? via->v.ImportFrom.names
                                                         : NULL;
    const char *want = via->kind == AST_Import ? im->module : im->name;
    for (int i = 0; want && i < AST_SEQ_LEN(names); i++) {
        const ast_node *alias = AST_SEQ_NODE(names, i);
        if (strcmp(alias->v.alias.name, want) == 0)
            return alias;
    }
    return NULL;
}

static void dispatch_imports(walk_state *w, const ast_node *node)
{
    /* binary search for the first import made by `node` */
    int lo = 0, hi = w->nimports;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if ((uintptr_t)w->imports[mid]->via < (uintptr_t)node)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* one finding per rule and statement, at the first name that
     * triggers it (as Bandit reports one per statement) */
    int reported[32], nreported = 0;
    for (int i = lo; i < w->nimports && w->imports[i]->via == node; i++) {
        const sem_import *im = w->imports[i];
        w->where = import_alias(node, im);
        if (im->name) {
            size_t ml = strlen(im->module), nl = strlen(im->name);
            char *full = arena_alloc_raw(w->cx.a, ml + nl + 2);
            memcpy(full, im->module, ml);
            full[ml] = '.';
            memcpy(full + ml + 1, im->name, nl + 1);
            int n;
            const rule_row *rows = registry_imports(full, ml + nl + 1, &n);
            for (int k = 0; k < n; k++)
                try_import_row(w, &rows[k], node, reported, &nreported);
        }
        dispatch_module(w, node, im->module, strlen(im->module), reported, &nreported);
    }
    w->where = NULL;
}

/* Records n as the node at `depth` and points the context at its parent
 * and grandparent. */
static void enter_path(walk_state *w, const ast_node *n, int depth)
{
    if (depth >= w->path_cap)
        w->path = grow(w->cx.a, w->path, w->path_cap, &w->path_cap, sizeof *w->path);
    w->path[depth] = n;
    w->cx.parent = depth >= 1 ? w->path[depth - 1] : NULL;
    w->cx.grandparent = depth >= 2 ? w->path[depth - 2] : NULL;
}

static ast_walk_action visit(const ast_node *n, int enter, int depth, void *ctx)
{
    walk_state *w = ctx;
    if (!enter) {
        if (stmt_is_statement(n))
            w->nstmts--;
        return AST_WALK_CONTINUE;
    }
    enter_path(w, n, depth);
    if (stmt_is_statement(n)) {
        if (w->nstmts == w->stmts_cap)
            w->stmts = grow(w->cx.a, w->stmts, w->nstmts, &w->stmts_cap, sizeof *w->stmts);
        w->stmts[w->nstmts++] = n;
    }
    if (n->kind == AST_Call)
        dispatch_call(w, n);
    else if (n->kind == AST_Name || n->kind == AST_Attribute)
        dispatch_ref(w, n);
    if (w->nimports && (n->kind == AST_Import || n->kind == AST_ImportFrom ||
                        (n->kind == AST_Call && w->call_imports)))
        dispatch_imports(w, n);
    for (int i = 0; i < w->node_nrows[n->kind]; i++)
        try_row(w, &w->node_rows[n->kind][i], n);
    return AST_WALK_CONTINUE;
}

static int compare_via(const void *pa, const void *pb)
{
    const sem_import *a = *(const sem_import *const *)pa, *b = *(const sem_import *const *)pb;
    uintptr_t x = (uintptr_t)a->via, y = (uintptr_t)b->via;
    if (x != y)
        return x < y ? -1 : 1;
    return (uintptr_t)a < (uintptr_t)b ? -1 : (uintptr_t)a > (uintptr_t)b; /* source order */
}

/* The file's imports ordered by the node that makes them (for lookup
 * during the walk), then in source order (the index's list is in source
 * order, and pointers into it keep that order). */
static void index_imports(walk_state *w)
{
    const sem_import *list;
    int n = sem_imports(w->cx.sem, &list);
    if (n <= 0)
        return;
    const sem_import **order = arena_alloc_raw(w->cx.a, (size_t)n * sizeof *order);
    for (int i = 0; i < n; i++) {
        order[i] = &list[i];
        w->call_imports |= list[i].via->kind == AST_Call;
    }
    qsort(order, (size_t)n, sizeof *order, compare_via);
    w->imports = order;
    w->nimports = n;
}

/* ---- order ---- */

static int compare_findings(const void *pa, const void *pb)
{
    const finding *a = &((const pending_finding *)pa)->f, *b = &((const pending_finding *)pb)->f;
    int keys_a[] = {a->line, a->col, a->rule, a->end_line, a->end_col,
                    -(int)a->severity, -(int)a->confidence};
    int keys_b[] = {b->line, b->col, b->rule, b->end_line, b->end_col,
                    -(int)b->severity, -(int)b->confidence};
    for (size_t i = 0; i < sizeof keys_a / sizeof keys_a[0]; i++)
        if (keys_a[i] != keys_b[i])
            return keys_a[i] < keys_b[i] ? -1 : 1;
    return strcmp(a->message, b->message);
}

/* One finding per rule and range: two rows of a rule (or two imports on
 * one statement) may match the same code. The sort put the most severe
 * first. */
static int dedupe(pending_finding *p, int n)
{
    int out = 0;
    for (int i = 0; i < n; i++) {
        if (out > 0) {
            const finding *a = &p[out - 1].f, *b = &p[i].f;
            if (a->rule == b->rule && a->line == b->line && a->col == b->col &&
                a->end_line == b->end_line && a->end_col == b->end_col)
                continue;
        }
        p[out++] = p[i];
    }
    return out;
}

void rules_run(const rules_config *cfg, arena *a, const char *path, const py_file *src,
               const ast_node *module, const char *module_name, int is_package,
               file_result *out)
{
    rules_run_indexed(cfg, a, path, src, module, sem_build(a, module, module_name, is_package),
                      out);
}

void rules_run_indexed(const rules_config *cfg, arena *a, const char *path, const py_file *src,
                       const ast_node *module, const sem_index *sem, file_result *out)
{
    memset(out, 0, sizeof *out);
    walk_state w = {0};
    w.cfg = cfg;
    w.cx.a = a;
    w.cx.path = path;
    w.cx.source = src->text ? src->text : "";
    w.cx.source_len = src->text ? src->len : 0;
    w.cx.module = module;
    w.cx.sem = sem;
    w.lines = (line_index){a, src->text, src->text ? src->len : 0, NULL, 0};
    index_imports(&w);
    for (int k = 0; k < AST_KIND_COUNT; k++)
        w.node_rows[k] = registry_nodes((ast_kind)k, &w.node_nrows[k]);
    ast_walk(module, visit, &w);

    if (w.nfound > 1)
        qsort(w.found, (size_t)w.nfound, sizeof *w.found, compare_findings);
    int n = dedupe(w.found, w.nfound);
    if (!cfg->ignore_suppressions)
        suppress_findings(a, src, w.found, n, &out->notes, &out->nnotes);
    out->findings = arena_alloc_raw(a, (size_t)(n ? n : 1) * sizeof *out->findings);
    for (int i = 0; i < n; i++)
        out->findings[i] = w.found[i].f;
    out->nfindings = n;
}
