/* inputs_setupcfg.c - setup.cfg, setuptools' declarative configuration:
 * [options] install_requires, tests_require, setup_requires and
 * [options.extras_require] (one key per extra).
 *
 * The file is read as Python's configparser reads it for setuptools
 * (ConfigParser with strict=True, keys kept as written): a line whose
 * stripped text starts with '#' or ';' is a comment; a line indented
 * deeper than its option's line continues the value; '=' or ':' (the
 * first one) ends a key; a duplicate section or option, a line before any
 * section, and a line without a delimiter are errors at their line.
 * Values are then split as setuptools' _parse_requirements_list does: a
 * value spanning lines gives one requirement per line, a one-line value is
 * split on ';' (setuptools warns about that quirk; an environment marker
 * written on one line is therefore read as a separate, invalid
 * requirement, as setuptools does); empty items and '#' items are
 * skipped. `file: a.txt b.txt` reads those files as requirements files.
 * Each record's line is the line its text is on. Interpolation ('%') and
 * [DEFAULT] inheritance are not applied (no real requirement uses them). */
#include <stdlib.h>
#include <string.h>

#include "base/unicode.h"
#include "deps/inputs_int.h"
#include "deps/inputs_setup_int.h"

/* More options or sections than this in one file is refused: duplicate
 * checks are quadratic, and no real setup.cfg comes near. */
enum { CFG_MAX_NAMES = 4096 };

typedef struct cfg_piece {
    const char *text; /* stripped; "" for a blank line inside a value */
    size_t len;
    int line;
} cfg_piece;

typedef struct cfg_option {
    const char *section, *key;
    int line;
    cfg_piece *pieces;
    size_t n, cap;
} cfg_option;

typedef struct cfg {
    deps_set *s;
    const char *path;
    cfg_option *opts; /* every option of every section, in file order */
    size_t nopts, optcap;
    const char **sections;
    size_t nsections, seccap;
    const char *section; /* current, NULL before the first header */
    bool in_default;     /* [DEFAULT]: read but never used */
    cfg_option *cur;     /* option a continuation line extends, or NULL */
    size_t indent;
} cfg;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static void *grow_array(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    *cap = *cap ? 2 * *cap : 8;
    void *more = realloc(items, *cap * size);
    if (!more)
        abort();
    return more;
}

static void cfg_error(cfg *c, int line, const char *msg, const char *name)
{
    deps_error_at(c->s, c->path, line, "%s%s%s%s", msg, name ? " '" : "",
                  name ? name : "", name ? "'" : "");
}

static void add_piece(cfg_option *o, const char *text, size_t len, int line)
{
    o->pieces = grow_array(o->pieces, o->n, &o->cap, sizeof *o->pieces);
    o->pieces[o->n++] = (cfg_piece){text, len, line};
}

static void start_section(cfg *c, const char *name, size_t len, int line)
{
    const char *sect = deps_strndup(c->s, name, len);
    c->cur = NULL;
    c->in_default = strcmp(sect, "DEFAULT") == 0;
    c->section = sect;
    if (c->in_default)
        return;
    for (size_t i = 0; i < c->nsections; i++)
        if (strcmp(c->sections[i], sect) == 0) {
            cfg_error(c, line, "duplicate section", sect);
            return;
        }
    if (c->nsections >= CFG_MAX_NAMES) {
        cfg_error(c, line, "too many sections", NULL);
        return;
    }
    c->sections = grow_array(c->sections, c->nsections, &c->seccap, sizeof *c->sections);
    c->sections[c->nsections++] = sect;
}

static void start_option(cfg *c, const char *text, size_t len, int line)
{
    size_t k = 0;
    while (k < len && text[k] != '=' && text[k] != ':')
        k++;
    if (k == len) {
        cfg_error(c, line, "expected 'key = value', a [section] or a comment", NULL);
        return;
    }
    size_t klen = k, v = k + 1;
    while (klen && is_space(text[klen - 1]))
        klen--;
    while (v < len && is_space(text[v]))
        v++;
    if (!klen) {
        cfg_error(c, line, "an option without a name", NULL);
        return;
    }
    const char *key = deps_strndup(c->s, text, klen);
    for (size_t i = 0; i < c->nopts; i++)
        if (c->opts[i].section == c->section && strcmp(c->opts[i].key, key) == 0) {
            cfg_error(c, line, "duplicate option", key);
            return;
        }
    if (c->nopts >= CFG_MAX_NAMES) {
        cfg_error(c, line, "too many options", NULL);
        return;
    }
    c->opts = grow_array(c->opts, c->nopts, &c->optcap, sizeof *c->opts);
    cfg_option *o = &c->opts[c->nopts++];
    *o = (cfg_option){.section = c->section, .key = key, .line = line};
    add_piece(o, text + v, len - v, line);
    c->cur = o;
}

/* One physical line (without its newline), as configparser's _read. */
static void cfg_line(cfg *c, const char *line, size_t len, int lineno)
{
    size_t indent = 0;
    while (indent < len && is_space(line[indent]))
        indent++;
    size_t end = len;
    while (end > indent && (is_space(line[end - 1]) || line[end - 1] == '\r'))
        end--;
    const char *text = line + indent;
    size_t tlen = end - indent;
    if (tlen && (text[0] == '#' || text[0] == ';'))
        return; /* a comment: no blank line added to the value */
    if (!tlen) {
        if (c->cur)
            add_piece(c->cur, "", 0, lineno);
        return;
    }
    if (c->cur && indent > c->indent) {
        add_piece(c->cur, text, tlen, lineno);
        return;
    }
    c->indent = indent;
    if (text[0] == '[' && memchr(text, ']', tlen)) {
        size_t close = tlen - 1;
        while (text[close] != ']')
            close--;
        if (close > 1) {
            start_section(c, text + 1, close - 1, lineno);
            return;
        }
    }
    c->cur = NULL;
    if (!c->section)
        cfg_error(c, lineno, "a line before the first [section]", NULL);
    else
        start_option(c, text, tlen, lineno);
}

