// check-distributions.mjs - checks src/metrics/distributions.def (import
// name -> PyPI distribution) against the sources of truth available offline:
//
//   pyodide-lock  tests/oracle/node_modules/pyodide/pyodide-lock.json lists
//                 every package Pyodide ships with its top-level imports;
//   dist-info     the *.dist-info / *.egg-info records of the distributions
//                 installed on this machine (top_level.txt, RECORD,
//                 installed-files.txt), which name every file they install.
//
// Each row says in its third column where it came from. A row marked
// pyodide-lock must be confirmed by the lock; a row marked dist-info must be
// confirmed when its distribution is installed here (else it is counted as
// not checkable on this machine); and any row, whatever its mark, fails when
// a source that has its distribution says that distribution does not provide
// the module. Also checked: the table's shape (sorted, unique, valid names,
// no row for a standard library module, no row whose distribution is spelt
// like the import name anyway) and coverage (every mapping of the lock in
// which the import name differs from the distribution is in the table, or
// is listed below as deliberately left out).
//
//   node check-distributions.mjs [--root DIR] [--def FILE] [--site DIR]...
//                                [--no-default-sites] [--pypi-list FILE] [--suggest]
// --def: check FILE instead of src/metrics/distributions.def (the test of
//   the checker itself feeds it wrong rows).
// --pypi-list: a TSV whose first column is PyPI project names; every
//   distribution (and every alternative named in a note) must be in it.
// --suggest: print, for each row, the strongest source that confirms it.
// Exit status 0 when every check passes, 1 otherwise.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Lock mappings that are true but stay out of the table, and why.
const LOCK_LEFT_OUT = {
  unix_timezones: "pyodide-unix-timezones is Pyodide's own package",
  bigtests: "screed ships its test data as a top-level package",
  cvxpy: "cvxpy-base is Pyodide's build; the cvxpy distribution is the usual provider",
  pygame: "pygame-ce is a fork; the pygame distribution is the usual provider",
};

const SOURCES = ["pyodide-lock", "dist-info", "known", "namespace"];

export function normalize(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const o = { root: path.resolve(here, "../../.."), def: null, sites: [], defaultSites: true, pypi: null, suggest: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--root") o.root = argv[++i];
    else if (a === "--def") o.def = argv[++i];
    else if (a === "--site") o.sites.push(argv[++i]);
    else if (a === "--no-default-sites") o.defaultSites = false;
    else if (a === "--pypi-list") o.pypi = argv[++i];
    else if (a === "--suggest") o.suggest = true;
    else throw new Error(`unknown argument '${a}'`);
  }
  return o;
}

// DIST("import", "distribution", "source", "note") rows, in file order.
export function readRows(file) {
  const rows = [];
  const re = /^DIST\("([^"]*)", "([^"]*)", "([^"]*)", "((?:[^"\\]|\\.)*)"\)$/;
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.startsWith("DIST(")) return;
      const m = re.exec(line);
      if (!m) throw new Error(`${file}:${i + 1}: malformed row: ${line}`);
      rows.push({ line: i + 1, imp: m[1], dist: m[2], source: m[3], note: m[4] });
    });
  return rows;
}

function readStdlib(file) {
  const names = new Set();
  for (const m of readFileSync(file, "utf8").matchAll(/^STDLIB\("([^"]+)"\)$/gm)) names.add(m[1]);
  return names;
}

// ---- the installed distributions -------------------------------------------

function listDir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// site-packages style directories that exist on this machine.
function defaultSites() {
  const out = ["/usr/lib/python3/dist-packages"];
  for (const base of ["/usr/local/lib", "/usr/lib"])
    for (const d of listDir(base))
      if (/^python3/.test(d))
        for (const s of ["site-packages", "dist-packages"]) out.push(path.join(base, d, s));
  const pyenv = "/root/.pyenv/versions";
  for (const v of listDir(pyenv))
    for (const d of listDir(path.join(pyenv, v, "lib")))
      if (/^python3/.test(d)) out.push(path.join(pyenv, v, "lib", d, "site-packages"));
  return [...new Set(out)].filter((d) => existsSync(d));
}

function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function metadataName(text) {
  const m = text && /^Name:\s*(\S+)/m.exec(text);
  return m ? m[1] : null;
}

// The files a distribution installed, as paths relative to its site
// directory ("yaml/__init__.py"); null when it does not record them.
function recordedFiles(infoDir, site) {
  const record = readText(path.join(infoDir, "RECORD"));
  if (record !== null)
    return record
      .split("\n")
      .filter((l) => l)
      .map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(",")[0]));
  const installed = readText(path.join(infoDir, "installed-files.txt"));
  if (installed !== null)
    return installed
      .split("\n")
      .filter((l) => l)
      .map((l) => path.relative(site, path.resolve(infoDir, l)));
  return null;
}

