/* egress_summary.c - the per-file egress verdict (egress_summary.h) and its
 * text and JSON renderings. Computed from the findings alone, after the
 * scan, so it is the same for every -j and for any report format. */
#include "egress_summary.h"

#include <stdlib.h>
#include <string.h>

#include "json_write.h"

enum { TEXT_MAX_LINES = 20, TEXT_MAX_DESTINATIONS = 10 };

static int in_egress_family(int rule)
{
    rule_family fam = rules_family_at(RULE_FAMILY_egress);
    return rule >= fam.first && rule < fam.first + fam.count;
}

/* The rules whose message ends with the destination, after ": ". */
static int names_destination(int rule)
{
    return rule == RULE_KR1009 || rule == RULE_KR1010 || rule == RULE_KR1011;
}

/* Some egress rule ran and the thresholds let its findings through. */
static int egress_active(const report_input *in, const report_options *opt)
{
    if (!in->rules)
        return 0; /* unknown which rules ran: no verdict rather than a guess */
    rule_family fam = rules_family_at(RULE_FAMILY_egress);
    for (int r = fam.first; r < fam.first + fam.count; r++) {
        const rule_info *ri = &rule_catalogue[r];
        if (in->rules->enabled[r] &&
            (int)ri->severity >= (int)opt->min_severity &&
            (int)ri->confidence >= (int)opt->min_confidence)
            return 1;
    }
    return 0;
}

static int counts(const report_options *opt, const scan_finding *f)
{
    return in_egress_family(f->rule) && report_passes(opt, f) &&
           f->suppressed == SUPPRESSED_NOT;
}

static void add_line(egress_file_summary *fs, int line)
{
    for (int i = 0; i < fs->nlines; i++)
        if (fs->lines[i] == line)
            return;
    int i = fs->nlines++;
    while (i > 0 && fs->lines[i - 1] > line) /* findings come sorted: rarely moves */
        fs->lines[i] = fs->lines[i - 1], i--;
    fs->lines[i] = line;
}

static void add_destination(egress_file_summary *fs, const char *message)
{
    const char *d = strstr(message, ": ");
    if (!d)
        return;
    d += 2;
    for (int i = 0; i < fs->ndestinations; i++)
        if (strcmp(fs->destinations[i], d) == 0)
            return;
    fs->destinations[fs->ndestinations++] = d;
}

static int summarise_file(const report_options *opt, const scan_file *f,
                          egress_file_summary *fs)
{
    fs->path = f->path;
    int n = 0;
    for (int k = 0; k < f->nfindings; k++)
        n += counts(opt, &f->findings[k]);
    if (n == 0)
        return 0;
    fs->outbound = 1;
    fs->lines = malloc((size_t)n * sizeof *fs->lines);
    fs->destinations = malloc((size_t)n * sizeof *fs->destinations);
    if (!fs->lines || !fs->destinations)
        return -1;
    for (int k = 0; k < f->nfindings; k++) {
        const scan_finding *x = &f->findings[k];
        if (!counts(opt, x))
            continue;
        add_line(fs, x->line);
        if (names_destination(x->rule))
            add_destination(fs, x->message);
    }
    return 0;
}

int egress_summary_build(const report_input *in, const report_options *opt,
                         egress_summary *out)
{
    memset(out, 0, sizeof *out);
    out->active = egress_active(in, opt);
    if (!out->active || in->scan->nfiles == 0)
        return 0;
    out->files = calloc(in->scan->nfiles, sizeof *out->files);
    if (!out->files)
        return -1;
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const scan_file *f = &in->scan->files[i];
        if (!f->scanned)
            continue;
        egress_file_summary *fs = &out->files[out->nfiles++];
        if (summarise_file(opt, f, fs) != 0) {
            egress_summary_free(out);
            return -1;
        }
        out->noutbound += (size_t)fs->outbound;
    }
    return 0;
}

