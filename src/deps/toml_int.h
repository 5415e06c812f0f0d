/* toml_int.h - the contract between the TOML reader's files: the value
 * layout (toml_value.c), the lexer of scalars and keys (toml_lex.c) and the
 * document parser with TOML's definition rules (toml.c). */
#ifndef KRAIT_TOML_INT_H
#define KRAIT_TOML_INT_H

#include "deps/toml.h"

typedef struct toml_kv {
    const char *key;
    size_t klen;
    uint64_t hash;
    toml_value *val;
} toml_kv;

/* Table flags: how it was defined, for TOML's redefinition rules. */
enum {
    TF_HEADER = 1, /* defined by a [header]: no second [header], no dotted keys into it */
    TF_AOT = 2,    /* an array made by [[header]] (others are static: never extended) */
};

/* 48 bytes: a lock file is mostly values, so the node size is the reader's
 * memory. Capacities are not stored: they follow from the length (see
 * toml_value.c). */
struct toml_value {
    uint8_t type; /* toml_type */
    uint8_t flags;
    int line, column;
    /* Tables only. A table made inside an inline table carries that inline
     * table's id: it is open while that inline table is being read and
     * frozen afterwards (0 = not part of an inline table). A table that
     * dotted keys went through carries the id of the [section] they were
     * in: it may be extended by dotted keys in that section only and never
     * by a [header] (0 = none). */
    unsigned inline_id, dotted_section;
    union {
        struct {
            const char *s;
            size_t len;
        } str; /* strings and date/time texts */
        int64_t i;
        double f;
        bool b;
        struct {
            toml_value **items;
            size_t len;
        } arr;
        struct {
            toml_kv *kv;
            uint32_t *slots; /* open addressing: kv index + 1, 0 = empty; NULL
                              * while the table is small */
            size_t len;
        } tab;
    } u;
};

/* toml_value.c: building the tree. */
toml_value *tv_new(arena *a, toml_type type, int line, int column);
toml_kv *tv_find(const toml_value *table, const char *key, size_t klen);
/* Add key -> val to a table; the caller has checked that key is absent. */
void tv_insert(arena *a, toml_value *table, const char *key, size_t klen, toml_value *val);
void tv_push(arena *a, toml_value *array, toml_value *item);

/* The reader's state. Errors: the first one is kept, and every function
 * returns false (or NULL) once it is set, so callers just propagate. */
typedef struct tparser {
    arena *a;
    const char *src, *p, *end;
    int line;               /* of p */
    const char *line_start; /* of the line of p */
    /* column cache: the column of col_at, on line col_line */
    const char *col_at;
    int col_line, col_val;
    toml_error *err;
    bool failed;
    int depth;
    unsigned next_inline_id, section;
    /* Key parts, a stack: a key's parts are at keys[key_top...] while it
     * is read, and stay there (key_top moved above them) while its value
     * is read, which may hold keys of its own (inline tables). */
    struct tkey {
        const char *s; /* the key (decoded, for a quoted key) */
        size_t len;
        const char *at; /* where it is in the source, for messages */
        int line, column;
    } *keys;
    size_t key_top, nkeys, keycap;
} tparser;
typedef struct tkey tkey;

/* toml_lex.c */
bool tp_fail(tparser *p, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int tp_column(tparser *p, const char *at);
bool tp_check_utf8(tparser *p);
void tp_skip_ws(tparser *p);
/* "expected <what>", or a clearer message for a control character at p. */
bool tp_unexpected(tparser *p, const char *expected);
/* Skip whitespace, newlines and comments (inside arrays). */
bool tp_skip_ws_nl_comments(tparser *p);
/* A comment if one starts at p (up to, not including, the newline). */
bool tp_skip_comment(tparser *p);
/* Consume a newline (LF or CRLF) at p; false if there is none. */
bool tp_newline(tparser *p);
/* Read a dotted key into p->keys[p->key_top...], p->nkeys parts (trailing
 * whitespace skipped). */
bool tp_key(tparser *p);
/* A string of any kind at p. */
toml_value *tp_string(tparser *p);
/* toml_scalar.c: a scalar value at p (string, number, bool, date/time); NULL on error. */
toml_value *tp_scalar(tparser *p);

#endif
