// run.mjs - krait's HTML report in a real browser: the system Chromium
// (Debian package `chromium`), driven by playwright-core (pinned in
// package-lock.json; installed by scripts/install-deps).
//
//   node tests/html/run.mjs --krait KRAIT --out DIR [--corpus-a DIR]
//
// It scans a fixture tree (with files whose names and code try to inject
// script), writes the HTML and JSON reports of the same scan, checks each
// HTML report with html-validate (valid HTML5), and checks in Chromium
// that: the numbers shown equal the JSON's stats; every JSON finding is a
// row, in order; no injected script ran and nothing was fetched; the
// filters and sorting work; with JavaScript off every finding is still
// listed; a clean scan says so; and the report of corpus A stays under a
// size bound. It leaves DIR/report.png (1280 px wide, full page),
// report-filtered.png, report-nojs.png, clean.png, report.pdf (printed)
// and corpus-a.html for people to look at. Load time of the corpus A
// report is printed, not asserted (timing belongs in benchmarks).
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

import { HOSTILE_NAMES, check, die, equal, failed, loadTools, open, screenshotAll, shownText,
  validate as validateWith } from "./common.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_A_MAX_BYTES = 5 * 1024 * 1024;

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!["krait", "out", "corpus-a", "oracle"].includes(key) || i + 1 >= argv.length)
      die(`usage: run.mjs --krait KRAIT --out DIR [--corpus-a DIR [--oracle RUN]]`);
    o[key] = argv[i + 1];
  }
  if (!o.krait || !o.out) die("--krait and --out are required");
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const { chromium, validator } = await loadTools();
const validate = (file) => validateWith(validator, file);

function makeTree(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(here, "fixtures"), dir, { recursive: true });
  for (const name of HOSTILE_NAMES)
    fs.writeFileSync(path.join(dir, name), `exec(data)  # ${name}\n`);
}

// krait scan; exit status 1 (findings) and 0 are both success here.
function scan(args, outFile) {
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1764067260" };
  const r = spawnSync(opts.krait, ["scan", ...args, "-o", outFile], { env, encoding: "utf8" });
  // Nothing on stderr either: a sanitizer's report (whose exit status may
  // be 1, like findings) must fail the test.
  if ((r.status !== 0 && r.status !== 1) || r.stderr)
    die(`krait scan ${args.join(" ")}: status ${r.status}\n${r.stderr}`);
  return fs.readFileSync(outFile);
}

async function reportPair(name, args) {
  const html = path.join(opts.out, `${name}.html`);
  scan(["--format", "html", ...args], html);
  await validate(html);
  const json = JSON.parse(scan(["--format", "json", ...args], path.join(opts.out, `${name}.json`)));
  return { html, json };
}

// What the page shows: the summary numbers, and the rows as
// [rule, path, line] with their visibility.
async function shown(page) {
  return page.evaluate(() => {
    const num = (id) => {
      const e = document.getElementById(id);
      return e ? Number(e.textContent) : null;
    };
    const rows = Array.from(document.querySelectorAll("#findings-table tbody.finding"));
    return {
      stats: {
        files: num("count-files"), lines: num("count-lines"),
        findings: { high: num("count-high"), medium: num("count-medium"), low: num("count-low") },
        suppressed: num("count-suppressed"), notes: num("count-notes"), errors: num("count-errors"),
      },
      total: num("count-findings"),
      rows: rows.map((t) => [t.dataset.rule, t.dataset.path, Number(t.dataset.line),
        t.dataset.sev, t.hidden || t.getClientRects().length === 0 ? 0 : 1]),
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
      scripts: document.scripts.length,
      images: document.images.length,
      filtersVisible: !document.getElementById("filters")?.hidden,
      sortable: !!document.getElementById("findings-table")?.classList.contains("sortable"),
      clean: document.getElementById("clean")?.textContent ?? null,
      egress: num("egress-outbound"),
      egressRows: Array.from(document.querySelectorAll("#egress-files tbody tr"))
        .map((r) => r.querySelector("td code").textContent),
    };
  });
}

// Every number of the JSON's stats, as the page shows it.
function statsShown(s, json) {
  return Object.fromEntries(Object.keys(json.stats).map((k) => [k, s.stats[k]]));
}

