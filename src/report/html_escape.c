/* html_escape.c - writing untrusted text into the HTML report. The report
 * shows paths, code and messages taken from the files it scanned; any of
 * them may hold markup (`</script><script>...`), quotes that would end an
 * attribute, or characters that are invisible or reorder the line. */
#include <string.h>

#include "../base/unicode.h"
#include "html_internal.h"

/* Characters shown as <U+XXXX>: controls (but tab), which HTML forbids or
 * ignores; lone surrogates (Python strings may hold them); noncharacters
 * (parse errors in HTML); and the bidirectional formatting characters of
 * Trojan Source, which would reorder what the reader sees. */
int html_shown_as_code_point(unsigned cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xD800 && cp <= 0xDFFF) ||
           (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

static void put_ascii(buf *b, char c)
{
    switch (c) {
    case '&':
        buf_puts(b, "&amp;");
        break;
    case '<':
        buf_puts(b, "&lt;");
        break;
    case '>':
        buf_puts(b, "&gt;");
        break;
    case '"':
        buf_puts(b, "&quot;");
        break;
    case '\'':
        buf_puts(b, "&#39;");
        break;
    default:
        buf_putc(b, c);
    }
}

void html_text_n(buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = uni_decode(s + i, len - i, &cp);
        if (n == 0) {
            buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD for each bad byte */
            i++;
        } else if (html_shown_as_code_point(cp)) {
            buf_printf(b, "&lt;U+%04X&gt;", cp);
            i += n;
        } else if (n == 1) {
            put_ascii(b, s[i++]);
        } else {
            buf_put(b, s + i, n);
            i += n;
        }
    }
}

void html_text(buf *b, const char *s)
{
    html_text_n(b, s ? s : "", s ? strlen(s) : 0);
}

/* Attribute values are always written double-quoted, and the text escape
 * covers both quotes, so one escape serves both contexts. */
void html_attr(buf *b, const char *s)
{
    html_text(b, s);
}

size_t html_column_offset_n(const char *s, size_t len, int col)
{
    size_t i = 0;
    for (int c = 1; c < col && i < len; c++) {
        unsigned cp;
        size_t n = uni_decode(s + i, len - i, &cp);
        i += n ? n : 1;
    }
    return i;
}

size_t html_column_offset(const char *s, int col)
{
    return html_column_offset_n(s, strlen(s), col);
}
