/* scan.c - the pipeline of one file (read, parse, rules, copy out) and the
 * pool of threads that runs it. Workers take the next file index from an
 * atomic counter and write only that file's slot, so no lock is needed and
 * the result does not depend on which thread scanned what. */
#include "scan.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../metrics/measure.h"
#include "../rules/secrets_redact.h"
#include "../semantic/semantic.h"
#include "../syntax/parser.h"
#include "read.h"
#include "scan_notebook.h"

#define SCAN_THREAD_STACK ((size_t)16 << 20)

typedef struct pool {
    const scan_options *opt;
    const char *const *paths;
    scan_file *files;
    size_t n;
    atomic_size_t next;
} pool;

typedef struct worker {
    pool *p;
    arena *work;    /* per file: reset before each */
    arena *results; /* what outlives the file: owned by scan_result */
    scan_buffer in;
    const scan_input *input; /* the file's, when held in memory */
    notebook nb; /* the file's, when it is a notebook (in `work`) */
    int is_notebook;
} worker;

int scan_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static void fail(worker *w, scan_file *f, int line, const char *message)
{
    f->failed = 1;
    f->error.path = f->path;
    f->error.line = line;
    f->error.message = arena_strndup(w->results, message, strlen(message));
}

static long count_lines(const char *text, size_t len)
{
    long n = 0;
    for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p)));
         p++)
        n++;
    return n + (len > 0 && text[len - 1] != '\n');
}

/* Start offsets of every line of the decoded text (1-based: starts[1] is 0). */
typedef struct line_index {
    const char *text;
    size_t len;
    size_t *starts;
    long nlines;
} line_index;

static void index_lines(arena *a, const py_file *src, long nlines, line_index *ix)
{
    ix->text = src->text;
    ix->len = src->len;
    ix->nlines = nlines;
    ix->starts = arena_alloc_raw(a, (size_t)(nlines + 2) * sizeof *ix->starts);
    ix->starts[1] = 0;
    long k = 2;
    for (size_t i = 0; i < src->len && k <= nlines; i++)
        if (src->text[i] == '\n')
            ix->starts[k++] = i + 1;
}

static const char *line_at(const line_index *ix, int line, size_t *len)
{
    if (line < 1 || line > ix->nlines) {
        *len = 0;
        return "";
    }
    const char *s = ix->text + ix->starts[line];
    const char *nl = memchr(s, '\n', ix->len - ix->starts[line]);
    *len = nl ? (size_t)(nl - s) : ix->len - ix->starts[line];
    return s;
}

/* 0-based UTF-8 byte offset on `line` to a 1-based character column. */
static int char_column(const line_index *ix, int line, int byte_col)
{
    size_t len;
    const char *s = line_at(ix, line, &len);
    size_t end = byte_col < 0 ? 0 : (size_t)byte_col < len ? (size_t)byte_col : len;
    int col = 1;
    for (size_t i = 0; i < end; i++)
        col += ((unsigned char)s[i] & 0xC0) != 0x80;
    /* An offset past the text (a node ending at the newline) stays in bytes. */
    if (byte_col > (int)len)
        col += byte_col - (int)len;
    return col;
}

/* The file's secret ranges (finding.redact_*, see
 * rules/secrets_redact.h) as offsets into the text: every copy of source
 * text below is masked against all of them, so a secret on a neighbouring
 * line or found by another rule never shows in a context. */
static void collect_redactions(arena *a, const line_index *ix, const file_result *r,
                               secret_ranges *out)
{
    int n = 0;
    for (int i = 0; i < r->nfindings; i++)
        n += r->findings[i].redact_line > 0;
    secret_ranges_init(out, a, (size_t)n);
    for (int i = 0; i < r->nfindings && n > 0; i++) {
        const finding *f = &r->findings[i];
        if (f->redact_line < 1 || f->redact_line > ix->nlines || f->redact_end_line > ix->nlines)
            continue;
        size_t from = ix->starts[f->redact_line] + (size_t)f->redact_col;
        size_t to = ix->starts[f->redact_end_line] + (size_t)f->redact_end_col;
        secret_ranges_add(out, from, to <= ix->len ? to : ix->len);
    }
    secret_ranges_finish(out);
}