// Top-level importable names implied by installed file paths.
function topsFromFiles(files) {
  const tops = new Set();
  for (const f of files) {
    const first = f.split("/")[0];
    if (f.startsWith("..") || /\.(dist-info|egg-info|data|pth)$/.test(first) || first === "__pycache__") continue;
    if (f.includes("/")) {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(first)) tops.add(first);
    } else {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(\.py|\..*\.so|\.so|\.pyd)$/.exec(first);
      if (m) tops.add(m[1]);
    }
  }
  return tops;
}

function readInstalled(sites) {
  const dists = new Map(); // normalized name -> [{name, tops, files, where}]
  for (const site of sites)
    for (const entry of listDir(site)) {
      if (!/\.(dist-info|egg-info)$/.test(entry)) continue;
      const infoDir = path.join(site, entry);
      const isDir = statSync(infoDir).isDirectory();
      const meta = isDir
        ? readText(path.join(infoDir, "METADATA")) ?? readText(path.join(infoDir, "PKG-INFO"))
        : readText(infoDir);
      const name = metadataName(meta);
      if (!name) continue;
      const files = isDir ? recordedFiles(infoDir, site) : null;
      const tops = files ? topsFromFiles(files) : new Set();
      const topLevel = isDir ? readText(path.join(infoDir, "top_level.txt")) : null;
      if (topLevel) topLevel.split(/\s+/).filter((s) => s).forEach((s) => tops.add(s.split("/")[0]));
      const key = normalize(name);
      if (!dists.has(key)) dists.set(key, []);
      dists.get(key).push({ name, tops, files, where: infoDir });
    }
  return dists;
}

// ---- verification ----------------------------------------------------------

const top = (imp) => imp.split(".")[0];

// Modules a distribution serves under another name than its files': the
// files that show it does.
const SERVED_AS = {
  // setuptools' distutils-precedence.pth installs _distutils_hack, whose
  // finder answers `import distutils` with setuptools/_distutils.
  distutils: ["distutils-precedence.pth", "setuptools/_distutils/__init__.py"],
};

// Does an installed record provide `imp`? "full" (the module's files are
// listed), "top" (only its top-level name could be checked), or null.
function recordProvides(rec, imp) {
  if (SERVED_AS[imp] && rec.files)
    return SERVED_AS[imp].every((f) => rec.files.includes(f)) ? "full" : null;
  if (!rec.tops.has(top(imp))) return null;
  if (!imp.includes(".")) return "full";
  if (!rec.files) return "top";
  const p = imp.replace(/\./g, "/");
  const hit = rec.files.some(
    (f) => f.startsWith(p + "/") || f === p + ".py" || (f.startsWith(p + ".") && /\.(so|pyd)$/.test(f)),
  );
  return hit ? "full" : null;
}

function checkShape(rows, stdlib, fail) {
  const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const distName = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;
  rows.forEach((r, i) => {
    const at = `row ${r.line} (${r.imp})`;
    if (i > 0 && !(rows[i - 1].imp < r.imp))
      fail(`${at}: not after '${rows[i - 1].imp}' (rows must be sorted, strcmp order, unique)`);
    if (!r.imp.split(".").every((c) => ident.test(c))) fail(`${at}: not a dotted module name`);
    if (!SOURCES.includes(r.source)) fail(`${at}: source must be one of ${SOURCES.join(", ")}`);
    if (stdlib.has(top(r.imp))) fail(`${at}: '${top(r.imp)}' is a standard library module`);
    if ((r.source === "namespace") !== (r.dist === ""))
      fail(`${at}: a namespace row, and only one, has an empty distribution`);
    if (r.source === "namespace") return checkNamespace(rows, r, at, fail);
    if (!distName.test(r.dist)) fail(`${at}: '${r.dist}' is not a valid distribution name`);
    if (normalize(top(r.imp)) === normalize(r.dist))
      fail(`${at}: the distribution is spelt like the import name; the row is not needed`);
  });
}

// A namespace row is there to stop a shorter row from answering for the
// separate distributions below it: it must have both.
function checkNamespace(rows, r, at, fail) {
  const parts = r.imp.split(".");
  const shorter = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("."));
  if (!rows.some((o) => o.dist && shorter.includes(o.imp)))
    fail(`${at}: a namespace row below no other row stops nothing`);
  if (!rows.some((o) => o.dist && o.imp.startsWith(r.imp + ".")))
    fail(`${at}: a namespace row with no row below it`);
}

