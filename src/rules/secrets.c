/* secrets.c - the checks of secrets.def: known token formats and private
 * keys in any string literal, AWS secret keys and high-entropy values when
 * the literal is bound to a secret-ish name. The text functions are in
 * secrets_scan.c and secrets_text.c; here is what the tree adds (which
 * name a literal is bound to) and the findings' masked messages and
 * redaction ranges. */
#include "checks.h"
#include "common.h"
#include "secrets_scan.h"

#include <ctype.h>
#include <string.h>

/* The bytes of a str or bytes literal, or NULL. */
static const char *literal_bytes(const ast_node *n, size_t *len)
{
    if (!n || n->kind != AST_Constant)
        return NULL;
    const ast_const *c = &n->v.Constant.value;
    if (c->kind != CONST_STR && c->kind != CONST_BYTES)
        return NULL;
    *len = c->u.str.len;
    return c->u.str.s;
}

/* AWS's documentation uses AKIAIOSFODNN7EXAMPLE and
 * wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY: test suites and docs copy them.
 * Still reported (they are credentials in form), at LOW severity. */
static int aws_example(const char *s, size_t n)
{
    return memmem(s, n, "EXAMPLE", 7) != NULL;
}

static void redact(rule_hit *hit, const ast_node *node, const char *text, size_t len)
{
    hit->redact = node;
    hit->redact_text = text;
    hit->redact_len = len;
}

int sec_token(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    size_t n;
    const char *s = literal_bytes(node, &n);
    secret_match m, more;
    if (!s || !secret_find_token(s, n, &m))
        return 0;
    int example = m.format->prefix[0] == 'A' && aws_example(s + m.start, m.len);
    hit->severity = example ? LOW : m.format->severity;
    hit->message = rc_fmt(cx, "Hard-coded %s '%s'%s", m.format->name,
                          secret_mask(cx->a, s + m.start, m.len),
                          example ? ", AWS's documentation example" : "");
    size_t after = m.start + m.len;
    if (secret_find_token(s + after, n - after, &more))
        redact(hit, node, NULL, 0); /* several tokens: hide the whole literal */
    else
        redact(hit, node, s + m.start, m.len);
    return 1;
}

int sec_private_key(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    size_t n;
    const char *s = literal_bytes(node, &n);
    secret_match m;
    if (!s || n < 64 || !secret_find_private_key(s, n, &m))
        return 0;
    if (m.encrypted)
        hit->severity = MEDIUM;
    hit->message = rc_fmt(cx, "Hard-coded %s%sprivate key block", m.kind, *m.kind ? " " : "");
    /* the body, between the header's and the footer's dashes; the whole
     * literal when escapes keep it from being found in the source */
    const char *block = s + m.start, *end = block + m.len;
    const char *body = memmem(block + 11, m.len - 11, "-----", 5);
    const char *footer = body ? memmem(body + 5, (size_t)(end - body - 5), "-----END", 8) : NULL;
    body = body ? body + 5 : block;
    redact(hit, node, body, (size_t)((footer ? footer : end) - body));
    return 1;
}

/* ---- names a literal is bound to ---- */

/* A target's name: x, obj.x, d["x"]. */
static const char *target_name(const ast_node *t)
{
    if (t->kind == AST_Subscript) {
        const ast_node *k = t->v.Subscript.slice;
        return k->kind == AST_Constant && k->v.Constant.value.kind == CONST_STR
                   ? k->v.Constant.value.u.str.s
                   : NULL;
    }
    return rc_simple_name(t);
}

static const char *assign_name(const ast_node *parent, const ast_node *node)
{
    if (parent->v.Assign.value != node)
        return NULL;
    const ast_seq *t = parent->v.Assign.targets;
    return AST_SEQ_LEN(t) ? target_name(AST_SEQ_NODE(t, AST_SEQ_LEN(t) - 1)) : NULL;
}

static int before(const ast_node *a, const ast_node *b)
{
    return a->lineno < b->lineno || (a->lineno == b->lineno && a->col_offset < b->col_offset);
}

/* The values of a dict display are in source order: a binary search finds
 * the literal's entry, so a dict of many secrets costs n log n, not n^2. */
static const char *dict_name(const ast_node *dict, const ast_node *node)
{
    const ast_seq *keys = dict->v.Dict.keys, *values = dict->v.Dict.values;
    int lo = 0, hi = AST_SEQ_LEN(values);
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (before(AST_SEQ_NODE(values, mid), node))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= AST_SEQ_LEN(values) || AST_SEQ_NODE(values, lo) != node)
        return NULL;
    const ast_node *k = lo < AST_SEQ_LEN(keys) ? AST_SEQ_NODE(keys, lo) : NULL;
    return k && k->kind == AST_Constant && k->v.Constant.value.kind == CONST_STR
               ? k->v.Constant.value.u.str.s
               : NULL;
}

