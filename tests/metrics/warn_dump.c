/* warn_dump.c - krait's side of the warnings oracle (warnings-oracle.mjs):
 * for each file, metrics_warnings as "LINE<TAB>MESSAGE" lines after a
 * "== PATH" header, or "ERROR" when the file does not parse. With -l, the
 * line counts instead ("physical code blank comment_only docstring
 * comment"), for the line fixtures.
 *   warn_dump [-l] FILE...    warn_dump [-l] --list LISTFILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "metrics/metrics.h"
#include "syntax/parser.h"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void dump_file(arena *a, const char *path, int lines)
{
    size_t len;
    char *bytes = read_all(path, &len);
    printf("== %s\n", path);
    if (!bytes) {
        printf("ERROR unreadable\n");
        return;
    }
    syntax_error err;
    py_file file;
    ast_node *mod = py_parse_file(a, bytes, len, &err, &file);
    if (!mod) {
        printf("ERROR %d %s\n", err.lineno, err.msg);
    } else if (lines) {
        line_counts c;
        metrics_count_lines(&file, mod, &c);
        printf("%ld %ld %ld %ld %ld %ld\n", c.physical, c.code, c.blank, c.comment_only,
               c.docstring, c.comment);
    } else {
        py_warning *w;
        int n = metrics_warnings(a, &file, mod, &w);
        for (int i = 0; i < n; i++)
            printf("%d\t%s\n", w[i].lineno, w[i].message);
    }
    free(bytes);
    arena_reset(a);
}

int main(int argc, char **argv)
{
    int lines = 0, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        lines = 1;
        i++;
    }
    arena *a = arena_new();
    if (i + 1 < argc && strcmp(argv[i], "--list") == 0) {
        FILE *f = fopen(argv[i + 1], "r");
        if (!f) {
            perror(argv[i + 1]);
            return 2;
        }
        char path[4096];
        while (fgets(path, sizeof path, f)) {
            path[strcspn(path, "\n")] = '\0';
            if (path[0])
                dump_file(a, path, lines);
        }
        fclose(f);
    } else {
        for (; i < argc; i++)
            dump_file(a, argv[i], lines);
    }
    arena_free(a);
    return 0;
}
