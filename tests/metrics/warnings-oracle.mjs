// warnings-oracle.mjs - krait's warnings (metrics_warnings, through
// warn_dump) compared with what CPython 3.14 (Pyodide) warns when it
// compiles each file: compile(src, "f.py", "exec") under
// warnings.catch_warnings(record=True) + simplefilter("always").
//   node warnings-oracle.mjs --dump WARN_DUMP [--lines] [--cache DIR]
//        [--fixtures DIR]... [--corpus-a DIR --oracle RUN] [FILE...]
// Each file's warnings are compared as a multiset of (line, message): the
// same warnings, as many times each.
// --lines compares the line counts instead (warn_dump -l) with the same
// definitions computed in Python 3.14 from its own tokenize module (every
// token's lines, COMMENT tokens) and ast (docstring statements): an
// independent implementation of docs/formats.md's rules over real tokens.
// CPython's answers are cached by the sha256 of the file's bytes
// (DIR/warn-<hash>.txt, DIR/lines-<hash>.txt), so a second run does not
// start Pyodide. Prints one block per difference, then
// `N passed, N failed (W warnings)`; exit 1 on any difference, 2 on a
// usage or setup error.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const pyodideModule = join(here, "..", "oracle", "node_modules", "pyodide", "pyodide.mjs");

function die(msg) {
  process.stderr.write(`warnings-oracle: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { files: [], fixtures: [], cache: process.env.KRAIT_ORACLE_CACHE || "/tmp/krait-oracle" };
  const valued = new Set(["--dump", "--cache", "--corpus-a", "--oracle"]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--fixtures") { // repeatable
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      o.fixtures.push(argv[++i]);
    } else if (valued.has(a)) {
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      o[a.slice(2).replace(/-(.)/g, (_, c) => c.toUpperCase())] = argv[++i];
    } else if (a === "--lines") o.lines = true;
    else if (a.startsWith("--")) die(`unknown option ${a}`);
    else o.files.push(a);
  }
  if (!o.dump) die("--dump WARN_DUMP is required");
  return o;
}

function pyFilesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...pyFilesUnder(p));
    else if (e.isFile() && e.name.endsWith(".py")) out.push(p);
  }
  return out.sort();
}

// CPython's answer per file: "ERROR" or lines "LINE\tMESSAGE" in emission order.
const PY = `
import warnings
def krait_warnings(js_bytes):
    src = js_bytes.to_bytes()
    out = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "f.py", "exec")
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return "ERROR\\n"
    for w in caught:
        if issubclass(w.category, SyntaxWarning):
            out.append(f"{w.lineno}\\t{w.message}\\n")
    return "".join(out)
`;

// The line counts by the rules of docs/formats.md, from tokenize and ast:
// "PHYSICAL CODE BLANK COMMENT_ONLY DOCSTRING COMMENT" or "ERROR".
const PY_LINES = `
import ast, io, tokenize, warnings

def krait_lines(js_bytes):
    src = js_bytes.to_bytes()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src)
    except Exception:
        return "ERROR\\n"
    # tokenize reads lines as given: translate newlines as compile() does
    src = src.replace(b"\\r\\n", b"\\n").replace(b"\\r", b"\\n")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            toks = list(tokenize.tokenize(io.BytesIO(src).readline))
    except Exception as e:
        return f"ERROR tokenize: {e}\\n"
    enc = toks[0].string if toks and toks[0].type == tokenize.ENCODING else "utf-8"
    text = src.decode(enc).replace("\\r\\n", "\\n").replace("\\r", "\\n")
    if text.startswith("\\ufeff"):
        text = text[1:]
    lines = text.split("\\n")
    physical = text.count("\\n") + (1 if text and not text.endswith("\\n") else 0)
    docs = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            b = node.body
            if b and isinstance(b[0], ast.Expr) and isinstance(b[0].value, ast.Constant) and isinstance(b[0].value.value, str):
                s = b[0]
                docs.append((s.lineno, s.col_offset, s.end_lineno, s.end_col_offset))
    def bytecol(row, col):
        return len(lines[row - 1][:col].encode("utf-8", "surrogatepass")) if row - 1 < len(lines) else col
    def in_doc(row, col):
        bc = bytecol(row, col)
        for (l, c, el, ec) in docs:
            if (row, bc) >= (l, c) and (row, bc) < (el, ec):
                return True
        return False
    CODE, DOC, COMMENT = 1, 2, 4
    flags = [0] * (physical + 2)
    for (l, c, el, ec) in docs:
        for r in range(l, el + 1):
            flags[r] |= DOC
    fstart = []
    skip = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER, tokenize.ENCODING)
    for t in toks:
        if t.type == tokenize.COMMENT:
            flags[t.start[0]] |= COMMENT
            continue
        if t.type in skip:
            continue
        if t.type in (tokenize.FSTRING_START, tokenize.TSTRING_START):
            fstart.append(t.start[0])
        if t.type in (tokenize.FSTRING_END, tokenize.TSTRING_END):
            first = fstart.pop()
            for r in range(first, t.end[0] + 1):
                flags[r] |= CODE
        if in_doc(*t.start):
            continue
        for r in range(t.start[0], t.end[0] + 1):
            flags[r] |= CODE
    # a line holding only a backslash continuation has no token
    for i, line in enumerate(lines[:physical], 1):
        if not flags[i] & CODE and line.strip() == "\\\\":
            flags[i] |= CODE
    out = [physical, 0, 0, 0, 0, 0]
    for r in range(1, physical + 1):
        f = flags[r]
        if f & CODE: out[1] += 1
        elif f & DOC: out[4] += 1
        elif f & COMMENT: out[3] += 1
        else: out[2] += 1
        if f & COMMENT: out[5] += 1
    return "%d %d %d %d %d %d\\n" % tuple(out)
