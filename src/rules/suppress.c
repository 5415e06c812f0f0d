/* suppress.c - suppression comments: `# nosec [IDS]`, `# noqa[: CODES]`
 * and `# krait: ignore[IDS]`. Any spelling of a rule works in any of the
 * three (KR602, B602, S602, the rule's name, or Bandit's test name such as
 * subprocess_popen_with_shell_equals_true). A comment counts for a
 * finding when it sits on one of the finding's suppression lines (its
 * statement, as Bandit treats multi-line statements; see stmt_span.c).
 *
 * An ID krait does not know is a note ("unknown rule 'B999' ...") and
 * silences nothing: a typo must never become a blanket. Two exceptions
 * keep other tools' comments quiet: `# noqa` codes that are not shaped
 * like krait's or Ruff's S codes belong to other linters (E501, B006 of
 * bugbear) and are ignored silently; and after `# nosec`, plain words
 * (no digit, '-' or '_') end the ID list, so `# nosec this is a test
 * fixture` is a bare nosec with a reason, as people write it. */
#include <stdio.h>
#include <string.h>

#include "engine_int.h"

typedef struct spelled_id {
    const char *s;
    size_t len;
    int known; /* some rule answers to it */
} spelled_id;

/* One suppression directive found in a comment. */
typedef struct directive {
    int line;
    int kind; /* SUPPRESSED_NOSEC, _NOQA, _KRAIT */
    int bare; /* no ID list: every rule */
    spelled_id *ids;
    int nids;
    int secrets_only; /* `# pragma: allowlist secret`: the secrets family and KR905-907 */
} directive;

typedef struct directives {
    arena *a;
    directive *items;
    int n, cap;
    file_note **notes;
    int *nnotes, notes_cap;
} directives;

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_word_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

/* p starts with `kw` (ASCII, any case) not followed by a word character. */
static int keyword_at(const char *p, const char *end, const char *kw)
{
    size_t n = strlen(kw);
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)p[i]) != kw[i])
            return 0;
    return p + n == end || !is_word_char((unsigned char)p[n]);
}

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static int spelling_known(const char *s, size_t len)
{
    for (int r = 0; r < RULE_COUNT; r++)
        if (rules_spelling_matches(r, s, len))
            return 1;
    return 0;
}

static void add_note(directives *ds, int line, const char *s, size_t len)
{
    if (*ds->nnotes == ds->notes_cap) {
        int cap = ds->notes_cap ? 2 * ds->notes_cap : 8;
        file_note *bigger = arena_alloc_raw(ds->a, (size_t)cap * sizeof *bigger);
        if (*ds->nnotes)
            memcpy(bigger, *ds->notes, (size_t)*ds->nnotes * sizeof *bigger);
        *ds->notes = bigger;
        ds->notes_cap = cap;
    }
    int shown = len > 64 ? 64 : (int)len;
    char buf[128];
    snprintf(buf, sizeof buf, "unknown rule '%.*s' in suppression comment", shown, s);
    (*ds->notes)[(*ds->nnotes)++] = (file_note){line, arena_strndup(ds->a, buf, strlen(buf))};
}

/* A `# noqa` code for krait or Ruff's bandit port: KR..., S..., or any
 * spelling krait knows (B602); anything else is another linter's. */
static int noqa_code_is_ours(const char *s, size_t len)
{
    if (len >= 2 && lower((unsigned char)s[0]) == 'k' && lower((unsigned char)s[1]) == 'r')
        return 1;
    if (len >= 2 && lower((unsigned char)s[0]) == 's' && s[1] >= '0' && s[1] <= '9')
        return 1;
    return spelling_known(s, len);
}

/* After nosec, only a word that starts with a letter and holds a digit,
 * '-' or '_' is an ID ("B602", "exec-call"); anything else is prose. */
static int looks_like_id(const char *s, size_t len)
{
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_')
            return 1;
    return 0;
}

/* Reads an ID list (words separated by ',', blanks or brackets, as in
 * `nosec [B602]`) from p, up to `end` or the first character that cannot
 * be part of one; returns where it stopped. */
static const char *read_ids(directives *ds, directive *d, const char *p, const char *end)
{
    spelled_id *ids = arena_alloc_raw(ds->a, (size_t)(end - p + 1) / 2 * sizeof *ids + sizeof *ids);
    d->ids = ids;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == ',' || *p == '[' || *p == ']'))
            p++;
        const char *w = p;
        while (p < end && is_word_char((unsigned char)*p))
            p++;
        size_t len = (size_t)(p - w);
        if (len == 0)
            return p;
        if (d->kind == SUPPRESSED_NOSEC && !looks_like_id(w, len))
            return w;
        if (d->kind == SUPPRESSED_NOQA && !noqa_code_is_ours(w, len))
            continue;
        int known = spelling_known(w, len);
        if (!known)
            add_note(ds, d->line, w, len);
        ids[d->nids++] = (spelled_id){w, len, known};
    }
}

static directive *new_directive(directives *ds, int line, int kind)
{
    if (ds->n == ds->cap) {
        int cap = ds->cap ? 2 * ds->cap : 8;
        directive *bigger = arena_alloc_raw(ds->a, (size_t)cap * sizeof *bigger);
        if (ds->n)
            memcpy(bigger, ds->items, (size_t)ds->n * sizeof *bigger);
        ds->items = bigger;
        ds->cap = cap;
    }
    directive *d = &ds->items[ds->n++];
    *d = (directive){line, kind, 1, NULL, 0, 0};
    return d;
}

