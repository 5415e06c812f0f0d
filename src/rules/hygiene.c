/* hygiene.c - asserts, hard-coded passwords and silenced errors
 * (hygiene.def); hidden characters are in hygiene_unicode.c. */
#include "checks.h"
#include "common.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>


static int is_test_file(const char *path)
{
    if (!path)
        return 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return rc_starts(base, "test_") || rc_has_suffix(base, "_test.py") ||
           strcmp(base, "conftest.py") == 0;
}

int hyg_assert(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node, (void)hit;
    return !is_test_file(cx->path);
}

/* Splits an identifier into lower-case words at '_' and camelCase humps
 * ("dbPassword" -> db password, "APIToken" -> api token). Returns the
 * number of words (at most max), each NUL-terminated in buf. */
enum { WORD_MAX = 32, WORD_LEN = 32 };
static int split_words(const char *id, char words[][WORD_LEN], int max)
{
    int n = 0;
    size_t k = 0;
    for (const char *p = id;; p++) {
        int boundary = *p == '\0' || *p == '_' || *p == '-' || *p == ' ' || *p == '.';
        int hump = p > id && isupper((unsigned char)*p) &&
                   (islower((unsigned char)p[-1]) ||
                    (isupper((unsigned char)p[-1]) && islower((unsigned char)p[1])));
        if ((boundary || hump) && k > 0) {
            words[n][k] = '\0';
            if (++n == max)
                return n;
            k = 0;
        }
        if (*p == '\0')
            return n;
        if (!boundary && k < WORD_LEN - 1)
            words[n][k++] = (char)tolower((unsigned char)*p);
    }
}

/* Bandit's words: pas+wo?r?d, pass, passphrase, pwd, token, secrete?. */
static int is_secret_word(const char *w)
{
    static const char *const plain[] = {"pass", "passphrase", "pwd", "token", "secret",
                                        "secrete", NULL};
    if (rc_in(w, plain))
        return 1;
    if (strncmp(w, "pas", 3) != 0)
        return 0;
    const char *p = w + 3;
    while (*p == 's')
        p++;
    if (*p++ != 'w')
        return 0;
    if (*p == 'o')
        p++;
    if (*p == 'r')
        p++;
    return p[0] == 'd' && p[1] == '\0';
}

/* Words that may follow the secret word and still name the secret itself
 * (SECRET_KEY, password_hash, token2). */
static int is_secret_suffix(const char *w)
{
    static const char *const ok[] = {"key", "value", "val", "hash", "b64", "base64", "hex",
                                     "bytes", "plain", "plaintext", "raw", "enc", "encrypted",
                                     "salt", NULL};
    if (isdigit((unsigned char)w[0]))
        return 1;
    return rc_in(w, ok);
}

/* "token" after these names a position in a list, not a secret. */
static int is_paging_word(const char *w)
{
    static const char *const paging[] = {"next", "prev", "previous", "page", "pagination",
                                         "continuation", "cursor", "sync", "start", "end",
                                         "cancel", "cancellation", "resume", "marker", NULL};
    return rc_in(w, paging);
}

static int is_secret_name(const char *id)
{
    char words[WORD_MAX][WORD_LEN];
    int n = id ? split_words(id, words, WORD_MAX) : 0;
    for (int i = 0; i < n; i++) {
        if (!is_secret_word(words[i]))
            continue;
        int j = i + 1;
        while (j < n && is_secret_suffix(words[j]))
            j++;
        if (j != n)
            continue;
        if (strcmp(words[i], "token") == 0 && i > 0 && is_paging_word(words[i - 1]))
            continue;
        return 1;
    }
    return 0;
}

/* Values that are not credentials: "", "***", "{password}", "%s",
 * "<token>", "${SECRET}", an environment variable's name, a path. */
