/* junit.c - JUnit XML (docs/formats.md, "JUnit"), which CI systems (GitLab,
 * Jenkins, Azure) show as test results: one testcase per file, passing when
 * the file has no listed finding; a <failure> per finding (type = rule ID);
 * a file that could not be scanned is an <error>. XML 1.0 cannot hold most
 * control characters even as references, so those (and bidirectional
 * controls, and C1 controls) are written as visible <U+XXXX> text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats_common.h"
#include "report.h"

static int xml_forbidden(unsigned cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
           (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE ||
           cp == 0xFFFF || fc_is_bidi(cp);
}

/* Text or, with `attr`, an attribute value in double quotes (where tabs
 * and line breaks are references, or a parser would normalise them to
 * spaces). A carriage return is always a reference: parsers drop it. */
static void put_xml(buf *b, const char *s, int attr)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = fc_next_cp(s + i, len - i, &cp);
        if (cp == '&')
            buf_puts(b, "&amp;");
        else if (cp == '<')
            buf_puts(b, "&lt;");
        else if (cp == '>')
            buf_puts(b, "&gt;");
        else if (cp == '"' && attr)
            buf_puts(b, "&quot;");
        else if (cp == '\r' || (attr && (cp == '\n' || cp == '\t')))
            buf_printf(b, "&#%u;", cp);
        else if (xml_forbidden(cp))
            buf_printf(b, "&lt;U+%04X&gt;", cp);
        else if (cp == 0xFFFD && n == 1)
            buf_puts(b, "\xEF\xBF\xBD");
        else
            buf_put(b, s + i, n);
        i += n;
    }
}

static void put_attr(buf *b, const char *name, const char *value)
{
    buf_printf(b, " %s=\"", name);
    put_xml(b, value, 1);
    buf_putc(b, '"');
}

static void put_property(buf *b, const char *name, const char *value)
{
    buf_puts(b, "      <property");
    put_attr(b, "name", name);
    put_attr(b, "value", value);
    buf_puts(b, "/>\n");
}

static void put_count(buf *b, const char *name, long v)
{
    char s[24];
    snprintf(s, sizeof s, "%ld", v);
    put_property(b, name, s);
}

static void put_properties(buf *b, const report_options *opt, const report_stats *st)
{
    buf_puts(b, "    <properties>\n");
    put_property(b, "krait.version", KRAIT_VERSION);
    if (opt->command_line)
        put_property(b, "krait.command_line", opt->command_line);
    put_count(b, "krait.files", st->files);
    put_count(b, "krait.lines", st->lines);
    put_count(b, "krait.findings.high", st->by_severity[HIGH]);
    put_count(b, "krait.findings.medium", st->by_severity[MEDIUM]);
    put_count(b, "krait.findings.low", st->by_severity[LOW]);
    put_count(b, "krait.suppressed", st->suppressed);
    put_count(b, "krait.notes", st->notes);
    put_count(b, "krait.errors", st->errors);
    buf_puts(b, "    </properties>\n");
}

static void open_testcase(buf *b, const char *path)
{
    buf_puts(b, "    <testcase");
    put_attr(b, "name", path);
    put_attr(b, "classname", "krait");
    put_attr(b, "file", path);
    buf_putc(b, '>');
}

/* "path:line:col: KR102 [medium/high] message" */
static void put_headline(buf *b, const char *path, const scan_finding *f)
{
    buf_printf(b, "%s:%d:%d: %s [%s/%s] %s", path, f->line, f->column,
               rule_catalogue[f->rule].id, report_level_name(f->severity),
               report_level_name(f->confidence), f->message);
}

static void put_failure(buf *b, const char *path, const scan_finding *f)
{
    const rule_info *r = &rule_catalogue[f->rule];
    buf msg, body;
    buf_init(&msg);
    buf_init(&body);
    buf_printf(&msg, "%s [%s/%s] %s", r->id, report_level_name(f->severity),
               report_level_name(f->confidence), f->message);
    put_headline(&body, path, f);
    buf_printf(&body, "\n    %s\nFix: %s", f->snippet ? f->snippet : "", r->fix);
    if (r->cwe > 0)
        buf_printf(&body, "\nCWE-%d: https://cwe.mitre.org/data/definitions/%d.html", r->cwe,
                   r->cwe);
    buf_puts(b, "\n      <failure");
    put_attr(b, "message", msg.data);
    put_attr(b, "type", r->id);
    buf_putc(b, '>');
    put_xml(b, body.data, 0);
    buf_puts(b, "</failure>");
    buf_free(&msg);
    buf_free(&body);
}