/* `nosec`, `nosec B602, B607`, `nosec: B602` (p is just after "nosec"). */
static void parse_nosec(directives *ds, int line, const char *p, const char *end)
{
    directive *d = new_directive(ds, line, SUPPRESSED_NOSEC);
    p = skip_blanks(p, end);
    if (p < end && *p == ':')
        p++;
    read_ids(ds, d, p, end);
    /* any ID, even an unknown one, makes it a narrow nosec */
    d->bare = d->nids == 0;
}

/* `noqa` or `noqa: S602,S607` (p is just after "noqa"). */
static void parse_noqa(directives *ds, int line, const char *p, const char *end)
{
    directive *d = new_directive(ds, line, SUPPRESSED_NOQA);
    if (p >= end || *p != ':')
        return;
    const char *q = skip_blanks(p + 1, end);
    if (q >= end || !is_word_char((unsigned char)*q))
        return; /* `# noqa:` with no code is a bare noqa, as for flake8 */
    read_ids(ds, d, q, end);
    d->bare = 0;
    if (d->nids == 0)
        ds->n--; /* `# noqa: E501`: only other linters' codes, nothing for krait */
}

/* `krait: ignore` or `krait: ignore[KR602, B607]` (p is after "krait"). */
static void parse_krait(directives *ds, int line, const char *p, const char *end)
{
    p = skip_blanks(p, end);
    if (p >= end || *p != ':')
        return;
    p = skip_blanks(p + 1, end);
    if (!keyword_at(p, end, "ignore"))
        return;
    p = skip_blanks(p + 6, end);
    directive *d = new_directive(ds, line, SUPPRESSED_KRAIT);
    if (p < end && *p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        read_ids(ds, d, p + 1, close ? close : end);
        d->bare = 0;
    }
}

/* ---- detect-secrets' `# pragma: allowlist secret` ---- */

/* `pragma: allowlist secret` silences the secrets family and KR905-907 on
 * its line; `pragma: allowlist nextline secret` on the next line (both as
 * detect-secrets reads them, also with its older word `whitelist`). It
 * counts as a nosec: another tool's pragma, with no rule ID. */
static void parse_allowlist(directives *ds, int line, const char *p, const char *end)
{
    p = skip_blanks(p, end);
    if (p < end && *p == ':')
        p = skip_blanks(p + 1, end);
    if (!keyword_at(p, end, "allowlist") && !keyword_at(p, end, "whitelist"))
        return;
    p = skip_blanks(p + 9, end);
    int next = keyword_at(p, end, "nextline");
    if (next)
        p = skip_blanks(p + 8, end);
    if (!keyword_at(p, end, "secret"))
        return;
    directive *d = new_directive(ds, line + next, SUPPRESSED_NOSEC);
    d->secrets_only = 1;
}

/* A `nextline` directive may sit before one of its own line's: an
 * insertion sort (stable, linear on the nearly sorted list) restores the
 * line order silenced_by searches. */
static void sort_directives(directives *ds)
{
    for (int i = 1; i < ds->n; i++) {
        directive d = ds->items[i];
        int k = i;
        for (; k > 0 && ds->items[k - 1].line > d.line; k--)
            ds->items[k] = ds->items[k - 1];
        ds->items[k] = d;
    }
}

static int is_secret_rule(int r)
{
    return strcmp(rule_catalogue[r].family, "secrets") == 0 || r == RULE_KR905 ||
           r == RULE_KR906 || r == RULE_KR907;
}

/* Every directive of one comment: each '#' in it may start one
 * (`# noqa: E501  # nosec B602`). */
static void parse_comment(directives *ds, const py_comment *c)
{
    const char *end = c->text + c->len;
    for (const char *h = c->text; (h = memchr(h, '#', (size_t)(end - h))); h++) {
        const char *p = skip_blanks(h + 1, end);
        if (keyword_at(p, end, "nosec"))
            parse_nosec(ds, c->lineno, p + 5, end);
        else if (keyword_at(p, end, "noqa"))
            parse_noqa(ds, c->lineno, p + 4, end);
        else if (keyword_at(p, end, "krait"))
            parse_krait(ds, c->lineno, p + 5, end);
        else if (keyword_at(p, end, "pragma"))
            parse_allowlist(ds, c->lineno, p + 6, end);
    }
}

/* The kind of the first directive on lines [first, last] that silences
 * rule r, else SUPPRESSED_NOT. Directives are in line order. */
static int silenced_by(const directives *ds, int r, int first, int last)
{
    int lo = 0, hi = ds->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (ds->items[mid].line < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < ds->n && ds->items[i].line <= last; i++) {
        const directive *d = &ds->items[i];
        if (d->secrets_only) {
            if (is_secret_rule(r))
                return d->kind;
            continue;
        }
        if (d->bare)
            return d->kind;
        for (int k = 0; k < d->nids; k++)
            if (d->ids[k].known && rules_spelling_matches(r, d->ids[k].s, d->ids[k].len))
                return d->kind;
    }
    return SUPPRESSED_NOT;
}

void suppress_findings(arena *a, const py_file *src, pending_finding *p, int n,
                       file_note **notes, int *nnotes)
{
    directives ds = {.a = a, .notes = notes, .nnotes = nnotes};
    for (int i = 0; i < src->ncomments; i++)
        parse_comment(&ds, &src->comments[i]);
    if (ds.n == 0)
        return;
    sort_directives(&ds);
    for (int i = 0; i < n; i++)
        p[i].f.suppressed = silenced_by(&ds, p[i].f.rule, p[i].first_line, p[i].last_line);
}
