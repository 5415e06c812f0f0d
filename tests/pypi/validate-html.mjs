// validate-html.mjs - html-validate's recommended rules (the validator of
// tests/html, installed by scripts/install-deps) over one file: the HTML
// report of a pypi: scan with its "Source" header row. Exit 1 on any message.
//   node validate-html.mjs FILE
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const lib = path.join(here, "..", "html", "node_modules/html-validate/dist/esm/index.js");
const { HtmlValidate } = await import(lib);
const file = process.argv[2];
const v = new HtmlValidate({ extends: ["html-validate:recommended"] });
const r = await v.validateString(fs.readFileSync(file, "utf8"), file);
const messages = r.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
if (messages.length) {
  console.log(messages.slice(0, 20).join("\n"));
  process.exit(1);
}
console.log(`${path.basename(file)}: valid`);
