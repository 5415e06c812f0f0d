// gen-unicode-names.mjs - writes src/base/uniname_table.h, the character
// names behind "\N{...}" escapes, from CPython 3.14's own unicodedata run
// inside Pyodide, so krait accepts exactly the names the interpreter does.
//
//   node scripts/gen-unicode-names.mjs [ALIASES] [CHECKLIST] > src/base/uniname_table.h
//
// ALIASES is a NameAliases.txt (default /usr/share/unicode/NameAliases.txt,
// Debian's unicode-data): unicodedata cannot list its aliases, so the file
// only proposes candidates and each is kept only if CPython's own "\N{}"
// accepts it for that code point. CHECKLIST, when given, receives every
// accepted "name;hex" pair, for the exhaustive
// check in tests/unit/test_strings.c (KRAIT_UNINAME_CHECKLIST).
//
// Compression: names are sequences of words; each word is coded by its
// frequency rank in 1 to 3 printable characters, names are listed in code
// point order and separated by spaces, and only the jumps in code point
// are stored. Algorithmic names (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL
// SYLLABLE ...) and the "PREFIX-XXXX" families are ranges.
import { createRequire } from "module";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const aliasFile = process.argv[2] ?? "/usr/share/unicode/NameAliases.txt";
const checkFile = process.argv[3];
const pyodideDir = path.join(root, "tests/oracle/node_modules/pyodide");
const { loadPyodide } = createRequire(path.join(pyodideDir, "/"))(pyodideDir);
const py = await loadPyodide();

const candidates = readFileSync(aliasFile, "utf8").split("\n")
    .filter((l) => /^[0-9A-F]/.test(l))
    .map((l) => { const [cp, name] = l.split(";"); return [parseInt(cp, 16), name]; });
py.globals.set("alias_candidates", py.toPy(candidates));

const data = py.runPython(`
import sys, unicodedata, re
def escape_gives(name):
    # What the parser's "\\N{...}" decoding gives, not unicodedata.lookup
    # (which also accepts named sequences).
    try:
        return eval('"\\\\N{' + name + '}"')
    except SyntaxError:
        return None
names, families, cjk, hangul = [], {}, [], []
for cp in range(0x110000):
    try:
        n = unicodedata.name(chr(cp))
    except ValueError:
        continue
    if n.startswith("HANGUL SYLLABLE "):
        hangul.append((cp, n))
        continue
    m = re.fullmatch(r"(.*-)([0-9A-F]{4,5})", n)
    if m and int(m.group(2), 16) == cp:
        if m.group(1) == "CJK UNIFIED IDEOGRAPH-":
            cjk.append(cp)
        else:
            families.setdefault(m.group(1), []).append(cp)
        continue
    names.append((cp, n))
aliases = []
for cp, a in alias_candidates:
    if escape_gives(a) == chr(cp):
        aliases.append((cp, a))
{"version": sys.version.split()[0], "unidata": unicodedata.unidata_version,
 "names": names, "families": families, "cjk": cjk, "aliases": aliases,
 "hangul": hangul}
`).toJs({ dict_converter: Object.fromEntries });

function ranges(cps) {
    const out = [];
    for (const cp of cps) {
        const last = out[out.length - 1];
        if (last && last[1] + 1 === cp) last[1] = cp;
        else out.push([cp, cp]);
    }
    return out;
}
const hex = (v) => "0x" + v.toString(16).toUpperCase().padStart(4, "0");

// Word codes: printable characters only (no '"', '\\', '?' for trigraphs,
// ' ' which ends a name), so the table stays a plain string literal.
const alphabet = [];
for (let c = 0x21; c < 0x7f; c++)
    if (!'"\\?'.includes(String.fromCharCode(c))) alphabet.push(String.fromCharCode(c));
if (alphabet.length !== 91) throw new Error("alphabet");
const ONE = 40, TWO = 40; // first characters: [0,40) one, [40,80) two, [80,91) three
function code(rank) {
    if (rank < ONE) return alphabet[rank];
    rank -= ONE;
    if (rank < TWO * 91) return alphabet[ONE + Math.floor(rank / 91)] + alphabet[rank % 91];
    rank -= TWO * 91;
    const hi = Math.floor(rank / (91 * 91));
    if (ONE + TWO + hi >= 91) throw new Error("too many words");
    return alphabet[ONE + TWO + hi] + alphabet[Math.floor(rank / 91) % 91] + alphabet[rank % 91];
}

