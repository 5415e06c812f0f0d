/* deps_dump.c - prints what the dependency readers (src/deps/deps_input.h)
 * make of their inputs, for the golden checks and the oracles:
 *   deps_dump [--requirements|--pyproject|--lock|--site-packages] PATH...
 *       one line per record ("path:line kind key=value..."), then the
 *       errors ("error: path:line: message") and notes ("note: ...");
 *   deps_dump --tsv [...] PATH...
 *       the same records as tab-separated fields (path, line, kind, name,
 *       key, version, sorted specifiers, marker, url, unauditable, hashes,
 *       editable), for pip_compare.py;
 *   deps_dump --pep508 < lines
 *       one answer per input line, for pep508_compare.py:
 *       "OK\tname\textras\tspecifier\tmarker\turl" (extras and specifiers
 *       sorted and comma-joined as packaging prints them) or "ERR\tOFFSET"
 *       (the byte where parsing failed);
 *   deps_dump --poetry < lines
 *       each Poetry constraint as a PEP 440 specifier set, or "REFUSED".
 * Exit status 0, or 2 on a usage error: reader errors are output, not
 * failures (the checks compare them). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "deps/deps_input.h"
#include "deps/inputs_int.h"

static int by_string(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Sorted, duplicates removed, comma-joined. */
static void put_sorted(buf *out, const char **items, size_t n)
{
    qsort(items, n, sizeof *items, by_string);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (i && strcmp(items[i], items[i - 1]) == 0)
            continue;
        buf_printf(out, "%s%s", k++ ? "," : "", items[i]);
    }
}

/* Backslash, tab and newline escaped, so that one answer is one line. */
static void put_escaped(buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == '\t' || *s == '\n' || *s == '\r')
            buf_putc(out, '\\');
        buf_putc(out, *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : *s);
    }
}

static void pep508_line(arena *a, const char *line, size_t len, buf *out)
{
    size_t off = 0;
    const pep508_req *r = pep508_parse(a, line, len, NULL, &off);
    pep440_error err;
    const pep440_specset *set = r ? pep440_specset_parse(a, r->specifier, strlen(r->specifier), &err) : NULL;
    if (!r || !set) {
        buf_printf(out, "ERR\t%zu\n", r ? 0 : off);
        return;
    }
    buf_printf(out, "OK\t%s\t", r->name);
    const char **items = arena_alloc(a, sizeof *items * (r->nextras + set->n + 1));
    if (r->nextras)
        memcpy(items, r->extras, sizeof *items * r->nextras);
    put_sorted(out, items, r->nextras);
    buf_putc(out, '\t');
    for (size_t i = 0; i < set->n; i++) {
        const pep440_spec *sp = &set->specs[i];
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s%.*s", pep440_op_name(sp->op), (int)sp->len, sp->text);
        items[i] = arena_strndup(a, b.data, b.len);
        buf_free(&b);
    }
    put_sorted(out, items, set->n);
    buf_putc(out, '\t');
    put_escaped(out, r->marker ? r->marker : "");
    buf_putc(out, '\t');
    put_escaped(out, r->url ? r->url : "");
    buf_putc(out, '\n');
}

static int run_pep508(void)
{
    arena *a = arena_new();
    buf out;
    buf_init(&out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n && line[n - 1] == '\n')
            n--;
        pep508_line(a, line, (size_t)n, &out);
        fwrite(out.data, 1, out.len, stdout);
        buf_clear(&out);
        arena_reset(a);
    }
    free(line);
    buf_free(&out);
    arena_free(a);
    return 0;
}

static void put_field(const char *key, const char *value)
{
    if (value && *value)
        printf(" %s=\"%s\"", key, value);
}

static void print_record(const deps_record *r)
{
    printf("%s:%d %s", r->path, r->line, deps_kind_name(r->kind));
    put_field("group", r->group);
    put_field("name", r->name);
    put_field("key", r->key);
    if (r->nextras) {
        printf(" extras=");
        for (size_t i = 0; i < r->nextras; i++)
            printf("%s%s", i ? "," : "", r->extras[i]);
    }
    put_field("spec", r->specifier);
    if (r->specset)
        printf(" specset=%zu", r->specset->n);
    put_field("version", r->version);
    if (r->pinned) {
        buf b;
        buf_init(&b);
        pep440_format(r->pinned, &b);
        printf(" pinned=%s", b.data);
        buf_free(&b);
    }
    put_field("marker", r->marker);
    put_field("url", r->url);
    if (r->hashes)
        printf(" hashes");
    if (r->editable)
        printf(" editable");
    put_field("unauditable", r->unauditable);
    putchar('\n');
}