/* The lines around a finding, one string (see scan_finding.context). */
static void copy_context(worker *w, const line_index *ix, const secret_ranges *secrets,
                         scan_finding *out)
{
    int first = out->line - SCAN_CONTEXT_LINES;
    int last = out->end_line + SCAN_CONTEXT_LINES;
    if (first < 1)
        first = 1;
    if (last > ix->nlines)
        last = (int)ix->nlines;
    if (last - first + 1 > SCAN_CONTEXT_MAX)
        last = first + SCAN_CONTEXT_MAX - 1;
    if (last < out->line) /* a finding past the last line (at EOF) */
        last = out->line < ix->nlines ? out->line : (int)ix->nlines;
    out->context_first = first;
    if (last < first) {
        out->context = "";
        return;
    }
    size_t start = ix->starts[first], len;
    const char *end_line = line_at(ix, last, &len);
    char *context = arena_strndup(w->results, ix->text + start,
                                  (size_t)(end_line + len - (ix->text + start)));
    secret_ranges_mask(secrets, ix->text, context, start);
    out->context = context;
}

static void copy_finding(worker *w, const line_index *ix, const secret_ranges *secrets,
                         const finding *in, scan_finding *out)
{
    out->rule = in->rule;
    out->line = in->line;
    out->column = char_column(ix, in->line, in->col);
    out->end_line = in->end_line >= in->line ? in->end_line : in->line;
    out->end_column = in->end_line >= in->line ? char_column(ix, in->end_line, in->end_col)
                                               : out->column;
    out->severity = in->severity;
    out->confidence = in->confidence;
    out->suppressed = (int)in->suppressed;
    const char *msg = in->message ? in->message : "";
    out->message = arena_strndup(w->results, msg, strlen(msg));
    size_t len;
    const char *s = line_at(ix, in->line, &len);
    char *snippet = arena_strndup(w->results, s, len);
    if (len > 0)
        secret_ranges_mask(secrets, ix->text, snippet, (size_t)(s - ix->text));
    out->snippet = snippet;
    copy_context(w, ix, secrets, out);
}

/* The file's results leave the worker arena, which the next file resets. */
static void copy_results(worker *w, scan_file *f, const py_file *src, const file_result *r)
{
    if (r->nfindings > 0) {
        line_index ix;
        index_lines(w->work, src, f->lines, &ix);
        secret_ranges secrets;
        collect_redactions(w->work, &ix, r, &secrets);
        f->findings = arena_alloc(w->results, (size_t)r->nfindings * sizeof *f->findings);
        for (int i = 0; i < r->nfindings; i++)
            copy_finding(w, &ix, &secrets, &r->findings[i], &f->findings[i]);
        f->nfindings = r->nfindings;
    }
    if (r->nnotes > 0) {
        f->notes = arena_alloc(w->results, (size_t)r->nnotes * sizeof *f->notes);
        for (int i = 0; i < r->nnotes; i++) {
            const char *m = r->notes[i].message ? r->notes[i].message : "";
            f->notes[i].line = r->notes[i].line;
            f->notes[i].message = arena_strndup(w->results, m, strlen(m));
        }
        f->nnotes = r->nnotes;
    }
}

/* One semantic index serves both the rules and the measurements. */
static void scan_parsed(worker *w, scan_file *f, const py_file *src, const ast_node *mod)
{
    const scan_options *opt = w->p->opt;
    f->scanned = 1;
    f->lines = count_lines(src->text, src->len);
    int is_package;
    const char *module_name = w->input ? w->input->module_name
                                       : scan_module_name(w->work, f->path, &is_package);
    if (w->input)
        is_package = w->input->is_package;
    if (module_name)
        f->module_name = arena_strndup(w->results, module_name, strlen(module_name));
    const sem_index *sem = sem_build(w->work, mod, module_name, is_package);
    if (opt->rules) {
        file_result r;
        rules_run_indexed(opt->rules, w->work, f->path, src, mod, sem, &r);
        copy_results(w, f, src, &r);
    }
    if (opt->metrics)
        f->metrics = metrics_measure(w->work, w->results, src, mod, sem);
}

/* ---- inputs held in memory (archive members) and findings made at
 * discovery (src/scan/archive.c) ---- */

/* (line, column, rule) order, as the rules' findings are sorted. */
static int finding_before(const scan_finding *x, const scan_finding *y)
{
    if (x->line != y->line)
        return x->line < y->line;
    if (x->column != y->column)
        return x->column < y->column;
    return x->rule < y->rule;
}

