// deps.mjs - `krait deps --format html` in a real browser (the system
// Chromium through playwright-core, as run.mjs and overview.mjs).
//
//   node tests/html/deps.mjs --krait KRAIT --out DIR
//
// It audits tests/deps/audit/project against the real advisories of
// tests/data/osv, tests/deps/audit/cvss-project against the GitHub
// advisories with CVSS vectors of tests/deps/audit/cvss-db, a clean project,
// and tests/html/deps-hostile (hand-written advisories whose text, IDs,
// aliases and references try to inject markup and script, a requirements
// file whose name and lines do the same), writes the HTML and JSON reports
// of each, validates the HTML (html-validate) and checks in Chromium that:
// every number shown equals the JSON's (the counts, the database, each
// dependency's row, each vulnerability's section); no injected script ran,
// no dialog opened, nothing was fetched; the only links are the page's own
// anchors and http(s) references (rel="noopener noreferrer"); sorting and
// the package filter work; with JavaScript off everything is still there;
// two runs give the same bytes. Lock files, --site-packages and --imports
// inputs are audited too. It leaves DIR/deps.png (full page), deps.pdf
// (printed), deps-sorted.png, deps-nojs.png, deps-hostile.png, deps-cvss.png
// and deps-inputs.png.
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

import { check, die, equal, failed, loadTools, open, screenshotAll, shownText, validate }
  from "./common.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const REAL_DB = path.join(root, "tests/data/osv/PyPI-all.zip");

const opts = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, "");
  if (!["krait", "out"].includes(key) || i + 1 >= process.argv.length)
    die("usage: deps.mjs --krait KRAIT --out DIR");
  opts[key] = path.resolve(process.argv[i + 1]);
}
if (!opts.krait || !opts.out) die("--krait and --out are required");
const { chromium, validator } = await loadTools();

// Runs `krait deps` from the output directory (short relative paths, as a
// user's usually are); returns the report's text.
function deps(args, outFile, wantStatus) {
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1764067260" };
  const r = spawnSync(path.resolve(opts.krait), ["deps", ...args, "-o", path.resolve(outFile)],
    { env, encoding: "utf8", cwd: opts.out });
  if (r.status !== wantStatus || r.stderr)
    die(`krait deps ${args.join(" ")}: status ${r.status} (want ${wantStatus})\n${r.stderr}`);
  return fs.readFileSync(outFile, "utf8");
}

async function pair(name, args, wantStatus) {
  const html = path.join(opts.out, `${name}.html`);
  deps(["--format", "html", ...args], html, wantStatus);
  await validate(validator, html);
  const again = path.join(opts.out, `${name}-again.html`);
  deps(["--format", "html", ...args], again, wantStatus);
  // The command lines differ (-o), nothing else may.
  const sansCommand = (f) => fs.readFileSync(f, "utf8").replace(/<code id="command-line">.*?<\/code>/, "");
  check(sansCommand(html) === sansCommand(again), `${name}: two runs, same bytes`);
  const json = JSON.parse(deps(["--format", "json", ...args], path.join(opts.out, `${name}.json`), wantStatus));
  return { html, json };
}

