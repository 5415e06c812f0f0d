/* inputs_setup.c - setup.py, read without running it: the keywords
 * install_requires, setup_requires, tests_require and extras_require of
 * every call to setuptools' or distutils' setup().
 *
 * The file is parsed with krait's own parser and indexed (semantic.h), so
 * `from setuptools import setup as s; s(...)` and `import setuptools as st;
 * st.setup(...)` are found; a callee whose origin is unknown is matched by
 * its simple name `setup`. A value is read when it is a literal: a list or
 * tuple of strings, one string of lines, a dict of such for extras_require,
 * `a + b` of those, or a name bound once to one (followed). Anything
 * computed at run time (a call, open(...).read(), a comprehension) is a
 * note saying it was not read: never guessed, never executed. Strings are
 * split as setuptools' parse_strings does (one requirement per line, blank
 * lines and '#' lines skipped, " #" comments dropped). Each record's line
 * is the line of its text in the file. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "deps/inputs_int.h"
#include "deps/inputs_setup_int.h"
#include "metrics/modules.h"
#include "semantic/semantic.h"
#include "syntax/ast_walk.h"
#include "syntax/parser.h"

/* How far names and `a + b` chains are followed: real files need 2 or 3. */
enum { SETUP_MAX_DEPTH = 32 };

typedef struct setup_reader {
    deps_set *s;
    const char *path;
    const ast_node *module;
    const sem_index *ix;
    size_t added;
    size_t calls;               /* setup() calls found */
    const char *checked[16];    /* names already checked for mutation */
    size_t nchecked;
} setup_reader;

/* Where records go and what notes call the value: group "dev" is
 * "extras_require['dev']" in a note. */
typedef struct setup_target {
    const char *group, *what;
} setup_target;

