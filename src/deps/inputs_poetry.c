/* inputs_poetry.c - Poetry's dependency tables in pyproject.toml
 * ([tool.poetry.dependencies] = group "main", dev-dependencies = "dev",
 * [tool.poetry.group.NAME.dependencies] = NAME) and Poetry's version
 * constraints turned into PEP 440 specifier sets, as poetry-core defines
 * them:
 *   ^X.Y.Z  >=X.Y.Z,<next breaking: the first non-zero of the numbers
 *           written is bumped; when all are zero, the last written one
 *           (^1.2.3 -> <2.0.0, ^0.2.3 -> <0.3.0, ^0.0.3 -> <0.0.4,
 *           ^0.0 -> <0.1, ^0 -> <1);
 *   ~X.Y.Z  >=X.Y.Z,<X.(Y+1).0 (~X alone: <X+1);
 *   ~=, ==, !=, <, <=, >, >=  PEP 440's own; "=" is "==";
 *   X.Y.Z   ==X.Y.Z; X.Y.* ==X.Y.*; * (or "") any version;
 *   terms separated by commas or spaces are all required (AND).
 * A union ("^1.0 || ^2.0") has no PEP 440 spelling: the record keeps the
 * text and is unauditable. The `python` key (the interpreter, not a
 * package) is skipped; a table's `python` restriction is not turned into a
 * marker (its `markers` is kept).
 * Where Poetry's comparisons are not PEP 440's, the PEP 440 meaning is
 * used: post- and pre-releases at a bound ("<=1.2.3" admits 1.2.3.post1
 * in Poetry), and ~= with four or more numbers (Poetry 1.4 reads
 * "~=1.2.3.4" as <1.3). tests/deps/inputs/poetry_compare.py checks the
 * rest against poetry-core on every final release of a grid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "deps/inputs_int.h"
#include "deps/toml.h"

enum { MAX_RELEASE = 16 };

/* The release numbers of a version text ("1.2.3rc1" -> 1, 2, 3); 0 when
 * it is not a version or the numbers are too large. */
static size_t release_of(const char *v, size_t n, unsigned long long *out)
{
    size_t count = 0, i = 0;
    if (i < n && (v[i] == 'v' || v[i] == 'V'))
        i++;
    while (i < n && count < MAX_RELEASE) {
        if (v[i] < '0' || v[i] > '9')
            break;
        unsigned long long x = 0;
        size_t digits = 0;
        while (i < n && v[i] >= '0' && v[i] <= '9' && digits < 18)
            x = x * 10 + (unsigned)(v[i++] - '0'), digits++;
        if (i < n && v[i] >= '0' && v[i] <= '9')
            return 0;
        out[count++] = x;
        if (i + 1 < n && v[i] == '.' && v[i + 1] >= '0' && v[i + 1] <= '9')
            i++;
        else
            break;
    }
    return count;
}

static void put_release(buf *b, const unsigned long long *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%s%llu", i ? "." : "", r[i]);
}

/* ^ and ~: ">=v,<upper" appended to b; false if v has no release. */
static bool put_range(buf *b, char op, const char *v, size_t n)
{
    unsigned long long r[MAX_RELEASE];
    size_t k = release_of(v, n, r);
    if (!k)
        return false;
    size_t bump; /* index of the number bumped; the rest become 0 */
    if (op == '~')
        bump = k == 1 ? 0 : 1;
    else if (r[0] > 0 || k == 1)
        bump = 0;
    else if (r[1] > 0 || k == 2)
        bump = 1;
    else
        bump = 2;
    buf_printf(b, ">=%.*s,<", (int)n, v);
    unsigned long long up[MAX_RELEASE];
    size_t keep = k < 3 ? k : 3;
    if (keep < bump + 1)
        keep = bump + 1;
    for (size_t i = 0; i < keep; i++)
        up[i] = i < bump ? r[i] : i == bump ? r[i] + 1 : 0;
    put_release(b, up, keep);
    return true;
}

static bool put_term(buf *b, const char *op, size_t opn, const char *v, size_t n)
{
    if (b->len)
        buf_putc(b, ',');
    if (opn == 1 && (*op == '^' || *op == '~'))
        return put_range(b, *op, v, n);
    if ((opn == 0 || (opn == 1 && *op == '=')) && n == 1 && (*v == '*' || *v == 'x' || *v == 'X')) {
        if (b->len)
            b->data[--b->len] = '\0'; /* "*": no term */
        return true;
    }
    if (opn == 0 || (opn == 1 && *op == '='))
        buf_puts(b, "==");
    else
        buf_put(b, op, opn);
    buf_put(b, v, n);
    return true;
}