// What the page shows, read from the DOM.
async function shown(page) {
  return page.evaluate(() => {
    const text = (e) => (e ? e.textContent.trim() : null);
    const cards = {};
    for (const e of document.querySelectorAll(".card .num")) cards[e.id] = text(e);
    const rows = Array.from(document.querySelectorAll("#deps-table tbody tr")).map((tr) => ({
      id: tr.id, status: tr.dataset.status, visible: tr.checkVisibility(),
      cells: Array.from(tr.cells).map((td) => td.textContent.trim()),
      links: Array.from(tr.cells[4].querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("href")]),
      badges: Array.from(tr.cells[4].querySelectorAll(".sev")).map((s) => s.textContent),
      safe: text(tr.cells[5].querySelector(".safe")),
    }));
    const sections = {};
    for (const s of document.querySelectorAll("section.vuln")) {
      sections[s.id] = {
        id: text(s.querySelector(".vid")), aliases: text(s.querySelector(".aliases")),
        severity: text(s.querySelector("h3 .sev")),
        affected: Array.from(s.querySelectorAll(".affected li")).map((li) => ({
          dep: li.querySelector("a").getAttribute("href"), fixed: text(li.querySelector(".fixed")) })),
        advisories: Array.from(s.querySelectorAll(".adv-id")).map(text),
        scores: Array.from(s.querySelectorAll(".cvss .score")).map(text),
      };
    }
    const table = (sel) => Array.from(document.querySelectorAll(sel + " tbody tr"))
      .map((tr) => Array.from(tr.cells).map((td) => td.textContent.trim()));
    const links = Array.from(document.querySelectorAll("a[href]")).map((a) =>
      ({ href: a.getAttribute("href"), rel: a.getAttribute("rel"), text: a.textContent }));
    return {
      cards, rows, sections, links,
      db: { path: text(document.getElementById("db-path")), advisories: text(document.getElementById("db-advisories")),
        newest: text(document.getElementById("db-newest")) },
      errors: table("#read-errors-table"), notes: table("#read-notes-table"),
      notAudited: table("#not-audited-table"),
      ids: Array.from(document.querySelectorAll("[id]")).map((e) => e.id),
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
      scripts: document.scripts.length, images: document.images.length,
      frames: document.querySelectorAll("iframe, object, embed, img, svg image").length,
      filterBar: !document.querySelector("[data-filter=deps-table]")?.hidden,
      sortable: document.getElementById("deps-table")?.classList.contains("sortable") ?? false,
      clean: !!document.querySelector("#summary .clean"),
    };
  });
}

// The highest CVSS base score of a JSON vulnerability, as the badge shows it.
function badge(v) {
  const scores = v.severity.map((s) => s.base_score).filter((x) => x !== null);
  return v.severity_rating + (scores.length ? " " + Math.max(...scores).toFixed(1) : "");
}

function requirementText(d) {
  return d.specifier || d.version || "any version";
}