/* Suppressed findings (with --show-suppressed) and notes do not fail the
 * test: they go to its output. */
static void put_system_out(buf *b, const scan_file *f, const report_options *opt)
{
    buf text;
    buf_init(&text);
    for (int k = 0; k < f->nfindings; k++) {
        const scan_finding *x = &f->findings[k];
        if (x->suppressed == SUPPRESSED_NOT || !report_lists(opt, x))
            continue;
        put_headline(&text, f->path, x);
        buf_printf(&text, " (suppressed: %s)\n", report_suppression_name(x->suppressed));
    }
    for (int k = 0; k < f->nnotes; k++)
        buf_printf(&text, "%s:%d: warning: %s\n", f->path, f->notes[k].line, f->notes[k].message);
    if (text.len) {
        buf_puts(b, "\n      <system-out>");
        put_xml(b, text.data, 0);
        buf_puts(b, "</system-out>");
    }
    buf_free(&text);
}

/* "SyntaxError" for "SyntaxError: ..." (and the other Python errors), else
 * "ScanError" (unreadable, binary, too large, ...). */
static void error_type(const char *message, char out[32])
{
    size_t n = strcspn(message, ": ");
    if (n < 32 && n > 5 && message[n] == ':' && strncmp(message + n - 5, "Error", 5) == 0) {
        memcpy(out, message, n);
        out[n] = '\0';
    } else {
        strcpy(out, "ScanError");
    }
}

static void put_error_case(buf *b, const scan_error *e)
{
    char type[32];
    error_type(e->message, type);
    open_testcase(b, e->path);
    buf_puts(b, "\n      <error");
    put_attr(b, "message", e->message);
    put_attr(b, "type", type);
    buf_putc(b, '>');
    buf body;
    buf_init(&body);
    if (e->line > 0)
        buf_printf(&body, "%s:%d: %s", e->path, e->line, e->message);
    else
        buf_printf(&body, "%s: %s", e->path, e->message);
    put_xml(b, body.data, 0);
    buf_free(&body);
    buf_puts(b, "</error>\n    </testcase>\n");
}

static int listed_failures(const scan_file *f, const report_options *opt)
{
    int n = 0;
    for (int k = 0; k < f->nfindings; k++)
        n += f->findings[k].suppressed == SUPPRESSED_NOT && report_lists(opt, &f->findings[k]);
    return n;
}

static void put_file_case(buf *b, const scan_file *f, const report_options *opt)
{
    if (f->failed) {
        put_error_case(b, &f->error);
        return;
    }
    open_testcase(b, f->path);
    size_t before = b->len;
    for (int k = 0; k < f->nfindings; k++) {
        const scan_finding *x = &f->findings[k];
        if (x->suppressed == SUPPRESSED_NOT && report_lists(opt, x))
            put_failure(b, f->path, x);
    }
    put_system_out(b, f, opt);
    buf_puts(b, b->len > before ? "\n    </testcase>\n" : "</testcase>\n");
}

int report_junit(buf *out, const report_input *in, const report_options *opt)
{
    report_stats st;
    report_compute_stats(in, opt, &st);
    long tests = (long)in->nerrors, failures = 0, errors = (long)in->nerrors;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        if (!f->scanned && !f->failed)
            continue;
        tests++;
        errors += f->failed;
        failures += !f->failed && listed_failures(f, opt) > 0;
    }
    char stamp[32];
    fc_iso_time(stamp, opt->started_at, 0);
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buf_printf(out, "<testsuites name=\"krait\" tests=\"%ld\" failures=\"%ld\" errors=\"%ld\">\n",
               tests, failures, errors);
    buf_printf(out,
               "  <testsuite name=\"krait\" tests=\"%ld\" failures=\"%ld\" errors=\"%ld\" "
               "skipped=\"0\" timestamp=\"%s\">\n",
               tests, failures, errors, stamp);
    put_properties(out, opt, &st);
    for (size_t i = 0; i < in->scan->nfiles; i++)
        if (in->scan->files[i].scanned || in->scan->files[i].failed)
            put_file_case(out, &in->scan->files[i], opt);
    for (size_t i = 0; i < in->nerrors; i++)
        put_error_case(out, &in->errors[i]);
    buf_puts(out, "  </testsuite>\n</testsuites>\n");
    return 0;
}
