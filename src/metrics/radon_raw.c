/* radon_raw.c - radon 5.1's raw line metrics (radon/raw.py `analyze`),
 * which its maintainability index is made of. radon does not count on
 * the file's real tokens: it splits the text with str.splitlines(),
 * strips each line, and feeds Python 3.11's pure-Python tokenize one
 * stripped line at a time, adding the next line while tokenize reports an
 * unfinished string or bracket (TokenError) or an ERRORTOKEN. Each such
 * group of lines is then one comment line, one string-only "docstring"
 * (multi-line or not), or code (its non-empty lines are sloc). Logical
 * lines (lloc) are counted per `;`-separated part: a part with a `:` is
 * 2 logical lines unless the `:` is its last token but one, else 1 if it
 * has any token. We reproduce that here with a small scanner of
 * tokenize's token rules (strings with prefixes and continuations,
 * comments, numbers, names, operators by longest match, brackets,
 * backslash continuations); only what the counts depend on is kept. */
#include "radon_mi.h"

#include <string.h>

/* ---- Python's str.splitlines() and str.strip() on UTF-8 ------------------- */

/* Length of the line break at s (0: none): \n \r \r\n \v \f \x1c-\x1e,
 * U+0085, U+2028, U+2029, as str.splitlines() breaks. */
static size_t line_break(const unsigned char *s, const unsigned char *end)
{
    if (s >= end)
        return 0;
    switch (s[0]) {
    case '\r':
        return s + 1 < end && s[1] == '\n' ? 2 : 1;
    case '\n': case '\v': case '\f': case 0x1c: case 0x1d: case 0x1e:
        return 1;
    case 0xc2:
        return s + 1 < end && s[1] == 0x85 ? 2 : 0;
    case 0xe2:
        return s + 2 < end && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9) ? 3 : 0;
    default:
        return 0;
    }
}

/* Length of the whitespace character at s (str.isspace()), 0 if none. */
static size_t space_at(const unsigned char *s, const unsigned char *end)
{
    if (s >= end)
        return 0;
    if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r') || (s[0] >= 0x1c && s[0] <= 0x1f))
        return 1;
    if (s[0] == 0xc2 && s + 1 < end && (s[1] == 0x85 || s[1] == 0xa0))
        return 2;
    if (s + 2 >= end)
        return 0;
    unsigned cp = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
    if ((s[0] & 0xf0) != 0xe0)
        return 0;
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
        cp == 0x202f || cp == 0x205f || cp == 0x3000)
        return 3;
    return 0;
}

/* The start of the last UTF-8 character before end (> start). */
static const unsigned char *prev_char(const unsigned char *start, const unsigned char *end)
{
    const unsigned char *p = end - 1;
    while (p > start && (*p & 0xc0) == 0x80)
        p--;
    return p;
}

static void strip(const unsigned char **s, const unsigned char **e)
{
    size_t n;
    while (*s < *e && (n = space_at(*s, *e)) > 0)
        *s += n;
    while (*e > *s) {
        const unsigned char *p = prev_char(*s, *e);
        if (space_at(p, *e) != (size_t)(*e - p))
            break;
        *e = p;
    }
}

/* ---- tokenize's state over one group of lines ------------------------------- */

enum { TK_NONE, TK_COMMENT, TK_STRING, TK_OTHER };
enum { IN_CODE, IN_TRIPLE, IN_SINGLE };

typedef struct raw_group {
    /* tokenize's state */
    int parenlev, continued, in_str, error;
    int more; /* tokenize needs the next line whatever the state */
    char quote; /* the open string's quote character */
    /* the group's tokens, as radon looks at them */
    int first, ntokens, string_lines; /* first significant token, count; a
                                          string's line span (1: one line) */
    long comments, lloc;
    /* the current `;`-separated part: tokens, the last ':' and what came
     * after it (capped at 2) */
    int part_tokens, part_colon, after_colon;
} raw_group;

static void add_token(raw_group *g, int kind)
{
    if (g->ntokens++ == 0)
        g->first = kind;
    if (kind == TK_COMMENT) {
        g->comments++;
        return;
    }
    g->part_tokens++;
    if (g->part_colon && g->after_colon < 2)
        g->after_colon++;
}

/* radon's _logical for one part; `last` adds the ENDMARKER token. */
static long part_lloc(const raw_group *g, int last)
{
    if (g->part_colon)
        /* colon index == len(processed) - 2: exactly one token after the
         * colon, counting the ENDMARKER of the last part */
        return 2 - (g->after_colon + last == 1);
    return g->part_tokens > 0;
}

static void end_part(raw_group *g)
{
    g->lloc += part_lloc(g, 0);
    g->part_tokens = g->part_colon = g->after_colon = 0;
}

static void add_op(raw_group *g, const unsigned char *op, size_t len)
{
    if (len == 1 && op[0] == ';') {
        g->ntokens++;
        if (g->ntokens == 1)
            g->first = TK_OTHER;
        end_part(g);
        return;
    }
    add_token(g, TK_OTHER);
    if (len == 1 && (op[0] == '(' || op[0] == '[' || op[0] == '{'))
        g->parenlev++;
    else if (len == 1 && (op[0] == ')' || op[0] == ']' || op[0] == '}'))
        g->parenlev--;
    else if (len == 1 && op[0] == ':') {
        g->part_colon = 1;
        g->after_colon = 0;
    }
}