function checkAgainstJson(s, json, what) {
  const st = json.stats;
  equal(s.cards, {
    "n-dependencies": String(st.dependencies), "n-audited": String(st.audited),
    "n-vulnerable": String(st.vulnerable), "n-vulnerabilities": String(st.vulnerabilities),
    "n-not-auditable": String(st.not_auditable), "n-ignored": String(st.ignored), "n-errors": String(st.errors),
  }, `${what}: cards vs JSON stats`);
  equal(s.db, { path: shownText(json.database.path), advisories: String(json.database.advisories),
    newest: json.database.newest_modified ?? "unknown" }, `${what}: database vs JSON`);
  equal(s.rows.length, json.dependencies.length, `${what}: one row per dependency`);
  const sectionOf = new Map(); // "key id" -> section anchor
  for (const [i, d] of json.dependencies.entries()) {
    const r = s.rows[i] ?? { cells: [], links: [], badges: [] };
    const w = `${what}: row ${i + 1} (${d.name})`;
    check(r.cells[0]?.startsWith(shownText(d.name ?? d.url)), `${w}: package cell "${r.cells[0]}"`);
    if (d.marker) check(r.cells[0].includes(shownText(d.marker)), `${w}: marker shown`);
    equal(r.cells[1], shownText(requirementText(d)), `${w}: version or specifier`);
    check(r.cells[2]?.startsWith(shownText(d.path) + (d.line ? ":" + d.line : "")) && r.cells[2].includes(d.source),
      `${w}: source cell "${r.cells[2]}"`);
    equal(r.status, d.status, `${w}: status`);
    if (d.not_auditable) check(r.cells[3].includes(d.not_auditable), `${w}: why not auditable`);
    equal(r.links.map(([t]) => t), d.vulnerabilities.map((v) => shownText(v.id)), `${w}: vulnerability IDs`);
    equal(r.badges, d.vulnerabilities.map(badge), `${w}: severity badges`);
    const safe = d.status === "pinned" ? d.upgrade_to : d.status === "range" ? d.lowest_safe : null;
    equal(r.safe, safe ?? null, `${w}: upgrade / lowest safe version`);
    for (const [k, v] of d.vulnerabilities.entries()) {
      const anchor = (r.links[k] ?? [])[1]?.slice(1);
      const sec = s.sections[anchor];
      if (!sec) { check(false, `${w}: ${v.id} links to no section (${anchor})`); continue; }
      const key = `${d.key} ${v.id}`;
      if (sectionOf.has(key)) equal(anchor, sectionOf.get(key), `${w}: ${v.id}: one section per package and ID`);
      sectionOf.set(key, anchor);
      equal(sec.id, shownText(v.id), `${w}: section ID`);
      const aliases = v.ids.filter((x) => x !== v.id).map(shownText).join(", ");
      equal(sec.aliases, aliases || "none", `${w}: ${v.id} aliases`);
      equal(sec.severity, badge(v), `${w}: ${v.id} severity`);
      const mine = sec.affected.find((a) => a.dep === `#${r.id}`);
      check(mine, `${w}: ${v.id}'s section lists this dependency`);
      equal(mine?.fixed, v.fixed_in_range ?? v.fixed ?? "no fixed version known", `${w}: ${v.id} fixed in`);
      const advisories = [...new Set(v.severity.map((x) => x.advisory))];
      check(advisories.every((a) => sec.advisories.includes(shownText(a))), `${w}: ${v.id} advisories with scores listed`);
      const scores = v.severity.filter((x) => x.base_score !== null).map((x) => x.base_score.toFixed(1));
      equal(sec.scores, scores, `${w}: ${v.id} CVSS base scores`);
    }
  }
  equal(Object.keys(s.sections).length, sectionOf.size, `${what}: sections = distinct (package, ID)`);
  // The flat list agrees with the rows.
  equal(json.vulnerabilities.length, st.vulnerabilities, `${what}: JSON flat list`);
  const problems = (list) => list.map((e) => [shownText(e.path), e.line ? String(e.line) : "", shownText(e.message)]);
  equal(s.errors, problems(json.errors), `${what}: errors vs JSON`);
  equal(s.notes, problems(json.notes), `${what}: notes vs JSON`);
  equal(s.notAudited.length, st.not_auditable, `${what}: not-audited rows`);
  // Links: the page's own anchors (each with its target) and web references.
  const ids = new Set(s.ids);
  for (const l of s.links) {
    if (l.href.startsWith("#")) {
      check(ids.has(l.href.slice(1)), `${what}: anchor ${l.href} has no target`);
    } else {
      check(/^https?:\/\//i.test(l.href), `${what}: a link that is not http(s): ${l.href}`);
      equal(l.rel, "noopener noreferrer", `${what}: rel of ${l.href}`);
    }
  }
  check(s.pwned === null, `${what}: injected script ran (window.__pwned = ${s.pwned})`);
  equal(s.scripts, 1, `${what}: script elements (the page's own only)`);
  equal(s.frames, 0, `${what}: images, frames, objects`);
  equal(new Set(s.ids).size, s.ids.length, `${what}: ids unique`);
}

async function checkPage(browser, html, json, what, shot) {
  const { context, page, events } = await open(browser, html);
  const s = await shown(page);
  checkAgainstJson(s, json, what);
  equal(events.dialogs, [], `${what}: dialogs opened`);
  equal(events.errors, [], `${what}: page errors`);
  equal(events.requests, [], `${what}: requests made`);
  check(json.dependencies.length === 0 || (s.filterBar && s.sortable), `${what}: filter and sorting on with JavaScript`);
  if (shot) await screenshotAll(page, path.join(opts.out, shot));
  return { context, page, s };
}

async function projectReport(browser) {
  fs.cpSync(path.join(root, "tests/deps/audit/project"), path.join(opts.out, "project"), { recursive: true });
  const { html, json } = await pair("deps", ["--db", REAL_DB, "project"], 1);
  check(json.stats.vulnerable >= 5 && json.stats.not_auditable >= 1, "project: vulnerable and unauditable deps expected");
  const { context, page } = await checkPage(browser, html, json, "project", "deps.png");
  // Sort by the number of vulnerabilities (most first), then again (fewest).
  await page.click("#deps-table th:nth-child(5) button");
  let s = await shown(page);
  const counts = json.dependencies.map((d, i) => [d.vulnerabilities.length, i]);
  equal(s.rows.map((r) => r.id), counts.sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => `dep-${i + 1}`),
    "sorted by vulnerabilities, most first");
  equal(await page.getAttribute("#deps-table th:nth-child(5)", "aria-sort"), "descending", "aria-sort");
  await page.click("#deps-table th:nth-child(1) button");
  s = await shown(page);
  const names = s.rows.map((r) => r.cells[0]);
  equal(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), "sorted by package");
  // Filter by package.
  await page.fill("#deps-table-q", "PANDAS");
  s = await shown(page);
  const pandas = json.dependencies.filter((d) => (d.name ?? "").toLowerCase().includes("pandas"));
  equal(s.rows.filter((r) => r.visible).length, pandas.length, "rows shown for 'pandas'");
  equal(await page.textContent("[data-filter=deps-table] output"), `${pandas.length} of ${json.dependencies.length} shown`,
    "the shown-count line");
  await page.locator("#dependencies-h").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(opts.out, "deps-sorted.png") });
  await page.click("[data-filter=deps-table] button");
  s = await shown(page);
  check(s.rows.every((r) => r.visible), "Clear shows every row again");
  // A vulnerability's link leads to its section.
  const first = json.dependencies.findIndex((d) => d.vulnerabilities.length);
  await page.click(`#dep-${first + 1} td:nth-child(5) a`);
  const target = await page.evaluate(() => document.querySelector(":target")?.querySelector(".vid")?.textContent);
  equal(target, json.dependencies[first].vulnerabilities[0].id, "the ID's link goes to its section");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: path.join(opts.out, "deps.pdf"), format: "A4" });
  check(fs.statSync(path.join(opts.out, "deps.pdf")).size > 10000, "the printed PDF has content");
  await context.close();
  // JavaScript off: everything still there and visible, no dead controls.
  const off = await open(browser, html, { javaScriptEnabled: false });
  s = await shown(off.page);
  checkAgainstJson(s, json, "JavaScript off");
  check(s.rows.every((r) => r.visible), "JavaScript off: every row visible");
  check(!s.filterBar && !s.sortable, "JavaScript off: no dead filter bar or sort arrows");
  await off.page.screenshot({ path: path.join(opts.out, "deps-nojs.png") });
  await off.context.close();
  // --ignore-vuln: counted, and the vulnerability gone.
  const ignored = await pair("deps-ignore", ["--db", REAL_DB, "--ignore-vuln", "CVE-2023-32681", "project"], 1);
  check(ignored.json.stats.ignored >= 1, "--ignore-vuln: JSON counts it");
  const ig = await checkPage(browser, ignored.html, ignored.json, "--ignore-vuln");
  check(!Object.values(ig.s.sections).some((x) => x.id === "PYSEC-2023-74"), "--ignore-vuln: no section for it");
  await ig.context.close();
}

