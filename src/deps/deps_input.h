/* deps_input.h - what a project declares it depends on: the inputs of
 * `krait deps` (issue 6, section 1).
 *
 * Every reader appends to one deps_set: one deps_record per declared
 * dependency, one deps_error per problem (with the file and line), and
 * notes (information that does not change the audit: an index URL, an
 * unexpanded ${VAR}). A problem in one file never stops the others, and a
 * declaration krait cannot audit (editable, URL, VCS, path, a legacy
 * version) is kept as a record with `unauditable` saying why: nothing is
 * dropped silently.
 *
 * Environment markers are parsed (a bad marker is an error) and kept in
 * packaging's normalised spelling, but not evaluated: that needs the target
 * environment (Python version, platform), which the command knows and a
 * file reader does not; no evaluator exists yet.
 *
 * Directories: deps_read_project reports every declaration file it finds,
 * each record carrying its source kind, and does not prefer lock files:
 * a lock file and the requirements it was made from answer different
 * questions (what is installed vs. what is allowed), and the command can
 * de-duplicate by (key, version) or filter by kind with everything in hand.
 *
 * Everything lives in the set's arena, freed with deps_set_free. No global
 * state: one set per thread. */
#ifndef KRAIT_DEPS_INPUT_H
#define KRAIT_DEPS_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "deps/pep440.h"

typedef enum deps_kind {
    DEPS_REQUIREMENTS,     /* requirements file */
    DEPS_CONSTRAINTS,      /* a file included with -c */
    DEPS_PYPROJECT,        /* [project] dependencies */
    DEPS_PYPROJECT_EXTRA,  /* [project.optional-dependencies] (group = the extra) */
    DEPS_POETRY,           /* [tool.poetry...] (group = "main", "dev", a group) */
    DEPS_DEPENDENCY_GROUP, /* PEP 735 [dependency-groups] */
    DEPS_UV_LOCK,
    DEPS_POETRY_LOCK,
    DEPS_PIPFILE_LOCK, /* group = "default" or "develop" */
    DEPS_PDM_LOCK,
    DEPS_PYLOCK, /* PEP 751 pylock.toml / pylock.*.toml */
    DEPS_SITE_PACKAGES,
    DEPS_IMPORTS, /* a third-party module the code imports (no declaration) */
    /* setuptools' legacy declarations (group = "install_requires",
     * "setup_requires", "tests_require" or the extra's name) */
    DEPS_SETUP_CFG, /* setup.cfg [options] / [options.extras_require] */
    DEPS_SETUP_PY,  /* setup.py's setup(...) keywords, read statically */
    DEPS_METADATA,  /* a distribution file's own metadata: the release and its Requires-Dist */
    DEPS_KIND_COUNT
} deps_kind;

/* "requirements", "constraints", "pyproject", ... (stable: used in JSON). */
const char *deps_kind_name(deps_kind k);

typedef struct deps_record {
    /* As written; NULL when the declaration does not say (a bare URL or
     * path without #egg=). */
    const char *name;
    const char *key; /* PEP 503 normalised; NULL when name is NULL or invalid */
    const char *const *extras;
    size_t nextras;
    /* The version specifier as written ("" when none) and parsed (NULL when
     * none was written or it is not PEP 440: see unauditable). */
    const char *specifier;
    const pep440_specset *specset;
    /* The exact version when known: pinned (==X without wildcard, ===X),
     * locked or installed. `version` is the text, `pinned` its parse (NULL
     * for a legacy version or ===text that is not PEP 440). */
    const char *version;
    const pep440_version *pinned;
    /* The environment marker normalised as packaging prints it (NULL if
     * none), and as written. Evaluate the written one: packaging's
     * printed form can differ in meaning ("a and ((b or c))" prints as
     * "a and b or c"). */
    const char *marker;
    const char *marker_written;
    const char *url;    /* name @ URL, a bare URL, a VCS or path source */
    const char *path;   /* the declaring file */
    int line;           /* 1-based; 0 when the format has no useful line */
    deps_kind kind;
    const char *group; /* extra, group, lock section; NULL when none */
    bool hashes;       /* --hash= / hashes listed in the lock */
    bool editable;
    /* Why this dependency cannot be matched against advisories, or NULL. */
    const char *unauditable;
} deps_record;

typedef struct deps_error {
    const char *path;
    int line; /* 0: the file as a whole */
    const char *message;
} deps_error;

