/* html_deps_css.c - the rules only `krait deps --format html` needs, after
 * the shared stylesheet (src/report/assets/report.css, which the scan
 * report and the overview share). Kept here, not there, so the other
 * pages do not carry them. ASCII only; no closing style tag. */
#include "html_deps.h"

const char html_deps_css[] =
    "/* krait deps (html_deps*.c) */\n"
    "/* Off screen, a vulnerability's section is not laid out until it is\n"
    "   scrolled to: an audit of a large environment has thousands. */\n"
    "section.vuln { content-visibility: auto; contain-intrinsic-size: auto 360px; }\n"
    ".card.warn .num { color: var(--medium); }\n"
    "table.deps td { font-size: 14px; }\n"
    "table.deps td.req code { white-space: nowrap; }\n"
    "table.deps td.vulns { min-width: 22em; }\n"
    "table.deps th[data-type=num] { text-align: left; }\n"
    "table.deps .vline { display: block; white-space: nowrap; }\n"
    "table.deps td.vulns a { font-family: var(--mono); font-size: 13px; }\n"
    "table.deps td.vulns .sev { min-width: 0; font-size: 11px; }\n"
    "table.deps td.fix { min-width: 9em; }\n"
    "table.deps td.loc code { overflow-wrap: anywhere; }\n"
    "table.deps tr.has-findings td:first-child { box-shadow: inset 3px 0 0 var(--high); }\n"
    ".marker, .url { font-size: 12px; font-weight: normal; overflow-wrap: anywhere; }\n"
    ".vuln h3 .vid { font-family: var(--mono); overflow-wrap: anywhere; }\n"
    ".vuln .affected { margin: 4px 0 8px; padding-left: 20px; }\n"
    ".vuln .advisory { margin: 10px 0 0; padding: 2px 12px; border-left: 3px solid var(--line); }\n"
    ".vuln .advisory p { margin: 4px 0; max-width: 960px; overflow-wrap: anywhere; }\n"
    ".vuln details { margin: 4px 0; }\n"
    ".vuln details > summary { cursor: pointer; color: var(--muted); }\n"
    ".vuln ul.refs { margin: 4px 0; padding-left: 20px; font-size: 13px; overflow-wrap: anywhere; }\n"
    ".vuln ul.refs .badge { font-size: 11px; }\n"
    "@media print {\n"
    "  section.vuln { content-visibility: visible; }\n"
    "  section.vuln { break-inside: auto; }\n"
    "}\n";
