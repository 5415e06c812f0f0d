/* process.c - checks of the process family (rows in process.def). */
#include "checks.h"
#include "common.h"

#include <string.h>


static const char *const subprocess_funcs[] = {
    "subprocess.Popen", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "subprocess.run",
};

static int is_subprocess_func(const char *qn)
{
    if (!qn)
        return 0;
    for (size_t i = 0; i < sizeof subprocess_funcs / sizeof *subprocess_funcs; i++)
        if (strcmp(qn, subprocess_funcs[i]) == 0)
            return 1;
    return 0;
}

/* The argument that names the program or holds the command line: the
 * spawn family puts a mode first; everything else takes it first, under
 * the keyword its signature gives it. */
static const ast_node *command_of(const rule_ctx *cx, const ast_node *call)
{
    const char *qn = cx->qualname ? cx->qualname : "";
    if (strncmp(qn, "os.spawn", 8) == 0)
        return rule_arg(call, 1);
    static const char *const keywords[] = {"args", "cmd", "command", "program", "path", "argv"};
    const ast_node *v = rule_arg(call, 0);
    for (size_t i = 0; !v && i < sizeof keywords / sizeof *keywords; i++)
        v = rule_kwarg(call, keywords[i]);
    return v;
}

/* A fixed program: a constant, or the running interpreter. */
static int is_fixed_item(const rule_ctx *cx, const ast_node *item)
{
    if (rc_is_str(cx, item))
        return 1;
    const char *qn = sem_qualname(cx->sem, item);
    return qn && strcmp(qn, "sys.executable") == 0;
}

/* A command that cannot change at run time: a constant string, or a list
 * or tuple of constants ([sys.executable, "-m", "pip"] counts too). */
static int is_literal_command(const rule_ctx *cx, const ast_node *cmd)
{
    if (rc_is_str(cx, cmd))
        return 1;
    if (!cmd || (cmd->kind != AST_List && cmd->kind != AST_Tuple))
        return 0;
    const ast_seq *elts = cmd->kind == AST_List ? cmd->v.List.elts : cmd->v.Tuple.elts;
    for (int i = 0; i < AST_SEQ_LEN(elts); i++)
        if (!is_fixed_item(cx, AST_SEQ_NODE(elts, i)))
            return 0;
    return 1;
}

static int is_quoting_call(const rule_ctx *cx, const ast_node *e)
{
    if (e->kind != AST_Call)
        return 0;
    const char *qn = sem_qualname(cx->sem, e->v.Call.func);
    return qn && (strcmp(qn, "shlex.quote") == 0 || strcmp(qn, "shlex.join") == 0 ||
                  strcmp(qn, "pipes.quote") == 0);
}

/* A shell command whose every dynamic part goes through shlex.quote (or
 * shlex.join): f"ls {shlex.quote(p)}", "rm " + shlex.quote(p). Such a
 * command cannot be broken out of, so it is rated like a constant. */
static int is_quoted_command(const rule_ctx *cx, const ast_node *e, int depth)
{
    if (!e || depth > 16)
        return 0;
    ast_const c;
    if (sem_const(cx->sem, e, &c) || is_quoting_call(cx, e))
        return 1;
    if (e->kind == AST_BinOp && e->v.BinOp.op == OP_Add)
        return is_quoted_command(cx, e->v.BinOp.left, depth + 1) &&
               is_quoted_command(cx, e->v.BinOp.right, depth + 1);
    if (e->kind == AST_FormattedValue)
        return !e->v.FormattedValue.format_spec &&
               is_quoted_command(cx, e->v.FormattedValue.value, depth + 1);
    if (e->kind != AST_JoinedStr)
        return 0;
    for (int i = 0; i < AST_SEQ_LEN(e->v.JoinedStr.values); i++)
        if (!is_quoted_command(cx, AST_SEQ_NODE(e->v.JoinedStr.values, i), depth + 1))
            return 0;
    return 1;
}

/* shell= as Bandit reads it: absent or a false constant is no shell; any
 * other value, constant or not, is a shell. */
static int uses_shell(const rule_ctx *cx, const ast_node *call)
{
    return rc_kw_truthy(cx, call, "shell", 0) != 0;
}

int proc_paramiko_exec(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *func = node->v.Call.func;
    if (func->kind != AST_Attribute || strcmp(func->v.Attribute.attr, "exec_command") != 0)
        return 0;
    const char *qn = sem_qualname(cx->sem, func);
    if (qn)
        return rc_under(qn, "paramiko");
    return rc_imports(cx, "paramiko");
}

