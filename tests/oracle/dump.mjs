// dump.mjs - the CPython 3.14 oracle (Pyodide): for each input file, what
// ast.parse + ast.dump(include_attributes=True) gives, or the SyntaxError.
//   node dump.mjs OUTDIR FILE...   (or: node dump.mjs OUTDIR --list LISTFILE)
// Writes OUTDIR/<sha256 of the file's bytes>.ok (the dump, newline-ended) or
// .err ("Type\nlineno\noffset\nmessage\n"); files already there are skipped,
// so OUTDIR is a cache shared by every run.
import { loadPyodide } from "pyodide";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from "node:fs";

const [outdir, ...rest] = process.argv.slice(2);
let files = rest;
if (rest[0] === "--list")
  files = readFileSync(rest[1], "utf8").split("\n").filter((s) => s.length);
mkdirSync(outdir, { recursive: true });

const todo = [];
for (const f of files) {
  const bytes = readFileSync(f);
  const key = createHash("sha256").update(bytes).digest("hex");
  if (!existsSync(`${outdir}/${key}.ok`) && !existsSync(`${outdir}/${key}.err`))
    todo.push({ bytes, key });
}
if (todo.length === 0) process.exit(0);

const py = await loadPyodide();
py.runPython(`
import ast, sys, warnings
sys.setrecursionlimit(100000)
def krait_dump(js_bytes):
    src = js_bytes.to_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src)
        except SyntaxError as e:
            return "E", f"{type(e).__name__}\\n{e.lineno}\\n{e.offset}\\n{e.msg}\\n"
        except Exception as e:  # MemoryError, RecursionError, ValueError
            return "E", f"{type(e).__name__}\\n0\\n0\\n{e}\\n"
        try:
            return "O", ast.dump(tree, include_attributes=True) + "\\n"
        except Exception as e:  # repr of an int over 4300 digits
            return "E", f"{type(e).__name__}\\n0\\n0\\nast.dump: {e}\\n"
`);
const dump = py.globals.get("krait_dump");
for (const { bytes, key } of todo) {
  const r = dump(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  const [kind, text] = r.toJs();
  r.destroy();
  // Written under a temporary name and renamed, so that a harness reading
  // the cache concurrently never sees half an answer.
  const tmp = `${outdir}/${key}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, `${outdir}/${key}.${kind === "O" ? "ok" : "err"}`);
}
