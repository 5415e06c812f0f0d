/* html_overview_tables.c - the overview's tables: the most complex
 * functions, one row per file with every measurement, the modules by
 * origin and CPython's warnings. Every row is written here, so the page is
 * complete without JavaScript; the script only sorts the rows (by the
 * columns whose header holds a button) and filters them by path. */
#include <stdlib.h>
#include <string.h>

#include "html_overview.h"

/* Longer lists of functions are folded, under a preview of the first ones;
 * with JavaScript, the sortable list shows PAGE_ROWS at a time. */
enum { FOLD_ROWS = 500, PREVIEW_ROWS = 20 };
#define PAGE_ROWS_TEXT "500"

void ov_put_sort_th(buf *b, const char *label, int numeric, const char *title)
{
    buf_printf(b, "<th scope=\"col\"%s%s%s%s><button type=\"button\" class=\"sort\">%s</button>"
                  "</th>",
               numeric ? " data-type=\"num\"" : "", title ? " title=\"" : "",
               title ? title : "", title ? "\"" : "", label);
}

void ov_put_filter(buf *b, const char *table_id, int col, const char *placeholder, size_t rows)
{
    buf_printf(b, "<div class=\"filters\" role=\"search\" data-filter=\"%s\" data-col=\"%d\" "
                  "hidden>\n<label>Path <input type=\"search\" placeholder=\"%s\" "
                  "autocomplete=\"off\" id=\"%s-q\"></label>\n"
                  "<button type=\"button\">Clear</button>\n"
                  "<output aria-live=\"polite\">%zu of %zu shown</output>\n</div>\n",
               table_id, col, placeholder, table_id, rows, rows);
}

static const char *kind_name(block_kind k)
{
    return k == BLOCK_CLASS ? "class" : k == BLOCK_METHOD ? "method" : "function";
}

/* A large tree has tens of thousands of these rows: each is kept to its
 * seven elements, the columns' looks coming from the stylesheet (by
 * position), which keeps the page small and quick to open. */
static void put_function_row(buf *b, const ranked_function *f)
{
    const cc_block *c = f->block;
    char rank = ov_rank(c->complexity);
    buf_printf(b, "<tr><td>%d</td><td class=\"r-%c\">%c</td><td>", c->complexity, rank, rank);
    html_text(b, c->name);
    buf_printf(b, "</td><td>%s</td><td>", kind_name(c->kind));
    html_text(b, f->path);
    buf_printf(b, "</td><td>%d</td></tr>\n", c->line);
}

static void put_function_table(buf *b, const overview_summary *s, const char *id, size_t rows,
                               int sortable)
{
    buf_printf(b, "<div class=\"scroll\">\n<table class=\"%sov\" id=\"%s\"%s>\n<thead><tr>",
               sortable ? "sorts " : "", id, sortable ? " data-page=\"" PAGE_ROWS_TEXT "\"" : "");
    static const char *const labels[6] = {"Complexity", "Rank", "Function", "Kind", "File",
                                          "Line"};
    for (int k = 0; k < 6; k++) {
        if (sortable)
            ov_put_sort_th(b, labels[k], k == 0 || k == 5, NULL);
        else
            buf_printf(b, "<th scope=\"col\">%s</th>", labels[k]);
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0, n = 0; i < s->nfunctions && n < rows; i++)
        if (s->functions[i].block->kind != BLOCK_CLASS) {
            put_function_row(b, &s->functions[i]);
            n++;
        }
    buf_puts(b, "</tbody>\n</table>\n</div>\n");
    if (sortable)
        buf_printf(b, "<button type=\"button\" class=\"more-rows\" id=\"%s-more\" hidden>"
                      "Show more</button>\n",
                   id);
}

/* Functions and methods, most complex first (classes are left out, as in
 * the text report: radon's class score is not a function's). A long list
 * (a large tree has tens of thousands) is folded into a <details>, which
 * opens without JavaScript and which the browser does not lay out while
 * closed (laying out the whole table would triple the time the page takes
 * to open); the 20 most complex stay in view above it. */
