/* sem_internal.h - the semantic index's tables, shared by scope.c (which
 * fills them in one walk), resolve.c, consteval.c and imports.c (which
 * answer questions from them). Not for use outside src/semantic/. */
#ifndef KRAIT_SEM_INTERNAL_H
#define KRAIT_SEM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "semantic.h"

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_COMPREHENSION } sem_scope_kind;

typedef struct sem_scope sem_scope;
struct sem_scope {
    sem_scope_kind kind;
    sem_scope *parent;
};

/* One binding of a name. */
typedef enum {
    DEF_IMPORT, /* qualname holds the imported module/member */
    DEF_VALUE,  /* `name = value` (also AnnAssign with value, walrus) */
    DEF_WITH,   /* `with value as name`: a qualname, never a constant */
    DEF_UNKNOWN /* parameter, for/except/match target, def, class, +=, unpacking */
} sem_def_kind;

typedef struct sem_def sem_def;
struct sem_def {
    sem_def_kind kind;
    /* DEF_IMPORT made in an `except ImportError:` handler: the fallback for
     * an import tried first (`try: import cPickle as pickle / except
     * ImportError: import pickle`). It does not count against the preferred
     * binding, the way a reader takes the name for the module tried first. */
    int fallback;
    const char *qualname;  /* DEF_IMPORT */
    const ast_node *value; /* DEF_VALUE, DEF_WITH */
    sem_def *next;
};

/* Flags of a symbol in its scope. */
enum {
    SYM_LOCAL = 1,   /* bound (or deleted) in this scope: local throughout */
    SYM_GLOBAL = 2,  /* `global name` */
    SYM_NONLOCAL = 4 /* `nonlocal name` */
};

/* Cached answers (computed on first question; the index belongs to one
 * thread, like the file's arena). */
enum { CACHE_NONE, CACHE_BUSY, CACHE_DONE };

typedef struct sem_sym sem_sym;
struct sem_sym {
    const sem_scope *scope;
    const char *name;
    uint32_t hash;
    int flags;
    int ndefs;
    sem_def *defs, *last;
    int qn_state;
    const char *qn;
};

/* Open-addressing tables; sizes are powers of two. */
typedef struct sem_node_slot {
    const ast_node *node;
    const sem_scope *scope;
} sem_node_slot;

typedef struct sem_import_list {
    sem_import *items;
    int n, cap;
} sem_import_list;

struct sem_index {
    arena *a;
    const sem_scope *module;
    const char *module_name; /* may be NULL */
    int is_package;
    sem_node_slot *nodes; /* Name load -> scope */
    size_t nodes_cap, nodes_n;
    sem_sym **syms; /* (scope, name) -> symbol */
    size_t syms_cap, syms_n;
    size_t ndeclared; /* names in global/nonlocal statements */
    sem_import_list imports;
};

/* symtab.c */
uint32_t sem_hash_str(const char *s);
void sem_nodes_grow(sem_index *ix, size_t want);
void sem_syms_grow(sem_index *ix);
/* Remember the scope a Name load sits in; look it up (NULL: not indexed). */
void sem_record_scope(sem_index *ix, const ast_node *name_node, const sem_scope *scope);
const sem_scope *sem_scope_of(const sem_index *ix, const ast_node *name_node);
sem_sym *sem_sym_find(const sem_index *ix, const sem_scope *scope, const char *name);
sem_sym *sem_sym_get(sem_index *ix, const sem_scope *scope, const char *name); /* creates */
/* The symbol a Name load in `scope` refers to, following Python's rules;
 * NULL when nothing in the file binds it (a builtin or an undefined name). */
const sem_sym *sem_lookup(const sem_index *ix, const sem_scope *scope, const char *name);
/* A new binding of `name` in `scope` (marks the name local there). */
sem_def *sem_bind(sem_index *ix, const sem_scope *scope, const char *name, sem_def_kind kind);
/* After the walk: move global/nonlocal bindings to the scope they bind in. */
void sem_apply_declarations(sem_index *ix);

/* resolve.c */
const char *sem_qualname_depth(const sem_index *ix, const ast_node *expr, int depth);
const char *sem_dotted(arena *a, const char *left, const char *right);

/* imports.c */
/* The absolute module of `from <dots><module> import ...`. */
const char *sem_from_module(const sem_index *ix, int level, const char *module);
void sem_import_add(sem_index *ix, const char *module, const char *name, const ast_node *via);
/* The module named by an __import__/importlib.import_module call, or NULL;
 * *top_only: the call evaluates to the top-level package. */
const char *sem_dynamic_import(const sem_index *ix, const ast_node *call, const char *callee,
                               int *top_only);
/* Public names of a known module for `from M import *`: a space-separated
 * list, or NULL when the module is not in the table. */
const char *sem_star_names(const char *module);
int sem_is_builtin(const char *name);

#endif
