// validate.mjs - real JSON-schema validation of `krait deps` reports, with
// the validators of tests/report (ajv): SARIF against the OASIS 2.1.0
// schema (draft-04), CycloneDX against the official 1.5 schema shipped by
// @cyclonedx/cyclonedx-library (draft-07, with spdx and jsf), plus what a
// schema cannot say (rule indexes, unique fingerprints and bom-refs, every
// affects ref names a component), and agreement with the JSON report.
//
//   node validate.mjs sarif FILE...
//   node validate.mjs cyclonedx FILE...
//   node validate.mjs compare JSON SARIF CYCLONEDX
// Exit status 0 when everything holds; each problem is printed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const reportDir = join(here, "..", "..", "report");
const require = createRequire(join(reportDir, "package.json"));
const Ajv04 = require("ajv-draft-04");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const cdxSchemas = join(reportDir, "node_modules", "@cyclonedx", "cyclonedx-library", "res", "schema");

let failures = 0;
function fail(file, msg) {
  console.error(`${file}: ${msg}`);
  failures++;
}
const check = (file, cond, msg) => cond || fail(file, msg);
const load = (f) => JSON.parse(readFileSync(f, "utf8"));
// The reports end with the "exit N" line the golden runner appends.
const loadReport = (f) => {
  const text = readFileSync(f, "utf8");
  const end = text.lastIndexOf("\nexit ");
  return JSON.parse(end >= 0 ? text.slice(0, end) : text);
};

