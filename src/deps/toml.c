/* toml.c - the TOML document: lines of key/value pairs and [table] and
 * [[array of tables]] headers, arrays and inline tables, and TOML's rules
 * about what may be defined where.
 *
 * The rules, as TOML 1.0.0 states them and tomllib enforces them:
 * - a table is defined once: by one [header], or by the dotted keys of one
 *   section (after which no [header] and no other section may add to it),
 *   or by an inline table (closed for good at its '}');
 * - a [header] may go through tables made implicitly, by headers, or by
 *   dotted keys (to add a sub-table), and into the last table of an array
 *   of tables, but not into an inline table or a static array;
 * - [[x]] appends only to an array made by [[x]];
 * - a key is never set twice.
 * Each table carries how it was defined (toml_int.h), so each check is a
 * flag test on the table at hand: no per-path bookkeeping. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "deps/toml_int.h"

static toml_value *value(tparser *p);

/* A key for messages: quoted, cut short, control bytes as '?'. */
static const char *key_text(const tkey *k, char buf[72])
{
    size_t n = k->len < 60 ? k->len : 60;
    buf[0] = '\'';
    for (size_t i = 0; i < n; i++)
        buf[i + 1] = (unsigned char)k->s[i] < 0x20 || k->s[i] == 0x7F ? '?' : k->s[i];
    strcpy(buf + n + 1, k->len > 60 ? "...'" : "'");
    return buf;
}

/* Why value v cannot be opened as a table (the end of "key 'x' ..."). */
static const char *not_a_table(const toml_value *v)
{
    if (v->type == TOML_TABLE)
        return "is an inline table: it cannot be extended";
    if (v->type == TOML_ARRAY)
        return v->flags & TF_AOT ? "is an array of tables (only [[...]] adds to it)"
                                 : "is a static array: it cannot be extended";
    return "already has a value that is not a table";
}

static toml_value *new_table(tparser *p, const tkey *k)
{
    return tv_new(p->a, TOML_TABLE, k->line, k->column);
}

static void insert(tparser *p, toml_value *table, const tkey *k, toml_value *val)
{
    tv_insert(p->a, table, arena_strndup(p->a, k->s, k->len), k->len, val);
}

/* --- key/value pairs: placing a dotted key ------------------------------------- */

/* One step of a dotted key, from table t into part k: the sub-table, made
 * if absent. inline_id is the inline table being read (0 at top level). */
static toml_value *dotted_step(tparser *p, toml_value *t, const tkey *k, unsigned inline_id)
{
    char kb[72];
    toml_kv *kv = tv_find(t, k->s, k->len);
    if (!kv) {
        toml_value *sub = new_table(p, k);
        sub->inline_id = inline_id;
        sub->dotted_section = p->section;
        insert(p, t, k, sub);
        return sub;
    }
    toml_value *sub = kv->val;
    if (sub->type != TOML_TABLE || sub->inline_id != inline_id)
        return tp_fail(p, k->at, "key %s %s", key_text(k, kb), not_a_table(sub)), NULL;
    if (inline_id)
        return sub;
    if ((sub->flags & TF_HEADER) || (sub->dotted_section && sub->dotted_section != p->section))
        return tp_fail(p, k->at, "table %s is already defined: dotted keys cannot add to it "
                                "here", key_text(k, kb)),
               NULL;
    sub->dotted_section = p->section;
    return sub;
}

/* Read `key = value` at p and put it into table t (the current section's
 * table, or an inline table being read, inline_id its id). */
static bool key_value(tparser *p, toml_value *t, unsigned inline_id)
{
    if (!tp_key(p))
        return false;
    if (p->p >= p->end || *p->p != '=')
        return tp_fail(p, p->p, "expected '=' after a key");
    p->p++;
    tp_skip_ws(p);
    /* Keep the key's parts on the key stack while the value is read. */
    size_t base = p->key_top, n = p->nkeys;
    p->key_top += n;
    toml_value *val = value(p);
    p->key_top = base;
    if (!val)
        return false;
    const tkey *keys = p->keys + base; /* after: reading the value may move the stack */
    for (size_t i = 0; i + 1 < n; i++)
        if (!(t = dotted_step(p, t, &keys[i], inline_id)))
            return false;
    char kb[72];
    if (tv_find(t, keys[n - 1].s, keys[n - 1].len))
        return tp_fail(p, keys[n - 1].at, "key %s is defined twice", key_text(&keys[n - 1], kb));
    insert(p, t, &keys[n - 1], val);
    return true;
}

/* --- arrays and inline tables ------------------------------------------------- */

static bool enter(tparser *p)
{
    if (++p->depth > TOML_MAX_DEPTH)
        return tp_fail(p, p->p, "arrays and inline tables nested more than %d deep",
                       TOML_MAX_DEPTH);
    return true;
}