`;

async function cpythonAnswers(files, cache, lines) {
  const prefix = lines ? "lines" : "warn";
  mkdirSync(cache, { recursive: true });
  const keyOf = new Map();
  const todo = [];
  for (const f of files) {
    const bytes = readFileSync(f);
    const key = createHash("sha256").update(bytes).digest("hex");
    keyOf.set(f, key);
    if (!existsSync(join(cache, `${prefix}-${key}.txt`))) todo.push({ bytes, key });
  }
  if (todo.length) {
    const { loadPyodide } = await import(pyodideModule);
    const py = await loadPyodide();
    py.runPython(lines ? PY_LINES : PY);
    const fn = py.globals.get(lines ? "krait_lines" : "krait_warnings");
    for (const { bytes, key } of todo) {
      const text = fn(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      const tmp = join(cache, `${prefix}-${key}.${process.pid}.tmp`);
      writeFileSync(tmp, text);
      renameSync(tmp, join(cache, `${prefix}-${key}.txt`));
    }
    fn.destroy();
  }
  const answers = new Map();
  for (const f of files)
    answers.set(f, readFileSync(join(cache, `${prefix}-${keyOf.get(f)}.txt`), "utf8"));
  return answers;
}

function kraitAnswers(dump, files, lines) {
  const list = join(tmpdir(), `krait-warn-list-${process.pid}`);
  writeFileSync(list, files.join("\n") + "\n");
  let out;
  try {
    out = execFileSync(dump, [...(lines ? ["-l"] : []), "--list", list],
                       { maxBuffer: 1 << 30, encoding: "utf8" });
  } finally {
    rmSync(list, { force: true });
  }
  const answers = new Map();
  let current = null;
  for (const line of out.split("\n")) {
    if (line.startsWith("== ")) {
      current = line.slice(3);
      answers.set(current, "");
    } else if (current !== null && line.length) {
      answers.set(current, answers.get(current) + (line.startsWith("ERROR") ? "ERROR" : line) + "\n");
    }
  }
  return answers;
}

// A multiset of (line, message), as sorted lines.
function normalize(text) {
  const lines = text.split("\n").filter((s) => s.length);
  return lines.sort((a, b) => {
    const la = parseInt(a, 10), lb = parseInt(b, 10);
    return la !== lb ? la - lb : a < b ? -1 : a > b ? 1 : 0;
  });
}

function diff(expected, got) {
  const out = [];
  const count = (arr) => arr.reduce((m, s) => m.set(s, (m.get(s) || 0) + 1), new Map());
  const e = count(expected), g = count(got);
  for (const [s, n] of e) if ((g.get(s) || 0) < n) out.push(`  missing x${n - (g.get(s) || 0)}: ${s}`);
  for (const [s, n] of g) if ((e.get(s) || 0) < n) out.push(`  extra   x${n - (e.get(s) || 0)}: ${s}`);
  return out;
}

const o = parseArgs(process.argv.slice(2));
const files = [];
for (const dir of o.fixtures) files.push(...pyFilesUnder(dir));
if (o.corpusA) {
  if (!existsSync(join(o.corpusA, ".extracted"))) {
    if (!o.oracle) die("--corpus-a needs --oracle RUN to extract it");
    execFileSync(o.oracle, ["--extract-corpus-a", o.corpusA], { stdio: "inherit" });
  }
  files.push(...pyFilesUnder(o.corpusA));
}
files.push(...o.files);
if (!files.length) die("no files (give --fixtures, --corpus-a or FILEs)");

const expected = await cpythonAnswers(files, o.cache, o.lines);
const got = kraitAnswers(o.dump, files, o.lines);
let passed = 0, failed = 0, warnings = 0;
for (const f of files) {
  const e = normalize(expected.get(f));
  const g = normalize(got.get(f) ?? "(no answer)");
  warnings += e.filter((s) => s !== "ERROR").length;
  const d = diff(e, g);
  if (d.length === 0) passed++;
  else {
    failed++;
    console.log(`${f}:`);
    for (const s of d.slice(0, 20)) console.log(s);
  }
}
console.log(`${passed} passed, ${failed} failed` + (o.lines ? "" : ` (${warnings} warnings)`));
process.exit(failed ? 1 : 0);