function checkLock(rows, lock, fail, stats) {
  const byName = new Map();
  for (const p of Object.values(lock.packages)) byName.set(normalize(p.name), p);
  for (const r of rows) {
    if (r.source === "namespace") continue;
    const pkg = byName.get(normalize(r.dist));
    if (!pkg) {
      if (r.source === "pyodide-lock")
        fail(`row ${r.line} (${r.imp}): pyodide-lock has no package '${r.dist}'`);
      continue;
    }
    // The lock's `imports` are the names Pyodide loads the package for, not
    // every module it installs (cffi's lists no _cffi_backend): a name
    // missing there refutes only a row that claims the lock as its source.
    if (pkg.imports.includes(top(r.imp))) {
      r.confirmed.push("pyodide-lock");
      if (r.source === "pyodide-lock") stats.lock++;
    } else if (r.source === "pyodide-lock") {
      const says = `${pkg.name} provides ${JSON.stringify(pkg.imports)}`;
      fail(`row ${r.line} (${r.imp}): pyodide-lock says ${says}, not '${top(r.imp)}'`);
    }
  }
  // Coverage: each lock mapping whose import name is not the distribution's.
  for (const p of Object.values(lock.packages))
    for (const imp of p.imports) {
      if (normalize(imp) === normalize(p.name) || LOCK_LEFT_OUT[imp]) continue;
      const covered = rows.some((r) => top(r.imp) === imp && normalize(r.dist) === normalize(p.name));
      if (!covered)
        fail(`pyodide-lock maps '${imp}' to ${p.name}: add a row or list it in LOCK_LEFT_OUT`);
    }
}

function checkInstalled(rows, dists, fail, stats) {
  for (const r of rows) {
    if (r.source === "namespace") continue;
    const recs = dists.get(normalize(r.dist));
    if (!recs) {
      if (r.source === "dist-info") stats.distInfoAbsent++;
      continue;
    }
    const how = recs.map((rec) => recordProvides(rec, r.imp)).find((h) => h);
    if (!how) {
      const where = recs.map((rec) => rec.where).join(", ");
      fail(`row ${r.line} (${r.imp}): installed ${r.dist} (${where}) does not provide it`);
      continue;
    }
    r.confirmed.push(how === "full" ? "dist-info" : "dist-info (top-level only)");
    if (r.source === "dist-info") stats.distInfo++;
  }
}

function checkPypiList(rows, file, fail) {
  const names = new Set();
  for (const line of readFileSync(file, "utf8").split("\n"))
    names.add(normalize(line.split("\t")[0]));
  for (const r of rows) {
    if (r.source !== "namespace" && !names.has(normalize(r.dist)))
      fail(`row ${r.line} (${r.imp}): '${r.dist}' is not in ${file}`);
    const alt = /also: ([^;]*)/.exec(r.note);
    if (alt)
      for (const a of alt[1].replace(/\([^)]*\)/g, "").split(",").map((s) => s.trim().split(" ")[0]))
        if (!names.has(normalize(a)))
          fail(`row ${r.line} (${r.imp}): alternative '${a}' is not in ${file}`);
  }
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const errors = [];
  const fail = (msg) => errors.push(msg);
  const rows = readRows(o.def ?? path.join(o.root, "src/metrics/distributions.def"));
  rows.forEach((r) => (r.confirmed = []));
  const stdlib = readStdlib(path.join(o.root, "src/metrics/stdlib_modules.def"));
  const lockFile = path.join(o.root, "tests/oracle/node_modules/pyodide/pyodide-lock.json");
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  const sites = [...o.sites, ...(o.defaultSites ? defaultSites() : [])];
  const stats = { lock: 0, distInfo: 0, distInfoAbsent: 0 };

  checkShape(rows, stdlib, fail);
  checkLock(rows, lock, fail, stats);
  checkInstalled(rows, readInstalled(sites), fail, stats);
  if (o.pypi) checkPypiList(rows, o.pypi, fail);

  if (o.suggest)
    for (const r of rows)
      console.log(`${r.imp}\t${r.dist}\t${r.source}\t${r.confirmed.join(", ") || "-"}`);
  const count = (s) => `${s} ${rows.filter((r) => r.source === s).length}`;
  const confirmedAny = rows.filter((r) => r.confirmed.length).length;
  console.log(
    `distributions.def: ${rows.length} rows (${SOURCES.map(count).join(", ")}); confirmed here: ` +
      `${stats.lock} by pyodide-lock, ${stats.distInfo} by dist-info (${stats.distInfoAbsent} ` +
      `dist-info rows not installed on this machine); ${confirmedAny} rows confirmed by some ` +
      `source; ${sites.length} site directories read`,
  );
  for (const e of errors) console.error(`FAIL: ${e}`);
  process.exit(errors.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