/* printf into the set's arena. */
static const char *set_printf(deps_set *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static const char *set_printf(deps_set *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *out = arena_alloc(s->a, (size_t)(n > 0 ? n : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(out, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    return out;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

size_t deps_setup_add_req(deps_set *s, const char *path, int line, deps_kind kind,
                          const char *group, const char *text, size_t len)
{
    /* setuptools' drop_comment: everything from " #" on. */
    for (size_t i = 0; i + 1 < len; i++)
        if (is_space(text[i]) && text[i + 1] == '#') {
            len = i;
            break;
        }
    while (len && is_space(*text))
        text++, len--;
    while (len && is_space(text[len - 1]))
        len--;
    if (!len || text[0] == '#')
        return 0;
    const char *req = deps_strndup(s, text, len);
    const char *msg = NULL;
    size_t off = 0;
    const pep508_req *q = pep508_parse(s->a, req, len, &msg, &off);
    if (!q) {
        deps_error_at(s, path, line, "invalid requirement '%s': %s (at column %zu)", req, msg,
                      off + 1);
        return 0;
    }
    deps_record *r = deps_add(s, path, line, kind);
    r->group = group;
    deps_fill_from_req(s, r, q);
    return 1;
}

/* A string of requirements, one per line. Its lines are the file's lines
 * when the literal's newlines are the source's (no escapes, no implicit
 * concatenation); else every record gets the literal's first line. */
static void read_string(setup_reader *r, const ast_node *at, const char *text, size_t len,
                        const char *group)
{
    size_t newlines = 0;
    for (size_t i = 0; i < len; i++)
        newlines += text[i] == '\n';
    bool exact = at->kind == AST_Constant && (int)newlines == at->end_lineno - at->lineno;
    int line = at->lineno;
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        r->added += deps_setup_add_req(r->s, r->path, line, DEPS_SETUP_PY, group, text + i,
                                       end - i);
        line += exact;
        i = end + 1;
    }
}

/* A name bound once can still change: REQUIRES.append(...),
 * EXTRAS["x"] = [...]. Such a change is a note (its value is not read). */
typedef struct mutation {
    const char *id;
    const ast_node *at;
} mutation;

static bool is_mutator(const char *attr)
{
    static const char *const names[] = {"append", "extend", "insert", "update",
                                        "setdefault", "__setitem__", "__iadd__"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(attr, names[i]) == 0)
            return true;
    return false;
}

static bool names_id(const ast_node *n, const char *id)
{
    return n->kind == AST_Name && strcmp(n->v.Name.id, id) == 0;
}

static ast_walk_action find_mutation(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    mutation *m = ctx;
    if (!enter)
        return AST_WALK_CONTINUE;
    bool hit = (n->kind == AST_Attribute && names_id(n->v.Attribute.value, m->id) &&
                is_mutator(n->v.Attribute.attr)) ||
               (n->kind == AST_Subscript && n->v.Subscript.ctx != CTX_Load &&
                names_id(n->v.Subscript.value, m->id));
    if (!hit)
        return AST_WALK_CONTINUE;
    m->at = n;
    return AST_WALK_STOP;
}

static void check_mutation(setup_reader *r, const char *id)
{
    for (size_t i = 0; i < r->nchecked; i++)
        if (strcmp(r->checked[i], id) == 0)
            return;
    if (r->nchecked < sizeof r->checked / sizeof *r->checked)
        r->checked[r->nchecked++] = id;
    mutation m = {id, NULL};
    ast_walk(r->module, find_mutation, &m);
    if (m.at)
        deps_note_at(r->s, r->path, m.at->lineno,
                     "%s is changed at run time: what is added here is not read", id);
}

/* What a name stands for when it is bound once (followed a few times). */
static const ast_node *resolve(setup_reader *r, const ast_node *n)
{
    for (int i = 0; n && n->kind == AST_Name && i < SETUP_MAX_DEPTH; i++) {
        const ast_node *v = sem_value_of(r->ix, n);
        if (!v)
            break;
        check_mutation(r, n->v.Name.id);
        n = v;
    }
    return n;
}

static void not_read(setup_reader *r, const ast_node *at, const char *what)
{
    deps_note_at(r->s, r->path, at->lineno, "%s is computed at run time: not read", what);
}

static bool read_list(setup_reader *r, const ast_node *value, setup_target t, int depth);

static void read_element(setup_reader *r, const ast_node *elt, setup_target t, int depth)
{
    const ast_node *v = resolve(r, elt);
    const char *text = sem_const_str(r->ix, elt);
    if (v->kind == AST_Constant && v->v.Constant.value.kind == CONST_STR)
        read_string(r, v, v->v.Constant.value.u.str.s, v->v.Constant.value.u.str.len, t.group);
    else if (text)
        read_string(r, elt, text, strlen(text), t.group);
    else if (v->kind == AST_List || v->kind == AST_Tuple)
        read_list(r, v, t, depth + 1); /* setuptools flattens nested lists */
    else
        deps_note_at(r->s, r->path, elt->lineno,
                     "an element of %s is computed at run time: not read", t.what);
}

/* A list/tuple of strings, a string, `a + b` of those, or a name bound to
 * one. False (nothing read) when it is none of these. */
static bool read_list(setup_reader *r, const ast_node *value, setup_target t, int depth)
{
    const ast_node *v = resolve(r, value);
    if (depth > SETUP_MAX_DEPTH)
        return false;
    if (v->kind == AST_Constant && v->v.Constant.value.kind == CONST_STR) {
        read_string(r, v, v->v.Constant.value.u.str.s, v->v.Constant.value.u.str.len, t.group);
        return true;
    }
    if (v->kind == AST_List || v->kind == AST_Tuple) {
        const ast_seq *elts = v->kind == AST_List ? v->v.List.elts : v->v.Tuple.elts;
        for (int i = 0; i < AST_SEQ_LEN(elts); i++)
            read_element(r, AST_SEQ_NODE(elts, i), t, depth);
        return true;
    }
    if (v->kind == AST_BinOp && v->v.BinOp.op == OP_Add) {
        if (!read_list(r, v->v.BinOp.left, t, depth + 1))
            not_read(r, v->v.BinOp.left, set_printf(r->s, "a part of %s", t.what));
        if (!read_list(r, v->v.BinOp.right, t, depth + 1))
            not_read(r, v->v.BinOp.right, set_printf(r->s, "a part of %s", t.what));
        return true;
    }
    const char *text = sem_const_str(r->ix, v);
    if (text) {
        read_string(r, v, text, strlen(text), t.group);
        return true;
    }
    return false;
}

static void read_requirements_kw(setup_reader *r, const ast_node *value, setup_target t)
{
    if (!read_list(r, value, t, 0))
        not_read(r, value, t.what);
}

static void read_extra_value(setup_reader *r, const char *name, const ast_node *value)
{
    const char *group = deps_strdup(r->s, name);
    setup_target t = {group, set_printf(r->s, "extras_require['%s']", group)};
    read_requirements_kw(r, value, t);
}

static void read_extra(setup_reader *r, const ast_node *key, const ast_node *value)
{
    const char *name = key ? sem_const_str(r->ix, key) : NULL;
    if (!name) {
        not_read(r, key ? key : value, "an extras_require key");
        return;
    }
    read_extra_value(r, name, value);
}

static void read_extras(setup_reader *r, const ast_node *value)
{
    const ast_node *v = resolve(r, value);
    if (v->kind == AST_Dict) {
        for (int i = 0; i < AST_SEQ_LEN(v->v.Dict.keys); i++)
            read_extra(r, AST_SEQ_NODE(v->v.Dict.keys, i), AST_SEQ_NODE(v->v.Dict.values, i));
        return;
    }
    const char *callee = v->kind == AST_Call ? sem_qualname(r->ix, v->v.Call.func) : NULL;
    if (callee && strcmp(callee, "builtins.dict") == 0 && !AST_SEQ_LEN(v->v.Call.args)) {
        const ast_seq *kws = v->v.Call.keywords;
        for (int i = 0; i < AST_SEQ_LEN(kws); i++) {
            const ast_node *kw = AST_SEQ_NODE(kws, i);
            if (kw->v.keyword.arg)
                read_extra_value(r, kw->v.keyword.arg, kw->v.keyword.value);
            else
                not_read(r, kw->v.keyword.value, "part of extras_require");
        }
        return;
    }
    not_read(r, value, "extras_require");
}

static void read_keywords(setup_reader *r, const ast_seq *kws, int depth);

static void read_keyword(setup_reader *r, const char *arg, const ast_node *value)
{
    static const char *const lists[] = {"install_requires", "setup_requires", "tests_require"};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        if (strcmp(arg, lists[i]) == 0) {
            read_requirements_kw(r, value, (setup_target){lists[i], lists[i]});
            return;
        }
    if (strcmp(arg, "extras_require") == 0)
        read_extras(r, value);
}

/* setup(**kwargs): a dict literal or dict(...) bound once is read like
 * keywords; anything else may hold requirements, so it gets a note. */
static void read_double_star(setup_reader *r, const ast_node *value, int depth)
{
    const ast_node *v = resolve(r, value);
    if (v->kind == AST_Dict && depth < SETUP_MAX_DEPTH) {
        for (int i = 0; i < AST_SEQ_LEN(v->v.Dict.keys); i++) {
            const ast_node *k = AST_SEQ_NODE(v->v.Dict.keys, i);
            const ast_node *val = AST_SEQ_NODE(v->v.Dict.values, i);
            const char *name = k ? sem_const_str(r->ix, k) : NULL;
            if (name)
                read_keyword(r, name, val);
            else if (!k)
                read_double_star(r, val, depth + 1);
            else
                not_read(r, k, "a key of the ** argument of setup()");
        }
        return;
    }
    const char *callee = v->kind == AST_Call ? sem_qualname(r->ix, v->v.Call.func) : NULL;
    if (callee && strcmp(callee, "builtins.dict") == 0 && !AST_SEQ_LEN(v->v.Call.args) &&
        depth < SETUP_MAX_DEPTH) {
        read_keywords(r, v->v.Call.keywords, depth + 1);
        return;
    }
    not_read(r, value, "the ** argument of setup()");
}

static void read_keywords(setup_reader *r, const ast_seq *kws, int depth)
{
    for (int i = 0; i < AST_SEQ_LEN(kws); i++) {
        const ast_node *kw = AST_SEQ_NODE(kws, i);
        if (kw->v.keyword.arg)
            read_keyword(r, kw->v.keyword.arg, kw->v.keyword.value);
        else
            read_double_star(r, kw->v.keyword.value, depth);
    }
}

/* setuptools.setup, distutils.core.setup and wrappers that take the same
 * keywords (numpy.distutils.core.setup, skbuild.setup): any resolved name
 * ending in ".setup" outside the standard library (which has no setup()
 * since distutils left it: os.path.setup is not one); an unresolved callee
 * by its simple name. */
static bool is_setup_call(const sem_index *ix, const ast_node *call)
{
    const ast_node *f = call->v.Call.func;
    const char *qn = sem_qualname(ix, f);
    if (qn) {
        size_t n = strlen(qn);
        return !strstr(qn, "()") && !modules_is_stdlib(qn) &&
               (strcmp(qn, "setup") == 0 || (n > 6 && strcmp(qn + n - 6, ".setup") == 0));
    }
    if (f->kind == AST_Name)
        return strcmp(f->v.Name.id, "setup") == 0;
    return f->kind == AST_Attribute && strcmp(f->v.Attribute.attr, "setup") == 0;
}

static ast_walk_action visit_call(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    setup_reader *r = ctx;
    if (enter && n->kind == AST_Call && is_setup_call(r->ix, n)) {
        r->calls++;
        read_keywords(r, n->v.Call.keywords, 0);
    }
    return AST_WALK_CONTINUE;
}

size_t deps_read_setup_py_text(deps_set *s, const char *path, const char *text, size_t len)
{
    path = deps_strdup(s, path);
    arena *a = arena_new();
    syntax_error err;
    memset(&err, 0, sizeof err);
    py_file src;
    memset(&src, 0, sizeof src);
    const ast_node *mod = py_parse_file(a, text, len, &err, &src);
    setup_reader r = {.s = s, .path = path};
    if (!mod || !src.text) {
        deps_error_at(s, path, err.lineno > 0 ? err.lineno : 0, "does not parse: %s: %s",
                      err.type ? err.type : "SyntaxError", err.msg);
    } else {
        r.module = mod;
        r.ix = sem_build(a, mod, NULL, 0);
        if (ast_walk(mod, visit_call, &r) < 0)
            deps_error_at(s, path, 0, "out of memory while reading setup()");
        else if (!r.calls)
            deps_note_at(s, path, 0, "no setup() call found: nothing read");
    }
    arena_free(a);
    return r.added;
}

size_t deps_read_setup_py(deps_set *s, const char *path)
{
    size_t len;
    const char *text = deps_slurp(s, path, &len);
    return text ? deps_read_setup_py_text(s, path, text, len) : 0;
}
