/* scan_notebook.c - a notebook's results cut into its cells (scan_notebook.h). */
#include "scan_notebook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_findings(const void *a, const void *b)
{
    const scan_finding *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->rule - y->rule;
}

/* The module line as the reports show it: the original text is the
 * comment after "pass  # " (notebook.h). */
void scan_nb_add_shells(arena *results, scan_file *f, const notebook *nb,
                        const rules_config *cfg)
{
    if (!cfg || !cfg->enabled[RULE_KR1309] || nb->nshells == 0)
        return;
    int n = f->nfindings + nb->nshells;
    scan_finding *all = arena_alloc(results, (size_t)n * sizeof *all);
    if (f->nfindings)
        memcpy(all, f->findings, (size_t)f->nfindings * sizeof *all);
    for (int i = 0; i < nb->nshells; i++) {
        const nb_shell *s = &nb->shells[i];
        scan_finding *o = &all[f->nfindings + i];
        o->rule = RULE_KR1309;
        o->line = o->end_line = s->line;
        o->column = 1;
        o->end_column = 1;
        for (const char *p = s->command; *p; p++)
            o->end_column += ((unsigned char)*p & 0xC0) != 0x80;
        o->severity = rule_catalogue[RULE_KR1309].severity;
        o->confidence = rule_catalogue[RULE_KR1309].confidence;
        char msg[400];
        snprintf(msg, sizeof msg, "Notebook cell runs a shell command: %s", s->command);
        o->message = arena_strndup(results, msg, strlen(msg));
        o->snippet = arena_strndup(results, s->command, strlen(s->command));
        o->context = o->snippet;
        o->context_first = s->line;
    }
    qsort(all, (size_t)n, sizeof *all, compare_findings);
    f->findings = all;
    f->nfindings = n;
}

static const char *cell_path(arena *results, const char *path, const nb_cell *c)
{
    char buf[64];
    int k = snprintf(buf, sizeof buf, "#cell-%d", c->number);
    size_t n = strlen(path);
    char *p = arena_alloc_raw(results, n + (size_t)k + 1);
    memcpy(p, path, n);
    memcpy(p + n, buf, (size_t)k + 1);
    return p;
}

void scan_nb_locate_error(arena *results, scan_file *f, const notebook *nb)
{
    const nb_cell *c = notebook_cell_at(nb, f->error.line);
    if (!c)
        return;
    f->error.path = cell_path(results, f->path, c);
    f->error.line = f->error.line - c->first_line + 1;
}

/* The context's lines that belong to the cell, renumbered. */
static void trim_context(arena *results, scan_finding *x, const nb_cell *c)
{
    const char *s = x->context;
    int line = x->context_first;
    int last = c->first_line + c->nlines - 1;
    const char *start = NULL, *end = s;
    for (const char *p = s;; line++) {
        const char *nl = strchr(p, '\n');
        const char *stop = nl ? nl : p + strlen(p);
        if (line >= c->first_line && line <= last) {
            if (!start) {
                start = p;
                x->context_first = line - c->first_line + 1;
            }
            end = stop;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    if (!start) {
        x->context = "";
        x->context_first = 1;
        return;
    }
    x->context = arena_strndup(results, start, (size_t)(end - start));
}

/* Findings and notes on the coding line (or past the cells) go to the
 * first cell, at its line 1. */
static const nb_cell *cell_of(const notebook *nb, int line)
{
    const nb_cell *c = notebook_cell_at(nb, line);
    return c ? c : &nb->cells[0];
}

static void move_finding(arena *results, const scan_finding *in, scan_file *part,
                         const nb_cell *c)
{
    scan_finding x = *in;
    int last = c->first_line + c->nlines - 1;
    if (x.line < c->first_line || x.line > last) {
        x.line = x.end_line = c->first_line;
        x.column = x.end_column = 1;
    }
    if (x.end_line > last) {
        x.end_line = last;
        x.end_column = x.column;
    }
    x.line -= c->first_line - 1;
    x.end_line -= c->first_line - 1;
    if (x.context_first >= 1 && x.context && *x.context)
        trim_context(results, &x, c);
    part->findings[part->nfindings++] = x;
}

static void fill_part(arena *results, const scan_file *f, const notebook *nb, int k,
                      scan_file *part)
{
    const nb_cell *c = &nb->cells[k];
    part->path = cell_path(results, f->path, c);
    part->module_name = f->module_name;
    part->metrics = k == 0 ? f->metrics : NULL;
    part->scanned = 1;
    part->lines = c->nlines;
    int nf = 0, nn = 0;
    for (int i = 0; i < f->nfindings; i++)
        nf += cell_of(nb, f->findings[i].line) == c;
    for (int i = 0; i < f->nnotes; i++)
        nn += cell_of(nb, f->notes[i].line) == c;
    part->findings = arena_alloc(results, (size_t)(nf + 1) * sizeof *part->findings);
    part->notes = arena_alloc(results, (size_t)(nn + 1) * sizeof *part->notes);
    for (int i = 0; i < f->nfindings; i++)
        if (cell_of(nb, f->findings[i].line) == c)
            move_finding(results, &f->findings[i], part, c);
    for (int i = 0; i < f->nnotes; i++) {
        if (cell_of(nb, f->notes[i].line) != c)
            continue;
        file_note x = f->notes[i];
        x.line = notebook_cell_at(nb, x.line) ? x.line - c->first_line + 1 : 1;
        part->notes[part->nnotes++] = x;
    }
}

void scan_nb_split(arena *results, scan_file *f, const notebook *nb)
{
    if (nb->ncells == 0)
        return;
    f->parts = arena_alloc(results, (size_t)nb->ncells * sizeof *f->parts);
    for (int k = 0; k < nb->ncells; k++)
        fill_part(results, f, nb, k, &f->parts[k]);
    f->nparts = nb->ncells;
}

int scan_nb_flatten(scan_result *r)
{
    size_t n = 0;
    int any = 0;
    for (size_t i = 0; i < r->nfiles; i++) {
        n += r->files[i].nparts ? (size_t)r->files[i].nparts : 1;
        any |= r->files[i].nparts > 0;
    }
    if (!any)
        return 0;
    scan_file *files = calloc(n, sizeof *files);
    if (!files)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < r->nfiles; i++) {
        const scan_file *f = &r->files[i];
        if (f->nparts == 0) {
            files[k++] = *f;
            continue;
        }
        for (int j = 0; j < f->nparts; j++)
            files[k++] = f->parts[j];
    }
    free(r->files);
    r->files = files;
    r->nfiles = n;
    return 0;
}
