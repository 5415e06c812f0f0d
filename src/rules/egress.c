/* egress.c - checks of the egress family (egress.def): remote-service
 * clients (the message names the client), credentials flowing by name, and
 * destinations in string constants (the string tests are egress_dest.c). */
#include "checks.h"
#include "common.h"
#include "egress.h"

#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------- clients */

/* "Outbound HTTP request: requests.get()" */
static int name_client(const rule_ctx *cx, rule_hit *hit, const char *what)
{
    hit->message = rc_fmt(cx, "%s: %s()", what, rc_clip(cx->a, cx->qualname, 160));
    return 1;
}

int egr_http(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    return name_client(cx, hit, "Outbound HTTP request");
}

/* The objects of the HTTP libraries that send a request when one of
 * http_verbs is called on them (module functions included). */
static const char *const http_owners[] = {
    "requests", "requests.api", "requests.Session()", "requests.session()",
    "requests.sessions.Session()", "httpx", "httpx.Client()", "httpx.AsyncClient()",
    "aiohttp", "aiohttp.ClientSession()", "aiohttp.client.ClientSession()", "urllib3",
    "urllib3.PoolManager()", "urllib3.ProxyManager()", "urllib3.poolmanager.PoolManager()",
    "urllib3.HTTPConnectionPool()", "urllib3.HTTPSConnectionPool()",
    "urllib3.connection_from_url()", NULL};

static const char *const http_verbs[] = {
    "get", "options", "head", "post", "put", "patch", "delete", "request", "stream", "send",
    "urlopen", "request_encode_url", "request_encode_body", "ws_connect", NULL};

int egr_http_verb(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = cx->qualname, *last = rc_last(qn);
    if (last == qn || !rc_in(last, http_verbs))
        return 0;
    size_t plen = (size_t)(last - qn) - 1;
    for (const char *const *o = http_owners; *o; o++)
        if (strlen(*o) == plen && strncmp(qn, *o, plen) == 0)
            return egr_http(cx, node, hit);
    return 0;
}

int egr_socket(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    return name_client(cx, hit, "Outbound socket connection");
}

int egr_protocol(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    return name_client(cx, hit, "Remote service client");
}

int egr_cloud(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    return name_client(cx, hit, "Cloud SDK client");
}

/* google.cloud.storage.Client, azure...BlobServiceClient, and their
 * ...Client.from_connection_string / from_service_account_json. */
int egr_cloud_client(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = cx->qualname, *last = rc_last(qn);
    if (strstr(qn, "()"))
        return 0; /* a method of an object, not the client's constructor */
    int client = rc_has_suffix(last, "Client");
    if (!client && rc_starts(last, "from_") && last > qn) {
        size_t plen = (size_t)(last - qn) - 1;
        client = plen >= 6 && strncmp(qn + plen - 6, "Client", 6) == 0;
    }
    return client && egr_cloud(cx, node, hit);
}

int egr_telemetry(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node;
    return name_client(cx, hit, "Telemetry/analytics SDK");
}

int egr_otel_exporter(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    return rc_has_suffix(rc_last(cx->qualname), "Exporter") && !strstr(cx->qualname, "()") &&
           egr_telemetry(cx, node, hit);
}

/* --------------------------------------------------------- credentials */

static int is_computed(const rule_ctx *cx, const ast_node *v)
{
    ast_const c;
    return v && !sem_const(cx->sem, v, &c);
}

/* The name a target binds: a Name, an attribute's name, a constant key. */
static const char *bound_name(const rule_ctx *cx, const ast_node *t)
{
    if (t->kind == AST_Subscript)
        return sem_const_str(cx->sem, t->v.Subscript.slice);
    return rc_simple_name(t);
}

static const char *const env_getters[] = {"os.environ.get", "os.environb.get", "os.getenv",
                                          "os.getenvb", NULL};

static int is_environ(const rule_ctx *cx, const ast_node *e)
{
    const char *qn = sem_qualname(cx->sem, e);
    return qn && (strcmp(qn, "os.environ") == 0 || strcmp(qn, "os.environb") == 0);
}

/* The listed name an expression reads from the environment, or NULL. */
static const char *env_read_name(const rule_ctx *cx, const ast_node *v)
{
    const ast_node *key = NULL;
    if (v->kind == AST_Subscript && is_environ(cx, v->v.Subscript.value))
        key = v->v.Subscript.slice;
    else if (v->kind == AST_Call && rc_in(sem_qualname(cx->sem, v->v.Call.func), env_getters))
        key = rc_param(v, 0, "key");
    const char *k = key ? sem_const_str(cx->sem, key) : NULL;
    return egress_secret_name(k);
}

