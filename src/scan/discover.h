/* discover.h - from the PATH arguments of `krait scan` to the sorted list of
 * files to scan, and the errors met on the way (missing paths, unreadable
 * directories, symlink loops), which are reported, never fatal. */
#ifndef KRAIT_DISCOVER_H
#define KRAIT_DISCOVER_H

#include <stddef.h>
#include <sys/types.h>

#include "../base/arena.h"

/* A file or path krait could not scan. `line` is 0 when the error is not
 * about a line (everything but syntax errors). */
typedef struct scan_error {
    const char *path;
    int line;
    const char *message;
} scan_error;

/* The path under which standard input is reported ("-" on the command line). */
#define SCAN_STDIN_PATH "<stdin>"

typedef struct discover_options {
    /* fnmatch patterns (no flags: '*' crosses '/'), tried against the path
     * relative to the argument and against the base name. */
    const char *const *exclude; /* files and directories not to walk */
    int nexclude;
    const char *const *include; /* extra files to pick up in directories */
    int ninclude;
} discover_options;

/* A file's identity: two paths to one file (a symlink, `dir` and
 * `dir/x.py` both given) are scanned once. */
typedef struct file_id {
    dev_t dev;
    ino_t ino;
    int known; /* 0 for stdin */
} file_id;

typedef struct file_list {
    const char **paths; /* sorted (strcmp), no duplicates, no file twice */
    file_id *ids;       /* parallel to paths while walking (private) */
    size_t npaths;
    scan_error *errors; /* in the order met */
    size_t nerrors;
    arena *a;           /* owns the strings */
    size_t cap_paths, cap_errors;
} file_list;

/* Expands args: a file is taken whatever its name; a directory is walked
 * recursively for *.py, *.pyw, --include matches and extensionless files
 * with a python shebang, skipping VCS, cache, tox/nox, node_modules,
 * *.egg-info and virtualenv directories and --exclude matches; "-" is
 * stdin (SCAN_STDIN_PATH). Symlinks are followed; a directory that is its
 * own ancestor is a "symlink loop" error. Returns 0, or -1 when out of
 * memory. Free with file_list_free. */
int discover_files(const discover_options *opt, const char *const *args, int nargs,
                   file_list *out);
void file_list_free(file_list *l);

/* The tests of the walk, exposed for unit tests. */
int discover_is_skipped_dir(const char *name);
int discover_has_python_shebang(const char *head, size_t len);

#endif
