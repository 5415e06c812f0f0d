/* origin.c - the provenance of downloaded inputs in the reports. */
#include "report/origin.h"
#include "report/html_internal.h"

void report_origins_text(buf *out, const report_origin *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        buf_printf(out, "source: %s: %s (%s, uploaded %s, sha256 %s)\n", o[i].spec, o[i].file,
                   o[i].kind, o[i].uploaded ? o[i].uploaded : "at an unknown date",
                   o[i].sha256);
        if (o[i].note)
            buf_printf(out, "source: %s: %s\n", o[i].spec, o[i].note);
    }
    if (n)
        buf_putc(out, '\n');
}

static void put_member(buf *out, const char *key, const char *value, int last)
{
    buf_printf(out, "      \"%s\": ", key);
    json_put_nullable_string(out, value);
    buf_puts(out, last ? "\n" : ",\n");
}

void report_origins_json(buf *out, const report_origin *o, size_t n)
{
    if (!n)
        return;
    buf_puts(out, "  \"sources\": [\n");
    for (size_t i = 0; i < n; i++) {
        buf_puts(out, "    {\n");
        put_member(out, "spec", o[i].spec, 0);
        put_member(out, "file", o[i].file, 0);
        put_member(out, "kind", o[i].kind, 0);
        put_member(out, "url", o[i].url, 0);
        put_member(out, "sha256", o[i].sha256, 0);
        put_member(out, "uploaded", o[i].uploaded, 0);
        put_member(out, "note", o[i].note, 1);
        buf_puts(out, i + 1 < n ? "    },\n" : "    }\n");
    }
    buf_puts(out, "  ],\n");
}

void report_origins_sarif(jw *w, const report_origin *o, size_t n)
{
    if (!n)
        return;
    jw_key(w, "properties");
    jw_begin_object(w);
    jw_key(w, "sources");
    jw_begin_array(w);
    for (size_t i = 0; i < n; i++) {
        jw_begin_object(w);
        jw_member_string(w, "spec", o[i].spec);
        jw_member_string(w, "file", o[i].file);
        jw_member_string(w, "kind", o[i].kind);
        jw_member_string(w, "url", o[i].url);
        jw_member_string(w, "sha256", o[i].sha256);
        jw_member_string(w, "uploaded", o[i].uploaded);
        jw_member_string(w, "note", o[i].note);
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_end_object(w);
}

void report_origins_html(buf *b, const report_origin *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        html_meta_open(b, "Source", "wide");
        buf_puts(b, "<code class=\"source-spec\">");
        html_text(b, o[i].spec);
        buf_puts(b, "</code>: ");
        html_text(b, o[i].file);
        buf_puts(b, " (");
        html_text(b, o[i].kind);
        buf_puts(b, "), uploaded ");
        html_text(b, o[i].uploaded ? o[i].uploaded : "at an unknown date");
        buf_puts(b, ", sha256 <code>");
        html_text(b, o[i].sha256);
        buf_puts(b, "</code>");
        if (o[i].note) {
            buf_puts(b, "; ");
            html_text(b, o[i].note);
        }
        buf_puts(b, "</dd></div>\n");
    }
}
