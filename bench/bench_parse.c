/* bench_parse.c - parse throughput and memory of py_parse.
 *
 *   bench_parse [-r REPEATS] PATH...
 *
 * Loads every .py file under PATH (recursively) into memory first, then
 * parses all of them on one thread, REPEATS times, each file in its own
 * arena generation (reset between files) as the scanner's workers will. Only py_parse is timed: no file I/O, no dump.
 * Reports the best and median pass, and the process's peak RSS. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "base/arena.h"
#include "syntax/parser.h"

typedef struct source {
    char *path;
    char *data;
    size_t len;
} source;

typedef struct corpus {
    source *files;
    size_t n, cap, bytes;
} corpus;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        perror("bench_parse");
        exit(2);
    }
    return p;
}

static int has_py_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".py") == 0;
}

static void load_file(corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_parse: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    char *data = NULL;
    size_t len = 0, cap = 0, r;
    do {
        if (cap - len < 65536)
            data = xrealloc(data, cap = cap * 2 + 65536);
        r = fread(data + len, 1, cap - len, f);
        len += r;
    } while (r > 0);
    fclose(f);
    if (c->n == c->cap)
        c->files = xrealloc(c->files, (c->cap = c->cap * 2 + 64) * sizeof *c->files);
    c->files[c->n++] = (source){strdup(path), data, len};
    c->bytes += len;
}

static void load_path(corpus *c, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "bench_parse: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        load_file(c, path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "bench_parse: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *sub = xrealloc(NULL, n);
        snprintf(sub, n, "%s/%s", path, e->d_name);
        struct stat sst;
        if (stat(sub, &sst) == 0 && (S_ISDIR(sst.st_mode) || has_py_suffix(e->d_name)))
            load_path(c, sub);
        free(sub);
    }
    closedir(d);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One pass over the corpus; returns seconds and counts rejected files. */
static double parse_all(const corpus *c, size_t *rejected, size_t *max_arena)
{
    *rejected = 0;
    double t0 = now();
    /* One arena reset between files, as each scanner worker will do. */
    arena *a = arena_new();
    for (size_t i = 0; i < c->n; i++) {
        syntax_error err;
        if (!py_parse(a, c->files[i].data, c->files[i].len, &err))
            (*rejected)++;
        if (arena_used(a) > *max_arena)
            *max_arena = arena_used(a);
        arena_reset(a);
    }
    arena_free(a);
    return now() - t0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int repeats = 5, i = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        repeats = atoi(argv[2]);
        i = 3;
    }
    if (i >= argc || repeats < 1 || repeats > 1000) {
        fputs("usage: bench_parse [-r REPEATS] PATH...\n", stderr);
        return 2;
    }
    corpus c = {0};
    for (; i < argc; i++)
        load_path(&c, argv[i]);
    double times[1000];
    size_t rejected = 0, max_arena = 0;
    for (int r = 0; r < repeats; r++)
        times[r] = parse_all(&c, &rejected, &max_arena);
    qsort(times, (size_t)repeats, sizeof times[0], cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)c.bytes / 1e6;
    printf("krait py_parse: %zu files (%zu rejected), %.2f MB, %d passes\n", c.n, rejected,
           mb, repeats);
    printf("krait py_parse: best %.3f s (%.1f MB/s), median %.3f s (%.1f MB/s)\n", times[0],
           mb / times[0], times[repeats / 2], mb / times[repeats / 2]);
    printf("krait py_parse: peak RSS %.1f MB (sources held in memory: %.1f MB), "
           "largest arena %.1f MB\n",
           (double)ru.ru_maxrss / 1024.0, mb, (double)max_arena / 1e6);
    /* Machine-readable line for bench/run. */
    printf("KRAIT_SECONDS=%.6f\n", times[0]);
    for (size_t k = 0; k < c.n; k++) {
        free(c.files[k].path);
        free(c.files[k].data);
    }
    free(c.files);
    return 0;
}