/* `password == "..."` / `"..." != token`: the operand next to the literal. */
static const char *compare_name(const ast_node *cmp, const ast_node *node)
{
    const ast_seq *ops = cmp->v.Compare.ops, *rest = cmp->v.Compare.comparators;
    const ast_node *prev = cmp->v.Compare.left;
    for (int i = 0; i < AST_SEQ_LEN(rest); i++) {
        const ast_node *cur = AST_SEQ_NODE(rest, i);
        ast_cmpop op = AST_SEQ_CMPOP(ops, i);
        if (op == CMP_Eq || op == CMP_NotEq) {
            if (cur == node)
                return target_name(prev);
            if (prev == node)
                return target_name(cur);
        }
        prev = cur;
    }
    return NULL;
}

/* A parameter default: defaults belong to the last positional parameters,
 * kw_defaults one for one to the keyword-only ones. */
static const char *default_name(const ast_node *args, const ast_node *node)
{
    const ast_seq *kd = args->v.arguments.kw_defaults, *ko = args->v.arguments.kwonlyargs;
    for (int i = 0; i < AST_SEQ_LEN(kd) && i < AST_SEQ_LEN(ko); i++)
        if (AST_SEQ_NODE(kd, i) == node)
            return AST_SEQ_NODE(ko, i)->v.arg.arg;
    const ast_seq *d = args->v.arguments.defaults, *po = args->v.arguments.posonlyargs,
                  *pa = args->v.arguments.args;
    int npos = AST_SEQ_LEN(po) + AST_SEQ_LEN(pa), nd = AST_SEQ_LEN(d);
    for (int i = 0; i < nd; i++) {
        if (AST_SEQ_NODE(d, i) != node)
            continue;
        int k = npos - nd + i;
        if (k < 0)
            return NULL;
        return k < AST_SEQ_LEN(po) ? AST_SEQ_NODE(po, k)->v.arg.arg
                                   : AST_SEQ_NODE(pa, k - AST_SEQ_LEN(po))->v.arg.arg;
    }
    return NULL;
}

/* os.getenv("API_TOKEN", "<literal>"): the fallback is bound to the
 * variable's name. */
static const char *env_fallback_name(const rule_ctx *cx, const ast_node *call,
                                     const ast_node *node)
{
    static const char *const getters[] = {"os.getenv", "os.environ.get",
                                          "os.environ.setdefault", NULL};
    if (rule_arg(call, 1) != node || !rc_in(sem_qualname(cx->sem, call->v.Call.func), getters))
        return NULL;
    const ast_node *var = rule_arg(call, 0);
    return var && var->kind == AST_Constant && var->v.Constant.value.kind == CONST_STR
               ? var->v.Constant.value.u.str.s
               : NULL;
}

/* The name the literal `node` is bound to through its parent, or NULL. */
static const char *bound_name(const rule_ctx *cx, const ast_node *node)
{
    const ast_node *p = cx->parent;
    if (!p)
        return NULL;
    switch (p->kind) {
    case AST_Assign:
        return assign_name(p, node);
    case AST_AnnAssign:
        return p->v.AnnAssign.value == node ? target_name(p->v.AnnAssign.target) : NULL;
    case AST_NamedExpr:
        return p->v.NamedExpr.value == node ? target_name(p->v.NamedExpr.target) : NULL;
    case AST_keyword:
        return p->v.keyword.arg;
    case AST_Dict:
        return dict_name(p, node);
    case AST_Compare:
        return compare_name(p, node);
    case AST_arguments:
        return default_name(p, node);
    case AST_Call:
        return env_fallback_name(cx, p, node);
    default:
        return NULL;
    }
}

/* ---- which names are secret-ish ---- */

enum { NAME_WORDS = 12, WORD_CHARS = 24 };

/* Lower-case words of an identifier, split at '_', '-', '.', ' ' and
 * camelCase humps ("dbPassword", "APIToken" -> api token). */
static int name_words(const char *id, char w[][WORD_CHARS])
{
    int n = 0;
    size_t k = 0;
    for (const char *p = id;; p++) {
        int sep = !*p || *p == '_' || *p == '-' || *p == '.' || *p == ' ';
        int hump = p > id && isupper((unsigned char)*p) &&
                   (islower((unsigned char)p[-1]) ||
                    (isupper((unsigned char)p[-1]) && islower((unsigned char)p[1])));
        if ((sep || hump) && k > 0) {
            w[n][k] = '\0';
            k = 0;
            if (++n == NAME_WORDS)
                return n;
        }
        if (!*p)
            return n;
        if (!sep && k < WORD_CHARS - 1)
            w[n][k++] = (char)tolower((unsigned char)*p);
    }
}

/* A word that is a secret when it ends a name. */
static int secret_noun(const char *w)
{
    static const char *const nouns[] = {
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "apikey",
        "credential", "credentials", "creds", "auth", "authorization", "bearer", "pat", NULL};
    return rc_in(w, nouns);
}

