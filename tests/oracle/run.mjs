// run.mjs - krait ast compared with CPython 3.14 (Pyodide), file by file.
// Usage (through the `run` wrapper next to this file):
//   run --krait KRAIT [--cache DIR] [--name NAME] [--jobs N] [--columns]
//       [--ok DIR] [--bad DIR] [--corpus-a DIR] [--corpus-b] [FILE...]
//   run --redump REDUMP [--cache DIR] [--ok DIR] [--corpus-a DIR] ...
//   run --extract-corpus-a DIR
// --ok DIR     fixtures CPython must accept; krait's dump must equal its own
// --bad DIR    fixtures CPython must reject; krait must reject at that line
// --corpus-a   CPython 3.14's stdlib (from Pyodide's python_stdlib.zip,
//              extracted into DIR when not there yet)
// --corpus-b   the .py files of the machine's python3 stdlib, its tests and
//              site-packages; accepted or rejected as CPython 3.14 says
// FILE...      more files, judged like corpus files
// --columns    list rejections at the right line but another column/type
// --redump P   check the dumper alone instead of krait: P (redump.c) reads
//              each CPython dump back into a tree and must print it again
//              byte for byte
// One line per failure, then `N passed, N failed` as the last line; exit 1
// on any failure, 2 on a usage or setup error.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";

const here = dirname(new URL(import.meta.url).pathname);
const pyodideDir = join(here, "node_modules", "pyodide");

function die(msg) {
  process.stderr.write(`oracle: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { name: "oracle", jobs: 2, cache: "", files: [], columns: false };
  const valued = new Set(["--krait", "--cache", "--name", "--jobs", "--ok", "--bad",
                          "--corpus-a", "--extract-corpus-a", "--redump"]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") { o.files.push(...argv.slice(i + 1)); break; }
    if (valued.has(a)) {
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      o[a.slice(2).replace(/-(.)/g, (_, c) => c.toUpperCase())] = argv[++i];
    } else if (a === "--corpus-b") o.corpusB = true;
    else if (a === "--columns") o.columns = true;
    else if (a.startsWith("--")) die(`unknown option ${a}`);
    else o.files.push(a);
  }
  o.jobs = Math.max(1, parseInt(o.jobs, 10) || 1);
  o.cache = o.cache || process.env.KRAIT_ORACLE_CACHE || "/tmp/krait-oracle";
  return o;
}

// ---- corpora -------------------------------------------------------------

// Every .py file under dir, sorted; symlinked directories are not followed.
function pyFilesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".py")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// The .py members of a zip archive, read with zlib alone (no unzip needed):
// the end-of-central-directory record locates the central directory, whose
// entries point at each member's local header and data.
function* zipPyMembers(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const skip = nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + skip;
    if (!name.endsWith(".py")) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    yield { name, data: method === 0 ? raw : inflateRawSync(raw) };
  }
}

// Extracted beside DIR and renamed into place, so that two runs started
// together (ctest -j) never read each other's half-written files.
function extractCorpusA(dir) {
  if (!existsSync(join(dir, ".extracted"))) {
    const tmp = `${resolve(dir)}.tmp-${process.pid}`;
    const zip = readFileSync(join(pyodideDir, "python_stdlib.zip"));
    for (const { name, data } of zipPyMembers(zip)) {
      const path = join(tmp, name);
      if (!path.startsWith(tmp + "/")) throw new Error(`unsafe path ${name}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    writeFileSync(join(tmp, ".extracted"), "");
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another run was first
      if (!existsSync(join(dir, ".extracted"))) die(`${dir} exists but is incomplete: remove it`);
    }
  }
  return pyFilesUnder(dir);
}

