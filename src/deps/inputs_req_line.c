/* inputs_req_line.c - one logical line of a requirements file, as pip's
 * handle_line sees it: tokens up to the first one starting with '-' are
 * the requirement, the rest are options (shell-split, optparse rules:
 * "--opt=value", "--opt value", "-rvalue", unique prefixes of long
 * names). A requirement is a PEP 508 string, a URL (VCS or archive, with
 * "#egg=name" and "; marker"), or a local path; only the first can be
 * audited by version, the others are kept as unauditable records. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "deps/inputs_req_int.h"

enum { OPT_REQUIREMENT, OPT_CONSTRAINT, OPT_EDITABLE, OPT_INDEX, OPT_HASH, OPT_OTHER };

typedef struct opt_def {
    const char *name; /* long name without "--" */
    char short_name;  /* 0: none */
    bool value;
    int what;
} opt_def;

/* pip's requirements-file options (req_file.py SUPPORTED_OPTIONS and
 * SUPPORTED_OPTIONS_REQ). */
static const opt_def options[] = {
    {"requirement", 'r', true, OPT_REQUIREMENT},
    {"constraint", 'c', true, OPT_CONSTRAINT},
    {"editable", 'e', true, OPT_EDITABLE},
    {"index-url", 'i', true, OPT_INDEX},
    {"extra-index-url", 0, true, OPT_INDEX},
    {"no-index", 0, false, OPT_OTHER},
    {"find-links", 'f', true, OPT_INDEX},
    {"no-binary", 0, true, OPT_OTHER},
    {"only-binary", 0, true, OPT_OTHER},
    {"prefer-binary", 0, false, OPT_OTHER},
    {"require-hashes", 0, false, OPT_OTHER},
    {"pre", 0, false, OPT_OTHER},
    {"trusted-host", 0, true, OPT_OTHER},
    {"use-feature", 0, true, OPT_OTHER},
    {"hash", 0, true, OPT_HASH},
    {"global-option", 0, true, OPT_OTHER},
    {"config-settings", 'C', true, OPT_OTHER},
    {"install-option", 0, true, OPT_OTHER},
};
enum { NOPTIONS = sizeof options / sizeof *options };

static const opt_def *find_long(req_line *rl, const char *name, size_t n)
{
    const opt_def *hit = NULL;
    int hits = 0;
    for (size_t i = 0; i < NOPTIONS; i++) {
        if (strlen(options[i].name) == n && memcmp(options[i].name, name, n) == 0)
            return &options[i];
        if (strlen(options[i].name) > n && memcmp(options[i].name, name, n) == 0)
            hit = &options[i], hits++;
    }
    if (hits == 1)
        return hit;
    deps_error_at(rl->s, rl->path, rl->line, "%s option: --%.*s",
                  hits ? "ambiguous" : "no such", (int)n, name);
    return NULL;
}

static const opt_def *find_short(req_line *rl, char c)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].short_name == c)
            return &options[i];
    deps_error_at(rl->s, rl->path, rl->line, "no such option: -%c", c);
    return NULL;
}

/* shlex.split, enough for option values: whitespace separates, quotes
 * group, a backslash escapes outside single quotes. */
static size_t shell_split(deps_set *s, const char *t, size_t n, const char **out, size_t max)
{
    size_t count = 0, i = 0;
    buf b;
    buf_init(&b);
    while (i < n && count < max) {
        while (i < n && (t[i] == ' ' || t[i] == '\t'))
            i++;
        if (i == n)
            break;
        buf_clear(&b);
        char quote = 0;
        for (; i < n && (quote || (t[i] != ' ' && t[i] != '\t')); i++) {
            char ch = t[i];
            if (quote && ch == quote)
                quote = 0;
            else if (!quote && (ch == '\'' || ch == '"'))
                quote = ch;
            else if (ch == '\\' && quote != '\'' && i + 1 < n)
                buf_putc(&b, t[++i]);
            else
                buf_putc(&b, ch);
        }
        out[count++] = deps_strndup(s, b.data ? b.data : "", b.len);
    }
    buf_free(&b);
    return count;
}

/* ---- requirements that are not PEP 508 strings ------------------------------ */