void ov_put_functions(buf *b, const overview_summary *s, long top)
{
    size_t total = 0;
    for (size_t i = 0; i < s->nfunctions; i++)
        total += s->functions[i].block->kind != BLOCK_CLASS;
    size_t shown = top > 0 && (size_t)top < total ? (size_t)top : total;
    buf_printf(b, "<section id=\"functions\" aria-labelledby=\"functions-h\">\n"
                  "<h2 id=\"functions-h\">Most complex functions <span class=\"muted\">"
                  "(%zu of %zu)</span></h2>\n",
               shown, total);
    if (total == 0) {
        buf_puts(b, "<p class=\"empty\">No function or method was found.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p>Functions and methods (closures included) by radon&#39;s cyclomatic "
                "complexity, with its rank: A 1-5, B 6-10, C 11-20, D 21-30, E 31-40, F 41 "
                "and more.</p>\n");
    int folded = shown > FOLD_ROWS;
    if (folded) {
        put_function_table(b, s, "functions-top", PREVIEW_ROWS, 0);
        buf_printf(b, "<details class=\"more\" id=\"functions-all\"><summary>All %zu "
                      "functions and methods <span class=\"muted\">(sortable, filterable by "
                      "path)</span></summary>\n",
                   shown);
    }
    ov_put_filter(b, "functions-table", 4, "path contains", shown);
    put_function_table(b, s, "functions-table", shown, 1);
    buf_puts(b, folded ? "</details>\n</section>\n" : "</section>\n");
}

static void put_file_row(buf *b, const overview_summary *s, const scan_file *f)
{
    const file_metrics *m = f->metrics;
    const line_counts *l = &m->lines;
    buf_puts(b, "<tr><td class=\"loc\"><code>");
    html_text(b, f->path);
    buf_printf(b, "</code></td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
                  "<td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld"
                  "</td><td class=\"num\">%ld</td>",
               l->physical, l->code, l->blank, l->comment_only, l->docstring, l->comment);
    buf_printf(b, "<td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld"
                  "</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
                  "<td class=\"imports\" data-v=\"%d\">",
               m->structure.statements, m->structure.functions, m->structure.classes,
               m->complexity, m->nwarnings, m->nmodules);
    html_put_module_names(b, s, m);
    buf_puts(b, "</td></tr>\n");
}

void ov_put_files(buf *b, const overview_input *in)
{
    size_t n = 0;
    for (size_t i = 0; i < in->scan->nfiles; i++)
        n += in->scan->files[i].metrics != NULL;
    buf_printf(b, "<section id=\"files\" aria-labelledby=\"files-h\">\n<h2 id=\"files-h\">"
                  "Files <span class=\"muted\">(%zu)</span></h2>\n",
               n);
    if (n == 0) {
        buf_puts(b, "<p class=\"empty\">No file could be measured.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p class=\"legend\">Lines by kind: code, blank, <em>Cmt only</em> (only a "
                "comment), <em>Doc</em> (docstrings), which add up to <em>Lines</em>; "
                "<em>Cmt</em>: lines holding a comment, alone or after code. <em>Stmts</em>: "
                "statements; <em>Funcs</em>: functions and methods; <em>Cmplx</em>: the "
                "file&#39;s complexity score; <em>Warn</em>: CPython&#39;s warnings.</p>\n");
    ov_put_filter(b, "files-table", 0, "path contains", n);
    buf_puts(b, "<div class=\"scroll\">\n<table class=\"sorts ov ov-files\" id=\"files-table\">\n"
                "<thead><tr>");
    ov_put_sort_th(b, "File", 0, NULL);
    ov_put_sort_th(b, "Lines", 1, "physical lines");
    ov_put_sort_th(b, "Code", 1, "code lines");
    ov_put_sort_th(b, "Blank", 1, "blank lines");
    ov_put_sort_th(b, "Cmt only", 1, "lines holding only a comment");
    ov_put_sort_th(b, "Doc", 1, "docstring lines");
    ov_put_sort_th(b, "Cmt", 1, "lines holding a comment (alone or after code)");
    ov_put_sort_th(b, "Stmts", 1, "statements");
    ov_put_sort_th(b, "Funcs", 1, "functions and methods");
    ov_put_sort_th(b, "Classes", 1, NULL);
    ov_put_sort_th(b, "Cmplx", 1, "the file's complexity score");
    ov_put_sort_th(b, "Warn", 1, "what CPython 3.14 warns about");
    ov_put_sort_th(b, "Imports", 1, "modules imported, by origin");
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < in->scan->nfiles; i++)
        if (in->scan->files[i].metrics)
            put_file_row(b, in->summary, &in->scan->files[i]);
    buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* Most imported first, then by name (the text report's order). */
static int by_files(const void *a, const void *b)
{
    const module_count *x = *(const module_count *const *)a, *y = *(const module_count *const *)b;
    if (x->files != y->files)
        return x->files > y->files ? -1 : 1;
    return strcmp(x->name, y->name);
}

static const char *const origin_ids[] = {"stdlib", "third-party", "local"};
static const char *const origin_titles[] = {"Standard library", "Third party", "Local"};

static void put_module_row(buf *b, const module_count *m)
{
    buf_puts(b, "<tr><td><code>");
    html_text(b, m->name);
    buf_puts(b, "</code></td>");
    if (m->origin == MODULE_THIRD_PARTY) {
        buf_puts(b, "<td>");
        html_text(b, m->distribution ? m->distribution : "");
        buf_puts(b, "</td>");
    }
    buf_printf(b, "<td class=\"num\">%ld</td></tr>\n", m->files);
}

static void put_origin(buf *b, const module_count **m, size_t n, module_origin o)
{
    buf_printf(b, "<div class=\"origin-box\">\n<h3>%s <span class=\"muted\">(%zu)</span></h3>\n",
               origin_titles[o], n);
    if (n == 0) {
        buf_puts(b, "<p class=\"empty\">None.</p>\n</div>\n");
        return;
    }
    buf_printf(b, "<table class=\"sorts ov modules\" id=\"modules-%s\">\n<thead><tr>",
               origin_ids[o]);
    ov_put_sort_th(b, "Module", 0, NULL);
    if (o == MODULE_THIRD_PARTY)
        ov_put_sort_th(b, "Distribution", 0, "the PyPI distribution, when its name differs");
    ov_put_sort_th(b, "Files", 1, "files importing it");
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++)
        put_module_row(b, m[i]);
    buf_puts(b, "</tbody>\n</table>\n</div>\n");
}

void ov_put_modules(buf *b, const overview_summary *s)
{
    buf_printf(b, "<section id=\"modules\" aria-labelledby=\"modules-h\">\n<h2 id=\"modules-h\">"
                  "Imported modules <span class=\"muted\">(%zu)</span></h2>\n",
               s->nmodules);
    const module_count **m = malloc((s->nmodules ? s->nmodules : 1) * sizeof *m);
    if (!m) {
        buf_puts(b, "<p class=\"empty\">(not enough memory to list them)</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p>Every module imported anywhere (in functions, <code>try</code> blocks and "
                "conditionals too), with the number of files importing it. Local modules are "
                "relative imports and the measured tree&#39;s own.</p>\n<div class=\"origins\">\n");
    for (int o = MODULE_STDLIB; o <= MODULE_LOCAL; o++) {
        size_t n = 0;
        for (size_t i = 0; i < s->nmodules; i++)
            if ((int)s->modules[i].origin == o)
                m[n++] = &s->modules[i];
        qsort(m, n, sizeof *m, by_files);
        put_origin(b, m, n, (module_origin)o);
    }
    buf_puts(b, "</div>\n</section>\n");
    free(m);
}

void ov_put_warnings(buf *b, const overview_input *in)
{
    const overview_summary *s = in->summary;
    buf_printf(b, "<section id=\"warnings\" aria-labelledby=\"warnings-h\">\n"
                  "<h2 id=\"warnings-h\">Warnings <span class=\"muted\">(%ld)</span></h2>\n",
               s->warnings);
    if (s->warnings == 0) {
        buf_puts(b, "<p class=\"empty\">None: CPython 3.14 compiles every measured file "
                    "without a SyntaxWarning.</p>\n</section>\n");
        return;
    }
    buf_puts(b, "<p>What CPython 3.14 warns about when it compiles these files "
                "(<code>SyntaxWarning</code>).</p>\n<table class=\"items\" id=\"warnings-table\">\n"
                "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Line</th>"
                "<th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < in->scan->nfiles; i++) {
        const file_metrics *m = in->scan->files[i].metrics;
        for (int k = 0; m && k < m->nwarnings; k++) {
            buf_puts(b, "<tr><td class=\"loc\"><code>");
            html_text(b, in->scan->files[i].path);
            buf_printf(b, "</code></td><td class=\"num\">%d</td><td>", m->warnings[k].lineno);
            html_text(b, m->warnings[k].message);
            buf_puts(b, "</td></tr>\n");
        }
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}
