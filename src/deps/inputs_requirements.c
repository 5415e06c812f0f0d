/* inputs_requirements.c - pip's requirements file format ("Requirements
 * File Format" in pip's documentation, pip/_internal/req/req_file.py):
 * physical lines (every line break Python's str.splitlines knows), then
 * lines ending in a backslash joined (a comment line never continues),
 * then comments removed ('#' at the start or after whitespace), then the
 * line split at the first space-separated token starting with '-' into a
 * requirement and options. ${VAR} is left unexpanded (pip expands it from
 * the environment at install time: a note says so). -r/-c are followed
 * relative to the including file, with cycles and depth bounded. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "deps/inputs_int.h"
#include "deps/inputs_req_int.h"

enum { MAX_INCLUDE_DEPTH = 32 };

typedef struct req_ctx {
    deps_set *s;
    const char *stack[MAX_INCLUDE_DEPTH];
    int depth;
    size_t added;
} req_ctx;

static void read_file(req_ctx *c, const char *path, deps_kind kind, const char *from,
                      int from_line);

/* The length of the line break at text[i] as str.splitlines sees it (\n,
 * \r\n, \r, \v, \f, \x1c-\x1e, U+0085, U+2028, U+2029), or 0. */
static size_t line_break_at(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '\r')
        return i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
    if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e))
        return 1;
    if (c == 0xc2 && i + 1 < len && (unsigned char)t[i + 1] == 0x85)
        return 2;
    if (c == 0xe2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0xa8 || (unsigned char)t[i + 2] == 0xa9))
        return 3;
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* COMMENT_RE.match: the whole line is a comment. */
static bool comment_line(const char *l, size_t n)
{
    size_t i = 0;
    while (i < n && is_space(l[i]))
        i++;
    return i < n && l[i] == '#';
}

/* COMMENT_RE.sub then strip: the text before the first '#' that starts the
 * line or follows whitespace, without surrounding whitespace. */
static void strip_comment(const char **l, size_t *n)
{
    const char *s = *l;
    size_t len = *n;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '#' && (i == 0 || is_space(s[i - 1]))) {
            len = i;
            break;
        }
    while (len && is_space(s[len - 1]))
        len--;
    while (len && is_space(*s))
        s++, len--;
    *l = s;
    *n = len;
}

static void note_env_vars(req_ctx *c, const char *path, int line, const char *l, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++) {
        if (l[i] != '$' || l[i + 1] != '{')
            continue;
        size_t j = i + 2;
        while (j < n && ((l[j] >= 'A' && l[j] <= 'Z') || (l[j] >= '0' && l[j] <= '9') || l[j] == '_'))
            j++;
        if (j < n && l[j] == '}' && j > i + 2)
            deps_note_at(c->s, path, line,
                         "environment variable %.*s is not expanded (pip expands it at install time)",
                         (int)(j + 1 - i), l + i);
    }
}

static void handle_line(req_ctx *c, const char *path, int line, deps_kind kind, const char *l,
                        size_t n)
{
    strip_comment(&l, &n);
    if (!n)
        return;
    l = deps_strndup(c->s, l, n); /* NUL-terminated for the line parser */
    note_env_vars(c, path, line, l, n);
    req_line rl = {.s = c->s, .path = path, .line = line, .kind = kind};
    if (!req_line_parse(&rl, l, n))
        return;
    for (size_t i = 0; i < rl.nincludes; i++) {
        const char *target = rl.includes[i].target;
        if (strstr(target, "://")) {
            deps_error_at(c->s, path, line, "remote include %s is not fetched", target);
            continue;
        }
        if (target[0] != '/') {
            const char *slash = strrchr(path, '/');
            const char *dir = slash ? deps_strndup(c->s, path, (size_t)(slash - path)) : ".";
            target = slash ? deps_join_path(c->s, dir, target) : target;
        }
        /* as pip: -r inside a constraints file reads requirements */
        read_file(c, target, rl.includes[i].constraint ? DEPS_CONSTRAINTS : DEPS_REQUIREMENTS,
                  path, line);
    }
    c->added += rl.added;
}

