/* json_write.c - JSON string escaping and the pretty-printing writer. */
#include "json_write.h"

#include <string.h>

#include "../base/unicode.h"

/* Code points written as \uXXXX although JSON allows them raw: lone
 * surrogates (not valid UTF-8), C1 controls, U+2028/U+2029 (line breaks to
 * JavaScript) and the bidirectional controls of Trojan Source, so that
 * `cat report.json` shows a snippet as it is stored, not reordered. */
static int escaped_anyway(unsigned cp)
{
    return (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* A lone surrogate (the parser keeps Python's) becomes its \uXXXX escape,
 * as Python's json does. */
void json_put_string(buf *b, const char *s)
{
    buf_putc(b, '"');
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c == '\n') {
            buf_puts(b, "\\n");
        } else if (c == '\r') {
            buf_puts(b, "\\r");
        } else if (c == '\t') {
            buf_puts(b, "\\t");
        } else if (c == '\b') {
            buf_puts(b, "\\b");
        } else if (c == '\f') {
            buf_puts(b, "\\f");
        } else if (c < 0x20 || c == 0x7F) {
            buf_printf(b, "\\u%04x", c);
        } else if (c < 0x80) {
            buf_putc(b, (char)c);
        } else {
            unsigned cp;
            size_t n = uni_decode(s + i, len - i, &cp);
            if (n == 0)
                buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
            else if (escaped_anyway(cp))
                buf_printf(b, "\\u%04x", cp);
            else
                buf_put(b, s + i, n);
            i += n ? n : 1;
            continue;
        }
        i++;
    }
    buf_putc(b, '"');
}

void json_put_nullable_string(buf *b, const char *s)
{
    if (s)
        json_put_string(b, s);
    else
        buf_puts(b, "null");
}

void jw_init(jw *w, buf *b)
{
    memset(w, 0, sizeof *w);
    w->b = b;
}

static void indent(jw *w)
{
    buf_putc(w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        buf_puts(w->b, "  ");
}

/* Before a value: a comma and a new line inside an array; nothing after a
 * key (the key did that). */
static void before_value(jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->count[w->depth]++)
            buf_putc(w->b, ',');
        indent(w);
    }
}

static void open_container(jw *w, char c)
{
    before_value(w);
    buf_putc(w->b, c);
    if (w->depth < JW_MAX_DEPTH)
        w->depth++;
    w->count[w->depth] = 0;
}

static void close_container(jw *w, char c)
{
    int had = w->count[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (had)
        indent(w);
    buf_putc(w->b, c);
}

void jw_begin_object(jw *w) { open_container(w, '{'); }
void jw_end_object(jw *w) { close_container(w, '}'); }
void jw_begin_array(jw *w) { open_container(w, '['); }
void jw_end_array(jw *w) { close_container(w, ']'); }

void jw_key(jw *w, const char *key)
{
    if (w->count[w->depth]++)
        buf_putc(w->b, ',');
    indent(w);
    json_put_string(w->b, key);
    buf_puts(w->b, ": ");
    w->after_key = 1;
}

void jw_string(jw *w, const char *s)
{
    before_value(w);
    if (s)
        json_put_string(w->b, s);
    else
        buf_puts(w->b, "null");
}

void jw_raw(jw *w, const char *json)
{
    before_value(w);
    buf_puts(w->b, json);
}

void jw_int(jw *w, long long v)
{
    before_value(w);
    buf_printf(w->b, "%lld", v);
}

void jw_bool(jw *w, int v)
{
    before_value(w);
    buf_puts(w->b, v ? "true" : "false");
}

void jw_member_string(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_string(w, s);
}

void jw_member_int(jw *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

void jw_member_bool(jw *w, const char *key, int v)
{
    jw_key(w, key);
    jw_bool(w, v);
}