static toml_value *array(tparser *p)
{
    toml_value *arr = tv_new(p->a, TOML_ARRAY, p->line, tp_column(p, p->p));
    if (!enter(p))
        return NULL;
    p->p++;
    for (;;) {
        if (!tp_skip_ws_nl_comments(p))
            return NULL;
        if (p->p < p->end && *p->p == ']')
            break;
        toml_value *item = value(p);
        if (!item)
            return NULL;
        tv_push(p->a, arr, item);
        if (!tp_skip_ws_nl_comments(p))
            return NULL;
        if (p->p < p->end && *p->p == ']')
            break;
        if (p->p >= p->end || *p->p != ',')
            return tp_fail(p, p->p, p->p >= p->end ? "unterminated array"
                                                   : "expected ',' or ']' in an array"),
                   NULL;
        p->p++;
    }
    p->p++;
    p->depth--;
    return arr;
}

static toml_value *inline_table(tparser *p)
{
    toml_value *t = tv_new(p->a, TOML_TABLE, p->line, tp_column(p, p->p));
    if (!enter(p))
        return NULL;
    unsigned id = t->inline_id = ++p->next_inline_id;
    p->p++;
    tp_skip_ws(p);
    if (p->p < p->end && *p->p == '}') {
        p->p++;
        p->depth--;
        return t;
    }
    if (p->p < p->end && (*p->p == '\n' || *p->p == '\r'))
        return tp_fail(p, p->p, "an inline table must be on one line (TOML 1.0)"), NULL;
    for (;;) {
        if (!key_value(p, t, id))
            return NULL;
        tp_skip_ws(p);
        if (p->p < p->end && *p->p == '}')
            break;
        if (p->p < p->end && *p->p == ',') {
            p->p++;
            tp_skip_ws(p);
        } else if (p->p >= p->end) {
            return tp_fail(p, p->p, "unterminated inline table"), NULL;
        } else if (*p->p != '\n' && *p->p != '\r') {
            return tp_fail(p, p->p, "expected ',' or '}' in an inline table"), NULL;
        }
        if (p->p < p->end && (*p->p == '\n' || *p->p == '\r'))
            return tp_fail(p, p->p, "an inline table must be on one line (TOML 1.0)"), NULL;
    }
    p->p++;
    p->depth--;
    return t;
}

static toml_value *value(tparser *p)
{
    if (p->p < p->end && *p->p == '[')
        return array(p);
    if (p->p < p->end && *p->p == '{')
        return inline_table(p);
    return tp_scalar(p);
}

/* --- [table] and [[array of tables]] headers ------------------------------------ */

/* Go from t into part k of a header's key, making the table if absent. */
static toml_value *header_step(tparser *p, toml_value *t, const tkey *k)
{
    char kb[72];
    toml_kv *kv = tv_find(t, k->s, k->len);
    if (!kv) {
        toml_value *sub = new_table(p, k);
        insert(p, t, k, sub);
        return sub;
    }
    toml_value *sub = kv->val;
    if (sub->type == TOML_ARRAY && (sub->flags & TF_AOT))
        return sub->u.arr.items[sub->u.arr.len - 1];
    if (sub->type == TOML_TABLE && !sub->inline_id)
        return sub;
    return tp_fail(p, k->at, "key %s %s", key_text(k, kb), not_a_table(sub)), NULL;
}

/* The last part of [key]: define the table. */
static toml_value *define_table(tparser *p, toml_value *t, const tkey *k)
{
    char kb[72];
    toml_kv *kv = tv_find(t, k->s, k->len);
    if (!kv) {
        toml_value *sub = new_table(p, k);
        sub->flags = TF_HEADER;
        insert(p, t, k, sub);
        return sub;
    }
    toml_value *sub = kv->val;
    if (sub->type != TOML_TABLE || sub->inline_id)
        return tp_fail(p, k->at, "key %s %s", key_text(k, kb), not_a_table(sub)), NULL;
    if ((sub->flags & TF_HEADER) || sub->dotted_section)
        return tp_fail(p, k->at, "table %s is already defined%s", key_text(k, kb),
                       sub->dotted_section ? " (by dotted keys)" : ""),
               NULL;
    sub->flags |= TF_HEADER; /* made implicitly before: now defined, here */
    sub->line = k->line;
    sub->column = k->column;
    return sub;
}

/* The last part of [[key]]: a new table appended to the array. */
static toml_value *append_table(tparser *p, toml_value *t, const tkey *k)
{
    char kb[72];
    toml_kv *kv = tv_find(t, k->s, k->len);
    toml_value *arr = kv ? kv->val : NULL;
    if (!arr) {
        arr = tv_new(p->a, TOML_ARRAY, k->line, k->column);
        arr->flags = TF_AOT;
        insert(p, t, k, arr);
    } else if (arr->type != TOML_ARRAY || !(arr->flags & TF_AOT)) {
        return tp_fail(p, k->at, "key %s %s", key_text(k, kb),
                       arr->type == TOML_TABLE && !arr->inline_id ? "is already a table"
                                                                  : not_a_table(arr)),
               NULL;
    }
    toml_value *elem = new_table(p, k);
    elem->flags = TF_HEADER;
    tv_push(p->a, arr, elem);
    return elem;
}

