/* bench_semantic.c - cost of the semantic index next to parsing.
 *
 *   bench_semantic [-r REPEATS] [-v] PATH...
 *
 * Loads every .py file under PATH, then per file (arena reset between
 * files, as a scan worker does): parse (timed apart), sem_build, and
 * sem_qualname on every Call's callee found by ast_walk (timed together
 * as "semantic"; the time of sem_build alone and of a bare walk shown).
 * Prints the best pass of each and how many callees got a name; -v lists
 * the qualified names met, one per line, for eyeballing. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "semantic/semantic.h"
#include "syntax/ast_walk.h"
#include "syntax/parser.h"

typedef struct source {
    char *data;
    size_t len;
} source;

static source *files;
static size_t nfiles, capfiles, total_bytes;

static int load_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".py") != 0)
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)len + 1);
    if (!data || fread(data, 1, (size_t)len, f) != (size_t)len) {
        fclose(f);
        free(data);
        return 0;
    }
    fclose(f);
    if (nfiles == capfiles) {
        capfiles = capfiles * 2 + 64;
        files = realloc(files, capfiles * sizeof *files);
        if (!files)
            exit(2);
    }
    files[nfiles++] = (source){data, (size_t)len};
    total_bytes += (size_t)len;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct resolve_ctx {
    const sem_index *ix;
    long calls, named;
    int verbose;
} resolve_ctx;

/* A bare walk, to tell the walker's own cost from the resolving. */
static ast_walk_action count_only(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)n, (void)enter, (void)depth, (void)ctx;
    return AST_WALK_CONTINUE;
}

static ast_walk_action resolve_call(const ast_node *n, int enter, int depth, void *ctx)
{
    (void)depth;
    resolve_ctx *r = ctx;
    if (enter && n->kind == AST_Call) {
        const char *qn = sem_qualname(r->ix, n->v.Call.func);
        r->calls++;
        if (qn) {
            r->named++;
            if (r->verbose)
                printf("%s\n", qn);
        }
    }
    return AST_WALK_CONTINUE;
}

int main(int argc, char **argv)
{
    int repeats = 5, verbose = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            repeats = atoi(argv[++i]);
        else if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
    }
    for (; i < argc; i++)
        nftw(argv[i], load_one, 16, FTW_PHYS);
    arena *a = arena_new();
    double best_parse = 1e30, best_sem = 1e30, best_build = 0, best_walk = 0;
    long calls = 0, named = 0, failed = 0;
    for (int r = 0; r < repeats; r++) {
        double tp = 0, ts = 0, tb = 0, tw = 0;
        calls = named = failed = 0;
        for (size_t f = 0; f < nfiles; f++) {
            arena_reset(a);
            syntax_error err;
            double t0 = now();
            ast_node *m = py_parse(a, files[f].data, files[f].len, &err);
            double t1 = now();
            tp += t1 - t0;
            if (!m) {
                failed++;
                continue;
            }
            resolve_ctx rc = {sem_build(a, m, NULL, 0), 0, 0, verbose && r == 0};
            double t2 = now();
            tb += t2 - t1;
            ast_walk(m, count_only, NULL);
            double t3 = now();
            tw += t3 - t2;
            ast_walk(m, resolve_call, &rc);
            ts += now() - t1 - (t3 - t2);
            calls += rc.calls;
            named += rc.named;
        }
        if (tp < best_parse)
            best_parse = tp;
        if (ts < best_sem) {
            best_sem = ts;
            best_build = tb;
            best_walk = tw;
        }
    }
    double mb = (double)total_bytes / 1e6;
    fprintf(stderr,
            "%zu files (%ld not parsed), %.1f MB; best of %d\n"
            "parse     %7.1f ms  %7.1f MB/s\n"
            "semantic  %7.1f ms  %7.1f MB/s  (%.1f%% of parse)\n"
            "  of which sem_build %.1f ms; a bare ast_walk of the same trees: %.1f ms\n"
            "calls %ld, callee named %ld (%.1f%%)\n",
            nfiles, failed, mb, repeats, best_parse * 1e3, mb / best_parse, best_sem * 1e3,
            mb / best_sem, 100.0 * best_sem / best_parse, best_build * 1e3, best_walk * 1e3, calls,
            named, calls ? 100.0 * (double)named / (double)calls : 0.0);
    arena_free(a);
    return 0;
}