/* --poetry: each line a Poetry constraint, answered by its PEP 440
 * specifier set or "REFUSED". */
static int run_poetry(void)
{
    arena *a = arena_new();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        const char *why = NULL;
        const char *spec = deps_poetry_to_pep440(a, line, &why);
        printf("%s\n", spec ? spec : "REFUSED");
        arena_reset(a);
    }
    free(line);
    arena_free(a);
    return 0;
}

/* --tsv: the fields of print_record, tab-separated and escaped, with the
 * specifier set sorted as packaging prints it (for the oracles). */
static void print_tsv(const deps_record *r)
{
    buf out;
    buf_init(&out);
    const char *fields[] = {r->path, r->name, r->key, r->version, r->marker, r->url,
                            r->unauditable};
    buf_printf(&out, "%s\t%d\t%s", r->path, r->line, deps_kind_name(r->kind));
    for (size_t i = 1; i < 4; i++) {
        buf_putc(&out, '\t');
        put_escaped(&out, fields[i] ? fields[i] : "");
    }
    buf_putc(&out, '\t');
    if (r->specset) {
        arena *a = arena_new();
        const char **items = arena_alloc(a, sizeof *items * (r->specset->n + 1));
        for (size_t i = 0; i < r->specset->n; i++) {
            const pep440_spec *sp = &r->specset->specs[i];
            buf b;
            buf_init(&b);
            buf_printf(&b, "%s%.*s", pep440_op_name(sp->op), (int)sp->len, sp->text);
            items[i] = arena_strndup(a, b.data, b.len);
            buf_free(&b);
        }
        put_sorted(&out, items, r->specset->n);
        arena_free(a);
    }
    for (size_t i = 4; i < 7; i++) {
        buf_putc(&out, '\t');
        put_escaped(&out, fields[i] ? fields[i] : "");
    }
    buf_printf(&out, "\t%d\t%d\n", r->hashes, r->editable);
    fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
}

int main(int argc, char **argv)
{
    bool tsv = false;
    if (argc == 2 && strcmp(argv[1], "--pep508") == 0)
        return run_pep508();
    if (argc == 2 && strcmp(argv[1], "--poetry") == 0)
        return run_poetry();
    if (argc < 2) {
        fprintf(stderr, "usage: deps_dump [--requirements|--pyproject|--lock|--site-packages] PATH...\n"
                        "       deps_dump --pep508 < requirement-lines\n");
        return 2;
    }
    deps_set *s = deps_set_new();
    const char *mode = "";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tsv") == 0) {
            tsv = true;
            continue;
        }
        if (strncmp(argv[i], "--", 2) == 0) {
            mode = argv[i];
            continue;
        }
        if (strcmp(mode, "--requirements") == 0)
            deps_read_requirements(s, argv[i]);
        else if (strcmp(mode, "--pyproject") == 0)
            deps_read_pyproject(s, argv[i]);
        else if (strcmp(mode, "--lock") == 0)
            deps_read_lock(s, argv[i]);
        else if (strcmp(mode, "--site-packages") == 0)
            deps_read_site_packages(s, argv[i]);
        else
            deps_read_path(s, argv[i]);
    }
    for (size_t i = 0; i < s->n; i++)
        if (tsv)
            print_tsv(&s->records[i]);
        else
            print_record(&s->records[i]);
    for (size_t i = 0; i < s->nerrors; i++)
        printf("error: %s:%d: %s\n", s->errors[i].path, s->errors[i].line, s->errors[i].message);
    for (size_t i = 0; i < s->nnotes; i++)
        printf("note: %s:%d: %s\n", s->notes[i].path, s->notes[i].line, s->notes[i].message);
    deps_set_free(s);
    return 0;
}