/* [key] or [[key]] at p: the table the following pairs go into. */
static toml_value *header(tparser *p, toml_value *root)
{
    bool aot = p->p + 1 < p->end && p->p[1] == '[';
    p->p += aot ? 2 : 1;
    tp_skip_ws(p);
    if (!tp_key(p))
        return NULL;
    if (p->p >= p->end || *p->p != ']' || (aot && (p->p + 1 >= p->end || p->p[1] != ']')))
        return tp_fail(p, p->p, aot ? "expected ']]' to close the [[header]]"
                                    : "expected ']' to close the [header]"),
               NULL;
    p->p += aot ? 2 : 1;
    toml_value *t = root;
    for (size_t i = 0; t && i + 1 < p->nkeys; i++)
        t = header_step(p, t, &p->keys[i]);
    if (!t)
        return NULL;
    const tkey *last = &p->keys[p->nkeys - 1];
    return aot ? append_table(p, t, last) : define_table(p, t, last);
}

/* --- the document ---------------------------------------------------------------- */

/* One line's statement at p (after its indentation). */
static bool statement(tparser *p, toml_value *root, toml_value **section)
{
    char c = *p->p;
    if (c == '[') {
        p->section++; /* dotted keys of the previous section are now closed */
        *section = header(p, root);
        return *section != NULL;
    }
    if (c == '#')
        return true;
    if (c == '=' )
        return tp_fail(p, p->p, "expected a key before '='");
    return key_value(p, *section, 0);
}

static bool document(tparser *p, toml_value *root)
{
    toml_value *section = root;
    for (;;) {
        tp_skip_ws(p);
        if (p->p >= p->end)
            return true;
        if (tp_newline(p))
            continue;
        if (!statement(p, root, &section))
            return false;
        tp_skip_ws(p);
        if (!tp_skip_comment(p))
            return false;
        if (p->p >= p->end)
            return true;
        if (!tp_newline(p))
            return tp_unexpected(p, "a newline after a value, a key or a header");
    }
}

static void parser_init(tparser *p, arena *a, const char *src, size_t len, toml_error *err)
{
    memset(p, 0, sizeof *p);
    p->a = a;
    p->src = p->p = p->line_start = src;
    p->end = src + len;
    p->line = 1;
    p->err = err;
    p->section = 1;
}

const toml_value *toml_parse(arena *a, const char *src, size_t len, toml_error *err)
{
    tparser p;
    toml_error ignored;
    if (!err)
        err = &ignored;
    memset(err, 0, sizeof *err);
    if (!src)
        src = "";
    if (len > INT_MAX) { /* lines and columns are ints */
        err->line = err->column = 1;
        snprintf(err->message, sizeof err->message, "TOML input larger than 2 GiB");
        return NULL;
    }
    parser_init(&p, a, src, len, err);
    toml_value *root = tv_new(a, TOML_TABLE, 1, 1);
    if (!tp_check_utf8(&p) || !document(&p, root))
        return NULL;
    return root;
}

/* --- paths ------------------------------------------------------------------------- */

static const toml_value *walk_keys(const toml_value *t, const tkey *keys, size_t n)
{
    for (size_t i = 0; t && i < n; i++)
        t = toml_getn(t, keys[i].s, keys[i].len);
    return t;
}

/* A path of bare keys only: split it in place, no allocation. */
static const toml_value *bare_path(const toml_value *t, const char *s)
{
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        const char *k = s;
        while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
               *s == '_' || *s == '-')
            s++;
        if (s == k)
            return NULL;
        if (!(t = toml_getn(t, k, (size_t)(s - k))))
            return NULL;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            return t;
        if (*s++ != '.')
            return NULL;
    }
}

const toml_value *toml_get_path(const toml_value *root, const char *path)
{
    if (!root || !path)
        return NULL;
    if (!strpbrk(path, "\"'"))
        return bare_path(root, path);
    /* Quoted parts may hold escapes: read the path with the key lexer, in
     * an arena of its own. */
    arena *a = arena_new();
    toml_error err;
    tparser p;
    parser_init(&p, a, path, strlen(path), &err);
    tp_skip_ws(&p);
    const toml_value *found = NULL;
    if (tp_check_utf8(&p) && tp_key(&p) && p.p == p.end)
        found = walk_keys(root, p.keys, p.nkeys);
    arena_free(a);
    return found;
}
