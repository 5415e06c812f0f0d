// overview.mjs - `krait overview --format html` in a real browser (the
// system Chromium through playwright-core, as run.mjs).
//
//   node tests/html/overview.mjs --krait KRAIT --out DIR [--corpus-a DIR [--oracle RUN]]
//
// It measures a fixture tree (tests/overview/project, tests/html/fixtures
// and files whose names and code try to inject script), writes the HTML
// and JSON overviews of it, validates the HTML (html-validate), and checks
// in Chromium that: every number shown equals the JSON's (summary cards,
// the per-file table, the functions table, the modules by origin,
// warnings and errors); no injected script ran and nothing was fetched;
// sorting and the path filter work; with JavaScript off everything is
// still there; --top N limits the functions; -j 1 and -j 4 give the same
// bytes. With --corpus-a it checks the overview of CPython's standard
// library against its JSON too, bounds its size and prints (does not
// assert) its load time. It leaves
// DIR/overview.png (full page), overview-sorted.png, overview-nojs.png,
// overview.pdf (printed) and overview-corpus-a.png for people to look at.
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

import { HOSTILE_NAMES, check, die, equal, failed, loadTools, open, screenshotAll, shownText,
  validate } from "./common.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const CORPUS_A_MAX_BYTES = 8 * 1024 * 1024;

const opts = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, "");
  if (!["krait", "out", "corpus-a", "oracle"].includes(key) || i + 1 >= process.argv.length)
    die("usage: overview.mjs --krait KRAIT --out DIR [--corpus-a DIR [--oracle RUN]]");
  opts[key] = path.resolve(process.argv[i + 1]);
}
if (!opts.krait || !opts.out) die("--krait and --out are required");
const { chromium, validator } = await loadTools();

function overview(args, outFile) {
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1764067260" };
  // Run from the output directory, so the tree's paths are short and
  // relative, as a user's usually are.
  const r = spawnSync(path.resolve(opts.krait), ["overview", ...args, "-o", path.resolve(outFile)],
    { env, encoding: "utf8", cwd: opts.out });
  if (r.status !== 0 || r.stderr) die(`krait overview ${args.join(" ")}: status ${r.status}\n${r.stderr}`);
  return fs.readFileSync(outFile, "utf8");
}

async function pair(name, args, { validated = true } = {}) {
  const html = path.join(opts.out, `${name}.html`);
  overview(["--format", "html", ...args], html);
  if (validated) await validate(validator, html);
  const json = JSON.parse(overview(["--format", "json", ...args], path.join(opts.out, `${name}.json`)));
  return { html, json };
}

// A tree with measurable code, a syntax error, a warning, and hostile names
// and strings.
function makeTree(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, "tests/overview/project"), path.join(dir, "project"), { recursive: true });
  fs.cpSync(path.join(here, "fixtures"), path.join(dir, "fixtures"), { recursive: true });
  for (const name of HOSTILE_NAMES)
    fs.writeFileSync(path.join(dir, name),
      `import os\nx = "\\<script>window.__pwned='warn'</script>"\n\n\ndef f(a):\n    if a:\n        return 1\n`);
}

// What the page shows, read from the DOM.
async function shown(page) {
  return page.evaluate(() => {
    const text = (e) => (e ? e.textContent.trim() : null);
    const rows = (sel) => Array.from(document.querySelectorAll(sel + " tbody tr"))
      .map((tr) => ({ cells: Array.from(tr.cells).map((td) => td.textContent.trim()),
        visible: tr.checkVisibility() }));
    const cards = {};
    for (const e of document.querySelectorAll(".card .num")) cards[e.id] = text(e);
    return {
      cards,
      files: rows("#files-table"),
      functions: rows("#functions-table"),
      modules: ["stdlib", "third-party", "local"].map((o) => rows("#modules-" + o)),
      warnings: rows("#warnings-table"),
      errors: rows("#errors-table"),
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
      scripts: document.scripts.length,
      images: document.images.length,
      filterBars: Array.from(document.querySelectorAll("[data-filter]")).map((e) => !e.hidden),
      sortable: Array.from(document.querySelectorAll("table.sorts")).map((t) => t.classList.contains("sortable")),
      charts: Array.from(document.querySelectorAll("figure.chart svg")).map((s) => s.querySelectorAll("rect").length),
    };
  });
}