/* ---- the token rules ------------------------------------------------------- */

static int is_word(unsigned char c)
{
    return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           c >= 0x80;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* tokenize's Number at p (p[0] a digit, or '.' and a digit): its end. */
static const unsigned char *scan_number(const unsigned char *p, const unsigned char *e)
{
    if (p[0] == '0' && p + 1 < e && strchr("xXbBoO", p[1]) && p[1]) {
        p += 2;
        while (p < e && (p[0] == '_' || is_digit(p[0]) || ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'f')))
            p++;
        return p;
    }
    while (p < e && (is_digit(p[0]) || (p[0] == '_' && p + 1 < e && is_digit(p[1]))))
        p++;
    if (p < e && p[0] == '.') {
        p++;
        while (p < e && (is_digit(p[0]) || (p[0] == '_' && p + 1 < e && is_digit(p[1]))))
            p++;
    }
    if (p < e && (p[0] | 0x20) == 'e') {
        const unsigned char *q = p + 1;
        if (q < e && (*q == '+' || *q == '-'))
            q++;
        if (q < e && is_digit(*q)) {
            p = q;
            while (p < e && (is_digit(p[0]) || (p[0] == '_' && p + 1 < e && is_digit(p[1]))))
                p++;
        }
    }
    if (p < e && (p[0] | 0x20) == 'j')
        p++;
    return p;
}

/* The length of a string prefix at p followed by a quote (b, r, u, f, br,
 * rb, fr, rf in any case), or -1 if p does not start a string. */
static int is_prefix_letter(unsigned char c)
{
    c |= 0x20;
    return c == 'b' || c == 'r' || c == 'u' || c == 'f';
}

static int string_prefix(const unsigned char *p, const unsigned char *e)
{
    int n = 0;
    char seen[2] = {0, 0};
    while (n < 2 && p + n < e && is_prefix_letter(p[n]))
        seen[n] = (char)(p[n] | 0x20), n++;
    for (; n >= 0; n--) {
        if (p + n >= e || (p[n] != '\'' && p[n] != '"'))
            continue;
        if (n < 2)
            return n;
        /* two letters: one of them r, the other b or f */
        if ((seen[0] == 'r' && (seen[1] == 'b' || seen[1] == 'f')) ||
            (seen[1] == 'r' && (seen[0] == 'b' || seen[0] == 'f')))
            return 2;
    }
    return -1;
}

/* Where an open string closes in [p, e) (after the closing quotes), or
 * NULL. A backslash escapes the next character. */
static const unsigned char *string_end(const unsigned char *p, const unsigned char *e, char q,
                                       int triple)
{
    while (p < e) {
        if (*p == '\\') {
            p += 2;
            continue;
        }
        if (*p == q && (!triple || (p + 2 < e && p[1] == q && p[2] == q)))
            return p + (triple ? 3 : 1);
        p++;
    }
    return NULL;
}

/* Longest operator at p (tokenize tries them longest first): its length,
 * 0 if none. */
static size_t operator_at(const unsigned char *p, const unsigned char *e)
{
    if (!*p || !strchr("!%&()*+,-./:;<=>@[]^{|}~", *p))
        return 0;
    size_t room = (size_t)(e - p);
    /* the doubled ones: ** // << >> (then maybe =), and ... */
    int doubled = room >= 2 && p[1] == p[0] && strchr("*/<>", p[0]);
    if (doubled)
        return room >= 3 && p[2] == '=' ? 3 : 2;
    if (room >= 3 && p[0] == '.' && p[1] == '.' && p[2] == '.')
        return 3;
    if (room >= 2 && p[1] == '=' && strchr("!%&*+-/:<=>@^|", p[0]))
        return 2;
    if (room >= 2 && p[0] == '-' && p[1] == '>')
        return 2;
    return p[0] == '!' ? 0 : 1; /* a lone ! is no operator */
}

/* Whether [p, e) ends with a backslash that escapes the line's end (one
 * not itself escaped): a single-quoted string continued on the next line. */
static int ends_with_escape(const unsigned char *p, const unsigned char *e)
{
    while (p < e) {
        if (*p == '\\' && p + 1 == e)
            return 1;
        p += *p == '\\' ? 2 : 1;
    }
    return 0;
}

/* A string opened at p (prefix of `pre` bytes): consumed on this line, or
 * left open. Returns where scanning goes on (e when it stays open). */
static const unsigned char *open_string(raw_group *g, const unsigned char *p,
                                        const unsigned char *e, int pre)
{
    char q = (char)p[pre];
    int triple = p + pre + 2 < e && p[pre + 1] == q && p[pre + 2] == q;
    const unsigned char *body = p + pre + (triple ? 3 : 1);
    const unsigned char *end = string_end(body, e, q, triple);
    add_token(g, TK_STRING);
    g->string_lines = 1;
    if (end)
        return end;
    if (triple || ends_with_escape(body, e)) {
        /* an unfinished triple-quoted string, or a single-quoted one
         * continued by a backslash at the end of the line */
        g->in_str = triple ? IN_TRIPLE : IN_SINGLE;
        g->quote = q;
        return e;
    }
    g->error = 1; /* unterminated: ERRORTOKEN */
    return e;
}

