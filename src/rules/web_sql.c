/* web_sql.c - KR720 (B608): SQL built from strings. The query's static
 * text is rebuilt from its constant parts (a dynamic part becomes a marker)
 * and must begin like a SQL statement; then at least one dynamic part must
 * be something that can carry text (not a number, not a placeholder list). */
#include "checks.h"
#include "common.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>


enum { SQL_TEXT_MAX = 1024, DYN = '\x01' };

typedef struct sql_text {
    char s[SQL_TEXT_MAX];
    size_t len;
    int unsafe; /* a dynamic part that can carry text */
} sql_text;

static void put(sql_text *t, const char *s, size_t n)
{
    if (n > SQL_TEXT_MAX - 1 - t->len)
        n = SQL_TEXT_MAX - 1 - t->len;
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

/* ",".join("?" * len(ids)), ", ".join(["%s"] * n), ",".join("?" for _ in ids) */
static int is_placeholder_list(const rule_ctx *cx, const ast_node *e)
{
    const char *m = rc_method(e);
    if (!m || strcmp(m, "join") != 0 || !sem_const_str(cx->sem, e->v.Call.func->v.Attribute.value))
        return 0;
    const ast_node *a = rule_arg(e, 0);
    if (!a)
        return 0;
    ast_const c;
    if (a->kind == AST_BinOp && a->v.BinOp.op == OP_Mult) {
        const ast_node *l = a->v.BinOp.left, *r = a->v.BinOp.right;
        const ast_node *side = sem_const(cx->sem, l, &c) || l->kind == AST_List ? l : r;
        if (side->kind == AST_List) {
            const ast_seq *el = side->v.List.elts;
            for (int i = 0; i < AST_SEQ_LEN(el); i++)
                if (!sem_const(cx->sem, AST_SEQ_NODE(el, i), &c))
                    return 0;
            return 1;
        }
        return sem_const(cx->sem, side, &c);
    }
    if (a->kind == AST_GeneratorExp)
        return sem_const(cx->sem, a->v.GeneratorExp.elt, &c);
    if (a->kind == AST_ListComp)
        return sem_const(cx->sem, a->v.ListComp.elt, &c);
    return 0;
}

/* A value that cannot carry SQL text. */
static int is_safe_value(const rule_ctx *cx, const ast_node *e)
{
    static const char *const numeric[] = {"builtins.int", "builtins.float", "builtins.len",
                                          "builtins.bool", "builtins.round", "builtins.abs",
                                          NULL};
    ast_const c;
    if (sem_const(cx->sem, e, &c))
        return 1;
    if (e->kind == AST_Call && rc_in(sem_qualname(cx->sem, e->v.Call.func), numeric))
        return 1;
    /* str(int(x)), str(len(x)): text of a number */
    if (e->kind == AST_Call && AST_SEQ_LEN(e->v.Call.args) == 1 &&
        rc_in(sem_qualname(cx->sem, e->v.Call.func), (const char *const[]){"builtins.str", NULL}))
        return is_safe_value(cx, AST_SEQ_NODE(e->v.Call.args, 0));
    return is_placeholder_list(cx, e);
}

static void add_dynamic(const rule_ctx *cx, sql_text *t, const ast_node *e)
{
    char d = DYN;
    put(t, &d, 1);
    if (!is_safe_value(cx, e))
        t->unsafe = 1;
}

/* f"{n:d}", f"{x:.2f}": formatted as a number. */
static int numeric_spec(const ast_node *spec)
{
    if (!spec || spec->kind != AST_JoinedStr || AST_SEQ_LEN(spec->v.JoinedStr.values) != 1)
        return 0;
    const ast_node *c = AST_SEQ_NODE(spec->v.JoinedStr.values, 0);
    if (c->kind != AST_Constant || c->v.Constant.value.kind != CONST_STR ||
        c->v.Constant.value.u.str.len == 0)
        return 0;
    const ast_const *v = &c->v.Constant.value;
    return strchr("dfFeEgGxXobn%", v->u.str.s[v->u.str.len - 1]) != NULL;
}

static void flatten(const rule_ctx *cx, sql_text *t, const ast_node *e)
{
    const char *s = sem_const_str(cx->sem, e);
    if (s) {
        put(t, s, strlen(s));
    } else if (e->kind == AST_BinOp && e->v.BinOp.op == OP_Add) {
        flatten(cx, t, e->v.BinOp.left);
        flatten(cx, t, e->v.BinOp.right);
    } else if (e->kind == AST_JoinedStr) {
        const ast_seq *v = e->v.JoinedStr.values;
        for (int i = 0; i < AST_SEQ_LEN(v); i++) {
            const ast_node *p = AST_SEQ_NODE(v, i);
            if (p->kind == AST_Constant && p->v.Constant.value.kind == CONST_STR)
                put(t, p->v.Constant.value.u.str.s, p->v.Constant.value.u.str.len);
            else if (p->kind == AST_FormattedValue && numeric_spec(p->v.FormattedValue.format_spec))
                put(t, "0", 1);
            else if (p->kind == AST_FormattedValue)
                add_dynamic(cx, t, p->v.FormattedValue.value);
        }
    } else {
        add_dynamic(cx, t, e);
    }
}

/* Skip spaces, tabs, newlines and the markers of dynamic parts. */
static const char *skip_ws(const char *p)
{
    while (*p && (isspace((unsigned char)*p) || *p == DYN))
        p++;
    return p;
}

/* The keyword `kw` (upper case) at p, spelt all upper or all lower case
 * (prose capitalises: "Select a file from"; "SELECT * from" is fine: each
 * word on its own), ending at a word boundary. Returns the end or NULL. */
static const char *keyword(const char *p, const char *kw)
{
    size_t n = strlen(kw);
    int up = 1, low = 1;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != kw[i])
            up = 0;
        if (p[i] != (char)tolower((unsigned char)kw[i]))
            low = 0;
    }
    if (!(up || low) || isalnum((unsigned char)p[n]) || p[n] == '_')
        return NULL;
    return p + n;
}

