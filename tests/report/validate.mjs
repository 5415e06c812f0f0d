// validate.mjs - real JSON-schema validation of krait's SARIF and GitLab
// reports (ajv), plus the checks a schema cannot express, and a comparison
// with the JSON report of the same scan (the same findings, errors, counts).
//
//   node validate.mjs sarif FILE...
//   node validate.mjs gitlab FILE...
//   node validate.mjs compare JSON_SHOWN SARIF GITLAB_SHOWN
//       JSON_SHOWN and GITLAB_SHOWN made with --show-suppressed
// Exit status 0 when everything holds; each problem is printed.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv04 from "ajv-draft-04";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
let failures = 0;
function fail(file, msg) {
  console.error(`${file}: ${msg}`);
  failures++;
}
function check(file, cond, msg) {
  if (!cond) fail(file, msg);
}
const load = (f) => JSON.parse(readFileSync(f, "utf8"));

function validator(kind) {
  if (kind === "sarif") {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(load(join(here, "sarif-schema-2.1.0.json")));
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(load(join(here, "gitlab-sast-15.schema.json")));
}

function schemaCheck(kind, file, doc) {
  const validate = validator(kind);
  if (!validate(doc))
    for (const e of validate.errors.slice(0, 20))
      fail(file, `schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

// What SARIF's schema cannot say: indexes point at the right rule, every
// base id is defined, fingerprints are unique, columns are code points.
function sarifSemantics(file, log) {
  check(file, log.runs.length === 1, "one run expected");
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  const bases = run.originalUriBaseIds || {};
  check(file, run.columnKind === "unicodeCodePoints", "columnKind");
  const seen = new Set();
  for (const [i, r] of run.results.entries()) {
    const rule = rules[r.ruleIndex];
    check(file, rule && rule.id === r.ruleId, `result ${i}: ruleIndex does not name ${r.ruleId}`);
    check(file, rule && rule.properties.tags.includes("security"), `rule ${r.ruleId}: no security tag`);
    const loc = r.locations[0].physicalLocation;
    const base = loc.artifactLocation.uriBaseId;
    check(file, !base || base in bases, `result ${i}: undefined uriBaseId ${base}`);
    const reg = loc.region;
    check(file, reg.startLine >= 1 && reg.startColumn >= 1, `result ${i}: region`);
    check(file, !reg.endLine || reg.endLine > reg.startLine || reg.endColumn >= reg.startColumn,
          `result ${i}: region ends before it starts`);
    const fp = r.partialFingerprints["krait/v1"];
    check(file, /^[0-9a-f]{32}$/.test(fp), `result ${i}: fingerprint ${fp}`);
    check(file, !seen.has(fp), `result ${i}: duplicate fingerprint ${fp}`);
    seen.add(fp);
  }
  for (const r of rules) {
    const sev = Number(r.properties["security-severity"]);
    check(file, sev > 0 && sev <= 10, `rule ${r.id}: security-severity`);
    const cwe = r.properties.tags.find((t) => t.startsWith("external/cwe/cwe-"));
    check(file, !cwe || /^external\/cwe\/cwe-[1-9][0-9]*$/.test(cwe), `rule ${r.id}: ${cwe}`);
  }
}

function gitlabSemantics(file, doc) {
  const ids = new Set();
  for (const v of doc.vulnerabilities) {
    check(file, !ids.has(v.id), `duplicate id ${v.id}`);
    ids.add(v.id);
    check(file, v.identifiers[0].type === "krait_rule_id", `${v.id}: primary identifier`);
  }
}

// The key of a finding, as every format can give it.
const key = (rule, path, line, col) => `${rule} ${path}:${line}:${col}`;
const relative = (p) => p.replace(/^(\.\/)+/, "");
// Percent-decoding to bytes, then UTF-8 with U+FFFD for invalid bytes, as
// the JSON report writes a path that is not UTF-8.
function decodeUri(uri) {
  const bytes = [];
  for (let i = 0; i < uri.length; i++) {
    if (uri[i] === "%") {
      bytes.push(parseInt(uri.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(uri[i], "utf8"));
  }
  return new TextDecoder("utf-8").decode(Uint8Array.from(bytes));
}

function compare(jsonFile, sarifFile, gitlabFile) {
  const json = load(jsonFile), sarif = load(sarifFile), gitlab = load(gitlabFile);
  const run = sarif.runs[0];
  const want = json.findings.map((f) => key(f.rule, relative(f.path), f.line, f.column)).sort();
  const fromSarif = run.results.map((r) => {
    const loc = r.locations[0].physicalLocation;
    const uri = decodeUri(loc.artifactLocation.uri);
    return key(r.ruleId, uri, loc.region.startLine, loc.region.startColumn);
  }).sort();
  check(sarifFile, JSON.stringify(fromSarif) === JSON.stringify(want),
        `results differ from ${jsonFile}:\n  sarif ${fromSarif.join("\n        ")}\n  json  ${want.join("\n        ")}`);
  const suppressed = json.findings.filter((f) => f.suppressed).length;
  check(sarifFile, run.results.filter((r) => r.suppressions).length === suppressed, "suppressions");
  check(sarifFile, run.properties.suppressed === json.stats.suppressed, "suppressed count");
  const notes = run.invocations[0].toolExecutionNotifications;
  check(sarifFile, notes.filter((n) => n.level === "error").length === json.errors.length, "errors");
  check(sarifFile, notes.filter((n) => n.level === "warning").length === json.notes.length, "notes");
  const fromGitlab = gitlab.vulnerabilities.map((v) => key(v.identifiers[0].value,
    v.location.file, v.location.start_line, 0)).sort();
  const wantLines = json.findings.map((f) => key(f.rule, relative(f.path), f.line, 0)).sort();
  check(gitlabFile, JSON.stringify(fromGitlab) === JSON.stringify(wantLines),
        `vulnerabilities differ from ${jsonFile}`);
  check(gitlabFile, gitlab.scan.messages.length === 1 + json.errors.length + json.notes.length,
        "scan.messages: summary, notes and errors");
}

const [cmd, ...files] = process.argv.slice(2);
if (cmd === "sarif" || cmd === "gitlab") {
  for (const f of files) {
    const doc = load(f);
    schemaCheck(cmd, f, doc);
    if (cmd === "sarif") sarifSemantics(f, doc);
    else gitlabSemantics(f, doc);
  }
} else if (cmd === "compare" && files.length === 3) {
  compare(...files);
} else {
  console.error("usage: validate.mjs sarif|gitlab FILE... | compare JSON SARIF GITLAB");
  process.exit(2);
}
if (failures) process.exit(1);
console.log(`${cmd}: ${files.length} file(s) valid`);