const FILE_FIELDS = ["lines", "code_lines", "blank_lines", "comment_only_lines", "docstring_lines",
  "comment_lines", "statements", "functions", "classes", "complexity"];
const ORIGINS = ["stdlib", "third_party", "local"];

// The JSON's functions as the HTML lists them: functions and methods, most
// complex first, ties by path then line.
function rankedFunctions(json) {
  return json.functions.filter((f) => f.kind !== "class").sort((a, b) =>
    b.complexity - a.complexity || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

function checkAgainstJson(s, json, what, top = 0) {
  const m = json.summary;
  equal(s.cards, {
    "ov-files": String(m.files), "ov-lines": String(m.lines), "ov-code": String(m.code_lines),
    "ov-blank": String(m.blank_lines), "ov-comment-only": String(m.comment_only_lines),
    "ov-docstring": String(m.docstring_lines), "ov-comment": String(m.comment_lines),
    "ov-statements": String(m.statements), "ov-functions": String(m.functions),
    "ov-classes": String(m.classes), "ov-median": String(m.complexity.median),
    "ov-max": String(m.complexity.max), "ov-warnings": String(m.warnings), "ov-errors": String(m.errors),
  }, `${what}: summary cards vs JSON summary`);
  equal(s.files.map((r) => r.cells.slice(0, 12)),
    json.files.map((f) => [shownText(f.path), ...FILE_FIELDS.map((k) => String(f[k])), String(f.warnings.length)]),
    `${what}: per-file table vs JSON files`);
  for (const [i, f] of json.files.entries())
    check(f.modules.every((x) => s.files[i]?.cells[12].includes(x.name)),
      `${what}: the imports of ${f.path} listed`);
  let fns = rankedFunctions(json);
  if (top) fns = fns.slice(0, top);
  equal(s.functions.map((r) => [r.cells[0], r.cells[2], r.cells[3], r.cells[4], r.cells[5]]),
    fns.map((f) => [String(f.complexity), f.name, f.kind, shownText(f.path), String(f.line)]),
    `${what}: functions table vs JSON functions`);
  check(s.functions.every((r) => r.cells[1] === rankOf(Number(r.cells[0]))),
    `${what}: the Rank column is radon's rank of the complexity`);
  for (const [k, origin] of ORIGINS.entries()) {
    const want = json.modules.filter((x) => x.origin === origin)
      .sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((x) => origin === "third_party" ? [x.name, x.distribution ?? "", String(x.files)] : [x.name, String(x.files)]);
    equal(s.modules[k].map((r) => r.cells), want, `${what}: ${origin} modules vs JSON`);
  }
  equal(s.warnings.length, m.warnings, `${what}: warnings listed`);
  equal(s.errors.map((r) => [r.cells[0], r.cells[1], r.cells[2]]),
    json.errors.map((e) => [shownText(e.path), e.line ? String(e.line) : "", e.message]),
    `${what}: errors vs JSON errors`);
  check(s.pwned === null, `${what}: injected script ran (window.__pwned = ${s.pwned})`);
  equal(s.images, 0, `${what}: <img> elements`);
}

// radon's rank of a complexity, to check the Rank column.
const rankOf = (c) => (c <= 5 ? "A" : c <= 10 ? "B" : c <= 20 ? "C" : c <= 30 ? "D" : c <= 40 ? "E" : "F");

async function fixtureOverview(browser) {
  const tree = "overview-tree";
  makeTree(path.join(opts.out, tree));
  const { html, json } = await pair("overview", [tree]);
  check(json.files.length >= 10 && json.errors.length >= 2 && json.summary.warnings >= 4,
    "fixture: files, errors and warnings expected");
  const sansCommand = (f) => fs.readFileSync(f, "utf8").replace(/<code id="command-line">.*?<\/code>/, "");
  const j1 = path.join(opts.out, "overview-j1.html"), j4 = path.join(opts.out, "overview-j4.html");
  overview(["-f", "html", "-j", "1", tree], j1);
  overview(["-f", "html", "-j", "4", tree], j4);
  check(sansCommand(j1) === sansCommand(j4), "same overview for -j 1 and -j 4");

  const { context, page, events } = await open(browser, html);
  let s = await shown(page);
  checkAgainstJson(s, json, "overview");
  equal(s.scripts, 1, "script elements (the page's own only)");
  equal(events.dialogs, [], "dialogs opened");
  equal(events.errors, [], "page errors");
  equal(events.requests, [], "requests made");
  check(s.filterBars.length === 2 && s.filterBars.every(Boolean), "filter bars shown with JavaScript");
  check(s.sortable.length >= 4 && s.sortable.every(Boolean), "tables sortable with JavaScript");
  equal(s.charts.length, 5, "charts drawn");
  const body = await page.textContent("body");
  check(body.includes(`"\\<" is an invalid escape sequence`), "warning messages shown as text");
  check(body.includes("ctl<U+001B>[31m<U+202E>gnp.py") && !body.includes("\u202e"),
    "controls in a file name are shown as code points");

  // Sort the files by lines (most first), then by path (A to Z).
  await page.click("#files-table th:nth-child(2) button");
  s = await shown(page);
  const byLines = json.files.map((f, i) => [f, i]).sort((a, b) => b[0].lines - a[0].lines || a[1] - b[1]);
  equal(s.files.map((r) => r.cells[0]), byLines.map(([f]) => shownText(f.path)), "files sorted by lines");
  equal(await page.getAttribute("#files-table th:nth-child(2)", "aria-sort"), "descending", "aria-sort");
  await page.click("#files-table th:nth-child(2) button");
  s = await shown(page);
  equal(s.files.map((r) => Number(r.cells[1])), json.files.map((f) => f.lines).sort((a, b) => a - b),
    "second click: fewest lines first");
  // Filter by path.
  await page.fill("#files-table-q", "shop/");
  s = await shown(page);
  const shop = json.files.filter((f) => f.path.includes("shop/"));
  equal(s.files.filter((r) => r.visible).length, shop.length, "files shown with path contains shop/");
  equal(await page.textContent("[data-filter=files-table] output"), `${shop.length} of ${json.files.length} shown`,
    "the shown-count line");
  await page.locator("#files-h").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(opts.out, "overview-sorted.png") });
  await page.click("[data-filter=files-table] button");
  s = await shown(page);
  check(s.files.every((r) => r.visible), "Clear shows every file again");
  // The functions table: sorted by name, then filtered by path.
  await page.click("#functions-table th:nth-child(3) button");
  s = await shown(page);
  const names = s.functions.map((r) => r.cells[2]);
  equal(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), "functions sorted by name");
  await page.fill("#functions-table-q", "models.py");
  s = await shown(page);
  equal(s.functions.filter((r) => r.visible).length,
    rankedFunctions(json).filter((f) => f.path.includes("models.py")).length, "functions filtered by path");
  check(await page.isHidden("#functions-table-more"), "no 'show more' under a short list");
  await screenshotAll(page, path.join(opts.out, "overview.png"));
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: path.join(opts.out, "overview.pdf"), format: "A4" });
  check(fs.statSync(path.join(opts.out, "overview.pdf")).size > 10000, "the printed PDF has content");
  await context.close();
  return { html, json, tree };
}