static int is_placeholder(const char *s, size_t len)
{
    if (len == 0)
        return 1;
    /* no letter or digit ("$", "@", an emoji): a lexer token, not a secret */
    size_t alnum = 0;
    for (size_t i = 0; i < len; i++)
        alnum += isalnum((unsigned char)s[i]) != 0;
    if (alnum == 0 || isspace((unsigned char)s[0]) || isspace((unsigned char)s[len - 1]))
        return 1;
    /* keywords a lexer compares tokens with; names of auth schemes */
    static const char *const words[] = {"async", "await", "def", "class", "import", "from",
                                        "return", "lambda", "None", "True", "False", "Bearer",
                                        "bearer", "Basic", "basic", "Token", "JWT", "MAC",
                                        NULL};
    if (rc_in(s, words))
        return 1;
    /* a regular expression */
    static const char *const regex[] = {"\\w", "\\d", "\\s", "[^", "(?", ".*", ".+", NULL};
    for (const char *const *r = regex; *r; r++)
        if (strstr(s, *r))
            return 1;
    size_t same = 1;
    while (same < len && s[same] == s[0])
        same++;
    if (same == len && (s[0] == '*' || s[0] == 'x' || s[0] == 'X' || s[0] == ' ' ||
                        s[0] == '.' || s[0] == '-'))
        return 1;
    if ((s[0] == '{' && s[len - 1] == '}') || (s[0] == '<' && s[len - 1] == '>') ||
        rc_starts(s, "${") || rc_starts(s, "%(") || strcmp(s, "%s") == 0 || s[0] == '/')
        return 1;
    /* the name of a key or variable ("DB_PASSWORD", "refresh_token") */
    int ident = memchr(s, '_', len) != NULL;
    for (size_t i = 0; i < len; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            ident = 0;
    return ident && is_secret_name(s);
}

static const ast_node *password_literal(const ast_node *v)
{
    if (!v || v->kind != AST_Constant || v->v.Constant.value.kind != CONST_STR)
        return NULL;
    const ast_const *c = &v->v.Constant.value;
    return is_placeholder(c->u.str.s, c->u.str.len) ? NULL : v;
}

/* The name a target or operand stands for: x, obj.x, d["x"]. */
static const char *target_name(const ast_node *t)
{
    if (t->kind == AST_Subscript) {
        const ast_node *k = t->v.Subscript.slice;
        if (k->kind == AST_Constant && k->v.Constant.value.kind == CONST_STR)
            return k->v.Constant.value.u.str.s;
        return NULL;
    }
    return rc_simple_name(t);
}

static void name_message(const rule_ctx *cx, rule_hit *hit, const char *what, const char *name)
{
    char buf[200];
    snprintf(buf, sizeof buf, "Possible hard-coded password %s '%s'", what,
             rc_clip(cx->a, name, 80));
    hit->message = arena_strndup(cx->a, buf, strlen(buf));
}

/* os.getenv("DB_PASSWORD", "hunter2"): the fallback is a hard-coded secret. */
static const ast_node *env_fallback(const rule_ctx *cx, const ast_node *v)
{
    static const char *const getters[] = {"os.getenv", "os.environ.get", NULL};
    if (!v || v->kind != AST_Call || !rc_in(sem_qualname(cx->sem, v->v.Call.func), getters))
        return NULL;
    return password_literal(rc_param(v, 1, "default"));
}

int hyg_password_assign(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *value;
    const ast_node *single;
    const ast_seq *targets = NULL;
    if (node->kind == AST_Assign) {
        value = node->v.Assign.value;
        targets = node->v.Assign.targets;
        single = NULL;
    } else {
        value = node->v.AnnAssign.value;
        single = node->v.AnnAssign.target;
    }
    const ast_node *lit = password_literal(value);
    const char *how = "assigned to";
    if (!lit && (lit = env_fallback(cx, value)))
        how = "as the environment fallback of";
    if (!lit)
        return 0;
    int n = single ? 1 : AST_SEQ_LEN(targets);
    for (int i = 0; i < n; i++) {
        const char *name = target_name(single ? single : AST_SEQ_NODE(targets, i));
        if (is_secret_name(name)) {
            name_message(cx, hit, how, name);
            hit->at = lit;
            return 1;
        }
    }
    return 0;
}

int hyg_password_compare(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_seq *cmp = node->v.Compare.comparators;
    if (AST_SEQ_LEN(cmp) != 1)
        return 0;
    ast_cmpop op = AST_SEQ_CMPOP(node->v.Compare.ops, 0);
    if (op != CMP_Eq && op != CMP_NotEq && op != CMP_Is && op != CMP_IsNot)
        return 0;
    const ast_node *l = node->v.Compare.left, *r = AST_SEQ_NODE(cmp, 0);
    const ast_node *lit = password_literal(r) ? r : password_literal(l) ? l : NULL;
    const ast_node *other = lit == r ? l : r;
    if (!lit || !is_secret_name(target_name(other)))
        return 0;
    name_message(cx, hit, "compared with", target_name(other));
    hit->at = lit;
    return 1;
}

int hyg_password_dict(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_seq *k = node->v.Dict.keys, *v = node->v.Dict.values;
    for (int i = 0; i < AST_SEQ_LEN(k); i++) {
        const ast_node *key = AST_SEQ_NODE(k, i);
        if (!key || key->kind != AST_Constant || key->v.Constant.value.kind != CONST_STR)
            continue;
        if (is_secret_name(key->v.Constant.value.u.str.s) && password_literal(AST_SEQ_NODE(v, i))) {
            name_message(cx, hit, "stored under", key->v.Constant.value.u.str.s);
            hit->at = AST_SEQ_NODE(v, i);
            return 1;
        }
    }
    return 0;
}

int hyg_password_kwarg(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_seq *kw = node->v.Call.keywords;
    for (int i = 0; i < AST_SEQ_LEN(kw); i++) {
        const ast_node *k = AST_SEQ_NODE(kw, i);
        if (k->v.keyword.arg && is_secret_name(k->v.keyword.arg) &&
            password_literal(k->v.keyword.value)) {
            name_message(cx, hit, "passed as", k->v.keyword.arg);
            hit->at = k->v.keyword.value;
            return 1;
        }
    }
    return 0;
}

/* Defaults align with the last positional parameters; kw_defaults with
 * kwonlyargs one to one (NULL where there is none). */
static const ast_node *secret_default(const ast_node *args, const char **name)
{
    const ast_seq *pos = args->v.arguments.args, *po = args->v.arguments.posonlyargs;
    const ast_seq *d = args->v.arguments.defaults;
    int npos = AST_SEQ_LEN(po) + AST_SEQ_LEN(pos), nd = AST_SEQ_LEN(d);
    for (int i = 0; i < nd; i++) {
        int p = npos - nd + i;
        const ast_node *a = p < AST_SEQ_LEN(po) ? AST_SEQ_NODE(po, p)
                                                : AST_SEQ_NODE(pos, p - AST_SEQ_LEN(po));
        if (is_secret_name(a->v.arg.arg) && password_literal(AST_SEQ_NODE(d, i))) {
            *name = a->v.arg.arg;
            return AST_SEQ_NODE(d, i);
        }
    }
    const ast_seq *ko = args->v.arguments.kwonlyargs, *kd = args->v.arguments.kw_defaults;
    for (int i = 0; i < AST_SEQ_LEN(ko) && i < AST_SEQ_LEN(kd); i++) {
        const ast_node *a = AST_SEQ_NODE(ko, i), *dv = AST_SEQ_NODE(kd, i);
        if (dv && is_secret_name(a->v.arg.arg) && password_literal(dv)) {
            *name = a->v.arg.arg;
            return dv;
        }
    }
    return NULL;
}

int hyg_password_default(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *args = node->kind == AST_FunctionDef ? node->v.FunctionDef.args
                                                         : node->v.AsyncFunctionDef.args;
    const char *name = NULL;
    const ast_node *d = args ? secret_default(args, &name) : NULL;
    if (!d)
        return 0;
    name_message(cx, hit, "as the default of", name);
    hit->at = d;
    return 1;
}

/* except:, except Exception:, except BaseException: with one statement. */
static int broad_handler_with(const rule_ctx *cx, const ast_node *h, ast_kind only)
{
    const ast_seq *body = h->v.ExceptHandler.body;
    if (AST_SEQ_LEN(body) != 1 || AST_SEQ_NODE(body, 0)->kind != only)
        return 0;
    const ast_node *t = h->v.ExceptHandler.type;
    if (!t)
        return 1;
    const char *qn = sem_qualname(cx->sem, t);
    return qn && (strcmp(qn, "builtins.Exception") == 0 ||
                  strcmp(qn, "builtins.BaseException") == 0);
}

int hyg_except_pass(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    return broad_handler_with(cx, node, AST_Pass);
}

int hyg_except_continue(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    return broad_handler_with(cx, node, AST_Continue);
}

/* Words of access control, matched against the words of identifiers and
 * of string constants in the assert's test. */
static int is_authz_word(const char *w)
{
    static const char *const words[] = {
        "admin", "administrator", "superuser", "staff", "auth", "authenticated",
        "authorized", "authorised", "authorization", "authorisation", "perm", "perms",
        "permission", "permissions", "role", "roles", "privilege", "privileges", "owner",
        "logged", "acl", "sudo", NULL};
    return rc_in(w, words);
}

static int mentions_authz(const char *id)
{
    char words[WORD_MAX][WORD_LEN];
    int n = split_words(id, words, WORD_MAX);
    /* the last word: is_admin, has_perm, user.role; not ownerDocument */
    return n > 0 && is_authz_word(words[n - 1]);
}

static int expr_mentions_authz(const ast_node *e)
{
    if (!e)
        return 0;
    const char *id = rc_simple_name(e);
    if (id && mentions_authz(id))
        return 1;
    if (e->kind == AST_Constant && e->v.Constant.value.kind == CONST_STR &&
        e->v.Constant.value.u.str.len < WORD_LEN && mentions_authz(e->v.Constant.value.u.str.s))
        return 1;
    /* Recurse through the expression's children (reflection). */
    const ast_kind_info *k = &ast_kinds[e->kind];
    for (int f = 0; f < k->nfields; f++) {
        const char *slot = (const char *)e + k->fields[f].offset;
        if (k->fields[f].kind == FK_NODE || k->fields[f].kind == FK_NODE_OPT) {
            if (expr_mentions_authz(*(ast_node *const *)slot))
                return 1;
        } else if (k->fields[f].kind == FK_SEQ) {
            const ast_seq *s = *(ast_seq *const *)slot;
            for (int i = 0; i < AST_SEQ_LEN(s); i++)
                if (expr_mentions_authz(AST_SEQ_NODE(s, i)))
                    return 1;
        }
    }
    return 0;
}

int hyg_assert_authz(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    return !is_test_file(cx->path) && expr_mentions_authz(node->v.Assert.test);
}
