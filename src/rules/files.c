/* files.c - checks of the files family (files.def). */
#include "checks.h"
#include "common.h"

#include <string.h>


static const struct {
    const char *name;
    long long bits;
} stat_flags[] = {
    {"stat.S_ISUID", 04000}, {"stat.S_ISGID", 02000}, {"stat.S_ISVTX", 01000},
    {"stat.S_IRWXU", 0700},  {"stat.S_IRUSR", 0400},  {"stat.S_IWUSR", 0200},
    {"stat.S_IXUSR", 0100},  {"stat.S_IRWXG", 070},   {"stat.S_IRGRP", 040},
    {"stat.S_IWGRP", 020},   {"stat.S_IXGRP", 010},   {"stat.S_IRWXO", 07},
    {"stat.S_IROTH", 04},    {"stat.S_IWOTH", 02},    {"stat.S_IXOTH", 01},
    {"stat.S_IREAD", 0400},  {"stat.S_IWRITE", 0200}, {"stat.S_IEXEC", 0100},
};

/* A mode from literals, constants and stat flags joined with | or +. */
static int mode_value(const rule_ctx *cx, const ast_node *e, long long *out)
{
    if (!e)
        return 0;
    if (sem_const_int(cx->sem, e, out))
        return 1;
    if (e->kind == AST_BinOp && (e->v.BinOp.op == OP_BitOr || e->v.BinOp.op == OP_Add)) {
        long long l, r;
        if (!mode_value(cx, e->v.BinOp.left, &l) || !mode_value(cx, e->v.BinOp.right, &r))
            return 0;
        *out = l | r;
        return 1;
    }
    const char *qn = sem_qualname(cx->sem, e);
    if (!qn)
        return 0;
    for (size_t i = 0; i < sizeof stat_flags / sizeof stat_flags[0]; i++)
        if (strcmp(qn, stat_flags[i].name) == 0) {
            *out = stat_flags[i].bits;
            return 1;
        }
    return 0;
}

int files_chmod_mode(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = cx->qualname;
    const ast_node *m;
    if (rc_starts(qn, "os."))
        m = rc_param(node, 1, "mode");
    else if (strstr(qn, "()") && (rc_has_suffix(qn, ".chmod") || rc_has_suffix(qn, ".lchmod")))
        m = rc_param(node, 0, "mode"); /* pathlib.Path(p).chmod(mode) */
    else
        return 0;
    long long mode;
    if (!mode_value(cx, m, &mode) || mode < 0)
        return 0;
    if (mode & 02)
        hit->severity = HIGH;
    else if (!(mode & (020 | 010 | 01)))
        return 0;
    hit->at = m;
    return 1;
}

/* Checks on a path (host.startswith("/tmp/")) are not uses of it. */
static int is_string_test(const ast_node *p)
{
    static const char *const tests[] = {"startswith", "endswith", "removeprefix", "find",
                                        "index", "count", "split", "rstrip", "lstrip",
                                        "strip", "partition", "replace", NULL};
    return rc_in(rc_method(p), tests);
}

static int starts_with_shared_tmp(const char *s, size_t len)
{
    static const char *const dirs[] = {"/tmp", "/var/tmp", "/dev/shm", NULL};
    for (const char *const *d = dirs; *d; d++) {
        size_t n = strlen(*d);
        if (len >= n && memcmp(s, *d, n) == 0 && (len == n || s[n] == '/'))
            return 1;
    }
    return 0;
}

int files_tmp_literal(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_const *c = &node->v.Constant.value;
    if (c->kind != CONST_STR || !starts_with_shared_tmp(c->u.str.s, c->u.str.len))
        return 0;
    if (memchr(c->u.str.s, ' ', c->u.str.len) || memchr(c->u.str.s, '\n', c->u.str.len))
        return 0;
    const ast_node *p = cx->parent;
    if (!p)
        return 1;
    if (p->kind == AST_Compare || p->kind == AST_Expr)
        return 0;
    if (p->kind == AST_Call && is_string_test(p))
        return 0;
    if (p->kind == AST_Tuple || p->kind == AST_List || p->kind == AST_Set) {
        const ast_node *gp = cx->grandparent;
        if (gp && (gp->kind == AST_Compare || (gp->kind == AST_Call && is_string_test(gp))))
            return 0;
    }
    return 1;
}

/* filter= "data"/"tar" or their functions, or any custom function: safe;
 * "fully_trusted" (or its function) or None: not. */
static int filter_is_safe(const rule_ctx *cx, const ast_node *f)
{
    if (!f || rc_const_none(cx, f))
        return 0;
    const char *s = sem_const_str(cx->sem, f);
    if (s)
        return strcmp(s, "data") == 0 || strcmp(s, "tar") == 0;
    const char *qn = sem_qualname(cx->sem, f);
    return !(qn && strcmp(qn, "tarfile.fully_trusted_filter") == 0);
}

int files_tar_extract(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = cx->qualname;
    int all = rc_has_suffix(qn, ".extractall");
    if (!all && !rc_has_suffix(qn, ".extract"))
        return 0;
    if (!strstr(qn, "()") && !rc_starts(qn, "tarfile.TarFile."))
        return 0;
    if (filter_is_safe(cx, rule_kwarg(node, "filter")))
        return 0;
    if (!rule_kwarg(node, "filter") && rule_has_star_args(node))
        return 0;
    const ast_node *members = all ? rc_param(node, 1, "members") : node;
    if (!all || members) {
        hit->severity = hit->confidence = MEDIUM;
        if (all && members->kind == AST_Call)
            hit->severity = hit->confidence = LOW;
    }
    return 1;
}

int files_zip_extract(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node, (void)hit;
    const char *qn = cx->qualname;
    return (rc_has_suffix(qn, ".extractall") || rc_has_suffix(qn, ".extract")) &&
           (rc_starts(qn, "zipfile.ZipFile().") || rc_starts(qn, "zipfile.ZipFile.") ||
            rc_starts(qn, "zipfile.PyZipFile()."));
}

int files_unpack_archive(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *f = rule_kwarg(node, "filter");
    if (!f)
        return !rule_has_star_args(node);
    return !filter_is_safe(cx, f);
}

/* gzip.open(p, "wb") writes: only reading can be a bomb. The mode is the
 * 2nd positional argument (or mode=) of every opener here. */
/* Python Code Audit rates the zstd decompressor (new in 3.14) above the
 * older ones: follow it. */
static void rate_zstd(const rule_ctx *cx, rule_hit *hit)
{
    if (rc_under(cx->qualname, "compression.zstd"))
        hit->severity = HIGH;
}

int files_zstd_decompress(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    rate_zstd(cx, hit);
    return 1;
}

int files_decompress_read(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    rate_zstd(cx, hit);
    const ast_node *m = rc_param(node, 1, "mode");
    if (!m)
        return !rule_has_star_args(node);
    const char *mode = sem_const_str(cx->sem, m);
    return mode && !strpbrk(mode, "wax");
}

/* os.mkdir(path, mode) and friends: the mode is the 2nd positional (or
 * mode=). Every call is reported (Code Audit parity); a constant mode that
 * lets others write raises it to medium, like chmod's 0o002 bit. */
int files_mkdir_mode(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *m = rc_param(node, 1, "mode");
    long long mode = 0;
    if (m && sem_const_int(cx->sem, m, &mode) && (mode & 0002))
        hit->severity = MEDIUM;
    return 1;
}
