/* toml.h - a strict TOML 1.0.0 reader (pyproject.toml, uv.lock, poetry.lock,
 * pdm.lock, pylock.toml, Pipfile).
 *
 * Debian packages no maintained C TOML library, so krait has its own. It
 * accepts exactly what TOML 1.0.0 accepts, checked against Python's tomllib
 * (tests/deps/toml/compare.py). Where tomllib and the spec's ABNF differ we
 * side with tomllib, which is what pip and every Python tool reads these
 * files with: a year 0000 and a leap second (:60) are rejected. Where
 * tomllib is laxer than the spec we side with the spec: integers outside
 * 64 bits are an error (tomllib returns a Python int).
 *
 * The whole document lives in the caller's arena and is freed with it. The
 * parse is iterative except for nested arrays and inline tables, which are
 * bounded by TOML_MAX_DEPTH with a clear error; tables are hashed, so time
 * is linear in the input. No global state: parse on any thread. */
#ifndef KRAIT_TOML_H
#define KRAIT_TOML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

/* Nested arrays and inline tables deeper than this are rejected. */
enum { TOML_MAX_DEPTH = 200 };

typedef enum toml_type {
    TOML_NONE, /* what toml_type_of says of NULL (a missing key) */
    TOML_TABLE,
    TOML_ARRAY,
    TOML_STRING,
    TOML_INTEGER,
    TOML_FLOAT,
    TOML_BOOL,
    TOML_DATETIME,       /* offset date-time: 1979-05-27T07:32:00Z */
    TOML_DATETIME_LOCAL, /* 1979-05-27T07:32:00 */
    TOML_DATE_LOCAL,     /* 1979-05-27 */
    TOML_TIME_LOCAL,     /* 07:32:00 */
} toml_type;

typedef struct toml_value toml_value;

typedef struct toml_error {
    int line, column; /* 1-based; the column counts characters, not bytes */
    char message[200];
} toml_error;

/* Parse len bytes of UTF-8 (no NUL needed). Returns the root table, or NULL
 * with *err saying what and where. */
const toml_value *toml_parse(arena *a, const char *src, size_t len, toml_error *err);

/* Every function below accepts NULL (and returns NULL, 0 or false), so that
 * lookups chain: toml_as_string(toml_get(project, "name"), NULL). */

toml_type toml_type_of(const toml_value *v);
/* "none", "table", "array", "string", "integer", "float", "bool", "datetime",
 * "datetime-local", "date-local", "time-local" (the toml-test names). */
const char *toml_type_name(toml_type t);
/* Where the value starts: for a table from a [header], the header's line;
 * for an array of tables, its first [[header]]; for a table made
 * implicitly (the `a` of [a.b]), where it was first needed. 0 for NULL. */
int toml_line(const toml_value *v);
int toml_column(const toml_value *v);

/* A key of a table (NULL if absent or if `table` is not a table). */
const toml_value *toml_get(const toml_value *table, const char *key);
const toml_value *toml_getn(const toml_value *table, const char *key, size_t len);
/* A dotted path in TOML key syntax, from a table: "tool.poetry.dependencies",
 * `tool."name.with.dots".x`. NULL if absent, or if the path is not a valid
 * TOML key. Does not go into arrays. */
const toml_value *toml_get_path(const toml_value *root, const char *path);

/* Entries of a table, items of an array (0 for anything else). */
size_t toml_len(const toml_value *v);
/* Array item i (NULL when out of range or not an array). */
const toml_value *toml_at(const toml_value *array, size_t i);
/* Table entry i in document order: its key (NUL-terminated; *len, when not
 * NULL, gets the length, as a key may contain U+0000) and its value. */
const char *toml_key_at(const toml_value *table, size_t i, size_t *len);
const toml_value *toml_value_at(const toml_value *table, size_t i);

/* Typed access: NULL/false when v is not of that type. Strings are UTF-8,
 * NUL-terminated, and may contain U+0000 (hence *len). */
const char *toml_as_string(const toml_value *v, size_t *len);
bool toml_as_int(const toml_value *v, int64_t *out);
bool toml_as_float(const toml_value *v, double *out);
bool toml_as_bool(const toml_value *v, bool *out);
/* The four date/time kinds, as validated RFC 3339 text with 'T' and 'Z'
 * upper-cased ("1979-05-27T07:32:00.5-07:00"); toml_type_of says which. */
const char *toml_as_datetime(const toml_value *v);

#endif