/* Words before "key" that make it a secret key (sort_key, cache_key and
 * public_key are not). */
static int key_qualifier(const char *w)
{
    static const char *const q[] = {
        "api", "access", "secret", "private", "signing", "sign", "encryption", "enc",
        "master", "auth", "client", "app", "account", "storage", "session", "deploy",
        "integration", "fernet", "hmac", "ssh", "static", "service", "subscription", "license",
        "consumer", "webhook", "jwt", "shared", "aes", "crypt", "cipher", "secure", "pgp",
        "gpg", "django", "flask", "stripe", "openai", "anthropic", "azure", "gcp", NULL};
    return rc_in(w, q);
}

/* Words before "token" that make it a cursor, not a credential. */
static int token_cursor(const char *w)
{
    static const char *const q[] = {"next", "prev", "previous", "page", "continuation",
                                     "pagination", "sync", "cancel", "cancellation", "resume",
                                     "start", "end", "marker", NULL};
    return rc_in(w, q);
}

/* The value of a secret: api_key_value, secret_b64, token_hex. */
static int value_suffix(const char *w)
{
    static const char *const q[] = {"value", "val", "str", "string", "b64", "base64", "hex",
                                    "bytes", "raw", "data", "plain", "plaintext", "base", NULL};
    return rc_in(w, q);
}

/* The name ends (or ends but for a value suffix) with a secret word. Own
 * small test: the egress family holds Python Code Audit's list, and
 * hygiene.c Bandit's words, for rules of their own. */
static int identifier_like(const char *name)
{
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
            return 0;
    return 1;
}

static int secretish_name(const char *name)
{
    char w[NAME_WORDS][WORD_CHARS];
    /* a dict key such as "AWS::Route53::KeySigningKey" or "Client secret:"
     * is a label of data, not a variable holding a secret */
    int n = name && identifier_like(name) ? name_words(name, w) : 0;
    if (n >= 2 && value_suffix(w[n - 1]))
        n--;
    if (n == 0)
        return 0;
    const char *last = w[n - 1], *before = n >= 2 ? w[n - 2] : "";
    if (strcmp(last, "key") == 0 || strcmp(last, "keys") == 0)
        return key_qualifier(before);
    if (strcmp(last, "token") == 0 || strcmp(last, "tokens") == 0)
        return !token_cursor(before);
    return secret_noun(last) || strcmp(last, "secrets") == 0 || strcmp(last, "passwords") == 0;
}

/* ---- AWS secret keys and high-entropy values ---- */

static int contains_word(const char *name, const char *word)
{
    char w[NAME_WORDS][WORD_CHARS];
    int n = name_words(name, w);
    for (int i = 0; i < n; i++)
        if (strcmp(w[i], word) == 0)
            return 1;
    return 0;
}

/* 40 characters of standard base64 under a name with "aws" and "secret"
 * (or "secret access key"), random enough not to be a placeholder. */
static int is_aws_secret(const char *name, const char *s, size_t n)
{
    if (!name || n != 40 || !contains_word(name, "secret") ||
        !(contains_word(name, "aws") || contains_word(name, "access")))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c) && c != '/' && c != '+')
            return 0;
    }
    return (aws_example(s, n) || !secret_is_placeholder(s, n)) &&
           secret_entropy(s, n, secret_base64_chars) > 4.0;
}

int sec_aws_secret(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    size_t n;
    const char *s = literal_bytes(node, &n);
    const char *name = s && n == 40 ? bound_name(cx, node) : NULL;
    if (!name || !is_aws_secret(name, s, n))
        return 0;
    int example = aws_example(s, n);
    if (example)
        hit->severity = LOW;
    hit->message = rc_fmt(cx, "Hard-coded AWS secret access key bound to '%s' ('%s')%s",
                          rc_clip(cx->a, name, 80), secret_mask(cx->a, s, n),
                          example ? ", AWS's documentation example" : "");
    redact(hit, node, s, n);
    return 1;
}

int sec_high_entropy(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    size_t n;
    const char *s = literal_bytes(node, &n);
    double entropy;
    const char *charset;
    secret_match m;
    if (!s || !secret_high_entropy(s, n, &entropy, &charset))
        return 0; /* the value first: most literals fail here, cheaply */
    const char *name = bound_name(cx, node);
    if (!name || !secretish_name(name))
        return 0;
    if (is_aws_secret(name, s, n) || secret_find_token(s, n, &m))
        return 0; /* KR1103's or KR1101's */
    hit->message = rc_fmt(cx, "High-entropy string bound to '%s' ('%s', %s entropy %.2f)",
                          rc_clip(cx->a, name, 80), secret_mask(cx->a, s, n), charset, entropy);
    redact(hit, node, s, n);
    return 1;
}