void egress_summary_free(egress_summary *s)
{
    for (size_t i = 0; i < s->nfiles; i++) {
        free(s->files[i].lines);
        free(s->files[i].destinations);
    }
    free(s->files);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ text */

static void put_text_file(buf *out, const egress_file_summary *fs)
{
    buf_printf(out, "  %s: " EGRESS_VERDICT_FOUND " (line%s ", fs->path,
               fs->nlines == 1 ? "" : "s");
    for (int i = 0; i < fs->nlines && i < TEXT_MAX_LINES; i++)
        buf_printf(out, "%s%d", i ? ", " : "", fs->lines[i]);
    if (fs->nlines > TEXT_MAX_LINES)
        buf_printf(out, ", ... %d more", fs->nlines - TEXT_MAX_LINES);
    buf_puts(out, ")\n");
    if (fs->ndestinations == 0)
        return;
    buf_puts(out, "    destinations: ");
    for (int i = 0; i < fs->ndestinations && i < TEXT_MAX_DESTINATIONS; i++)
        buf_printf(out, "%s%s", i ? ", " : "", fs->destinations[i]);
    if (fs->ndestinations > TEXT_MAX_DESTINATIONS)
        buf_printf(out, ", ... %d more", fs->ndestinations - TEXT_MAX_DESTINATIONS);
    buf_putc(out, '\n');
}

int egress_summary_text(buf *out, const report_input *in, const report_options *opt)
{
    egress_summary s;
    if (egress_summary_build(in, opt, &s) != 0)
        return -1;
    if (!s.active || s.nfiles == 0) { /* nothing scanned: no verdict to give */
        egress_summary_free(&s);
        return 0;
    }
    if (out->len > 0)
        buf_putc(out, '\n');
    buf_printf(out, "egress: %zu of %zu file%s with outbound connection logic\n", s.noutbound,
               s.nfiles, s.nfiles == 1 ? "" : "s");
    for (size_t i = 0; i < s.nfiles; i++)
        if (s.files[i].outbound)
            put_text_file(out, &s.files[i]);
    size_t others = s.nfiles - s.noutbound;
    if (others > 0)
        buf_printf(out, "  %s%zu file%s: " EGRESS_VERDICT_NONE "\n",
                   s.noutbound > 0 ? "other " : "", others, others == 1 ? "" : "s");
    egress_summary_free(&s);
    return 0;
}

/* ------------------------------------------------------------------ JSON */

static void put_json_file(buf *out, const egress_file_summary *fs)
{
    buf_puts(out, "      {\"path\": ");
    json_put_string(out, fs->path);
    buf_puts(out, ", \"outbound\": ");
    buf_puts(out, fs->outbound ? "true" : "false");
    buf_puts(out, ", \"verdict\": ");
    json_put_string(out, fs->outbound ? EGRESS_VERDICT_FOUND : EGRESS_VERDICT_NONE);
    buf_puts(out, ", \"lines\": [");
    for (int i = 0; i < fs->nlines; i++)
        buf_printf(out, "%s%d", i ? ", " : "", fs->lines[i]);
    buf_puts(out, "], \"destinations\": [");
    for (int i = 0; i < fs->ndestinations; i++) {
        if (i)
            buf_puts(out, ", ");
        json_put_string(out, fs->destinations[i]);
    }
    buf_puts(out, "]}");
}

int egress_summary_json(buf *out, const report_input *in, const report_options *opt)
{
    egress_summary s;
    if (egress_summary_build(in, opt, &s) != 0)
        return -1;
    if (!s.active) {
        egress_summary_free(&s);
        return 0;
    }
    buf_printf(out,
               "  \"egress\": {\n"
               "    \"files_with_outbound_logic\": %zu,\n"
               "    \"files_without_outbound_logic\": %zu,\n"
               "    \"files\": [",
               s.noutbound, s.nfiles - s.noutbound);
    for (size_t i = 0; i < s.nfiles; i++) {
        buf_puts(out, i ? ",\n" : "\n");
        put_json_file(out, &s.files[i]);
    }
    buf_puts(out, s.nfiles ? "\n    ]\n  },\n" : "]\n  },\n");
    egress_summary_free(&s);
    return 0;
}