// Every other kind of input: lock files, an installed environment
// (--site-packages) and the imports of code (modulescan), with their
// readers' errors and notes.
async function inputsReport(browser) {
  const fixtures = path.join(root, "tests/deps/inputs/fixtures");
  const { html, json } = await pair("deps-inputs", ["--db", REAL_DB, "--imports",
    "--site-packages", path.join(fixtures, "site-packages"), path.join(fixtures, "locks"),
    path.join(root, "tests/overview/project")], 1);
  const kinds = new Set(json.dependencies.map((d) => d.source));
  check(kinds.has("site-packages") && kinds.has("imports") && kinds.size >= 4,
    `inputs: kinds of declaration expected, got ${[...kinds]}`);
  const { context } = await checkPage(browser, html, json, "inputs", "deps-inputs.png");
  await context.close();
}

async function cvssReport(browser) {
  fs.cpSync(path.join(root, "tests/deps/audit/cvss-project"), path.join(opts.out, "cvss-project"), { recursive: true });
  const { html, json } = await pair("deps-cvss", ["--db", path.join(root, "tests/deps/audit/cvss-db"), "cvss-project"], 1);
  const scores = json.dependencies.flatMap((d) => d.vulnerabilities.flatMap((v) => v.severity.map((x) => x.base_score)));
  check(scores.includes(6.1) && scores.includes(9.8), "cvss: the NVD scores 6.1 and 9.8 in the JSON");
  const { context } = await checkPage(browser, html, json, "cvss", "deps-cvss.png");
  await context.close();
}