function checkAgainstJson(s, json, what) {
  equal(statsShown(s, json), json.stats, `${what}: summary numbers vs JSON stats`);
  const h = json.stats.findings;
  equal(s.total, h.high + h.medium + h.low, `${what}: findings total`);
  equal(s.rows.map((r) => r.slice(0, 4)),
    json.findings.map((f) => [f.rule, shownText(f.path), f.line, f.severity]),
    `${what}: rows vs JSON findings`);
  check(s.pwned === null, `${what}: injected script ran (window.__pwned = ${s.pwned})`);
  equal(s.images, 0, `${what}: <img> elements`);
  // The Egress section gives the JSON's per-file verdict (when egress rules ran).
  const eg = json.egress;
  equal(s.egress, eg ? eg.files_with_outbound_logic : null, `${what}: egress files count`);
  equal(s.egressRows, eg ? eg.files.filter((f) => f.outbound).map((f) => shownText(f.path)) : [],
    `${what}: egress files listed`);
}

// Each finding shows its lines with their numbers: from two before the
// flagged ones (line..end_line, highlighted) to two after, at most 12, the
// flagged characters of its first line marked (columns are characters,
// end exclusive; a range going on to later lines is marked to the end of
// the line).
async function checkSourceLines(page, json) {
  const got = await page.$$eval("#findings-table tbody.finding", (ts) => ts.map((t) => ({
    all: Array.from(t.querySelectorAll(".sl .ln")).map((e) => Number(e.textContent)),
    hl: Array.from(t.querySelectorAll(".sl.hl .ln")).map((e) => Number(e.textContent)),
    mark: t.querySelector(".sl.hl mark")?.textContent ?? null,
  })));
  equal(got.length, json.findings.length, "a source block per finding");
  check(json.findings.some((f) => f.end_line > f.line), "the fixture has a multi-line finding");
  for (const [i, f] of json.findings.entries()) {
    const g = got[i], where = `${f.rule} at ${f.path}:${f.line}`;
    if (!g) break;
    const flagged = Array.from({ length: f.end_line - f.line + 1 }, (_, k) => f.line + k);
    equal(g.hl, flagged.filter((n) => g.all.includes(n)), `${where}: highlighted lines`);
    equal(g.all[0], Math.max(1, f.line - 2), `${where}: first line shown`);
    check(g.all.length <= 12 && g.all.every((n, k) => n === g.all[0] + k) &&
      g.all.includes(f.line), `${where}: lines shown ${JSON.stringify(g.all)}`);
    check(g.all.at(-1) >= Math.min(f.end_line, g.all[0] + 11), `${where}: flagged lines shown`);
    const chars = Array.from(f.snippet);
    const from = f.column - 1;
    let to = f.end_line > f.line ? chars.length : f.end_column - 1;
    if (to <= from && from < chars.length) to = from + 1;
    equal(g.mark, shownText(chars.slice(from, Math.max(from, to)).join("")), `${where}: marked text`);
  }
}

// krait scan -f html measures the files too: the per-file columns and the
// Imported modules section hold what `krait overview -f json` says of the
// same tree.
async function checkMeasurements(page, tree) {
  const env = { ...process.env };
  const r = spawnSync(opts.krait, ["overview", "-f", "json", tree], { env, encoding: "utf8" });
  if (r.status !== 0) die(`krait overview -f json ${tree}: status ${r.status}\n${r.stderr}`);
  const ov = JSON.parse(r.stdout);
  const got = await page.evaluate(() => {
    const head = Array.from(document.querySelectorAll("#files table.files thead th")).map((th) => th.textContent);
    const rows = Array.from(document.querySelectorAll("#files table.files tbody tr"))
      .map((tr) => Array.from(tr.cells).map((td) => td.textContent.trim()));
    const modules = Array.from(document.querySelectorAll("#modules tbody tr"))
      .map((tr) => Array.from(tr.cells).map((td) => td.textContent.trim()));
    return { head, rows, modules };
  });
  equal(got.head.slice(5), ["Code", "Comment", "Docstring", "Complexity", "Functions", "Imports"],
    "the Files table has the measurement columns");
  const measured = new Map(got.rows.filter((c) => c[5] !== "").map((c) => [c[0], c.slice(5, 10)]));
  equal(ov.files.map((f) => measured.get(shownText(f.path))),
    ov.files.map((f) => [f.code_lines, f.comment_lines, f.docstring_lines, f.complexity, f.functions].map(String)),
    "per-file measurements vs krait overview -f json");
  const origin = { stdlib: "stdlib", third_party: "third party", local: "local" };
  equal(got.modules, ov.modules.map((m) => [m.name, origin[m.origin], m.distribution ?? "", String(m.files)]),
    "Imported modules vs krait overview -f json");
  check(ov.modules.length > 5, "the fixture imports modules");
}

