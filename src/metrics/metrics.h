/* metrics.h - what `krait overview` measures in one parsed file: line
 * counts, complexity (per file and per function, radon's `cc` exactly),
 * the warnings CPython 3.14 would print for the source, and the modules
 * it imports. Pure functions of the tree and the decoded source; all
 * memory from the caller's arena, no global mutable state (files are
 * measured on several threads at once). */
#ifndef KRAIT_METRICS_H
#define KRAIT_METRICS_H

#include "../base/arena.h"
#include "../syntax/ast.h"
#include "../syntax/parser.h"

/* ---- lines (lines.c) ----------------------------------------------------
 * Every physical line is exactly one of code, blank, comment-only or
 * docstring, so those four add up to `physical`. `comment` counts every
 * line holding a comment once, whether the comment is alone on its line
 * or follows code. See docs/formats.md for the precise rules. */
typedef struct line_counts {
    long physical;     /* a last line without a newline counts */
    long code;         /* a character outside comments and docstrings, or
                        * inside a multi-line string that is no docstring */
    long blank;        /* only whitespace (and form feeds) */
    long comment_only; /* only a comment */
    long docstring;    /* part of a module/class/function docstring */
    long comment;      /* holds a comment (overlaps code / comment_only) */
} line_counts;

/* module may be NULL (a file that did not parse: no line is then a
 * docstring); a file whose text could not be decoded (src->text NULL)
 * counts nothing. */
void metrics_count_lines(const py_file *src, const ast_node *module, line_counts *out);

/* ---- complexity (complexity.c) ------------------------------------------
 * One block per function, method, class and nested function (closure),
 * exactly the blocks and complexities of `radon cc --show-closures`
 * (radon 5.1; the rules are spelled out at the top of complexity.c).
 * Lambdas are not blocks (radon counts a lambda's decisions for the
 * enclosing block), nor are classes defined inside a function, nor
 * anything inside them (radon drops them).
 *
 * Names are qualified by the enclosing blocks, joined with '.':
 *   function f              "f"        radon: f
 *   method m of class C     "C.m"      radon: C.m (name m, classname C)
 *   closure g in f          "f.g"      radon: f.g
 *   closure g in method C.m "C.m.g"    radon: m.g (radon drops the class)
 *   class D nested in C     "C.D"      radon: C.D, its methods C.D.m
 * An enclosing name longer than 1024 bytes is shortened to "..." (a
 * guard against pathological nesting; the parser's 100 indentation
 * levels keep real code far from it). */
typedef enum { BLOCK_FUNCTION, BLOCK_METHOD, BLOCK_CLASS } block_kind;

typedef struct cc_block {
    const char *name; /* qualified: "Class.method", "outer.inner" */
    block_kind kind;
    /* line: the def/class keyword's line (not a decorator's), as radon;
     * end_line: the last line of the block (CPython's end_lineno; radon's
     * own "endline" is the last line holding a node it counted, which
     * misses trailing nested defs); col 0-based bytes, like radon */
    int line, end_line, col;
    int complexity;
} cc_block;

/* Fills *out (arena memory; NULL when there is none) with the blocks in
 * source order (a class before its methods, a function before its
 * closures: the order of `radon cc --order LINES --show-closures`) and
 * returns how many, or -1 if memory ran out. Iterative: any depth. */
int metrics_cc_blocks(arena *a, const ast_node *module, cc_block **out);

/* The file's score as Python Code Audit defines it, with the constructs
 * it forgets counted: 1 + one per if/elif, for, async for, while, try,
 * try/except*, except handler (except* ones too), with, async with,
 * match, match case, assert, + (operands - 1) per and/or chain; over the
 * whole file (module level, every def and class, decorators and default
 * values included). Conditional expressions and comprehensions do not
 * count (Code Audit's definition). -1 if memory ran out. */
int metrics_file_complexity(const ast_node *module);

/* radon 5.1's maintainability index of the file (`radon mi`: 0 to 100,
 * multi-line strings counted as comments), from radon's Halstead volume,
 * total complexity and raw line counts, each computed as radon does
 * (radon_mi.c, radon_raw.c). Returns 0 and sets *mi, or -1 when radon
 * could not measure the file either (its line-by-line tokenizing fails)
 * or memory ran out. One deliberate difference: radon reads every file
 * as UTF-8, so it fails on a PEP 263 latin-1 file or a UTF-8 BOM; here
 * the decoded text is measured. Costs about 3/4 of the parse. */
int metrics_maintainability(arena *a, const py_file *src, const ast_node *module, double *mi);

/* ---- structure ------------------------------------------------------------ */
typedef struct structure_counts {
    long statements; /* every ast.stmt node, nested included */
    long functions;  /* def and async def, methods and nested */
    long classes;
} structure_counts;

void metrics_count_structure(const ast_node *module, structure_counts *out);

/* ---- warnings (warnings.c) ------------------------------------------------
 * The SyntaxWarnings CPython 3.14 emits for `compile(source, path, "exec")`:
 * the parser's (src->warnings: invalid escape sequences, a number followed
 * by a keyword), PEP 765's (return/break/continue in a finally block) and
 * the code generator's ("is" with a literal, a literal called or
 * subscripted, assert on a tuple). As many as CPython emits: the code in a
 * finally body warns once per copy the compiler makes of it (the normal
 * path, and each return/break/continue leaving through it). Fills *out
 * (arena memory, messages word for word CPython's) sorted by line and
 * column, CPython's order kept at one place; returns how many. src or
 * module may be NULL (their part is then empty). Nested finally bodies
 * with jumps multiply CPython's copies exponentially: past a million
 * statement compilations no more copies are made (an undercount where
 * CPython itself takes minutes or runs out of memory). */
int metrics_warnings(arena *a, const py_file *src, const ast_node *module, py_warning **out);

#endif
