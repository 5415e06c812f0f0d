/* rules_doc.h - the catalogue as JSON and as the Markdown page
 * docs/rules.md (`krait rules --format json|md`). */
#ifndef KRAIT_RULES_DOC_H
#define KRAIT_RULES_DOC_H

#include "base/buf.h"
#include "rules/rules.h"

/* `selected[r]`: include rule r. */
void rules_doc_json(buf *out, const unsigned char *selected);
void rules_doc_markdown(buf *out, const unsigned char *selected);

#endif
