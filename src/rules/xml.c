/* xml.c - checks of the xml family (xml.def). */
#include "checks.h"
#include "common.h"

#include <string.h>


static int const_is(const rule_ctx *cx, const ast_node *v, ast_const_kind kind)
{
    ast_const c;
    return v && sem_const(cx->sem, v, &c) && c.kind == kind;
}

/* Only the options that turn lxml's safe defaults off. */
int xml_lxml_parser_options(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    const ast_node *v;
    if (const_is(cx, v = rule_kwarg(node, "resolve_entities"), CONST_TRUE) ||
        const_is(cx, v = rule_kwarg(node, "no_network"), CONST_FALSE) ||
        const_is(cx, v = rule_kwarg(node, "huge_tree"), CONST_TRUE)) {
        hit->at = v;
        return 1;
    }
    return 0;
}

/* defusedxml.xmlrpc.monkey_patch() fixes the module for the process. */
int xml_xmlrpc_import(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)node, (void)hit;
    return !rc_imports(cx, "defusedxml.xmlrpc");
}

/* parser.setFeature(xml.sax.handler.feature_external_ges, True) */
int xml_sax_external_entities(const rule_ctx *cx, const ast_node *node, rule_hit *hit)
{
    (void)hit;
    const char *m = rc_method(node);
    if (!m || strcmp(m, "setFeature") != 0)
        return 0;
    const ast_node *feature = rule_arg(node, 0);
    if (!feature)
        return 0;
    const char *qn = sem_qualname(cx->sem, feature);
    const char *s = sem_const_str(cx->sem, feature);
    int external = (qn && (strcmp(qn, "xml.sax.handler.feature_external_ges") == 0 ||
                           strcmp(qn, "xml.sax.handler.feature_external_pes") == 0)) ||
                   (s && (strcmp(s, "http://xml.org/sax/features/external-general-entities") == 0 ||
                          strcmp(s, "http://xml.org/sax/features/external-parameter-entities") ==
                              0));
    return external && rule_arg(node, 1) && sem_truthy(cx->sem, rule_arg(node, 1)) == 1;
}