static bool check_encoding(cfg *c, const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t k = uni_decode(text + i, len - i, &cp);
        if (!k || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            int line = 1;
            for (size_t j = 0; j < i; j++)
                line += text[j] == '\n';
            cfg_error(c, line, cp == 0 && k ? "NUL byte: not a text file" : "invalid UTF-8",
                      NULL);
            return false;
        }
        i += k;
    }
    return true;
}

static void cfg_parse(cfg *c, const char *text, size_t len)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    if (!check_encoding(c, text, len))
        return;
    int lineno = 1;
    for (size_t i = 0; i < len; lineno++) {
        size_t j = i;
        while (j < len && text[j] != '\n' && text[j] != '\r')
            j++;
        cfg_line(c, text + i, j - i, lineno);
        if (j < len && text[j] == '\r' && j + 1 < len && text[j + 1] == '\n')
            j++;
        i = j + 1;
    }
}

/* Whether an [options] key names `want`: setuptools reads dashes as
 * underscores there ("install-requires", with a deprecation warning). */
static bool same_option(const char *key, const char *want)
{
    for (; *key && *want; key++, want++)
        if (*key != *want && !(*key == '-' && *want == '_'))
            return false;
    return *key == *want;
}

/* The option's last spelling wins, as in setuptools' option dict. */
static const cfg_option *find_option(const cfg *c, const char *section, const char *key)
{
    const cfg_option *found = NULL;
    for (size_t i = 0; i < c->nopts; i++)
        if (strcmp(c->opts[i].section, section) == 0 && same_option(c->opts[i].key, key))
            found = &c->opts[i];
    return found;
}

/* The option's pieces as configparser joins them: trailing blank pieces
 * dropped (its rstrip). */
static size_t used_pieces(const cfg_option *o)
{
    size_t n = o->n;
    while (n > 1 && o->pieces[n - 1].len == 0)
        n--;
    return n;
}

static size_t add_item(cfg *c, const char *group, const char *text, size_t len, int line)
{
    return deps_setup_add_req(c->s, c->path, line, DEPS_SETUP_CFG, group, text, len);
}

/* `file: a.txt b.txt`, relative to the setup.cfg's directory. */
static size_t read_file_directive(cfg *c, const cfg_piece *p)
{
    const char *dir = deps_strndup(c->s, c->path, (size_t)(deps_base_name(c->path) - c->path));
    size_t added = 0, i = 5;
    while (i < p->len) {
        while (i < p->len && (is_space(p->text[i]) || p->text[i] == ','))
            i++;
        size_t j = i;
        while (j < p->len && !is_space(p->text[j]) && p->text[j] != ',')
            j++;
        if (j > i) {
            const char *name = deps_strndup(c->s, p->text + i, j - i);
            const char *file = *dir ? deps_join_path(c->s, dir, name) : name;
            deps_note_at(c->s, c->path, p->line, "requirements read from %s", file);
            added += deps_read_requirements(c->s, file);
        }
        i = j;
    }
    return added;
}

static size_t read_requirements_option(cfg *c, const cfg_option *o, const char *group)
{
    size_t n = used_pieces(o), added = 0;
    if (n == 1 && o->pieces[0].len >= 5 && memcmp(o->pieces[0].text, "file:", 5) == 0)
        return read_file_directive(c, &o->pieces[0]);
    if (n > 1) {
        for (size_t i = 0; i < n; i++)
            added += add_item(c, group, o->pieces[i].text, o->pieces[i].len, o->pieces[i].line);
        return added;
    }
    const cfg_piece *p = &o->pieces[0];
    for (size_t i = 0; i <= p->len;) {
        const char *semi = memchr(p->text + i, ';', p->len - i);
        size_t end = semi ? (size_t)(semi - p->text) : p->len;
        added += add_item(c, group, p->text + i, end - i, p->line);
        i = end + 1;
    }
    return added;
}

static size_t cfg_records(cfg *c)
{
    static const char *const lists[] = {"install_requires", "setup_requires", "tests_require"};
    size_t added = 0;
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        const cfg_option *o = find_option(c, "options", lists[i]);
        if (o)
            added += read_requirements_option(c, o, lists[i]);
    }
    for (size_t i = 0; i < c->nopts; i++)
        if (strcmp(c->opts[i].section, "options.extras_require") == 0)
            added += read_requirements_option(c, &c->opts[i], c->opts[i].key);
    return added;
}

size_t deps_read_setup_cfg_text(deps_set *s, const char *path, const char *text, size_t len)
{
    cfg c = {.s = s, .path = deps_strdup(s, path)};
    cfg_parse(&c, text, len);
    size_t added = cfg_records(&c);
    for (size_t i = 0; i < c.nopts; i++)
        free(c.opts[i].pieces);
    free(c.opts);
    free(c.sections);
    return added;
}

size_t deps_read_setup_cfg(deps_set *s, const char *path)
{
    size_t len;
    const char *text = deps_slurp(s, path, &len);
    return text ? deps_read_setup_cfg_text(s, path, text, len) : 0;
}