/* What the message says the value is: "os.getenv()", "a computed value". */
static const char *value_source(const rule_ctx *cx, const ast_node *v)
{
    if (v->kind == AST_Call) {
        const char *qn = sem_qualname(cx->sem, v->v.Call.func);
        if (!qn)
            qn = rc_simple_name(v->v.Call.func);
        if (qn)
            return rc_fmt(cx, "the result of %s()", rc_clip(cx->a, qn, 120));
    }
    if (v->kind == AST_Name)
        return rc_fmt(cx, "%s", rc_clip(cx->a, v->v.Name.id, 120));
    return "a computed value";
}

int egr_cred_keyword(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *listed = egress_secret_name(node->v.keyword.arg);
    const ast_node *call = cx->parent;
    if (!listed || !call || call->kind != AST_Call || !is_computed(cx, node->v.keyword.value))
        return 0;
    const char *callee = sem_qualname(cx->sem, call->v.Call.func);
    if (!callee)
        callee = rc_simple_name(call->v.Call.func);
    if (callee)
        hit->message = rc_fmt(cx, "Credential name '%s' passed to %s()", node->v.keyword.arg,
                              rc_clip(cx->a, callee, 120));
    else
        hit->message = rc_fmt(cx, "Credential name '%s' passed to a call", node->v.keyword.arg);
    return 1;
}

/* `connect(host, password)`: a variable named like a credential passed by
 * position. Builtins (str(token), len(password)) are local work. */
int egr_cred_positional(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *callee = sem_qualname(cx->sem, node->v.Call.func);
    if (rc_starts(callee, "builtins."))
        return 0;
    if (!callee)
        callee = rc_simple_name(node->v.Call.func);
    const ast_seq *args = node->v.Call.args;
    for (int i = 0; i < AST_SEQ_LEN(args); i++) {
        const ast_node *a = AST_SEQ_NODE(args, i);
        const char *n = a->kind == AST_Name || a->kind == AST_Attribute ? rc_simple_name(a) : NULL;
        if (!egress_secret_name(n))
            continue;
        hit->at = a;
        hit->message = callee ? rc_fmt(cx, "Credential '%s' passed to %s()", n,
                                       rc_clip(cx->a, callee, 120))
                              : rc_fmt(cx, "Credential '%s' passed to a call", n);
        return 1;
    }
    return 0;
}

/* The first target (tuple items included) bound to a listed name. */
static const ast_node *listed_target(const rule_ctx *cx, const ast_node *t, const char **name)
{
    if (t->kind == AST_Tuple || t->kind == AST_List) {
        const ast_seq *elts = t->kind == AST_Tuple ? t->v.Tuple.elts : t->v.List.elts;
        for (int i = 0; i < AST_SEQ_LEN(elts); i++) {
            const ast_node *hit = listed_target(cx, AST_SEQ_NODE(elts, i), name);
            if (hit)
                return hit;
        }
        return NULL;
    }
    const char *n = bound_name(cx, t);
    if (!egress_secret_name(n))
        return NULL;
    *name = n;
    return t;
}

/* `password = self.password.encode()`, `auth = unquote(auth)`,
 * `auth = "".join(auth.split())`: a listed name only changing form (its
 * own value called, subscripted or passed through a call); the binding
 * that brought it in is the one to report. Bounded depth: a value is an
 * expression of any size. */
static int mentions_name(const ast_node *v, const char *name, int depth)
{
    if (!v || depth > 8)
        return 0;
    const char *n = rc_simple_name(v);
    if (n && strcasecmp(n, name) == 0)
        return 1;
    switch (v->kind) {
    case AST_Attribute:
        return mentions_name(v->v.Attribute.value, name, depth + 1);
    case AST_Subscript:
        return mentions_name(v->v.Subscript.value, name, depth + 1);
    case AST_Call:
        for (int i = 0; i < AST_SEQ_LEN(v->v.Call.args); i++)
            if (mentions_name(AST_SEQ_NODE(v->v.Call.args, i), name, depth + 1))
                return 1;
        return mentions_name(v->v.Call.func, name, depth + 1);
    default:
        return 0;
    }
}

static int reshapes_same_name(const ast_node *v, const char *name)
{
    return (v->kind == AST_Call || v->kind == AST_Subscript) && mentions_name(v, name, 0);
}

