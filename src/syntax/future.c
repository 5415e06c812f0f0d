/* future.c - which `from __future__` names exist. CPython rejects an unknown
 * one even in ast.parse, but only in the leading block of future statements:
 * a later one is the compiler's business ("must occur at the beginning of
 * the file"), which ast.parse never reaches. */
#include "future.h"

#include <stdio.h>
#include <string.h>

static const char *const known_features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
    "annotations",
};

static int is_known_feature(const char *name)
{
    for (size_t i = 0; i < sizeof known_features / sizeof known_features[0]; i++)
        if (strcmp(name, known_features[i]) == 0)
            return 1;
    return 0;
}

static int is_docstring(const ast_node *stmt)
{
    return stmt->kind == AST_Expr && stmt->v.Expr.value->kind == AST_Constant &&
           stmt->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

static int is_future_import(const ast_node *stmt)
{
    return stmt->kind == AST_ImportFrom && stmt->v.ImportFrom.module &&
           strcmp(stmt->v.ImportFrom.module, "__future__") == 0;
}

static int reject(const ast_node *alias, syntax_error *err, const char *msg)
{
    err->type = "SyntaxError";
    err->lineno = alias->lineno;
    err->col_offset = alias->col_offset;
    err->end_lineno = alias->end_lineno;
    err->end_col_offset = alias->end_col_offset;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    return -1;
}

static int check_names(const ast_node *stmt, syntax_error *err)
{
    const ast_seq *names = stmt->v.ImportFrom.names;
    for (int i = 0; i < AST_SEQ_LEN(names); i++) {
        const ast_node *alias = AST_SEQ_NODE(names, i);
        const char *name = alias->v.alias.name;
        if (is_known_feature(name))
            continue;
        if (strcmp(name, "braces") == 0)
            return reject(alias, err, "not a chance");
        char msg[160];
        snprintf(msg, sizeof msg, "future feature %.100s is not defined", name);
        return reject(alias, err, msg);
    }
    return 0;
}

int py_check_future(const ast_node *module, syntax_error *err)
{
    const ast_seq *body = module->v.Module.body;
    int i = 0;
    if (AST_SEQ_LEN(body) > 0 && is_docstring(AST_SEQ_NODE(body, 0)))
        i = 1;
    for (; i < AST_SEQ_LEN(body) && is_future_import(AST_SEQ_NODE(body, i)); i++)
        if (check_names(AST_SEQ_NODE(body, i), err) != 0)
            return -1;
    return 0;
}
