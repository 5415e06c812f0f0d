/* hygiene_unicode.c - KR913 Trojan Source and KR914 homoglyph identifiers. */
#include "checks.h"
#include "common.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The bidi controls are E2 80 8E/8F (LRM, RLM), E2 80 AA-AE (embeddings,
 * overrides), E2 81 A6-A9 (isolates). */
static int bidi_at(const unsigned char *p, size_t left)
{
    if (left < 3 || p[0] != 0xE2)
        return 0;
    if (p[1] == 0x80)
        return p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE);
    return p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9;
}

/* Every bidi control starts with the byte E2, so memchr skips the rest of
 * the file at memory speed; lines are counted only up to the first hit
 * (the decoded source has '\n' line ends only). */
int hyg_trojan_source(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    const unsigned char *s = (const unsigned char *)cx->source;
    const unsigned char *end = s + cx->source_len, *first = NULL;
    int count = 0;
    for (const unsigned char *p = s; p < end && (p = memchr(p, 0xE2, (size_t)(end - p)));) {
        if (bidi_at(p, (size_t)(end - p))) {
            if (!count++)
                first = p;
            p += 3;
        } else {
            p++;
        }
    }
    if (!count)
        return 0;
    int first_line = 1;
    const unsigned char *line_start = s;
    for (const unsigned char *p = s; p < first && (p = memchr(p, '\n', (size_t)(first - p))); p++) {
        first_line++;
        line_start = p + 1;
    }
    int first_col = (int)(first - line_start);
    ast_node *at = ast_new(cx->a, AST_Constant);
    at->lineno = at->end_lineno = first_line;
    at->col_offset = first_col;
    at->end_col_offset = first_col + 3;
    hit->at = at;
    char buf[160];
    snprintf(buf, sizeof buf,
             "Bidirectional control character in the source (Trojan Source): %d in this file",
             count);
    hit->message = arena_strndup(cx->a, buf, strlen(buf));
    return 1;
}

/* Letters that look like ASCII ones in common fonts (a compact subset of
 * Unicode's confusables.txt: Cyrillic, Greek, Armenian). */
static const struct {
    uint32_t cp;
    char ascii;
} confusables[] = {
    {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'},
    {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
    {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'}, {0x03B9, 'i'}, {0x03BD, 'v'}, {0x03BF, 'o'},
    {0x03C1, 'p'}, {0x03C5, 'u'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'},
    {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'},
    {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'}, {0x0430, 'a'},
    {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'},
    {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04AE, 'Y'}, {0x04AF, 'y'}, {0x04BB, 'h'},
    {0x0501, 'd'}, {0x051A, 'Q'}, {0x051B, 'q'}, {0x051C, 'W'}, {0x051D, 'w'}, {0x0566, 'q'},
    {0x0570, 'h'}, {0x0578, 'n'}, {0x057D, 'u'}, {0x0581, 'g'}, {0x0585, 'o'},
};

static char confusable(uint32_t cp)
{
    for (size_t i = 0; i < sizeof confusables / sizeof confusables[0]; i++)
        if (confusables[i].cp == cp)
            return confusables[i].ascii;
    return 0;
}

enum { SC_NONE, SC_LATIN, SC_GREEK, SC_CYRILLIC, SC_ARMENIAN, SC_OTHER };
static const char *const script_names[] = {"", "Latin", "Greek", "Cyrillic", "Armenian", ""};

static int script_of(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F))
        return SC_LATIN;
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
        return SC_GREEK;
    if (cp >= 0x400 && cp <= 0x52F)
        return SC_CYRILLIC;
    if (cp >= 0x530 && cp <= 0x58F)
        return SC_ARMENIAN;
    if (cp < 0x80)
        return SC_NONE; /* digits, '_' */
    return SC_OTHER;
}

/* One code point of valid UTF-8 (identifiers come from the parser). */
static uint32_t next_cp(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > 1) {
        c &= 0x3F >> (n - 1);
        for (int i = 1; i < n && s[i]; i++)
            c = (c << 6) | (s[i] & 0x3F);
    }
    *p = s + n;
    return c;
}

/* Message for a look-alike identifier, or NULL if it is fine. Mixing is
 * judged per word ('_' and digits separate words), so that "lambda_max"
 * spelt with a Greek lambda is fine while a Cyrillic 'a' inside a Latin
 * word is not. */
static const char *homoglyph_problem(const rule_ctx *cx, const char *id)
{
    int foreign = 0, latin_any = 0, other_any = 0, all_confusable = 1, letters = 0;
    int mixed = 0, w_latin = 0, w_confusable = 0;
    char skel[128];
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)id;;) {
        uint32_t cp = *p ? next_cp(&p) : 0;
        int sc = cp ? script_of(cp) : SC_NONE;
        if (sc == SC_NONE) { /* end of a word */
            if (w_latin && w_confusable)
                mixed = 1;
            w_latin = w_confusable = 0;
            if (!cp)
                break;
        }
        char a = cp < 0x80 ? (char)cp : confusable(cp);
        if (sc == SC_LATIN) {
            latin_any = w_latin = 1;
        } else if (sc == SC_OTHER) {
            other_any = 1;
        } else if (sc != SC_NONE) {
            if (!foreign)
                foreign = sc;
            letters++;
            if (a)
                w_confusable = 1;
            else
                all_confusable = 0;
        }
        if (k < sizeof skel - 1)
            skel[k++] = a ? a : '?';
    }
    skel[k] = '\0';
    char buf[320];
    const char *shown = rc_clip(cx->a, id, 100);
    if (mixed)
        snprintf(buf, sizeof buf,
                 "Identifier '%s' mixes Latin and %s letters (looks like '%.100s')", shown,
                 script_names[foreign], skel);
    else if (foreign && !latin_any && !other_any && all_confusable && letters >= 2)
        snprintf(buf, sizeof buf,
                 "Identifier '%s' is made of %s letters that look like '%.100s'", shown,
                 script_names[foreign], skel);
    else
        return NULL;
    return arena_strndup(cx->a, buf, strlen(buf));
}

static int has_non_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 1;
    return 0;
}

/* Python folds identifiers with NFKC, so the AST holds "exec" for a name
 * written with mathematical letters: the source span gives it away. */
int hyg_homoglyph_name(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *id = node->v.Name.id;
    if (has_non_ascii(id)) {
        hit->message = homoglyph_problem(cx, id);
        return hit->message != NULL;
    }
    if (node->lineno != node->end_lineno ||
        (size_t)(node->end_col_offset - node->col_offset) == strlen(id))
        return 0;
    char buf[200];
    snprintf(buf, sizeof buf,
             "Identifier spelt with look-alike Unicode characters; Python reads it as '%.80s'", id);
    hit->message = arena_strndup(cx->a, buf, strlen(buf));
    return 1;
}

int hyg_homoglyph_def(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *id;
    switch (node->kind) {
    case AST_FunctionDef: id = node->v.FunctionDef.name; break;
    case AST_AsyncFunctionDef: id = node->v.AsyncFunctionDef.name; break;
    case AST_ClassDef: id = node->v.ClassDef.name; break;
    case AST_arg: id = node->v.arg.arg; break;
    case AST_Attribute: id = node->v.Attribute.attr; break;
    default: return 0;
    }
    if (!id || !has_non_ascii(id))
        return 0;
    hit->message = homoglyph_problem(cx, id);
    return hit->message != NULL;
}