/* The findings about an archive member (line 1, column 1), merged into
 * what the rules found in its code in (line, column, rule) order. */
static void add_input_findings(worker *w, scan_file *f, const scan_input *in)
{
    const rules_config *cfg = w->p->opt->rules;
    if (!cfg || in->nfindings == 0)
        return;
    scan_finding *mine = arena_alloc(w->work, (size_t)in->nfindings * sizeof *mine);
    int n = 0;
    for (int k = 0; k < in->nfindings; k++) {
        const input_finding *x = &in->findings[k];
        if (!cfg->enabled[x->rule])
            continue;
        scan_finding o = {.rule = x->rule, .line = 1, .column = 1, .end_line = 1,
                          .end_column = 1, .snippet = "", .context = "", .context_first = 1};
        o.severity = rule_catalogue[x->rule].severity;
        o.confidence = rule_catalogue[x->rule].confidence;
        o.message = arena_strndup(w->results, x->message, strlen(x->message));
        int j = n++; /* insertion: a member has a handful at most */
        for (; j > 0 && finding_before(&o, &mine[j - 1]); j--)
            mine[j] = mine[j - 1];
        mine[j] = o;
    }
    if (n == 0)
        return;
    scan_finding *all = arena_alloc(w->results, (size_t)(n + f->nfindings) * sizeof *all);
    int a = 0, b = 0, k = 0;
    while (a < n || b < f->nfindings)
        all[k++] = b >= f->nfindings || (a < n && !finding_before(&f->findings[b], &mine[a]))
                       ? mine[a++]
                       : f->findings[b++];
    f->findings = all;
    f->nfindings = k;
}

/* A member that could not be parsed keeps the findings about it: they
 * go first, in an entry of their own under the same path (the parts that
 * scan_files puts in the file's place), then the error. */
static void keep_findings_of_failed(worker *w, scan_file *f, const scan_input *in)
{
    scan_file *parts = arena_alloc(w->results, 2 * sizeof *parts);
    parts[0].path = f->path;
    parts[0].scanned = 1;
    add_input_findings(w, &parts[0], in);
    if (parts[0].nfindings == 0)
        return;
    parts[1] = *f;
    f->parts = parts;
    f->nparts = 2;
}

/* The bytes of file i: its input's when held in memory, else read from
 * disk into the worker's buffer. 0, or -1 with the reason in msg. */
static int input_bytes(worker *w, size_t i, const char **data, size_t *len, char *msg,
                       size_t msgsize)
{
    const scan_input *in = w->p->opt->inputs ? &w->p->opt->inputs[i] : NULL;
    size_t limit = w->p->opt->max_file_size;
    if (in && in->in_memory) {
        if (in->len > limit) {
            snprintf(msg, msgsize, "file too large (%zu bytes > limit %zu)", in->len, limit);
            return -1;
        }
        *data = in->data;
        *len = in->len;
        return 0;
    }
    if (scan_read(w->p->paths[i], limit, &w->in, msg, msgsize) != 0)
        return -1;
    *data = w->in.data;
    *len = w->in.len;
    return 0;
}

static void scan_code(worker *w, size_t i, scan_file *f);

static void scan_one(worker *w, size_t i)
{
    scan_file *f = &w->p->files[i];
    f->path = w->p->paths[i];
    w->is_notebook = 0;
    const scan_input *in = w->p->opt->inputs ? &w->p->opt->inputs[i] : NULL;
    w->input = in && in->in_memory ? in : NULL;
    if (in && in->in_memory && !in->data) {
        /* An archive's own findings: nothing to parse. */
        f->scanned = 1;
        add_input_findings(w, f, in);
        return;
    }
    scan_code(w, i, f);
    if (in && !f->failed)
        add_input_findings(w, f, in);
    else if (in && in->nfindings > 0)
        keep_findings_of_failed(w, f, in);
    if (w->is_notebook && !f->failed && w->p->opt->rules)
        scan_nb_split(w->results, f, &w->nb);
}

/* A notebook's code cells as one module (notebook.h), in place of the
 * bytes; 0, or -1 when the file failed (malformed notebook). */
static int notebook_text(worker *w, scan_file *f, const char **data, size_t *len)
{
    char msg[300];
    w->is_notebook = notebook_is_path(f->path);
    if (!w->is_notebook)
        return 0;
    if (notebook_to_python(w->work, *data, *len, &w->nb, msg, sizeof msg) != 0) {
        fail(w, f, 0, msg);
        return -1;
    }
    *data = w->nb.text;
    *len = w->nb.len;
    return 0;
}