/* pip's is_url: the scheme is a download or a VCS scheme. */
static bool is_url(const char *t, size_t n)
{
    const char *colon = memchr(t, ':', n);
    if (!colon)
        return false;
    size_t sl = (size_t)(colon - t);
    static const char *const schemes[] = {"http", "https", "file", "ftp", "git", "hg", "svn", "bzr"};
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++) {
        size_t k = strlen(schemes[i]);
        if (sl >= k && strncasecmp(t, schemes[i], k) == 0 && (sl == k || t[k] == '+'))
            return i < 4 ? sl == k : true;
    }
    return false;
}

/* "#egg=NAME" (or "&egg=") of a URL: the project name, extras dropped. */
static const char *egg_name(deps_set *s, const char *url)
{
    const char *e = strstr(url, "#egg=");
    if (!e)
        e = strstr(url, "&egg=");
    if (!e)
        return NULL;
    e += 5;
    size_t n = strcspn(e, "&[ ");
    return n ? deps_strndup(s, e, n) : NULL;
}

static bool has_suffix(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

static bool is_archive(const char *s, size_t n)
{
    static const char *const ext[] = {".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz",
                                      ".tar.xz", ".txz", ".tar"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
        if (has_suffix(s, n, ext[i]))
            return true;
    return false;
}

/* A wheel's file name states its name and version exactly
 * ({name}-{version}(-{build})?-{python}-{abi}-{platform}.whl). */
static void name_from_wheel(deps_set *s, deps_record *r, const char *url)
{
    size_t n = strcspn(url, "#?");
    if (!has_suffix(url, n, ".whl"))
        return;
    const char *base = url + n;
    while (base > url && base[-1] != '/')
        base--;
    const char *dash = memchr(base, '-', (size_t)(url + n - base));
    if (!dash)
        return;
    const char *dash2 = memchr(dash + 1, '-', (size_t)(url + n - dash - 1));
    if (!dash2)
        return;
    if (!r->name)
        r->name = deps_strndup(s, base, (size_t)(dash - base));
    r->version = deps_strndup(s, dash + 1, (size_t)(dash2 - dash - 1));
    r->pinned = pep440_parse(s->a, r->version, strlen(r->version), NULL);
}

static void add_located(req_line *rl, const char *t, size_t n, bool hashes, bool editable)
{
    bool url = is_url(t, n);
    const char *text = deps_strndup(rl->s, t, n), *marker = NULL;
    const char *sep = strstr(text, url ? "; " : ";");
    if (sep) {
        marker = sep + (url ? 2 : 1);
        size_t tn = (size_t)(sep - text);
        while (tn && text[tn - 1] == ' ')
            tn--;
        text = deps_strndup(rl->s, text, tn);
    }
    deps_record *r = deps_add(rl->s, rl->path, rl->line, rl->kind);
    r->url = text;
    r->hashes = hashes;
    r->editable = editable;
    r->name = egg_name(rl->s, text);
    if (url)
        name_from_wheel(rl->s, r, text);
    if (editable)
        r->unauditable = "editable requirement";
    else if (url && strchr(text, '+') && strchr(text, '+') < strchr(text, ':'))
        r->unauditable = "VCS requirement";
    else if (!url)
        r->unauditable = "local path requirement";
    else if (!r->pinned)
        r->unauditable = "URL requirement";
    if (marker)
        deps_set_marker(rl->s, r, marker);
    if (r->name && pep508_name_valid(r->name, strlen(r->name)))
        r->key = pep503_normalize(rl->s->a, r->name, strlen(r->name));
    rl->added++;
}

/* pip's _looks_like_path on what comes before any '@', or an archive. */
static bool looks_like_path(const char *t, size_t n)
{
    size_t head = strcspn(t, "@;");
    if (head > n)
        head = n;
    size_t k = strcspn(t, "[;@");
    if (k > n)
        k = n;
    while (k && t[k - 1] == ' ')
        k--;
    return memchr(t, '/', head) || (n && t[0] == '.') || is_archive(t, k);
}

/* A requirement that is only valid once pip has expanded ${VAR} from the
 * environment: kept with the name it starts with, not audited. */
static void add_unexpanded(req_line *rl, const char *t, size_t n, bool hashes)
{
    size_t k = 0;
    while (k < n && (isalnum((unsigned char)t[k]) || t[k] == '.' || t[k] == '_' || t[k] == '-'))
        k++;
    deps_record *r = deps_add(rl->s, rl->path, rl->line, rl->kind);
    r->name = k ? deps_strndup(rl->s, t, k) : NULL;
    r->specifier = deps_strndup(rl->s, t + k, n - k);
    r->hashes = hashes;
    r->unauditable = "contains an unexpanded environment variable";
    if (r->name && pep508_name_valid(r->name, k))
        r->key = pep503_normalize(rl->s->a, r->name, k);
    rl->added++;
}

static void add_requirement(req_line *rl, const char *t, size_t n, bool hashes)
{
    if (is_url(t, n) || looks_like_path(t, n)) {
        add_located(rl, t, n, hashes, false);
        return;
    }
    const char *msg = NULL;
    size_t off = 0;
    const pep508_req *q = pep508_parse(rl->s->a, t, n, &msg, &off);
    const char *var = memmem(t, n, "${", 2);
    if (!q && var) {
        add_unexpanded(rl, t, n, hashes);
        return;
    }
    if (!q) {
        deps_error_at(rl->s, rl->path, rl->line, "invalid requirement '%.*s': %s (at column %zu)",
                      (int)n, t, msg, off + 1);
        return;
    }
    deps_record *r = deps_add(rl->s, rl->path, rl->line, rl->kind);
    r->hashes = hashes;
    deps_fill_from_req(rl->s, r, q);
    rl->added++;
}

/* ---- options ---------------------------------------------------------------- */

static bool apply_option(req_line *rl, const opt_def *o, const char *value, bool *hashes)
{
    switch (o->what) {
    case OPT_REQUIREMENT:
    case OPT_CONSTRAINT:
        if (rl->nincludes == REQ_MAX_INCLUDES) {
            deps_error_at(rl->s, rl->path, rl->line, "too many includes on one line");
            return false;
        }
        rl->includes[rl->nincludes].target = value;
        rl->includes[rl->nincludes++].constraint = o->what == OPT_CONSTRAINT;
        return true;
    case OPT_EDITABLE:
        add_located(rl, value, strlen(value), false, true);
        return true;
    case OPT_INDEX:
        deps_note_at(rl->s, rl->path, rl->line, "package index option --%s %s", o->name, value);
        return true;
    case OPT_HASH:
        *hashes = true;
        return true;
    default:
        return true;
    }
}

/* Parse the option tokens; false on an unknown option or missing value. */
static bool parse_options(req_line *rl, const char **tok, size_t ntok, bool *hashes)
{
    for (size_t i = 0; i < ntok; i++) {
        const char *t = tok[i], *value = NULL;
        const opt_def *o;
        if (t[0] == '-' && t[1] == '-') {
            const char *eq = strchr(t + 2, '=');
            size_t n = eq ? (size_t)(eq - t - 2) : strlen(t + 2);
            if (!(o = find_long(rl, t + 2, n)))
                return false;
            if (eq && !o->value) {
                deps_error_at(rl->s, rl->path, rl->line, "--%s option does not take a value", o->name);
                return false;
            }
            value = eq ? eq + 1 : NULL;
        } else if (t[0] == '-' && t[1]) {
            if (!(o = find_short(rl, t[1])))
                return false;
            value = t[2] ? t + 2 : NULL;
        } else {
            deps_error_at(rl->s, rl->path, rl->line, "unexpected argument '%s' after options", t);
            return false;
        }
        if (o->value && !value) {
            if (i + 1 == ntok) {
                deps_error_at(rl->s, rl->path, rl->line, "--%s option requires an argument", o->name);
                return false;
            }
            value = tok[++i];
        }
        if (!apply_option(rl, o, value, hashes))
            return false;
    }
    return true;
}

bool req_line_parse(req_line *rl, const char *text, size_t len)
{
    /* break_args_options: space-separated tokens up to one starting with '-' */
    size_t args_end = 0, i = 0;
    while (i < len) {
        if (text[i] == '-' && (i == 0 || text[i - 1] == ' '))
            break;
        i++;
    }
    args_end = i;
    while (args_end && text[args_end - 1] == ' ')
        args_end--;
    const char *tok[64];
    size_t ntok = shell_split(rl->s, text + i, len - i, tok, 64);
    if (ntok == 64) {
        deps_error_at(rl->s, rl->path, rl->line, "too many options on one line");
        return false;
    }
    bool hashes = false;
    if (!parse_options(rl, tok, ntok, &hashes))
        return false;
    if (args_end)
        add_requirement(rl, text, args_end, hashes);
    return true;
}
