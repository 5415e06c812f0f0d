/* cli_pypi.h - `pypi:NAME[==VERSION]` operands of scan, overview and deps
 * (pypi_inputs.c over src/pypi): fetched before anything else runs, so a
 * failure is one clear line and exit status 2. */
#ifndef KRAIT_CLI_PYPI_H
#define KRAIT_CLI_PYPI_H

#include <stddef.h>

#include "cli_scan.h"
#include "deps/deps_input.h"
#include "pypi/pypi.h"
#include "report/origin.h"
#include "scan/discover.h"

typedef struct cli_pypi {
    arena *a;
    pypi_package *pkgs;
    report_origin *origins; /* parallel to pkgs (scan and overview) */
    size_t n;
    const char **local; /* the other operands, in order */
    int nlocal;
} cli_pypi;

/* The --index-url option of the three commands. */
#define CLI_PYPI_USAGE                                                                     \
    "      --index-url URL     for pypi:NAME[==VERSION] operands: the package\n"          \
    "                          index (default $PIP_INDEX_URL, else https://pypi.org);\n" \
    "                          a pip index URL ending in /simple is accepted;\n"     \
    "                          $KRAIT_PYPI_TIMEOUT bounds each transfer (seconds,\n" \
    "                          default 300)\n"

/* Splits paths into pypi: operands and the rest, and fetches each pypi:
 * one (download: its archive too, digest checked). Returns 0, or prints
 * "krait: REASON" and returns -1 (p is then already freed). */
int cli_pypi_fetch(cli_pypi *p, const char *index_url, bool download,
                   const char *const *paths, int npaths);
/* Adds the downloaded archives to files (as discover_add_archive_memory:
 * members named FILE!member) and frees the downloads (the reader copies
 * what it keeps). 0, or -1 when out of memory. */
int cli_pypi_add_archives(cli_pypi *p, file_list *files, const discover_options *opt);
/* The releases as virtual inputs of `krait deps`: NAME==VERSION itself and
 * its requires_dist, under the path "pypi:NAME==VERSION". */
void cli_pypi_add_deps(const cli_pypi *p, deps_set *deps);
void cli_pypi_free(cli_pypi *p);

/* The files a scan or an overview reads: the pypi: operands fetched and
 * their archives added, the other operands discovered. 0, or prints why
 * and returns -1 (nothing is left to free then). */
int cli_gather_files(const scan_cli *c, cli_pypi *pypi, file_list *files);

#endif
