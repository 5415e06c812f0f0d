/* stmt_span.c - the lines a suppression comment may sit on for a finding:
 * those of its enclosing statement, as Bandit treats multi-line statements.
 * For a compound statement only its header counts (decorators to the ':'
 * that opens the body): a `# nosec` on an `if` line must not silence the
 * whole block under it. */
#include <string.h>

#include "../syntax/ast_walk.h"
#include "engine_int.h"

static int is_compound(ast_kind k)
{
    switch (k) {
    case AST_FunctionDef: case AST_AsyncFunctionDef: case AST_ClassDef:
    case AST_For: case AST_AsyncFor: case AST_While: case AST_If:
    case AST_With: case AST_AsyncWith: case AST_Match: case AST_Try:
    case AST_TryStar: case AST_ExceptHandler: case AST_match_case:
        return 1;
    default:
        return 0;
    }
}

/* Fields holding a compound statement's blocks, not its header. */
static int is_block_field(const char *name)
{
    return strcmp(name, "body") == 0 || strcmp(name, "orelse") == 0 ||
           strcmp(name, "finalbody") == 0 || strcmp(name, "handlers") == 0 ||
           strcmp(name, "cases") == 0;
}

typedef struct pos {
    int line, col;
} pos;

static void later_of(pos *p, int line, int col)
{
    if (line > p->line || (line == p->line && col > p->col))
        p->line = line, p->col = col;
}

/* The end of the last positioned node in n's subtree (n itself when it has
 * a position; else its children: `arguments` and `withitem` have none). */
static void subtree_end(const ast_node *n, pos *end)
{
    if (ast_kinds[n->kind].has_pos) {
        later_of(end, n->end_lineno, n->end_col_offset);
        return;
    }
    int nc = ast_child_count(n);
    for (int i = 0; i < nc; i++)
        subtree_end(ast_child(n, i), end);
}

/* The end of the statement's header children (test, iter, items, args,
 * bases, decorators, ...); {0, 0} when it has none. */
static pos header_children_end(const ast_node *stmt)
{
    pos end = {0, 0};
    const ast_kind_info *k = &ast_kinds[stmt->kind];
    for (int f = 0; f < k->nfields; f++) {
        const ast_field_info *fi = &k->fields[f];
        if (is_block_field(fi->name))
            continue;
        const char *base = (const char *)stmt + fi->offset;
        if (fi->kind == FK_NODE || fi->kind == FK_NODE_OPT) {
            const ast_node *c = *(ast_node *const *)base;
            if (c)
                subtree_end(c, &end);
        } else if (fi->kind == FK_SEQ) {
            const ast_seq *s = *(ast_seq *const *)base;
            for (int i = 0; i < AST_SEQ_LEN(s); i++)
                if (AST_SEQ_NODE(s, i))
                    subtree_end(AST_SEQ_NODE(s, i), &end);
        }
    }
    return end;
}

/* Where each line starts, built the first time a header (or a secret's
 * range, engine.c) is asked for. */
void line_index_build(line_index *li)
{
    int n = 1;
    for (const char *p = li->text; (p = memchr(p, '\n', (size_t)(li->text + li->len - p)));
         p++)
        n++;
    size_t *starts = arena_alloc_raw(li->a, (size_t)n * sizeof *starts);
    int i = 0;
    starts[i++] = 0;
    for (size_t k = 0; k < li->len; k++)
        if (li->text[k] == '\n' && i < n)
            starts[i++] = k + 1;
    li->starts = starts;
    li->nlines = n;
}

static const char *text_at(line_index *li, pos at)
{
    if (!li->starts)
        line_index_build(li);
    if (at.line < 1 || at.line > li->nlines)
        return li->text + li->len;
    size_t off = li->starts[at.line - 1] + (size_t)at.col;
    return li->text + (off <= li->len ? off : li->len);
}

/* The line of the ':' after `from`: only brackets, names (`as e`),
 * whitespace, continuations and comments can sit between a header's last
 * child and its colon, so a plain scan that skips comments finds it. */
static int colon_line(const char *p, const char *stop, int line)
{
    for (; p < stop; p++) {
        if (*p == ':')
            return line;
        if (*p == '#') {
            const char *nl = memchr(p, '\n', (size_t)(stop - p));
            if (!nl)
                break;
            p = nl - 1;
        } else if (*p == '\n') {
            line++;
        }
    }
    return line;
}

static int first_decorator_line(const ast_node *stmt)
{
    if (stmt->kind == AST_match_case) /* `case` starts its pattern's line */
        return stmt->v.match_case.pattern->lineno;
    const ast_seq *d = NULL;
    if (stmt->kind == AST_FunctionDef)
        d = stmt->v.FunctionDef.decorator_list;
    else if (stmt->kind == AST_AsyncFunctionDef)
        d = stmt->v.AsyncFunctionDef.decorator_list;
    else if (stmt->kind == AST_ClassDef)
        d = stmt->v.ClassDef.decorator_list;
    int line = stmt->lineno;
    for (int i = 0; i < AST_SEQ_LEN(d); i++)
        if (AST_SEQ_NODE(d, i)->lineno < line)
            line = AST_SEQ_NODE(d, i)->lineno;
    return line;
}

void stmt_span(const ast_node *stmt, line_index *li, int *first, int *last)
{
    if (!is_compound(stmt->kind)) {
        *first = stmt->lineno;
        *last = stmt->end_lineno;
        return;
    }
    *first = first_decorator_line(stmt);
    pos from = header_children_end(stmt);
    if (stmt->kind != AST_match_case &&
        (from.line < stmt->lineno || (from.line == stmt->lineno && from.col < stmt->col_offset)))
        from = (pos){stmt->lineno, stmt->col_offset};
    if (!li->text) {
        *last = from.line;
        return;
    }
    *last = colon_line(text_at(li, from), li->text + li->len, from.line);
}