/* Tokens of [p, e), a stripped line, in code (not inside a string). */
static void scan_code(raw_group *g, const unsigned char *p, const unsigned char *e)
{
    int pre;
    while (p < e) {
        if (*p == ' ' || *p == '\t' || *p == '\f') {
            p++;
        } else if (*p == '#') {
            add_token(g, TK_COMMENT);
            return;
        } else if (*p == '\\') {
            if (p + 1 == e)
                g->continued = 1;
            else
                g->error = 1;
            return;
        } else if (is_digit(*p) || (*p == '.' && p + 1 < e && is_digit(p[1]))) {
            add_token(g, TK_OTHER);
            p = scan_number(p, e);
        } else if ((*p == '\'' || *p == '"' || is_prefix_letter(*p)) &&
                   (pre = string_prefix(p, e)) >= 0) {
            p = open_string(g, p, e, pre);
        } else if (is_word(*p)) {
            add_token(g, TK_OTHER);
            while (p < e && is_word(*p))
                p++;
        } else {
            size_t n = operator_at(p, e);
            if (n == 0) {
                g->error = 1;
                return;
            }
            add_op(g, p, n);
            p += n;
        }
    }
}

/* One stripped line into the group. */
static void scan_line(raw_group *g, const unsigned char *p, const unsigned char *e)
{
    /* an empty line ending the text after a backslash: "EOF in multi-line
     * statement"; once more text follows, it is an ordinary line end */
    g->more = g->continued && p == e;
    g->continued = 0;
    if (g->in_str) {
        const unsigned char *end = string_end(p, e, g->quote, g->in_str == IN_TRIPLE);
        g->string_lines++;
        if (!end) {
            if (g->in_str == IN_SINGLE && !(e > p && e[-1] == '\\'))
                g->error = 1;
            return;
        }
        g->in_str = IN_CODE;
        p = end;
    }
    scan_code(g, p, e);
}

static int group_complete(const raw_group *g)
{
    return !g->in_str && g->parenlev == 0 && !g->continued && !g->error && !g->more;
}

/* ---- analyze ----------------------------------------------------------------- */

typedef struct line_iter {
    const unsigned char *p, *end;
    int only_newlines; /* no line break but \n in the text: memchr finds them */
} line_iter;

static int only_newlines(const unsigned char *p, size_t len)
{
    static const unsigned char rare[] = {'\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0xc2, 0xe2};
    for (size_t i = 0; i < sizeof rare; i++)
        if (memchr(p, rare[i], len))
            return 0;
    return 1;
}

/* The next line, stripped, or 0 at the end. */
static int next_line(line_iter *it, const unsigned char **s, const unsigned char **e)
{
    if (it->p >= it->end)
        return 0;
    const unsigned char *q = it->p;
    size_t br = 0;
    if (it->only_newlines) {
        q = memchr(q, '\n', (size_t)(it->end - q));
        br = q != NULL;
        if (!q)
            q = it->end;
    }
    /* only \n \r \v \f \x1c-\x1e and the lead bytes of U+0085, U+2028 and
     * U+2029 can start a line break: skip the rest a byte at a time */
    for (; !br; q++) {
        while (q < it->end && !(*q < 0x1f && ((1u << *q) & 0x70003c00u)) && *q != 0xc2 &&
               *q != 0xe2)
            q++;
        if (q >= it->end || (br = line_break(q, it->end)) > 0)
            break;
    }
    *s = it->p;
    *e = q;
    it->p = q + br;
    strip(s, e);
    return 1;
}

int metrics_radon_raw(const char *text, size_t len, radon_raw *out)
{
    memset(out, 0, sizeof *out);
    line_iter it = {(const unsigned char *)text, (const unsigned char *)text + len,
                    only_newlines((const unsigned char *)text, len)};
    const unsigned char *s, *e;
    while (next_line(&it, &s, &e)) {
        raw_group g = {0};
        long nonempty = 0, empty = 0;
        for (;;) {
            *(s < e ? &nonempty : &empty) += 1;
            scan_line(&g, s, e);
            if (group_complete(&g))
                break;
            if (!next_line(&it, &s, &e))
                return -1; /* radon: "SyntaxError at line" */
        }
        out->comments += g.comments;
        if (g.ntokens == 1 && g.first == TK_COMMENT) {
            out->single_comments++;
        } else if (g.ntokens == 1 && g.first == TK_STRING) {
            if (g.string_lines == 1)
                out->single_comments++;
            else
                out->multi += nonempty, out->blank += empty;
        } else {
            out->sloc += nonempty;
            out->blank += empty;
        }
        out->lloc += g.lloc + part_lloc(&g, 1);
    }
    out->loc = out->sloc + out->blank + out->multi + out->single_comments;
    return 0;
}