const char *deps_poetry_to_pep440(arena *a, const char *text, const char **why)
{
    if (strchr(text, '|')) {
        *why = "a union (||) of Poetry constraints has no PEP 440 spelling";
        return NULL;
    }
    buf b;
    buf_init(&b);
    const char *p = text;
    bool ok = true;
    while (ok && *p) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *op = p;
        while (*p && strchr("<>=!~^", *p))
            p++;
        size_t opn = (size_t)(p - op);
        while (*p == ' ' || *p == '\t')
            p++;
        const char *v = p;
        while (*p && *p != ' ' && *p != ',' && *p != '\t')
            p++;
        if (p == v) {
            *why = "an operator without a version";
            ok = false;
        } else if (!put_term(&b, op, opn, v, (size_t)(p - v))) {
            *why = "^ or ~ needs a version with a release number";
            ok = false;
        }
    }
    const char *out = ok ? arena_strndup(a, b.data ? b.data : "", b.len) : NULL;
    buf_free(&b);
    return out;
}

/* ---- the tables ------------------------------------------------------------ */

static void set_constraint(deps_set *s, deps_record *r, const char *text)
{
    const char *why = NULL;
    const char *spec = deps_poetry_to_pep440(s->a, text, &why);
    if (!spec) {
        r->specifier = text;
        r->unauditable = why;
        return;
    }
    r->specifier = spec;
    deps_finish(s, r);
}

static void read_extras(deps_set *s, deps_record *r, const toml_value *arr)
{
    size_t n = toml_len(arr);
    const char **ex = arena_alloc(s->a, sizeof *ex * (n + 1));
    for (size_t i = 0; i < n; i++) {
        const char *e = toml_as_string(toml_at(arr, i), NULL);
        if (e)
            ex[r->nextras++] = e;
    }
    r->extras = ex;
}

static void read_table(deps_set *s, deps_record *r, const toml_value *t)
{
    const char *git = toml_as_string(toml_get(t, "git"), NULL);
    const char *path = toml_as_string(toml_get(t, "path"), NULL);
    const char *url = toml_as_string(toml_get(t, "url"), NULL);
    const char *version = toml_as_string(toml_get(t, "version"), NULL);
    const char *markers = toml_as_string(toml_get(t, "markers"), NULL);
    read_extras(s, r, toml_get(t, "extras"));
    if (markers)
        deps_set_marker(s, r, markers);
    if (git || path || url) {
        r->url = git ? git : path ? path : url;
        r->unauditable = git ? "VCS requirement" : path ? "local path requirement" : "URL requirement";
        bool dev = false;
        r->editable = path && toml_as_bool(toml_get(t, "develop"), &dev) && dev;
        return;
    }
    if (version)
        set_constraint(s, r, version);
    else
        deps_error_at(s, r->path, r->line, "%s: a table without version, git, path or url",
                      r->name);
}

static size_t read_one(deps_set *s, const char *path, const char *name, const toml_value *v,
                       const char *group)
{
    deps_record *r = deps_add(s, path, toml_line(v), DEPS_POETRY);
    r->name = name;
    r->group = group;
    if (pep508_name_valid(name, strlen(name)))
        r->key = pep503_normalize(s->a, name, strlen(name));
    else
        deps_error_at(s, path, r->line, "'%s' is not a valid package name", name);
    const char *text = toml_as_string(v, NULL);
    if (text)
        set_constraint(s, r, text);
    else if (toml_type_of(v) == TOML_TABLE)
        read_table(s, r, v);
    else {
        deps_error_at(s, path, r->line, "%s: expected a constraint string or a table", name);
        r->unauditable = "unreadable Poetry constraint";
    }
    return 1;
}

static size_t read_deps(deps_set *s, const char *path, const toml_value *deps, const char *group)
{
    size_t added = 0;
    for (size_t i = 0; i < toml_len(deps); i++) {
        const char *name = toml_key_at(deps, i, NULL);
        const toml_value *v = toml_value_at(deps, i);
        if (strcasecmp(name, "python") == 0)
            continue;
        if (toml_type_of(v) == TOML_ARRAY) /* several constraints, each with markers */
            for (size_t j = 0; j < toml_len(v); j++)
                added += read_one(s, path, name, toml_at(v, j), group);
        else
            added += read_one(s, path, name, v, group);
    }
    return added;
}

size_t deps_read_poetry(deps_set *s, const char *path, const void *poetry_table)
{
    const toml_value *poetry = poetry_table;
    size_t added = read_deps(s, path, toml_get(poetry, "dependencies"), "main");
    added += read_deps(s, path, toml_get(poetry, "dev-dependencies"), "dev");
    const toml_value *groups = toml_get(poetry, "group");
    for (size_t i = 0; i < toml_len(groups); i++)
        added += read_deps(s, path, toml_get(toml_value_at(groups, i), "dependencies"),
                           toml_key_at(groups, i, NULL));
    return added;
}