int proc_shell_true(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    if (!uses_shell(cx, node))
        return 0;
    const ast_node *cmd = command_of(cx, node);
    if (!cmd && !rule_has_star_args(node))
        return 0;
    if (cmd && is_literal_command(cx, cmd)) {
        hit->severity = LOW;
        hit->message = "subprocess call with shell=True and a constant command: safe today, "
                       "but consider running it without a shell";
    } else if (cmd && is_quoted_command(cx, cmd, 0)) {
        hit->severity = LOW;
        hit->message = "subprocess call with shell=True; every dynamic part is quoted with "
                       "shlex, but consider running it without a shell";
    }
    return 1;
}

int proc_no_shell_dynamic(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    if (uses_shell(cx, node))
        return 0;
    const ast_node *cmd = command_of(cx, node);
    if (!cmd)
        return rule_has_star_args(node);
    return !is_literal_command(cx, cmd);
}

int proc_other_shell_true(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    if (!rule_kwarg(node, "shell") || !uses_shell(cx, node))
        return 0;
    return !is_subprocess_func(sem_qualname(cx->sem, node->v.Call.func));
}

int proc_shell_call(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *cmd = command_of(cx, node);
    if (!cmd)
        return rule_has_star_args(node);
    if (is_literal_command(cx, cmd)) {
        hit->severity = LOW;
        hit->message = "Process started through a shell with a constant command: safe today, "
                       "but consider running it without a shell";
    } else if (is_quoted_command(cx, cmd, 0)) {
        hit->severity = LOW;
        hit->message = "Process started through a shell; every dynamic part is quoted with "
                       "shlex, but consider running it without a shell";
    }
    return 1;
}

int proc_start_no_shell(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)cx;
    (void)hit;
    return AST_SEQ_LEN(node->v.Call.args) > 0 || AST_SEQ_LEN(node->v.Call.keywords) > 0;
}

/* The program of a constant command: the first word of a string, the
 * first item of a list. NULL when not constant. */
static const char *program_of(const rule_ctx *cx, const ast_node *cmd, size_t *len)
{
    const char *s = NULL;
    if (cmd && (cmd->kind == AST_List || cmd->kind == AST_Tuple)) {
        const ast_seq *elts = cmd->kind == AST_List ? cmd->v.List.elts : cmd->v.Tuple.elts;
        if (AST_SEQ_LEN(elts) == 0)
            return NULL;
        s = sem_const_str(cx->sem, AST_SEQ_NODE(elts, 0));
        if (s)
            *len = strlen(s);
        return s;
    }
    s = cmd ? sem_const_str(cx->sem, cmd) : NULL;
    if (!s)
        return NULL;
    s += strspn(s, " \t\n("); /* "(pager) 2>/dev/null": a subshell's program */
    *len = strcspn(s, " \t\n;&|()");
    return s;
}

int proc_partial_path(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    size_t len = 0;
    const char *prog = program_of(cx, command_of(cx, node), &len);
    if (!prog || len == 0)
        return 0;
    int full = prog[0] == '/' || prog[0] == '\\' || prog[0] == '.' ||
               (len >= 2 && prog[1] == ':' &&
                ((prog[0] >= 'A' && prog[0] <= 'Z') || (prog[0] >= 'a' && prog[0] <= 'z')));
    if (full)
        return 0;
    hit->message = rc_fmt(cx, "Process started with a partial executable path: %.*s",
                          (int)(len > 60 ? 60 : len), prog);
    return 1;
}

/* 1 when some word of `text` is one of the commands whose options can be
 * smuggled in through file names (its last path part, so /bin/tar counts). */
static int has_wildcard_sensitive_word(const char *text)
{
    static const char *const cmds[] = {"chown", "chmod", "tar", "rsync"};
    static const char seps[] = " \t\n;&|()`";
    for (const char *p = text; *p;) {
        p += strspn(p, seps);
        size_t n = strcspn(p, seps);
        const char *base = p;
        for (size_t i = 0; i < n; i++)
            if (p[i] == '/')
                base = p + i + 1;
        size_t blen = (size_t)(p + n - base);
        for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
            if (blen == strlen(cmds[i]) && strncmp(base, cmds[i], blen) == 0)
                return 1;
        p += n;
    }
    return 0;
}

int proc_wildcard(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    if (is_subprocess_func(cx->qualname) && !uses_shell(cx, node))
        return 0;
    const char *text = rc_command_text(cx, command_of(cx, node));
    return text && strchr(text, '*') && has_wildcard_sensitive_word(text);
}