async function noScript(browser, html, json) {
  const { context, page } = await open(browser, html, { javaScriptEnabled: false });
  const s = await shown(page);
  checkAgainstJson(s, json, "JavaScript off");
  check(s.files.every((r) => r.visible) && s.functions.every((r) => r.visible), "JavaScript off: every row visible");
  check(s.filterBars.every((v) => !v) && s.sortable.every((v) => !v), "JavaScript off: no dead filter bar or sort arrows");
  await page.screenshot({ path: path.join(opts.out, "overview-nojs.png") });
  await context.close();
}

async function topOverview(browser, tree) {
  const { html, json } = await pair("overview-top", ["--top", "3", tree]);
  const full = JSON.parse(overview(["-f", "json", tree], path.join(opts.out, "overview-all.json")));
  const { context, page } = await open(browser, html);
  const s = await shown(page);
  checkAgainstJson(s, { ...full, functions: full.functions }, "--top 3", 3);
  equal(s.functions.length, 3, "--top 3: three functions");
  check(json.functions.length === 3, "JSON --top 3");
  await context.close();
}

async function corpusOverview(browser) {
  const dir = opts["corpus-a"];
  if (!dir) return;
  if (!fs.existsSync(dir)) {
    if (!opts.oracle) die(`${dir}: corpus A not extracted (give --oracle tests/oracle/run)`);
    execFileSync(opts.oracle, ["--extract-corpus-a", dir], { stdio: "inherit" });
  }
  const absolute = path.resolve(dir);
  // Not validated: the fixture's page has the same markup, and
  // html-validate takes minutes over megabytes.
  const { html, json } = await pair("overview-corpus-a", [absolute], { validated: false });
  const size = fs.statSync(html).size;
  check(size < CORPUS_A_MAX_BYTES, `corpus A overview is ${size} bytes (bound ${CORPUS_A_MAX_BYTES})`);
  const { context, page, ms } = await open(browser, html);
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType("navigation")[0];
    return { dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd };
  });
  const s = await shown(page);
  checkAgainstJson(s, json, "corpus A overview");
  // Thousands of functions: folded under the 20 most complex, whole when
  // unfolded.
  const preview = await page.$$eval("#functions-top tbody tr", (trs) => trs.map((tr) => tr.cells[2].textContent));
  equal(preview, rankedFunctions(json).slice(0, 20).map((f) => f.name), "corpus A: the 20 most complex in view");
  check(s.functions.every((r) => !r.visible), "corpus A: the whole list folded at first");
  await page.click("#functions-all > summary");
  const visible = async () => (await shown(page)).functions.filter((r) => r.visible).length;
  equal(await visible(), 500, "corpus A: unfolded, the first 500 functions listed");
  await page.click("#functions-table-more");
  equal(await visible(), 1000, "corpus A: 'show more' lists 500 more");
  equal(await page.textContent("[data-filter=functions-table] output"),
    `${s.functions.length} of ${s.functions.length} shown (the first 1000 listed)`, "corpus A: the count line");
  const t0 = performance.now();
  await page.click("#functions-table th:nth-child(3) button");
  await page.waitForFunction(() => document.querySelector("#functions-table th:nth-child(3)").hasAttribute("aria-sort"));
  const sortMs = performance.now() - t0;
  console.log(`corpus A overview: ${json.files.length} files, ${s.functions.length} functions, ` +
    `${size} bytes of HTML; goto ${ms.toFixed(0)} ms, DOMContentLoaded ${nav.dcl.toFixed(0)} ms, ` +
    `load ${nav.load.toFixed(0)} ms, sorting the functions ${sortMs.toFixed(0)} ms (not asserted)`);
  await page.screenshot({ path: path.join(opts.out, "overview-corpus-a.png") });
  await context.close();
}

fs.mkdirSync(opts.out, { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
try {
  const { html, json, tree } = await fixtureOverview(browser);
  await noScript(browser, html, json);
  await topOverview(browser, tree);
  await corpusOverview(browser);
} finally {
  await browser.close();
}
console.log(`screenshots: ${path.join(opts.out, "overview.png")} (and overview-sorted.png, ` +
  "overview-nojs.png, overview.pdf, overview-corpus-a.png)");
if (failed()) die(`${failed()} check(s) failed`);
console.log("html overview: all checks passed");
