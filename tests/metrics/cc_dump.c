/* cc_dump - the test driver of the radon comparison (tests/metrics/
 * radon-compare): parses each file and prints one line per block of
 * metrics_cc_blocks,
 *     path TAB name TAB line TAB complexity TAB kind TAB col TAB end_line
 * (kind: function, method or class, as `radon cc -j` says); with
 * --file-score one line per file, path TAB metrics_file_complexity; with
 * --mi one line per file, path TAB the maintainability index (%.17g, or
 * "error" where radon fails too) TAB its parts: Halstead volume, total
 * complexity, then radon's raw loc lloc sloc comments multi blank
 * single_comments.
 * A FILE of "-" reads more paths from stdin, one per line. A file that
 * cannot be read or parsed is reported on stderr and makes the exit
 * status 1; the other files are still measured. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics.h"
#include "metrics/radon_mi.h"
#include "syntax/parser.h"

enum { MODE_BLOCKS, MODE_FILE_SCORE, MODE_MI };

static const char *const kind_names[] = {"function", "method", "class"};

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(data, cap *= 2);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    if (ferror(f)) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = n;
    return data;
}

static void dump_mi(arena *a, const char *path, const py_file *src, const ast_node *module)
{
    double mi;
    radon_raw r;
    radon_halstead h;
    if (metrics_maintainability(a, src, module, &mi) != 0) {
        printf("%s\terror\n", path);
        return;
    }
    metrics_radon_raw(src->text, src->len, &r);
    metrics_radon_halstead(a, module, &h);
    printf("%s\t%.17g\t%.17g\t%ld\t%ld %ld %ld %ld %ld %ld %ld\n", path, mi, h.volume,
           metrics_radon_total_complexity(a, module), r.loc, r.lloc, r.sloc, r.comments, r.multi,
           r.blank, r.single_comments);
}

/* Measures one file; 0, or 1 when it cannot be read or parsed. */
static int dump_file(arena *a, const char *path, int mode)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    syntax_error err;
    py_file src;
    ast_node *module = py_parse_file(a, data, len, &err, &src);
    free(data);
    if (!module) {
        fprintf(stderr, "%s:%d: %s: %s\n", path, err.lineno, err.type, err.msg);
        return 1;
    }
    if (mode == MODE_FILE_SCORE) {
        printf("%s\t%d\n", path, metrics_file_complexity(module));
        return 0;
    }
    if (mode == MODE_MI) {
        dump_mi(a, path, &src, module);
        return 0;
    }
    cc_block *blocks;
    int n = metrics_cc_blocks(a, module, &blocks);
    if (n < 0) {
        fprintf(stderr, "%s: out of memory\n", path);
        return 1;
    }
    for (int i = 0; i < n; i++)
        printf("%s\t%s\t%d\t%d\t%s\t%d\t%d\n", path, blocks[i].name, blocks[i].line,
               blocks[i].complexity, kind_names[blocks[i].kind], blocks[i].col,
               blocks[i].end_line);
    return 0;
}

int main(int argc, char **argv)
{
    int mode = argc < 2                              ? MODE_BLOCKS
               : strcmp(argv[1], "--file-score") == 0 ? MODE_FILE_SCORE
               : strcmp(argv[1], "--mi") == 0         ? MODE_MI
                                                      : MODE_BLOCKS;
    int status = 0;
    arena *a = arena_new();
    for (int i = 1 + (mode != MODE_BLOCKS); i < argc; i++) {
        if (strcmp(argv[i], "-") != 0) {
            status |= dump_file(a, argv[i], mode);
            arena_reset(a);
            continue;
        }
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = '\0';
            if (line[0]) {
                status |= dump_file(a, line, mode);
                arena_reset(a);
            }
        }
    }
    arena_free(a);
    return status;
}