int egr_cred_assign(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *value, *target = NULL;
    const char *name = NULL;
    if (node->kind == AST_AnnAssign) {
        value = node->v.AnnAssign.value;
        target = listed_target(cx, node->v.AnnAssign.target, &name);
    } else {
        value = node->v.Assign.value;
        const ast_seq *ts = node->v.Assign.targets;
        for (int i = 0; i < AST_SEQ_LEN(ts) && !target; i++)
            target = listed_target(cx, AST_SEQ_NODE(ts, i), &name);
    }
    if (!target && value && (value->kind == AST_Name || value->kind == AST_Attribute) &&
        egress_secret_name(rc_simple_name(value))) {
        /* `self._key = password`: a listed name copied to another */
        hit->message = rc_fmt(cx, "Credential '%s' copied to another name",
                              rc_simple_name(value));
        return 1;
    }
    if (!target || !is_computed(cx, value) || env_read_name(cx, value) ||
        reshapes_same_name(value, name))
        return 0;
    hit->at = target;
    hit->message = rc_fmt(cx, "Credential name '%s' bound to %s", rc_clip(cx->a, name, 80),
                          value_source(cx, value));
    return 1;
}

int egr_cred_dict(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_seq *keys = node->v.Dict.keys, *values = node->v.Dict.values;
    for (int i = 0; i < AST_SEQ_LEN(keys); i++) {
        const ast_node *k = AST_SEQ_NODE(keys, i), *v = AST_SEQ_NODE(values, i);
        const char *name = k ? sem_const_str(cx->sem, k) : NULL;
        if (!egress_secret_name(name) || !is_computed(cx, v) || env_read_name(cx, v))
            continue;
        hit->at = k;
        hit->message = rc_fmt(cx, "Credential name '%s' stored in a dict, from %s",
                              rc_clip(cx->a, name, 80), value_source(cx, v));
        return 1;
    }
    return 0;
}

static int env_hit(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *listed = env_read_name(cx, node);
    if (!listed)
        return 0;
    hit->message = rc_fmt(cx, "Credential '%s' read from the environment", listed);
    return 1;
}

int egr_env_subscript(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    return node->v.Subscript.ctx == CTX_Load && env_hit(cx, node, hit);
}

int egr_env_get(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    return env_hit(cx, node, hit);
}

/* The list's getters, whatever object they are called on; get_token is
 * left out: it is the lexers' method (shlex, netrc, email's header parser)
 * far more often than a credential's. */
int egr_cred_getter(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    static const char *const getters[] = {"get_secret", "get_api_token", NULL};
    const char *n = rc_simple_name(node->v.Call.func);
    for (const char *const *g = getters; n && *g; g++)
        if (strcasecmp(n, *g) == 0) {
            hit->message = rc_fmt(cx, "Credential fetched by %s()", n);
            return 1;
        }
    return 0;
}

/* -------------------------------------------------------- destinations */

/* Methods that test a string against the constant instead of using it. */
static const char *const testing_methods[] = {
    "startswith", "endswith", "removeprefix", "removesuffix", "find", "rfind", "index",
    "rindex", "count", "replace", "split", "rsplit", "partition", "rpartition", "strip",
    "lstrip", "rstrip", NULL};

static int is_dunder(const char *n)
{
    size_t len = n ? strlen(n) : 0;
    return len > 4 && rc_starts(n, "__") && rc_has_suffix(n, "__");
}

/* A package's own metadata: setup(url=..., download_url=...,
 * project_urls={...}) and __url__ = ... */
static int is_package_metadata(const ast_node *p, const ast_node *gp)
{
    static const char *const meta_kw[] = {"url", "download_url", "home_page", "homepage",
                                          "project_url", NULL};
    if (p->kind == AST_keyword && gp && gp->kind == AST_Call &&
        rc_in(rc_simple_name(gp->v.Call.func), (const char *const[]){"setup", NULL}))
        return rc_in(p->v.keyword.arg, meta_kw);
    if (p->kind == AST_Dict && gp && gp->kind == AST_keyword && gp->v.keyword.arg)
        return strcmp(gp->v.keyword.arg, "project_urls") == 0;
    if (p->kind == AST_Assign && AST_SEQ_LEN(p->v.Assign.targets) == 1)
        return is_dunder(rc_simple_name(AST_SEQ_NODE(p->v.Assign.targets, 0)));
    return 0;
}