/* pip's join_lines over physical lines, then each logical line handled. */
static void parse_text(req_ctx *c, const char *path, deps_kind kind, const char *t, size_t len)
{
    buf joined;
    buf_init(&joined);
    int lineno = 0, first = 0;
    bool open = false;
    size_t i = 0;
    while (i < len) {
        size_t start = i, brk = 0;
        while (i < len && !(brk = line_break_at(t, len, i)))
            i++;
        const char *l = t + start;
        size_t n = i - start;
        i += brk;
        lineno++;
        bool cont = n && l[n - 1] == '\\' && !comment_line(l, n);
        if (!cont) {
            if (open) {
                if (comment_line(l, n))
                    buf_putc(&joined, ' ');
                buf_put(&joined, l, n);
                handle_line(c, path, first, kind, joined.data, joined.len);
                buf_clear(&joined);
                open = false;
            } else {
                handle_line(c, path, lineno, kind, l, n);
            }
            continue;
        }
        if (!open)
            first = lineno, open = true;
        /* line.strip("\\"): backslashes off both ends */
        while (n && l[n - 1] == '\\')
            n--;
        while (n && *l == '\\')
            l++, n--;
        buf_put(&joined, l, n);
    }
    if (open)
        handle_line(c, path, first, kind, joined.data ? joined.data : "", joined.len);
    buf_free(&joined);
}

/* A BOM says the encoding, as pip's auto_decode: UTF-8's is dropped; the
 * UTF-16/32 ones are refused with a clear error. */
static bool strip_bom(req_ctx *c, const char *path, const char **t, size_t *len)
{
    const unsigned char *u = (const unsigned char *)*t;
    if (*len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
        *t += 3, *len -= 3;
        return true;
    }
    if (*len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
        deps_error_at(c->s, path, 0, "UTF-16/UTF-32 files are not supported: convert to UTF-8");
        return false;
    }
    return true;
}

static void read_text(req_ctx *c, const char *path, const char *key, deps_kind kind,
                      const char *t, size_t len)
{
    if (!strip_bom(c, path, &t, &len))
        return;
    if (memchr(t, '\0', len)) {
        deps_error_at(c->s, path, 0, "binary file (NUL bytes): not a requirements file");
        return;
    }
    c->stack[c->depth++] = key;
    parse_text(c, path, kind, t, len);
    c->depth--;
}

/* What deps_seen remembers for a file read as constraints: not a path, so
 * that reading it as requirements too is not taken for a repetition. */
static const char *constraints_key(req_ctx *c, const char *key)
{
    buf b;
    buf_init(&b);
    buf_printf(&b, "constraints:%s", key);
    const char *k = deps_strndup(c->s, b.data, b.len);
    buf_free(&b);
    return k;
}

static bool on_stack(req_ctx *c, const char *path)
{
    for (int i = 0; i < c->depth; i++)
        if (strcmp(c->stack[i], path) == 0)
            return true;
    return false;
}

static void read_file(req_ctx *c, const char *path, deps_kind kind, const char *from,
                      int from_line)
{
    char *real = realpath(path, NULL);
    const char *key = real ? deps_strdup(c->s, real) : path;
    free(real);
    if (on_stack(c, key)) {
        deps_error_at(c->s, from, from_line, "include cycle: %s is already being read", path);
        return;
    }
    if (c->depth == MAX_INCLUDE_DEPTH) {
        deps_error_at(c->s, from, from_line, "includes nested deeper than %d", MAX_INCLUDE_DEPTH);
        return;
    }
    /* A file included twice is read once as requirements and once as
     * constraints at most (pip would read it each time). */
    if (from && deps_seen(c->s, kind == DEPS_CONSTRAINTS ? constraints_key(c, key) : path))
        return;
    if (from && access(path, R_OK) != 0) {
        deps_error_at(c->s, from, from_line, "cannot read included file %s: %s", path,
                      strerror(errno));
        return;
    }
    size_t len;
    const char *t = deps_slurp(c->s, path, &len);
    if (t)
        read_text(c, path, key, kind, t, len);
}

size_t deps_read_requirements(deps_set *s, const char *path)
{
    req_ctx c = {.s = s};
    if (deps_seen(s, path))
        return 0;
    read_file(&c, deps_strdup(s, path), DEPS_REQUIREMENTS, NULL, 0);
    return c.added;
}

size_t deps_read_requirements_text(deps_set *s, const char *path, const char *text, size_t len)
{
    req_ctx c = {.s = s};
    path = deps_strdup(s, path);
    deps_seen(s, path);
    read_text(&c, path, path, DEPS_REQUIREMENTS, text, len);
    return c.added;
}
