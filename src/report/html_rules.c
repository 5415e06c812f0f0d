/* html_rules.c - the Rules section: each rule that has listed findings,
 * once, with its explanation (why it matters, when it is a false alarm),
 * the safer alternative and its references. Findings link here
 * (#rule-KR102); a clean report lists nothing here, and says how many rules
 * the catalogue has in its summary instead. */
#include "html_internal.h"

static void put_rule(buf *b, int r, long n)
{
    const rule_info *x = &rule_catalogue[r];
    const char *sev = report_level_name(x->severity), *conf = report_level_name(x->confidence);
    buf_printf(b, "<article class=\"rule\" id=\"rule-%s\">\n<h3>%s <span class=\"rname\">%s"
                  "</span> <span class=\"sev sev-%s\">%s</span> <span class=\"muted\">"
                  "default confidence %s &middot; %ld listed</span></h3>\n<p class=\"rmsg\">",
               x->id, x->id, x->name, sev, sev, conf, n);
    html_text(b, x->message);
    buf_puts(b, "</p>\n<p>");
    html_text(b, x->help);
    buf_puts(b, "</p>\n<p class=\"fix\"><strong>Safer alternative:</strong> ");
    html_text(b, x->fix);
    buf_puts(b, "</p>\n<p class=\"refs\">");
    if (x->cwe > 0)
        buf_printf(b, "<a href=\"https://cwe.mitre.org/data/definitions/%d.html\" "
                      "rel=\"noopener noreferrer\">CWE-%d</a>",
                   x->cwe, x->cwe);
    if (x->bandit)
        buf_printf(b, " <span class=\"peer\">Bandit %s</span>", x->bandit);
    if (x->ruff)
        buf_printf(b, " <span class=\"peer\">Ruff %s</span>", x->ruff);
    buf_printf(b, " <span class=\"peer\">family %s</span></p>\n</article>\n", x->family);
}

void html_put_rules(buf *b, const html_counts *c)
{
    int n = 0;
    for (int r = 0; r < RULE_COUNT; r++)
        n += c->by_rule[r] > 0;
    if (n == 0)
        return;
    buf_printf(b, "<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">"
                  "Rules <span class=\"muted\">(%d of the %d in the catalogue found "
                  "something)</span></h2>\n",
               n, (int)RULE_COUNT);
    for (int r = 0; r < RULE_COUNT; r++)
        if (c->by_rule[r])
            put_rule(b, r, c->by_rule[r]);
    buf_puts(b, "</section>\n");
}

static int enabled_in_family(const rules_config *rules, rule_family f)
{
    int n = 0;
    for (int r = f.first; r < f.first + f.count; r++)
        n += rules->enabled[r] != 0;
    return n;
}

void html_put_rules_run(buf *b, const rules_config *rules)
{
    if (!rules) {
        buf_puts(b, "(not recorded)");
        return;
    }
    int enabled = 0, families = 0;
    for (int r = 0; r < RULE_COUNT; r++)
        enabled += rules->enabled[r] != 0;
    for (int k = 0; k < RULE_FAMILY_COUNT; k++)
        families += enabled_in_family(rules, rules_family_at(k)) > 0;
    if (enabled == RULE_COUNT)
        buf_printf(b, "all %d rules, %d families (", (int)RULE_COUNT, families);
    else
        buf_printf(b, "%d of the %d rules, %d famil%s (", enabled, (int)RULE_COUNT, families,
                   families == 1 ? "y" : "ies");
    int first = 1;
    for (int k = 0; k < RULE_FAMILY_COUNT; k++) {
        rule_family f = rules_family_at(k);
        int n = enabled_in_family(rules, f);
        if (n == 0)
            continue;
        buf_printf(b, "%s%s", first ? "" : ", ", f.name);
        if (n < f.count)
            buf_printf(b, " %d of %d", n, f.count);
        first = 0;
    }
    buf_puts(b, enabled ? ")" : "none)");
}