/* JSON Schema and JSON-LD identifiers and comments ({"$schema": "http://
 * json-schema.org/...", "$id": ...}): names, never fetched. */
static int is_identifier_value(const rule_ctx *cx, const ast_node *dict, const ast_node *v)
{
    static const char *const id_keys[] = {"$id", "$schema", "$ref", "$comment", "@context",
                                          "@id", "@type", "@vocab", NULL};
    const ast_seq *keys = dict->v.Dict.keys, *values = dict->v.Dict.values;
    for (int i = 0; i < AST_SEQ_LEN(values); i++) {
        const ast_node *k = AST_SEQ_NODE(keys, i);
        if (AST_SEQ_NODE(values, i) == v && k)
            return rc_in(sem_const_str(cx->sem, k), id_keys);
    }
    return 0;
}

/* 1 when the string constant is used as data (a value that may be sent
 * somewhere), not documentation or a pattern tested against. An f-string's
 * part is judged by the f-string's own place. */
static int used_as_data(const rule_ctx *cx, const ast_node *node)
{
    const ast_node *p = cx->parent, *gp = cx->grandparent;
    if (p && p->kind == AST_JoinedStr)
        p = gp, gp = NULL;
    if (!p || p->kind == AST_Expr || p->kind == AST_Compare)
        return 0;
    if ((p->kind == AST_Tuple || p->kind == AST_List || p->kind == AST_Set) && gp &&
        gp->kind == AST_Compare)
        return 0;
    if (p->kind == AST_Call && p->v.Call.func != node &&
        rc_in(rc_method(p), testing_methods))
        return 0;
    if (p->kind == AST_Dict && is_identifier_value(cx, p, node))
        return 0;
    return !is_package_metadata(p, gp);
}

static const char *constant_text(const ast_node *node)
{
    const ast_const *c = &node->v.Constant.value;
    if (c->kind != CONST_STR || strlen(c->u.str.s) != c->u.str.len)
        return NULL; /* bytes, or a NUL inside: not a host name */
    return c->u.str.s;
}

int egr_webhook(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *s = constant_text(node), *shown;
    /* the string test first: used_as_data may look through a whole dict */
    if (!s || !egress_webhook(cx->a, s, &shown) || !used_as_data(cx, node))
        return 0;
    hit->message = rc_fmt(cx, "Webhook URL: %s", shown);
    return 1;
}

int egr_url(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *s = constant_text(node), *shown;
    while (s && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++;
    if (!s || !egress_url_destination(cx->a, s, &shown) ||
        egress_webhook(cx->a, s, &(const char *){NULL}) || !used_as_data(cx, node))
        return 0;
    hit->message = rc_fmt(cx, "Hard-coded destination URL: %s", shown);
    return 1;
}

/* "1.2.3.4" given to a version: __version__ = ..., version=..., VERSION_X = */
static int in_version_context(const rule_ctx *cx)
{
    const ast_node *p = cx->parent;
    const char *name = NULL;
    if (p && p->kind == AST_keyword)
        name = p->v.keyword.arg;
    else if (p && p->kind == AST_Assign && AST_SEQ_LEN(p->v.Assign.targets) > 0)
        name = rc_simple_name(AST_SEQ_NODE(p->v.Assign.targets, 0));
    else if (p && p->kind == AST_AnnAssign)
        name = rc_simple_name(p->v.AnnAssign.target);
    if (!name)
        return 0;
    for (const char *c = name; *c; c++)
        if (strncasecmp(c, "version", 7) == 0)
            return 1;
    return 0;
}

int egr_ip(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *s = constant_text(node);
    if (!s || !egress_ipv4_destination(s) || !used_as_data(cx, node) || in_version_context(cx))
        return 0;
    const ast_node *p = cx->parent;
    if (p && p->kind == AST_Call && rc_starts(sem_qualname(cx->sem, p->v.Call.func), "ipaddress."))
        return 0;
    /* ObjectIdentifier("2.5.29.14"), oid = "1.3.6.1": dotted OIDs */
    const char *callee = p && p->kind == AST_Call ? rc_simple_name(p->v.Call.func) : NULL;
    if (callee && (strstr(callee, "ObjectIdentifier") || strcasecmp(callee, "oid") == 0 ||
                   rc_has_suffix(callee, "_oid") || rc_has_suffix(callee, "Oid")))
        return 0;
    hit->message = rc_fmt(cx, "Hard-coded destination IP address: %s", s);
    return 1;
}
