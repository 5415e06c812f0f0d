/* common.h - small helpers that several rule families' checks share: finding
 * an argument by position or keyword, telling literal commands from built
 * ones, comparing qualified names by their last part, formatting a message
 * in the file's arena. Only rules.h/semantic.h/ast.h underneath, so a check
 * stays a pure function of the file. */
#ifndef KRAIT_RULES_COMMON_H
#define KRAIT_RULES_COMMON_H

#include "rules.h"

/* The argument a parameter receives: positional `pos` (-1: keyword only)
 * or else keyword `name` (NULL: positional only). NULL when absent. */
const ast_node *rc_param(const ast_node *call, int pos, const char *name);

/* 1 when expr is a string krait can compute (literal, constant name,
 * concatenation of constants). */
int rc_is_str(const rule_ctx *cx, const ast_node *expr);

/* 1 when expr is a list or tuple whose items are all computable strings
 * (no starred item). An empty sequence counts. */
int rc_is_str_seq(const rule_ctx *cx, const ast_node *expr);

/* The text of a literal command: the string itself, or the items of a
 * literal sequence joined by spaces. NULL when not literal. */
const char *rc_command_text(const rule_ctx *cx, const ast_node *expr);

/* The last dotted part of a qualified name ("yaml.SafeLoader" gives
 * "SafeLoader"); NULL gives NULL. */
const char *rc_last(const char *qualname);

/* 1 when `qualname` is `suffix` or ends with "." suffix. */
int rc_ends_with(const char *qualname, const char *suffix);

/* 1 when `qualname` is `prefix` or starts with prefix ".". */
int rc_under(const char *qualname, const char *prefix);

/* 1 when the file imports `module` or a submodule of it, in any form. */
int rc_imports(const rule_ctx *cx, const char *module);

/* Truthiness of keyword `name` of `call`: `absent` when the call has no
 * such keyword, else 1 true, 0 false, -1 unknown (a variable). */
int rc_kw_truthy(const rule_ctx *cx, const ast_node *call, const char *name, int absent);

/* The integer value of expr when krait can compute it: 1 and *out. */
int rc_int(const rule_ctx *cx, const ast_node *expr, long long *out);

/* A message formatted into the file's arena (printf rules); on overflow
 * the text is cut at 255 bytes. */
const char *rc_fmt(const rule_ctx *cx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* 1 if `s` equals one of the NULL-terminated `list`. */
int rc_in(const char *s, const char *const *list);
/* 1 if `s` starts with `prefix`. */
int rc_starts(const char *s, const char *prefix);
/* 1 if `s` ends with `suffix` (plain text; rc_ends_with matches whole dotted parts). */
int rc_has_suffix(const char *s, const char *suffix);
/* A constant that Python treats as false, None excepted (None usually means
 * "the default"): False, 0, "". */
int rc_const_false(const rule_ctx *cx, const ast_node *v);
/* 1 if the expression is the constant None. */
int rc_const_none(const rule_ctx *cx, const ast_node *v);
/* Identifier of a Name, attr of an Attribute, else NULL. */
const char *rc_simple_name(const ast_node *e);
/* For a call `x.m(...)`: "m"; else NULL. */
const char *rc_method(const ast_node *call);
/* The qualified name without a trailing "()" (arena copy), or NULL. */
const char *rc_qualname_nocall(const rule_ctx *cx, const ast_node *e);
/* `s` cut to at most `max` bytes without splitting a UTF-8 sequence, for
 * messages (arena copy when cut, else `s`). */
const char *rc_clip(arena *a, const char *s, size_t max);

#endif
