/* network.c - checks of the network family (network.def). */
#include "checks.h"
#include "common.h"

#include <string.h>
#include <strings.h>


int net_verify_false(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *v = rule_kwarg(node, "verify");
    if (!rc_const_false(cx, v))
        return 0;
    hit->at = v;
    return 1;
}

/* Protocol constants with known attacks, by their last name part (ssl's
 * PROTOCOL_* and pyOpenSSL's *_METHOD), as Bandit lists them. */
static const char *const bad_protocols[] = {
    "PROTOCOL_SSLv2", "SSLv2_METHOD", "SSLv23_METHOD", "PROTOCOL_SSLv3", "SSLv3_METHOD",
    "PROTOCOL_TLSv1", "TLSv1_METHOD", "PROTOCOL_TLSv1_1", "TLSv1_1_METHOD", NULL};

/* A resolved name must come from ssl or OpenSSL; an unresolved one (an
 * attribute of an unknown object) is judged by its spelling, as Bandit. */
static int is_bad_protocol(const rule_ctx *cx, const ast_node *v)
{
    if (!v)
        return 0;
    const char *qn = sem_qualname(cx->sem, v);
    if (qn)
        return (rc_starts(qn, "ssl.") || rc_starts(qn, "OpenSSL.")) &&
               rc_in(rc_last(qn), bad_protocols);
    return rc_in(rc_simple_name(v), bad_protocols);
}

int net_bad_protocol_call(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = sem_qualname(cx->sem, node->v.Call.func);
    int strong = qn && (strcmp(qn, "ssl.wrap_socket") == 0 || strcmp(qn, "ssl.SSLContext") == 0 ||
                        strcmp(qn, "OpenSSL.SSL.Context") == 0);
    const ast_node *v = NULL;
    if (qn && strcmp(qn, "ssl.wrap_socket") == 0)
        v = rc_param(node, 5, "ssl_version");
    else if (qn && strcmp(qn, "ssl.SSLContext") == 0)
        v = rc_param(node, 0, "protocol");
    else if (qn && strcmp(qn, "OpenSSL.SSL.Context") == 0)
        v = rc_param(node, 0, "method");
    if (!is_bad_protocol(cx, v)) {
        strong = 0;
        v = rule_kwarg(node, "ssl_version");
        if (!is_bad_protocol(cx, v))
            v = rule_kwarg(node, "method");
        if (!is_bad_protocol(cx, v))
            return 0;
    }
    if (!strong)
        hit->severity = hit->confidence = MEDIUM;
    hit->at = v;
    return 1;
}

static const ast_node *bad_default_in(const rule_ctx *cx, const ast_seq *defaults)
{
    for (int i = 0; i < AST_SEQ_LEN(defaults); i++) {
        const ast_node *d = AST_SEQ_NODE(defaults, i);
        if (d && is_bad_protocol(cx, d))
            return d;
    }
    return NULL;
}

int net_bad_protocol_default(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *args = node->kind == AST_Lambda ? node->v.Lambda.args
                           : node->kind == AST_FunctionDef ? node->v.FunctionDef.args
                                                           : node->v.AsyncFunctionDef.args;
    if (!args)
        return 0;
    const ast_node *d = bad_default_in(cx, args->v.arguments.defaults);
    if (!d)
        d = bad_default_in(cx, args->v.arguments.kw_defaults);
    if (!d)
        return 0;
    hit->at = d;
    return 1;
}

int net_wrap_socket_no_version(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)cx, (void)hit;
    return !rule_has_star_args(node) && !rc_param(node, 5, "ssl_version");
}

int net_ssh_host_key_policy(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *m = rc_method(node);
    if (!m || strcmp(m, "set_missing_host_key_policy") != 0)
        return 0;
    const ast_node *p = rc_param(node, 0, "policy");
    const char *qn = rc_qualname_nocall(cx, p);
    if (!rc_starts(qn, "paramiko.") ||
        !(rc_has_suffix(qn, ".AutoAddPolicy") || rc_has_suffix(qn, ".WarningPolicy")))
        return 0;
    hit->at = p;
    return 1;
}

/* CommunityData always means SNMPv1/v2c (mpModel 0 or 1, its default). */
int net_snmp_community(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node, (void)hit;
    return rc_has_suffix(cx->qualname, ".CommunityData");
}

int net_snmp_usm_weak(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    if (!rc_has_suffix(cx->qualname, ".UsmUserData") || rule_has_star_args(node))
        return 0;
    return !rc_param(node, 2, "privKey") || !rc_param(node, 1, "authKey");
}

static const char *const http_verbs[] = {"get", "options", "head", "post", "put",
                                         "patch", "delete", "request", NULL};

