/* semantic.h - what the names in one file mean: scopes, imports, simple
 * aliases and constant values, computed once per file after parsing, so
 * that rules match *qualified names* ("subprocess.run") and never the
 * spelling at the call site.
 *
 * Qualified names:
 *   - imported modules and their members by their full dotted name, through
 *     every import form anywhere in the file (module level, in functions,
 *     in try/except ImportError, under `if TYPE_CHECKING`):
 *     `import a.b.c`, `import a.b as c`, `from a import b as c`, relative
 *     imports (resolved against the file's module name when it is known;
 *     else they keep their leading dots, ".x", "..a.b", which no rule's
 *     absolute name can match),
 *     star imports of known modules (`from os import *` makes `system`
 *     `os.system`);
 *   - builtins as "builtins.NAME" ("builtins.eval"), unless shadowed by a
 *     binding in an enclosing scope (a parameter or local named `eval` is
 *     not the builtin); an unbound `__builtins__` is "builtins";
 *   - the result of a call as the callee's name followed by "()":
 *     `tarfile.open(p).extractall` is "tarfile.open().extractall", and so is
 *     `t.extractall` after `t = tarfile.open(p)` or `with tarfile.open(p) as t`;
 *   - simple aliases: `run = subprocess.run`, `loads = getattr(pickle, "loads")`,
 *     `__import__("os").system`, `importlib.import_module("pickle").loads`.
 * Python scoping is by function: a name bound anywhere in a function is
 * local throughout it (global/nonlocal respected; class bodies do not
 * enclose their methods). A name whose bindings in its scope disagree has
 * no qualified name: krait prefers silence to a guess (a `name = None`
 * binding, the `except ImportError: yaml = None` fallback, does not count:
 * nothing is called through None).
 * Anything unknown (`obj.eval` on an unknown obj, `self.x`) has none. */
#ifndef KRAIT_SEMANTIC_H
#define KRAIT_SEMANTIC_H

#include "../base/arena.h"
#include "../syntax/ast.h"

typedef struct sem_index sem_index;

/* Index a parsed module. `module_name` is the file's dotted module name
 * ("pkg.sub.mod", "pkg.sub" for pkg/sub/__init__.py) when the scanner can
 * tell it from the package layout, else NULL (relative imports then keep
 * their dots: `from ..a import b` gives "..a.b"). `is_package`: the file
 * is an __init__.py.
 * Everything lives in `a`. Never fails on a valid tree. */
sem_index *sem_build(arena *a, const ast_node *module, const char *module_name,
                     int is_package);

/* The qualified name of an expression (Name, Attribute, Call, or the
 * aliases above), or NULL. The node must belong to the indexed tree: the
 * answer depends on the scope the node sits in. */
const char *sem_qualname(const sem_index *ix, const ast_node *expr);

/* The value of an expression when it is a constant krait can compute:
 * literals, unary minus/plus on numbers, names bound once to a constant in
 * their scope or at module level (`MODE = 0o777; os.chmod(p, MODE)`),
 * string concatenation with `+` and implicit concatenation, and
 * JoinedStr made only of constants. Returns 1 and fills *out, else 0.
 * Integer values that do not fit in int64 are not computed (returns 0).
 * Also: + - * | & ^ << on integers, ~ on integers. A literal integer keeps
 * its digits and base; a computed one is base 10 and, when negative, its
 * digits start with '-' (so read integers with sem_const_int, not
 * ast_int_to_i64). Imports, with-targets and unpacking are never
 * constants; the string of a CONST_STR/BYTES lives in the arena. */
int sem_const(const sem_index *ix, const ast_node *expr, ast_const *out);
/* Shorthands: the string value (NUL-terminated, arena-owned) or NULL; the
 * integer value (1 when known). Truthiness: 1 true, 0 false, -1 unknown. */
const char *sem_const_str(const sem_index *ix, const ast_node *expr);
int sem_const_int(const sem_index *ix, const ast_node *expr, long long *out);
int sem_truthy(const sem_index *ix, const ast_node *expr);

/* What a Name stands for when its scope binds it exactly once, to an
 * expression (`LOGGING = {...}`): that expression (any kind, not only
 * constants). Else, and for anything but a Name, NULL. */
const ast_node *sem_value_of(const sem_index *ix, const ast_node *name);

/* Every module the file imports, in source order, fully qualified (relative
 * imports resolved as above), with the line of the import, for the import
 * rules and the module inventory. `via` is the node that imports it
 * (Import, ImportFrom, or a Call of __import__/importlib.import_module with
 * a constant name). */
typedef struct sem_import {
    const char *module;        /* "xml.etree.ElementTree" */
    const char *name;          /* from-import member ("parse") or NULL */
    const ast_node *via;
} sem_import;
int sem_imports(const sem_index *ix, const sem_import **out);

#endif