/* A later keyword, preceded by white space (or a marker or a ')'). */
static int later_keyword(const char *p, const char *kw)
{
    for (; *p; p++)
        if ((isspace((unsigned char)*p) || *p == DYN || *p == ')') &&
            keyword(skip_ws(p), kw))
            return 1;
    return 0;
}

static int looks_like_sql(const char *text)
{
    const char *p = skip_ws(text);
    while (*p == '(')
        p = skip_ws(p + 1);
    const char *q;
    if ((q = keyword(p, "SELECT")))
        return later_keyword(q, "FROM");
    if ((q = keyword(p, "DELETE")))
        return keyword(skip_ws(q), "FROM") != NULL;
    if ((q = keyword(p, "UPDATE")))
        return later_keyword(q, "SET");
    if ((q = keyword(p, "INSERT")) || (q = keyword(p, "REPLACE"))) {
        q = skip_ws(q);
        const char *r = keyword(q, "OR");
        if (r) { /* INSERT OR REPLACE INTO */
            r = skip_ws(r);
            while (isalpha((unsigned char)*r))
                r++;
            q = skip_ws(r);
        }
        return keyword(q, "INTO") != NULL;
    }
    return 0;
}

/* Cheap first test on the leading static text. */
static int starts_sqlish(const char *s)
{
    static const char *const verbs[] = {"select", "delete", "update", "insert", "replace", NULL};
    s = skip_ws(s);
    while (*s == '(')
        s = skip_ws(s + 1);
    for (const char *const *v = verbs; *v; v++)
        if (strncasecmp(s, *v, strlen(*v)) == 0)
            return 1;
    return 0;
}

/* No query is built from more pieces than this in one expression; the
 * bound keeps a machine-made `1 + 1 + ...` of a million terms linear. */
enum { MAX_SQL_PIECES = 256 };

/* The leading static text of an expression, for the cheap test. */
static const char *leading_text(const rule_ctx *cx, const ast_node *e)
{
    for (int n = 0; e->kind == AST_BinOp && (e->v.BinOp.op == OP_Add || e->v.BinOp.op == OP_Mod);
         n++) {
        if (n == MAX_SQL_PIECES)
            return NULL;
        e = e->v.BinOp.left;
    }
    if (e->kind == AST_JoinedStr) {
        const ast_seq *v = e->v.JoinedStr.values;
        if (AST_SEQ_LEN(v) == 0 || AST_SEQ_NODE(v, 0)->kind != AST_Constant)
            return NULL;
        e = AST_SEQ_NODE(v, 0);
    }
    return sem_const_str(cx->sem, e);
}

/* Straight into cursor.execute(...), sqlalchemy.text(...) and the like:
 * medium confidence. */