/* requests.get, requests.api.get, requests.Session().get, ... */
int net_request_no_timeout(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const char *qn = cx->qualname;
    const char *last = rc_last(qn);
    if (!rc_in(last, http_verbs))
        return 0;
    if (last == qn)
        return 0;
    size_t plen = (size_t)(last - qn) - 1;
    static const char *const owners[] = {"requests", "requests.api", "requests.Session()",
                                         "requests.session()", "requests.sessions.Session()",
                                         NULL};
    int known = 0;
    for (const char *const *o = owners; *o; o++)
        if (strlen(*o) == plen && strncmp(qn, *o, plen) == 0)
            known = 1;
    if (!known)
        return 0;
    const ast_node *t = rule_kwarg(node, "timeout");
    if (!t)
        return !rule_has_star_args(node);
    if (!rc_const_none(cx, t))
        return 0;
    hit->at = t;
    return 1;
}

/* httpx has a default timeout: only an explicit timeout=None disables it. */
int net_httpx_timeout_none(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    static const char *const fns[] = {"get", "options", "head", "post", "put", "patch",
                                      "delete", "request", "stream", "Client", "AsyncClient",
                                      NULL};
    if (!rc_in(rc_last(cx->qualname), fns))
        return 0;
    const ast_node *t = rule_kwarg(node, "timeout");
    if (!rc_const_none(cx, t))
        return 0;
    hit->at = t;
    return 1;
}

/* The scheme is fixed when the text starts with a constant http(s)://:
 * "https://api/" + path and f"https://api/{path}" included. */
static int is_http_url(const rule_ctx *cx, const ast_node *url)
{
    while (url->kind == AST_BinOp && url->v.BinOp.op == OP_Add &&
           !sem_const_str(cx->sem, url))
        url = url->v.BinOp.left;
    if (url->kind == AST_JoinedStr && AST_SEQ_LEN(url->v.JoinedStr.values) > 0)
        url = AST_SEQ_NODE(url->v.JoinedStr.values, 0);
    const char *s = sem_const_str(cx->sem, url);
    return s && (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
}

int net_urlopen_scheme(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *url = rc_param(node, 0, "url");
    if (!url)
        return 0;
    if (url->kind == AST_Call) {
        const char *qn = sem_qualname(cx->sem, url->v.Call.func);
        if (qn && strcmp(qn, "urllib.request.Request") == 0)
            url = rc_param(url, 0, "url");
    }
    return url && !is_http_url(cx, url);
}

static int is_cert_none(const rule_ctx *cx, const ast_node *v)
{
    const char *qn = v ? sem_qualname(cx->sem, v) : NULL;
    return qn && (strcmp(qn, "ssl.CERT_NONE") == 0 || strcmp(qn, "ssl.VerifyMode.CERT_NONE") == 0);
}

int net_cert_none_assign(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_seq *t = node->v.Assign.targets;
    for (int i = 0; i < AST_SEQ_LEN(t); i++) {
        const ast_node *tg = AST_SEQ_NODE(t, i);
        if (tg->kind != AST_Attribute)
            continue;
        const char *attr = tg->v.Attribute.attr;
        if (strcmp(attr, "verify_mode") == 0 && is_cert_none(cx, node->v.Assign.value))
            return 1;
        if (strcmp(attr, "check_hostname") == 0) {
            ast_const c;
            if (sem_const(cx->sem, node->v.Assign.value, &c) && c.kind == CONST_FALSE)
                return 1;
        }
    }
    return 0;
}

int net_cert_none_kwarg(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *v = rule_kwarg(node, "cert_reqs");
    if (!is_cert_none(cx, v))
        return 0;
    hit->at = v;
    return 1;
}

/* "0.0.0.0" only where it can be an address: not in a comparison (a check
 * of the configured host), not as a statement of its own (docstring). */
int net_bind_all_literal(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_const *c = &node->v.Constant.value;
    if (c->kind != CONST_STR || c->u.str.len != 7 || memcmp(c->u.str.s, "0.0.0.0", 7) != 0)
        return 0;
    const ast_node *p = cx->parent;
    if (p && (p->kind == AST_Tuple || p->kind == AST_List || p->kind == AST_Set)) {
        const ast_node *gp = cx->grandparent;
        if (gp && gp->kind == AST_Compare)
            return 0;
    }
    if (p && p->kind == AST_Call && rc_starts(sem_qualname(cx->sem, p->v.Call.func), "ipaddress."))
        return 0; /* ipaddress.ip_address("0.0.0.0"): a value, not a bind */
    return !(p && (p->kind == AST_Compare || p->kind == AST_Expr || p->kind == AST_JoinedStr));
}

static int is_any_host(const rule_ctx *cx, const ast_node *v)
{
    const char *s = v ? sem_const_str(cx->sem, v) : NULL;
    return s && (strcmp(s, "") == 0 || strcmp(s, "::") == 0);
}

/* Servers whose first argument is the (host, port) address to bind. */
static const char *const address_servers[] = {
    "socket.create_server",
    "socketserver.TCPServer", "socketserver.UDPServer", "socketserver.ThreadingTCPServer",
    "socketserver.ThreadingUDPServer", "socketserver.ForkingTCPServer",
    "socketserver.ForkingUDPServer",
    "http.server.HTTPServer", "http.server.ThreadingHTTPServer",
    "xmlrpc.server.SimpleXMLRPCServer", "xmlrpc.server.DocXMLRPCServer",
    "SimpleXMLRPCServer.SimpleXMLRPCServer", "BaseHTTPServer.HTTPServer",
    NULL,
};

/* Servers whose first argument is the host itself. */
static const char *const host_servers[] = {
    "wsgiref.simple_server.make_server", NULL,
};

/* The host of a (host, port) tuple, or NULL. */
static const ast_node *address_host(const ast_node *address)
{
    if (!address || address->kind != AST_Tuple || AST_SEQ_LEN(address->v.Tuple.elts) < 2)
        return NULL;
    return AST_SEQ_NODE(address->v.Tuple.elts, 0);
}

/* The host argument a call binds to, when it is one of the calls above or
 * a bind((host, port)) method call. */
static const ast_node *bound_host(const rule_ctx *cx, const ast_node *call)
{
    const char *m = rc_method(call);
    if (m && strcmp(m, "bind") == 0)
        return address_host(rule_arg(call, 0));
    const char *qn = sem_qualname(cx->sem, call->v.Call.func);
    if (!qn)
        return NULL;
    if (rc_in(qn, address_servers))
        return address_host(rc_param(call, 0, "server_address"));
    if (rc_in(qn, host_servers))
        return rc_param(call, 0, "host");
    return NULL;
}

/* "" and "::" (which the literal check leaves alone: they are common
 * strings) as the host of bind((host, port)), of a server's address, or a
 * host= argument. */
int net_bind_all_call(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *bound = bound_host(cx, node);
    if (bound && is_any_host(cx, bound)) {
        hit->at = bound;
        return 1;
    }
    const ast_node *h = rule_kwarg(node, "host");
    if (h && is_any_host(cx, h) && sem_const_str(cx->sem, h)[0] == ':') {
        hit->at = h;
        return 1;
    }
    return 0;
}

int net_logging_listen(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)cx, (void)hit;
    return !rule_has_star_args(node) && !rc_param(node, 1, "verify");
}