function validator(kind) {
  if (kind === "sarif") {
    const ajv = new (Ajv04.default || Ajv04)({ allErrors: true, strict: false });
    (addFormats.default || addFormats)(ajv);
    return ajv.compile(load(join(reportDir, "sarif-schema-2.1.0.json")));
  }
  const ajv = new (Ajv.default || Ajv)({ allErrors: true, strict: false });
  (addFormats.default || addFormats)(ajv);
  // Formats ajv-formats lacks: checked as strings (the schema's other
  // constraints still apply).
  for (const f of ["iri-reference", "idn-email"]) ajv.addFormat(f, true);
  // The 1.5 schema refers to its companions by their file names, relative
  // to its own $id; their $id is replaced by that address.
  for (const name of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"]) {
    const { $id, ...schema } = load(join(cdxSchemas, name));
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${name}`);
  }
  return ajv.compile(load(join(cdxSchemas, "bom-1.5.SNAPSHOT.schema.json")));
}

function schemaCheck(kind, file, doc) {
  const validate = validator(kind);
  if (!validate(doc))
    for (const e of validate.errors.slice(0, 20))
      fail(file, `schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

const LEVEL = { critical: "error", high: "error", medium: "warning", low: "note", unknown: "note" };

function sarifSemantics(file, log) {
  check(file, log.runs.length === 1, "one run expected");
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  const seen = new Set();
  check(file, new Set(rules.map((r) => r.id)).size === rules.length, "duplicate rule ids");
  for (const [i, r] of run.results.entries()) {
    const rule = rules[r.ruleIndex];
    check(file, rule && rule.id === r.ruleId, `result ${i}: ruleIndex does not name ${r.ruleId}`);
    check(file, rule && r.level === LEVEL[rule.properties.severity], `result ${i}: level`);
    check(file, r.message.text.includes(r.ruleId), `result ${i}: message lacks the ID`);
    const loc = r.locations[0].physicalLocation;
    const base = loc.artifactLocation.uriBaseId;
    check(file, !base || base in run.originalUriBaseIds, `result ${i}: undefined uriBaseId`);
    check(file, !loc.region || loc.region.startLine >= 1, `result ${i}: region`);
    const fp = r.partialFingerprints["krait/deps/v1"];
    check(file, /^[0-9a-f]{32}$/.test(fp), `result ${i}: fingerprint ${fp}`);
    check(file, !seen.has(fp), `result ${i}: duplicate fingerprint ${fp}`);
    seen.add(fp);
  }
  for (const r of rules) {
    const sev = r.properties["security-severity"];
    check(file, sev === undefined || (Number(sev) >= 0 && Number(sev) <= 10),
          `rule ${r.id}: security-severity ${sev}`);
  }
}

function cyclonedxSemantics(file, bom) {
  const refs = new Set();
  for (const c of bom.components) {
    check(file, !refs.has(c["bom-ref"]), `duplicate bom-ref ${c["bom-ref"]}`);
    refs.add(c["bom-ref"]);
    check(file, /^pkg:pypi\/[a-z0-9]+([.-][a-z0-9]+)*(@[A-Za-z0-9.%_~-]+)?$/.test(c.purl),
          `purl ${c.purl}`);
    check(file, c.purl === `pkg:pypi/${c.name}` + (c.version ? "@" + encodeURIComponent(c.version) : ""),
          `purl ${c.purl} does not match name and version`);
  }
  const pairs = new Set();
  for (const v of bom.vulnerabilities) {
    check(file, v.source.url === `https://osv.dev/vulnerability/${v.id}`, `${v.id}: source url`);
    for (const a of v.affects) {
      check(file, refs.has(a.ref), `${v.id}: affects unknown ref ${a.ref}`);
      check(file, !pairs.has(a.ref + " " + v.id), `${v.id} twice for ${a.ref}`);
      pairs.add(a.ref + " " + v.id);
    }
  }
}

// The JSON report's vulnerabilities, seen through each format.
function compare(jsonFile, sarifFile, cdxFile) {
  const json = loadReport(jsonFile), sarif = loadReport(sarifFile), cdx = loadReport(cdxFile);
  const want = json.vulnerabilities.map((v) => `${v.id} ${v.path}:${v.line}`).sort();
  const got = sarif.runs[0].results.map((r) => {
    const loc = r.locations[0].physicalLocation;
    return `${r.ruleId} ${decodeURIComponent(loc.artifactLocation.uri.replace(/^file:\/\//, ""))}:${loc.region ? loc.region.startLine : 0}`;
  }).sort();
  check(sarifFile, JSON.stringify(got) === JSON.stringify(want),
        `results differ from ${jsonFile}:\n  sarif ${got.join("\n        ")}\n  json  ${want.join("\n        ")}`);
  // CycloneDX: (purl, id) pairs, de-duplicated, for dependencies with a name.
  const norm = (n) => n.toLowerCase().replace(/[-_.]+/g, "-");
  const wantPairs = [...new Set(json.vulnerabilities.map((v) =>
    `pkg:pypi/${norm(v.package)}${v.version ? "@" + encodeURIComponent(v.version) : ""} ${v.id}`))].sort();
  const gotPairs = cdx.vulnerabilities.map((v) => `${v.affects[0].ref} ${v.id}`).sort();
  check(cdxFile, JSON.stringify(gotPairs) === JSON.stringify(wantPairs),
        `vulnerabilities differ from ${jsonFile}:\n  cdx  ${gotPairs.join("\n       ")}\n  json ${wantPairs.join("\n       ")}`);
  const wantComponents = new Set(json.dependencies.filter((d) => d.key).map((d) =>
    `pkg:pypi/${d.key}${d.version ? "@" + encodeURIComponent(d.version) : ""}`));
  check(cdxFile, cdx.components.length === wantComponents.size, "component count");
  for (const v of cdx.vulnerabilities) {
    const j = json.vulnerabilities.find((x) => x.id === v.id);
    check(cdxFile, !j || !j.fixed_in || (v.recommendation || "").startsWith("Upgrade to "),
          `${v.id}: no recommendation`);
  }
}

const [cmd, ...files] = process.argv.slice(2);
if (cmd === "sarif" || cmd === "cyclonedx") {
  for (const f of files) {
    const doc = loadReport(f);
    schemaCheck(cmd, f, doc);
    if (cmd === "sarif") sarifSemantics(f, doc);
    else cyclonedxSemantics(f, doc);
  }
} else if (cmd === "compare" && files.length === 3) {
  compare(...files);
} else {
  console.error("usage: validate.mjs sarif|cyclonedx FILE... | compare JSON SARIF CYCLONEDX");
  process.exit(2);
}
if (failures) process.exit(1);
console.log(`${cmd}: ${files.length} file(s) valid`);