function corpusB() {
  const r = spawnSync("python3", ["-c",
    "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (r.status !== 0) die("--corpus-b needs python3 (scripts/install-deps)");
  return pyFilesUnder(r.stdout.trim());
}

// ---- the two sides -------------------------------------------------------

const keyOf = (bytes) => createHash("sha256").update(bytes).digest("hex");

// Fills the cache for every file (dump.mjs skips those already there).
function runOracle(cache, files) {
  const list = join(tmpdir(), `krait-oracle-${process.pid}.list`);
  writeFileSync(list, files.join("\n") + "\n");
  try {
    execFileSync(process.execPath, [join(here, "dump.mjs"), cache, "--list", list],
                 { stdio: ["ignore", "inherit", "inherit"] });
  } catch {
    die("the CPython oracle (dump.mjs) failed");
  } finally {
    rmSync(list, { force: true });
  }
}

// CPython's answer: { ok: dumpText } or { err: { type, line, col, msg } }.
function oracleAnswer(cache, key) {
  const ok = join(cache, `${key}.ok`);
  if (existsSync(ok)) return { ok: readFileSync(ok, "utf8") };
  const [type, line, col, ...msg] = readFileSync(join(cache, `${key}.err`), "utf8").split("\n");
  return { err: { type, line: +line, col: +col, msg: msg.join(" ").trim() } };
}

function runKrait(krait, file) {
  return new Promise((res) => {
    execFile(krait, ["ast", file], { encoding: "utf8", maxBuffer: 1 << 30, timeout: 60000 },
             (e, stdout, stderr) => {
      const status = e ? (typeof e.code === "number" ? e.code : e.signal || e.code || "error") : 0;
      res({ status, stdout, stderr, timedOut: !!(e && e.killed) });
    });
  });
}

// ---- judging -------------------------------------------------------------

const oneLine = (s) => JSON.stringify(s).slice(1, -1);

// Where two dumps part, with some context of each side.
function firstDifference(got, want) {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const from = Math.max(0, i - 50);
  return `at char ${i}: krait "…${oneLine(got.slice(from, i + 40))}" ` +
         `CPython "…${oneLine(want.slice(from, i + 40))}"`;
}

// krait's error line: PATH:LINE:COL: Type: message
function kraitError(stderr) {
  const m = /:(\d+):(\d+): (\w+): (.*)/.exec(stderr);
  return m ? { line: +m[1], col: +m[2], type: m[3], msg: m[4] } : null;
}

// krait reports UTF-8 byte columns, CPython's SyntaxError.offset counts
// characters: convert krait's so the two can be compared.
function charColumn(bytes, line, col) {
  let start = 0;
  for (let l = 1; l < line && start < bytes.length; l++) {
    const nl = bytes.indexOf(10, start);
    if (nl < 0) return col;
    start = nl + 1;
  }
  const head = bytes.subarray(start, start + Math.max(0, col - 1)).toString("utf8");
  return [...head].length + 1;
}

const describe = (e) => `${e.type} line ${e.line} col ${e.col}: ${e.msg}`;

// Returns null for a pass or [KIND, detail] for a failure; `role` is ok,
// bad or corpus.
function judge(file, bytes, role, want, got, colNotes) {
  if (role === "ok" && want.err) return ["FIXTURE", `CPython rejects it: ${describe(want.err)}`];
  if (role === "bad" && !want.err) return ["FIXTURE", "CPython accepts it"];
  if (got.timedOut) return ["TIMEOUT", "krait ran over 60 s"];
  if (got.status !== 0 && got.status !== 1)
    return ["CRASH", `krait exit ${got.status}: ${oneLine(got.stderr.slice(0, 200))}`];
  // CPython parsed the file but could not print the tree (an int literal
  // too long for repr): there is nothing to compare with.
  if (want.err && want.err.msg.startsWith("ast.dump:")) return null;
  if (!want.err) {
    if (got.status === 1)
      return ["REJECTED", `krait: ${oneLine(got.stderr.trim().slice(0, 200))}`];
    return got.stdout === want.ok ? null : ["DIFF", firstDifference(got.stdout, want.ok)];
  }
  if (got.status === 0) return ["ACCEPTED", `CPython: ${describe(want.err)}`];
  // Errors other than syntax errors (MemoryError, RecursionError) and some
  // that are (null bytes) carry no line: rejecting is all that can be asked.
  if (!["SyntaxError", "IndentationError", "TabError"].includes(want.err.type) ||
      !(want.err.line > 0)) return null;
  const k = kraitError(got.stderr);
  if (!k) return ["BADERR", `krait's message has no PATH:LINE:COL: ${oneLine(got.stderr.slice(0, 200))}`];
  if (k.line !== want.err.line)
    return ["ERRLINE", `krait ${describe(k)} | CPython ${describe(want.err)}`];
  k.col = charColumn(bytes, k.line, k.col);
  if (k.col !== want.err.col || k.type !== want.err.type)
    colNotes.push(`${file}: COLUMN krait ${describe(k)} | CPython ${describe(want.err)}`);
  return null;
}

// The dumper alone: every distinct CPython dump of the work set through
// the redump tool, in batches that fit a command line.
function redumpAll(prog, cache, work) {
  const answers = [...new Set(work.map((w) => join(cache, `${keyOf(readFileSync(w.file))}.ok`)))]
    .filter((a) => existsSync(a));
  const failures = [];
  for (let i = 0; i < answers.length; i += 500) {
    const r = spawnSync(prog, answers.slice(i, i + 500), { encoding: "utf8", maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) die(`${prog} failed: ${r.error ? r.error.message : r.stderr || r.signal}`);
    failures.push(...r.stdout.split("\n").filter((l) => l.length));
  }
  failures.forEach((f) => console.log(f));
  console.log(`${answers.length - failures.length} passed, ${failures.length} failed`);
  return failures.length ? 1 : 0;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(pyodideDir, "package.json")))
    die(`the CPython oracle is not installed (${pyodideDir} missing): run scripts/install-deps`);
  if (o.extractCorpusA) {
    const n = extractCorpusA(o.extractCorpusA).length;
    console.log(`corpus A: ${n} files in ${o.extractCorpusA}`);
    return 0;
  }
  if (!o.krait && !o.redump) die("--krait KRAIT is required");

  const work = [];
  const add = (files, role) => files.forEach((file) => work.push({ file, role }));
  if (o.ok) add(pyFilesUnder(o.ok), "ok");
  if (o.bad) add(pyFilesUnder(o.bad), "bad");
  if (o.corpusA) add(extractCorpusA(o.corpusA), "corpus");
  if (o.corpusB) add(corpusB(), "corpus");
  add(o.files, "corpus");
  if (work.length === 0) die("no files (give --ok, --bad, --corpus-a, --corpus-b or FILEs)");

  console.log(`${o.name}: ${work.length} files, oracle cache ${o.cache}`);
  mkdirSync(o.cache, { recursive: true });
  runOracle(o.cache, work.map((w) => w.file));
  if (o.redump) return redumpAll(resolve(o.redump), o.cache, work);
  const krait = resolve(o.krait);
  if (!existsSync(krait)) die(`${krait} not found (build it first)`);

  const failures = [];
  const colNotes = [];
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const w = work[next++];
      const bytes = readFileSync(w.file);
      const want = oracleAnswer(o.cache, keyOf(bytes));
      const got = await runKrait(krait, w.file);
      const f = judge(w.file, bytes, w.role, want, got, colNotes);
      if (f) failures.push({ file: w.file, kind: f[0], detail: f[1] });
    }
  };
  await Promise.all(Array.from({ length: o.jobs }, worker));

  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  failures.forEach((f) => console.log(`${f.file}: ${f.kind} ${f.detail}`));
  if (failures.length) {
    const kinds = new Map();
    failures.forEach((f) => kinds.set(f.kind, (kinds.get(f.kind) || 0) + 1));
    console.log(`${o.name}: failures by kind: ` +
                [...kinds].map(([k, n]) => `${k} ${n}`).join(", "));
  }
  if (colNotes.length) {
    if (o.columns) colNotes.sort().forEach((c) => console.log(c));
    console.log(`${o.name}: ${colNotes.length} rejections at the right line but another ` +
                `column or error type` +
                (o.columns ? "" : " (--columns lists them)"));
  }
  console.log(`${work.length - failures.length} passed, ${failures.length} failed`);
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