/* dictConfig({...}) spelt out in the call, or in a name bound once to a
 * dict display (`LOGGING = {...}`), is the program's own configuration; a
 * dict from elsewhere (a file, a setting) may name factories someone else
 * chose. */
int net_logging_dict_config(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *config = rc_param(node, 0, "config");
    const ast_node *value = config && config->kind == AST_Name ? sem_value_of(cx->sem, config)
                                                               : config;
    return !value || value->kind != AST_Dict;
}

/* The one assignment target `x.attr = value` of an Assign, or NULL. */
static const ast_node *attr_target(const ast_node *assign, const char *attr)
{
    const ast_seq *t = assign->v.Assign.targets;
    if (AST_SEQ_LEN(t) != 1 || AST_SEQ_NODE(t, 0)->kind != AST_Attribute ||
        strcmp(AST_SEQ_NODE(t, 0)->v.Attribute.attr, attr) != 0)
        return NULL;
    return AST_SEQ_NODE(t, 0);
}

/* s = requests.Session(); s.verify = False */
int net_session_verify_assign(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const ast_node *t = attr_target(node, "verify");
    if (!t || !rc_const_false(cx, node->v.Assign.value))
        return 0;
    const char *qn = sem_qualname(cx->sem, t->v.Attribute.value);
    return qn && (strcmp(qn, "requests.Session()") == 0 || strcmp(qn, "requests.session()") == 0 ||
                  strcmp(qn, "requests.sessions.Session()") == 0);
}

/* ctx.minimum_version = ssl.TLSVersion.TLSv1 (or SSLv3, TLSv1_1) */
int net_bad_minimum_version(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    static const char *const old[] = {"ssl.TLSVersion.SSLv3", "ssl.TLSVersion.TLSv1",
                                      "ssl.TLSVersion.TLSv1_1", NULL};
    if (!attr_target(node, "minimum_version") ||
        !rc_in(sem_qualname(cx->sem, node->v.Assign.value), old))
        return 0;
    hit->severity = hit->confidence = MEDIUM;
    hit->at = node->v.Assign.value;
    return 1;
}

/* class Handler(http.server.BaseHTTPRequestHandler): ... */
int net_http_handler_class(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    static const char *const bases[] = {"http.server.BaseHTTPRequestHandler",
                                        "http.server.SimpleHTTPRequestHandler",
                                        "http.server.CGIHTTPRequestHandler", NULL};
    const ast_seq *b = node->v.ClassDef.bases;
    for (int i = 0; i < AST_SEQ_LEN(b); i++)
        if (rc_in(sem_qualname(cx->sem, AST_SEQ_NODE(b, i)), bases)) {
            hit->at = AST_SEQ_NODE(b, i);
            return 1;
        }
    return 0;
}