async function fixtureReport(browser) {
  const tree = path.join(opts.out, "tree");
  makeTree(tree);
  const { html, json } = await reportPair("report", [tree]);
  check(json.findings.length >= 15 && json.errors.length === 1 && json.notes.length === 1,
    "fixture scan: findings, one error and one note expected");
  // The same scan on 1 and 4 threads gives the same bytes (but the command
  // line, which says -j).
  const again = path.join(opts.out, "report-j1.html");
  scan(["--format", "html", "-j", "1", tree], again);
  const four = path.join(opts.out, "report-j4.html");
  scan(["--format", "html", "-j", "4", tree], four);
  const sansCommand = (f) => fs.readFileSync(f, "utf8")
    .replace(/<code id="command-line">.*?<\/code>/, "");
  check(sansCommand(again) === sansCommand(four), "same report for -j 1 and -j 4");
  check(HOSTILE_NAMES.every((n) => json.findings.some((f) => f.path.endsWith(n))),
    "every hostile file name has a finding");

  const { context, page, events } = await open(browser, html);
  let s = await shown(page);
  checkAgainstJson(s, json, "fixture report");
  await checkSourceLines(page, json);
  await checkMeasurements(page, tree);
  equal(s.scripts, 1, "script elements (the report's own only)");
  equal(events.dialogs, [], "dialogs opened");
  equal(events.errors, [], "page errors");
  equal(events.requests, [], "requests made");
  check(s.rows.every((r) => r[4] === 1), "every row visible before filtering");
  check(s.filtersVisible && s.sortable, "the filter bar and sorting are on when JavaScript runs");
  const text = await page.textContent("body");
  check(text.includes("</script><script>window.__pwned = 'snippet'; alert(1)</script>"),
    "the hostile snippet is shown as text");
  check(text.includes("<U+202E>"), "the bidi override is shown as a code point");
  check(text.includes("ctl<U+001B>[31m<U+202E>gnp.py") && !text.includes("\u001b") &&
    !text.includes("\u202e"), "controls in a file name are shown as code points");
  await screenshotAll(page, path.join(opts.out, "report.png"));

  // Filters: severity, then rule, then file; the count line follows.
  await page.selectOption("#f-sev", "high");
  s = await shown(page);
  const high = json.findings.filter((f) => f.severity === "high");
  equal(s.rows.filter((r) => r[4]).map((r) => r.slice(0, 3)),
    high.map((f) => [f.rule, shownText(f.path), f.line]), "rows shown with severity=high");
  equal(await page.textContent("#f-shown"), `${high.length} of ${json.findings.length} shown`,
    "the shown-count line");
  await page.selectOption("#f-sev", "");
  await page.selectOption("#f-rule", "KR102");
  s = await shown(page);
  equal(s.rows.filter((r) => r[4]).length, json.findings.filter((f) => f.rule === "KR102").length,
    "rows shown with rule=KR102");
  await page.selectOption("#f-rule", "");
  await page.fill("#f-file", "pkg/");
  s = await shown(page);
  equal(s.rows.filter((r) => r[4]).length, json.findings.filter((f) => f.path.includes("pkg/")).length,
    "rows shown with file contains pkg/");
  await page.locator("#findings-h").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById("findings-h").scrollIntoView());
  await page.screenshot({ path: path.join(opts.out, "report-filtered.png") });
  await page.click("#f-clear");
  await page.waitForFunction(() => document.getElementById("f-shown").textContent.startsWith(
    String(document.querySelectorAll("tbody.finding").length) + " of"));

  // Sorting: by severity puts the high findings first, then back to path order.
  await page.click("th[data-key=sev] button");
  s = await shown(page);
  equal(s.rows.slice(0, high.length).map((r) => r[3]), high.map(() => "high"), "sorted by severity");
  equal(await page.getAttribute("th[data-key=sev]", "aria-sort"), "descending", "aria-sort");
  await page.click("th[data-key=loc] button");
  s = await shown(page);
  equal(s.rows.map((r) => r[1]), json.findings.map((f) => shownText(f.path)).sort(),
    "sorted by location");

  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: path.join(opts.out, "report.pdf"), format: "A4" });
  check(fs.statSync(path.join(opts.out, "report.pdf")).size > 10000, "the printed PDF has content");
  await context.close();

  return { json, html };
}