async function cleanReport(browser) {
  const dir = path.join(opts.out, "clean-project");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "requirements.txt"), "pandas-datareader==0.10.0\n");
  const { html, json } = await pair("deps-clean", ["--db", REAL_DB, "clean-project"], 0);
  const { context, s } = await checkPage(browser, html, json, "clean");
  check(s.clean, "clean: the no-vulnerability note shown");
  await context.close();
}

// A requirements file whose name breaks out of markup (made at run time).
const HOSTILE_FILE = `requirements-"><img src=x onerror="window.__pwned='file'">\u202e.txt`;

async function hostileReport(browser) {
  const dir = path.join(opts.out, "hostile-project");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(here, "deps-hostile/project"), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, HOSTILE_FILE), "evilpkg==1.2\n<script>window.__pwned='line'</script>\n");
  const { html, json } = await pair("deps-hostile", ["--db", path.join(here, "deps-hostile/db"), "hostile-project"], 1);
  check(json.stats.vulnerabilities >= 4 && json.errors.length >= 1 && json.notes.length >= 1,
    "hostile: vulnerabilities, errors and notes expected");
  const { context, page, s } = await checkPage(browser, html, json, "hostile", "deps-hostile.png");
  const body = await page.textContent("body");
  check(body.includes("<script>window.__pwned='summary'</script>"), "hostile: the summary's markup shown as text");
  check(body.includes("<U+202E>evil<U+202C>") && !body.includes("\u202e"), "hostile: bidi controls shown as code points");
  check(body.includes("javascript:window.__pwned='ref'") && body.includes("data:text/html,"),
    "hostile: javascript: and data: references shown as text");
  const hrefs = s.links.map((l) => l.href);
  check(hrefs.includes(`https://example.com/fix?a=1&b="><script>window.__pwned='href'</script>`),
    "hostile: an https reference with quotes linked whole");
  check(hrefs.includes("HTTPS://EXAMPLE.COM/UPPER"), "hostile: an upper-case HTTPS reference linked");
  check(!hrefs.some((h) => /^\s*(javascript|data|vbscript|file):|^\/\//i.test(h)), "hostile: no dangerous link");
  const folded = await page.evaluate(() => Array.from(document.querySelectorAll("details.adv-details"))
    .map((d) => d.open));
  check(folded.includes(true) && folded.includes(false), "hostile: short details open, long details folded");
  await context.close();
}

fs.mkdirSync(opts.out, { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
try {
  await projectReport(browser);
  await cvssReport(browser);
  await inputsReport(browser);
  await cleanReport(browser);
  await hostileReport(browser);
} finally {
  await browser.close();
}
console.log(`screenshots: ${path.join(opts.out, "deps.png")} (and deps-sorted.png, deps-nojs.png, ` +
  "deps-cvss.png, deps-hostile.png)");
if (failed()) die(`${failed()} check(s) failed`);
console.log("html deps: all checks passed");
