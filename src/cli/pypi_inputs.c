/* pypi_inputs.c - the pypi:NAME[==VERSION] operands of scan, overview and
 * deps: fetched (src/pypi) before the local paths are discovered, handed
 * to the archive reader from memory, and described in the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_pypi.h"
#include "scan/archive.h"

static void free_all(cli_pypi *p)
{
    for (size_t i = 0; i < p->n; i++)
        pypi_package_free(&p->pkgs[i]);
    free(p->pkgs);
    free(p->origins);
    free(p->local);
    arena_free(p->a);
    memset(p, 0, sizeof *p);
}

static void fill_origin(report_origin *o, const pypi_package *pkg)
{
    memset(o, 0, sizeof *o);
    o->spec = pkg->spec;
    o->note = pkg->note;
    if (!pkg->file)
        return;
    o->file = pkg->file->filename;
    o->kind = pkg->file->packagetype;
    o->url = pkg->file->url;
    o->sha256 = pkg->file->sha256;
    o->uploaded = pkg->file->upload_time;
}

static int fetch_one(cli_pypi *p, const char *arg, const pypi_options *opt)
{
    char err[1024];
    pypi_package *pkg = &p->pkgs[p->n];
    if (pypi_fetch(p->a, opt, arg, pkg, err, sizeof err) != 0) {
        fprintf(stderr, "krait: %s\n", err);
        return -1;
    }
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->pkgs[i].spec, pkg->spec) == 0) { /* the same release twice */
            pypi_package_free(pkg);
            return 0;
        }
    fill_origin(&p->origins[p->n], pkg);
    p->n++;
    return 0;
}

int cli_pypi_fetch(cli_pypi *p, const char *index_url, bool download,
                   const char *const *paths, int npaths)
{
    memset(p, 0, sizeof *p);
    size_t cap = npaths > 0 ? (size_t)npaths : 1;
    p->a = arena_new();
    p->pkgs = calloc(cap, sizeof *p->pkgs);
    p->origins = calloc(cap, sizeof *p->origins);
    p->local = calloc(cap, sizeof *p->local);
    if (!p->a || !p->pkgs || !p->origins || !p->local) {
        fputs("krait: out of memory\n", stderr);
        free_all(p);
        return -1;
    }
    pypi_options opt = {.index_url = index_url, .download = download};
    for (int i = 0; i < npaths; i++) {
        if (!pypi_is_request(paths[i]))
            p->local[p->nlocal++] = paths[i];
        else if (fetch_one(p, paths[i], &opt) != 0) {
            free_all(p);
            return -1;
        }
    }
    return 0;
}

int cli_pypi_add_archives(cli_pypi *p, file_list *files, const discover_options *opt)
{
    for (size_t i = 0; i < p->n; i++) {
        pypi_package *pkg = &p->pkgs[i];
        if (pkg->data && discover_add_archive_memory_opt(files, pkg->file->filename, pkg->data,
                                                         pkg->len, opt) != 0)
            return -1;
        /* The reader kept copies of what it scans: up to 200 MiB less. */
        pypi_package_free(pkg);
    }
    return 0;
}

void cli_pypi_add_deps(const cli_pypi *p, deps_set *deps)
{
    for (size_t i = 0; i < p->n; i++)
        pypi_add_deps(deps, &p->pkgs[i]);
}

void cli_pypi_free(cli_pypi *p)
{
    free_all(p);
}

int cli_gather_files(const scan_cli *c, cli_pypi *pypi, file_list *files)
{
    discover_options dopt = {c->exclude,  c->nexclude, c->include,
                             c->ninclude, c->archives, &c->archive_limits};
    if (cli_pypi_fetch(pypi, c->index_url, true, c->paths, c->npaths) != 0)
        return -1;
    if (discover_files(&dopt, pypi->local, pypi->nlocal, files) != 0) {
        fputs("krait: out of memory\n", stderr);
        cli_pypi_free(pypi);
        return -1;
    }
    if (cli_pypi_add_archives(pypi, files, &dopt) != 0) {
        fputs("krait: out of memory\n", stderr);
        file_list_free(files);
        cli_pypi_free(pypi);
        return -1;
    }
    return 0;
}