// JavaScript off: Playwright's evaluate still works (it runs in an isolated
// world, not as page script), so the page's own script is what is off.
async function noScriptReport(browser, html, json) {
  const { context, page } = await open(browser, html, { javaScriptEnabled: false });
  const s = await shown(page);
  equal(s.rows.map((r) => r.slice(0, 3)),
    json.findings.map((f) => [f.rule, shownText(f.path), f.line]),
    "JavaScript off: every finding listed");
  check(s.rows.every((r) => r[4] === 1), "JavaScript off: every row visible");
  check(!s.filtersVisible && !s.sortable, "JavaScript off: no dead filter bar or sort arrows");
  equal(statsShown(s, json), json.stats, "JavaScript off: summary numbers");
  await page.screenshot({ path: path.join(opts.out, "report-nojs.png") });
  await context.close();
}

// --show-suppressed: the silenced findings are rows too, marked, in the
// JSON's order, and still not counted.
async function suppressedReport(browser) {
  const { html, json } = await reportPair("suppressed", ["--show-suppressed", path.join(opts.out, "tree")]);
  const { context, page } = await open(browser, html);
  const s = await shown(page);
  checkAgainstJson(s, json, "--show-suppressed report");
  const marked = await page.$$eval("tbody.finding.suppressed", (ts) => ts.map((t) => t.dataset.rule));
  const silenced = json.findings.filter((f) => f.suppressed);
  check(silenced.length > 0, "the fixture has a suppressed finding");
  equal(marked, silenced.map((f) => f.rule), "suppressed rows");
  await context.close();
}

async function cleanReport(browser) {
  const { html, json } = await reportPair("clean", [path.join(here, "fixtures-clean")]);
  const { context, page } = await open(browser, html);
  const s = await shown(page);
  checkAgainstJson(s, json, "clean report");
  check(s.clean && s.clean.startsWith("No findings.") && s.clean.includes("1 file (2 lines)"),
    `clean report says nothing was found and what was checked: ${s.clean}`);
  check(/ with all \d+ rules, \d+ families \(exec, /.test(s.clean ?? ""),
    `clean report says which rules ran: ${s.clean}`);
  await page.screenshot({ path: path.join(opts.out, "clean.png"), fullPage: true });
  await context.close();
}

async function corpusReport(browser) {
  const dir = opts["corpus-a"];
  if (!dir) return;
  if (!fs.existsSync(dir)) {
    if (!opts.oracle) die(`${dir}: corpus A not extracted (give --oracle tests/oracle/run)`);
    execFileSync(opts.oracle, ["--extract-corpus-a", dir], { stdio: "inherit" });
  }
  const { html, json } = await reportPair("corpus-a", [dir]);
  const size = fs.statSync(html).size;
  check(size < CORPUS_A_MAX_BYTES, `corpus A report is ${size} bytes (bound ${CORPUS_A_MAX_BYTES})`);
  check(json.findings.length >= 100, "corpus A has hundreds of findings");
  const { context, page, ms } = await open(browser, html);
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType("navigation")[0];
    return { dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd };
  });
  const s = await shown(page);
  checkAgainstJson(s, json, "corpus A report");
  console.log(`corpus A: ${json.findings.length} findings, ${size} bytes of HTML; ` +
    `goto ${ms.toFixed(0)} ms, DOMContentLoaded ${nav.dcl.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms (not asserted)`);
  await context.close();
}

fs.mkdirSync(opts.out, { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
try {
  const { json, html } = await fixtureReport(browser);
  await noScriptReport(browser, html, json);
  await suppressedReport(browser);
  await cleanReport(browser);
  await corpusReport(browser);
} finally {
  await browser.close();
}
console.log(`screenshots: ${path.join(opts.out, "report.png")} (and report-filtered.png, ` +
  `report-nojs.png, clean.png, report.pdf)`);
if (failed()) die(`${failed()} check(s) failed`);
console.log("html report: all checks passed");