const freq = new Map();
for (const [, n] of data.names)
    for (const w of n.split(" ")) freq.set(w, (freq.get(w) ?? 0) + 1);
const words = [...freq.keys()].sort((a, b) => freq.get(b) - freq.get(a) || (a < b ? -1 : 1));
const rank = new Map(words.map((w, i) => [w, i]));

let encoded = "";
const jumps = [];
let expect = -1;
data.names.forEach(([cp, n], i) => {
    if (cp !== expect) jumps.push([i, cp]);
    expect = cp + 1;
    encoded += n.split(" ").map((w) => code(rank.get(w))).join("") + " ";
});

// A C string literal over several lines; pieces (already escaped) are
// never split across lines.
function literal(pieces, width = 76) {
    let lines = "", line = "";
    for (const piece of pieces) {
        if (line && line.length + piece.length > width) { lines += `    "${line}"\n`; line = ""; }
        line += piece;
    }
    if (line) lines += `    "${line}"\n`;
    return lines;
}

let out = `/* uniname_table.h - GENERATED by scripts/gen-unicode-names.mjs from
 * CPython ${data.version} (unicodedata ${data.unidata}); do not edit.
 * See uniname.c for the encoding. */
#ifndef KRAIT_UNINAME_TABLE_H
#define KRAIT_UNINAME_TABLE_H

#include <stdint.h>

/* ${words.length} words, most frequent first, each followed by '\\n'. */
static const char uniname_words[] =
${literal(words.map((w) => w + "\\n"))}    ;

/* ${data.names.length} names in code point order, word codes separated by
 * nothing and names by ' '. */
static const char uniname_names[] =
${literal([...encoded])}    ;

/* Where the code point does not simply go up by one: {name index, cp}. */
static const uint32_t uniname_jumps[][2] = {
`;
for (let i = 0; i < jumps.length; i += 4)
    out += "    " + jumps.slice(i, i + 4).map(([a, b]) => `{${a}, ${hex(b)}}`).join(", ") + ",\n";
out += `};

/* "PREFIX-XXXX" families: the name is the prefix and the code point as
 * %04X (matched case-insensitively, like any stored name). */
typedef struct uniname_family {
    const char *prefix;
    uint32_t lo, hi;
} uniname_family;

static const uniname_family uniname_families[] = {
`;
for (const [prefix, cps] of Object.entries(data.families))
    for (const [lo, hi] of ranges(cps))
        out += `    {"${prefix}", ${hex(lo)}, ${hex(hi)}},\n`;
out += `};

/* CJK UNIFIED IDEOGRAPH-XXXX: CPython's is_unified_ideograph ranges. */
static const uint32_t uniname_cjk[][2] = {
`;
for (const [lo, hi] of ranges(data.cjk)) out += `    {${hex(lo)}, ${hex(hi)}},\n`;
out += `};

/* Formal name aliases (NameAliases.txt) that "\\N{...}" accepts. */
typedef struct uniname_alias {
    const char *name;
    uint32_t cp;
} uniname_alias;

static const uniname_alias uniname_aliases[] = {
`;
for (const [cp, a] of data.aliases) out += `    {"${a}", ${hex(cp)}},\n`;
out += `};

#endif
`;
process.stdout.write(out);

if (checkFile) {
    let lines = "";
    for (const [cp, n] of data.names) lines += `${n};${cp.toString(16)}\n`;
    for (const [cp, a] of data.aliases) lines += `${a};${cp.toString(16)}\n`;
    for (const [prefix, cps] of Object.entries(data.families))
        for (const cp of cps) lines += `${prefix}${cp.toString(16).toUpperCase().padStart(4, "0")};${cp.toString(16)}\n`;
    for (const cp of data.cjk) lines += `CJK UNIFIED IDEOGRAPH-${cp.toString(16).toUpperCase()};${cp.toString(16)}\n`;
    for (const [cp, n] of data.hangul) lines += `${n};${cp.toString(16)}\n`;
    writeFileSync(checkFile, lines);
}
