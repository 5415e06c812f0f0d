/* inputs_int.h - what the dependency readers (inputs_*.c) share: adding
 * records, errors and notes to a set, reading a file whole, and turning a
 * parsed requirement into a record. Not part of the API (deps_input.h). */
#ifndef KRAIT_INPUTS_INT_H
#define KRAIT_INPUTS_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "deps/deps_input.h"

/* Larger declaration files are refused: no real one comes near. */
enum { DEPS_MAX_FILE = 64 << 20 };

/* A zeroed record appended to the set (path, line, kind filled in). */
deps_record *deps_add(deps_set *s, const char *path, int line, deps_kind kind);
void deps_error_at(deps_set *s, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void deps_note_at(deps_set *s, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The file's bytes, NUL-terminated, in the set's arena; NULL with an error
 * recorded (missing, unreadable, a directory, too large). */
char *deps_slurp(deps_set *s, const char *path, size_t *len);
/* Whether the file (by real path) was read already; if not, remember it. */
bool deps_seen(deps_set *s, const char *path);

/* Fill name, key, extras, specifier, marker, url of r from a requirement,
 * then derive specset/version/pinned/unauditable (deps_finish). */
void deps_fill_from_req(deps_set *s, deps_record *r, const pep508_req *q);
/* Parse r->specifier into r->specset and take the exact version when the
 * set pins one; a specifier that is not PEP 440 is an error and makes the
 * record unauditable. Also used by the lock readers for r->version. */
void deps_finish(deps_set *s, deps_record *r);
/* Set r->marker to a marker's normalised text (packaging's str(Marker));
 * an invalid marker is an error and is kept as written. */
void deps_set_marker(deps_set *s, deps_record *r, const char *text);
/* Set r->version (and pinned) from a locked/installed version text. */
void deps_set_version(deps_set *s, deps_record *r, const char *version);

const char *deps_strdup(deps_set *s, const char *text);
const char *deps_strndup(deps_set *s, const char *text, size_t len);
const char *deps_join_path(deps_set *s, const char *dir, const char *name);
/* The base name of a path (after the last '/'). */
const char *deps_base_name(const char *path);

/* The TOML kinds (inputs_locks.c), chosen by file name; false if unknown. */
bool deps_lock_kind(const char *path, deps_kind *kind);
/* Pipfile.lock's text (inputs_pipfile.c). */
size_t deps_read_pipfile_text(deps_set *s, const char *path, const char *text, size_t len);
/* Poetry's dependency tables (inputs_poetry.c). */
size_t deps_read_poetry(deps_set *s, const char *path, const void *poetry_table);
/* A Poetry version constraint as a PEP 440 specifier text ("^1.2" ->
 * ">=1.2,<2.0"); NULL with *why when it cannot be one (a union "||"). */
const char *deps_poetry_to_pep440(arena *a, const char *text, const char **why);

#endif
