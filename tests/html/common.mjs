// common.mjs - what the HTML report tests share (run.mjs: the scan report;
// overview.mjs: the overview): the browser and validator, checks that
// count failures, the hostile file names, and opening a page while
// recording dialogs, page errors and requests.
import fs from "fs";
import path from "path";
import { fileURLToPath, pathToFileURL } from "url";

const here = path.dirname(fileURLToPath(import.meta.url));

export function die(msg) {
  console.error(`html test: ${msg}`);
  process.exit(1);
}

export async function loadTools() {
  try {
    const { chromium } = await import(path.join(here, "node_modules/playwright-core/index.mjs"));
    const { HtmlValidate } = await import(path.join(here, "node_modules/html-validate/dist/esm/index.js"));
    if (!fs.existsSync("/usr/bin/chromium")) die("/usr/bin/chromium missing: run scripts/install-deps");
    return { chromium, validator: new HtmlValidate({ extends: ["html-validate:recommended"] }) };
  } catch {
    die("playwright-core or html-validate is not installed: run scripts/install-deps");
  }
}

let failures = 0;
export const failed = () => failures;
export function check(ok, what) {
  if (!ok) {
    failures++;
    console.error(`FAIL: ${what}`);
  }
}
export function equal(got, want, what) {
  check(JSON.stringify(got) === JSON.stringify(want),
    `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// Files whose names try to break out of markup (made at run time: such
// names do not belong in a repository).
export const HOSTILE_NAMES = [
  `"><img src=x onerror="window.__pwned='name'">.py`,
  `<script>window.__pwned='name2'<!--.py`,
  `'onmouseover='window.__pwned=3'&amp;.py`,
  "ctl\u001b[31m\u202egnp.py", // a terminal escape and a bidi override
];

// How the reports show text: controls and bidi formatting characters as
// <U+XXXX>, visible (html_escape.c), so the JSON's strings are compared so.
export const shownText = (s) => s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
  (c) => "<U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + ">");

// Valid HTML5, by html-validate's recommended rules (parse errors, content
// model, duplicate ids, accessibility basics).
export async function validate(validator, file) {
  const r = await validator.validateString(fs.readFileSync(file, "utf8"), file);
  const messages = r.results.flatMap((x) => x.messages)
    .map((m) => `${path.basename(file)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
  equal(messages.slice(0, 10), [], `html-validate ${path.basename(file)}`);
}

// Opens a report, recording dialogs, page errors and any request that is
// not the report itself.
export async function open(browser, file, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const events = { dialogs: [], errors: [], requests: [] };
  page.on("dialog", (d) => { events.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("pageerror", (e) => events.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") events.errors.push(m.text()); });
  const url = pathToFileURL(file).href;
  page.on("request", (r) => { if (r.url() !== url) events.requests.push(r.url()); });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: "load" });
  const ms = performance.now() - t0;
  return { context, page, events, ms };
}

// A full-page screenshot with every section laid out: the reports let the
// browser skip what is off screen (content-visibility), which a full-page
// capture would show as blank space.
export async function screenshotAll(page, file) {
  await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
  await page.screenshot({ path: file, fullPage: true });
}