typedef struct deps_set {
    arena *a;
    deps_record *records;
    size_t n, cap;
    deps_error *errors;
    size_t nerrors, errcap;
    deps_error *notes; /* information, same shape as errors */
    size_t nnotes, notecap;
    const char **seen; /* real paths of the files read, so none is read twice */
    size_t nseen, seencap;
} deps_set;

deps_set *deps_set_new(void);
void deps_set_free(deps_set *s);

/* ---- readers: each appends to s and returns the number of records added.
 * `path` is used to open the file and is what records and errors name. */

/* A requirements file (pip's format), following -r/-c includes. */
size_t deps_read_requirements(deps_set *s, const char *path);
/* The same from text already in memory (stdin, a fuzzer): `path` names
 * it in records and errors, and -r/-c are relative to its directory. */
size_t deps_read_requirements_text(deps_set *s, const char *path, const char *text, size_t len);
/* pyproject.toml: [project], [dependency-groups], [tool.poetry]. */
size_t deps_read_pyproject(deps_set *s, const char *path);
/* A lock file; the kind is chosen from the file name (uv.lock,
 * poetry.lock, Pipfile.lock, pdm.lock, pylock.toml, pylock.*.toml). */
size_t deps_read_lock(deps_set *s, const char *path);
/* The same two from text in memory (`path` names it and, for a lock file,
 * says its kind). */
size_t deps_read_pyproject_text(deps_set *s, const char *path, const char *text, size_t len);
size_t deps_read_lock_text(deps_set *s, const char *path, const char *text, size_t len);
/* A site-packages directory, or a virtualenv root (lib/python3.* /
 * site-packages or Lib/site-packages inside it). */
size_t deps_read_site_packages(deps_set *s, const char *dir);
/* setuptools' setup.cfg ([options] install_requires, setup_requires,
 * tests_require; [options.extras_require]) and setup.py (the same keywords
 * of setup(...), read from the parsed file: never executed; computed
 * values get a note). Also from text in memory. */
size_t deps_read_setup_cfg(deps_set *s, const char *path);
size_t deps_read_setup_cfg_text(deps_set *s, const char *path, const char *text, size_t len);
size_t deps_read_setup_py(deps_set *s, const char *path);
size_t deps_read_setup_py_text(deps_set *s, const char *path, const char *text, size_t len);
/* Core metadata (an sdist's PKG-INFO, a wheel's METADATA): the release
 * itself, Name==Version (group "release": a release has advisories of
 * its own), and each Requires-Dist (group "requires_dist"). */
size_t deps_read_metadata_text(deps_set *s, const char *path, const char *text, size_t len);
/* A distribution file (sdist .tar.gz/.zip, wheel .whl, ...), read in
 * memory, never extracted: its metadata, and for an sdist the
 * declarations at its top level (pyproject.toml, setup.cfg, setup.py,
 * requirements*.txt), named ARCHIVE!member. */
size_t deps_read_archive(deps_set *s, const char *path);
/* Whether deps_read_path takes `path` for a distribution file (by name). */
bool deps_is_archive_name(const char *path);
/* A project directory: every declaration file at its top level and in
 * requirements/ (see the top of this file for why nothing is preferred). */
size_t deps_read_project(deps_set *s, const char *dir);
/* Whatever `path` is: a directory (a site-packages when it holds
 * *.dist-info, a virtualenv when it has pyvenv.cfg, else a project), or a
 * file chosen by name: pyproject.toml, a lock file name, and anything else
 * as a requirements file (requirements.in, constraints.txt, ...). */
size_t deps_read_path(deps_set *s, const char *path);

/* A distribution the code imports, found by the module inventory when a
 * project declares nothing (the course's "modulescan"): no version is
 * known, so every version is audited. `module` is the import name
 * (kept as the record's group), `path`/`line` the first import. */
void deps_add_import(deps_set *s, const char *distribution, const char *module,
                     const char *path, int line);

/* ---- PEP 508 requirement strings ----------------------------------------- */

typedef struct pep508_req {
    const char *name;
    const char *const *extras; /* as written, in order */
    size_t nextras;
    const char *specifier; /* the SPECIFIER tokens as written, "" if none */
    const char *url;       /* NULL if none */
    const char *marker;    /* normalised as str(packaging Marker); NULL if none */
    const char *marker_written; /* the text after ';', as written */
} pep508_req;

/* Parse a requirement string as packaging.requirements.Requirement does
 * (packaging 23's grammar). NULL on error, with *msg (static or arena
 * text) and *offset (the byte where it went wrong). */
const pep508_req *pep508_parse(arena *a, const char *text, size_t len,
                               const char **msg, size_t *offset);

#endif