static void scan_code(worker *w, size_t i, scan_file *f)
{
    char msg[400];
    const char *data;
    size_t len;
    if (input_bytes(w, i, &data, &len, msg, sizeof msg) != 0) {
        fail(w, f, 0, msg);
        return;
    }
    if (scan_looks_binary(data, len)) {
        fail(w, f, 0, "binary file, skipped");
        return;
    }
    arena_reset(w->work);
    if (notebook_text(w, f, &data, &len) != 0)
        return;
    syntax_error err;
    memset(&err, 0, sizeof err);
    py_file src;
    memset(&src, 0, sizeof src);
    ast_node *mod = py_parse_file(w->work, data, len, &err, &src);
    if (!mod || !src.text) {
        snprintf(msg, sizeof msg, "%s: %s", err.type ? err.type : "SyntaxError", err.msg);
        fail(w, f, err.lineno > 0 ? err.lineno : 0, msg);
        if (w->is_notebook)
            scan_nb_locate_error(w->results, f, &w->nb);
        return;
    }
    scan_parsed(w, f, &src, mod);
    if (w->is_notebook)
        scan_nb_add_shells(w->results, f, &w->nb, w->p->opt->rules);
}

static void *work_loop(void *arg)
{
    worker *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&w->p->next, 1);
        if (i >= w->p->n)
            break;
        scan_one(w, i);
    }
    return NULL;
}

static void worker_done(worker *w)
{
    arena_free(w->work);
    free(w->in.data);
}

/* Starts nw threads (with a large enough stack) and waits for them. When
 * threads cannot be had (a limit, no memory), the ones started, or this
 * thread alone, still take every file: the result is the same. */
static void run_workers(worker *ws, int nw)
{
    pthread_t *tids = calloc((size_t)nw, sizeof *tids);
    pthread_attr_t attr;
    int started = 0;
    if (tids && pthread_attr_init(&attr) == 0) {
        /* The parser may use 3 MiB of stack on deeply nested input before
         * it gives up (parser_core.c), and the rules walk the tree it
         * built: give workers at least the main thread's usual 8 MiB,
         * twice over. */
        size_t stack = 0;
        pthread_attr_getstacksize(&attr, &stack);
        if (stack < SCAN_THREAD_STACK)
            pthread_attr_setstacksize(&attr, SCAN_THREAD_STACK);
        for (; started < nw; started++)
            if (pthread_create(&tids[started], &attr, work_loop, &ws[started]) != 0)
                break;
        pthread_attr_destroy(&attr);
    }
    if (started == 0)
        work_loop(&ws[0]);
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    free(tids);
}

int scan_files(const scan_options *opt, const char *const *paths, size_t n, scan_result *out)
{
    memset(out, 0, sizeof *out);
    int nw = opt->jobs < 1 ? 1 : opt->jobs;
    if ((size_t)nw > n)
        nw = n > 0 ? (int)n : 1;
    pool p = {.opt = opt, .paths = paths, .n = n};
    atomic_init(&p.next, 0);
    out->files = calloc(n ? n : 1, sizeof *out->files);
    out->arenas = calloc((size_t)nw, sizeof *out->arenas);
    worker *ws = calloc((size_t)nw, sizeof *ws);
    if (!out->files || !out->arenas || !ws) {
        free(ws);
        scan_result_free(out);
        return -1;
    }
    p.files = out->files;
    out->nfiles = n;
    out->narenas = nw;
    for (int i = 0; i < nw; i++) {
        ws[i] = (worker){.p = &p, .work = arena_new(), .results = arena_new()};
        out->arenas[i] = ws[i].results;
    }
    if (nw == 1)
        work_loop(&ws[0]);
    else
        run_workers(ws, nw);
    for (int i = 0; i < nw; i++)
        worker_done(&ws[i]);
    free(ws);
    if (scan_nb_flatten(out) != 0) {
        scan_result_free(out);
        return -1;
    }
    return 0;
}

void scan_result_free(scan_result *r)
{
    for (int i = 0; i < r->narenas; i++)
        arena_free(r->arenas[i]);
    free(r->arenas);
    free(r->files);
    memset(r, 0, sizeof *r);
}