static void rate(const rule_ctx *cx, const ast_node *parent, const ast_node *e, rule_hit *hit)
{
    static const char *const runners[] = {"execute", "executemany", "executescript", "raw",
                                          "mogrify", "read_sql", "read_sql_query", NULL};
    static const char *const builders[] = {"sqlalchemy.text", "sqlalchemy.sql.text",
                                           "sqlalchemy.sql.expression.text",
                                           "pandas.read_sql", "pandas.read_sql_query", NULL};
    if (!parent || parent->kind != AST_Call || rule_arg(parent, 0) != e)
        return;
    if (rc_in(rc_method(parent), runners) ||
        rc_in(sem_qualname(cx->sem, parent->v.Call.func), builders))
        hit->confidence = MEDIUM;
}

/* "..." % x: the conversions that can carry text are %s, %r, %a. */
static int has_text_conversion(const char *f)
{
    for (const char *p = f; (p = strchr(p, '%')); ) {
        p++;
        if (*p == '%') {
            p++;
            continue;
        }
        if (*p == '(') {
            const char *q = strchr(p, ')');
            if (!q)
                return 1;
            p = q + 1;
        }
        while (*p && strchr("#0- +*.0123456789hlL", *p))
            p++;
        if (*p == 's' || *p == 'r' || *p == 'a')
            return 1;
    }
    return 0;
}

static int mod_is_unsafe(const rule_ctx *cx, const ast_node *fmt_args)
{
    const ast_seq *items = NULL;
    if (fmt_args->kind == AST_Tuple)
        items = fmt_args->v.Tuple.elts;
    else if (fmt_args->kind == AST_Dict)
        items = fmt_args->v.Dict.values;
    else
        return !is_safe_value(cx, fmt_args);
    for (int i = 0; i < AST_SEQ_LEN(items); i++)
        if (!is_safe_value(cx, AST_SEQ_NODE(items, i)))
            return 1;
    return 0;
}

int web_sql_binop(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    ast_operator op = node->v.BinOp.op;
    if (op != OP_Add && op != OP_Mod)
        return 0;
    const ast_node *parent = cx->parent;
    if (op == OP_Add && parent && parent->kind == AST_BinOp && parent->v.BinOp.op == OP_Add)
        return 0; /* the enclosing sum is the query */
    const char *lead = leading_text(cx, node);
    if (!lead || !starts_sqlish(lead))
        return 0;
    sql_text t = {.len = 0};
    t.s[0] = '\0';
    if (op == OP_Mod) {
        const char *fmt = sem_const_str(cx->sem, node->v.BinOp.left);
        if (!fmt || !has_text_conversion(fmt))
            return 0;
        put(&t, fmt, strlen(fmt));
        t.unsafe = mod_is_unsafe(cx, node->v.BinOp.right);
    } else {
        flatten(cx, &t, node);
    }
    if (!t.unsafe || !looks_like_sql(t.s))
        return 0;
    rate(cx, parent, node, hit);
    return 1;
}

int web_sql_fstring(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *lead = leading_text(cx, node);
    if (!lead || !starts_sqlish(lead))
        return 0;
    sql_text t = {.len = 0};
    t.s[0] = '\0';
    flatten(cx, &t, node);
    if (!t.unsafe || !looks_like_sql(t.s))
        return 0;
    const ast_node *parent = cx->parent;
    if (parent && parent->kind == AST_BinOp && parent->v.BinOp.op == OP_Add)
        return 0; /* part of a sum: reported there */
    rate(cx, parent, node, hit);
    return 1;
}

int web_sql_format(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *m = rc_method(node);
    if (!m || strcmp(m, "format") != 0)
        return 0;
    const char *fmt = sem_const_str(cx->sem, node->v.Call.func->v.Attribute.value);
    if (!fmt || !starts_sqlish(fmt) || !looks_like_sql(fmt))
        return 0;
    int unsafe = rule_has_star_args(node);
    const ast_seq *a = node->v.Call.args, *k = node->v.Call.keywords;
    for (int i = 0; i < AST_SEQ_LEN(a); i++)
        if (!is_safe_value(cx, AST_SEQ_NODE(a, i)))
            unsafe = 1;
    for (int i = 0; i < AST_SEQ_LEN(k); i++)
        if (!is_safe_value(cx, AST_SEQ_NODE(k, i)->v.keyword.value))
            unsafe = 1;
    if (!unsafe)
        return 0;
    rate(cx, cx->parent, node, hit);
    return 1;
}
