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

/* ---- inputs held in memory (archives and notebooks: src/scan/archive.h) ---- */

/* A finding made at discovery, about an archive or one of its members (the
 * package family, KR13xx): reported at line 1, column 1 of that path. */
typedef struct input_finding {
    int rule; /* rule_id */
    const char *message;
} input_finding;

/* What the scanner reads for a path when it is not a file on disk: an
 * archive member's bytes (data, len), and/or findings made at discovery.
 * in_memory with data NULL: nothing to parse (an archive's own findings). */
typedef struct scan_input {
    int in_memory;
    const char *data; /* owned by the file_list's arena */
    size_t len;
    const input_finding *findings;
    int nfindings;
    /* The dotted module name from the archive's own layout (what
     * scan_module_name finds on disk for a file), or NULL. */
    const char *module_name;
    int is_package;
} scan_input;

struct archive_limits;

typedef struct discover_options {
    /* fnmatch patterns (no flags: '*' crosses '/'), tried against the path
     * relative to the argument and against the base name. */
    const char *const *exclude; /* files and directories not to walk */
    int nexclude;
    const char *const *include; /* extra files to pick up in directories */
    int ninclude;
    /* 1: open archives met while walking directories (archives named on
     * the command line are always opened); limits: NULL for the defaults. */
    int archives;
    const struct archive_limits *limits;
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
    /* Parallel to paths; NULL while every path is a file on disk. */
    scan_input *inputs;
    size_t cap_inputs;
} file_list;

/* Adds `path` with what the scanner reads instead of the disk (copied).
 * Returns 0, or -1 when out of memory. */
int discover_add_input(file_list *l, const char *path, const scan_input *in);
/* Sorts and deduplicates l again after inputs were added to a finished
 * list (discover_files does it itself). 0 or -1. */
int discover_sort(file_list *l);
/* Records an error about `path` (an archive, a notebook). 0 or -1. */
int discover_add_error(file_list *l, const char *path, const char *message);
/* 1 when name's suffix is one of an archive krait opens (.zip, .whl,
 * .tar.gz, ...), 0 otherwise. */
int discover_is_archive_name(const char *name);

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
