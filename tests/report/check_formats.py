#!/usr/bin/env python3
"""check_formats.py - krait's CSV, GitHub and JUnit reports read back by
real parsers (Python's csv module, xml.etree) and compared with the JSON
report of the same scan: the same findings, notes, errors and counts.

    check_formats.py JSON CSV GITHUB JUNIT

All four made with the same options. Exit status 0 when everything holds.
This is test tooling: it reads krait's reports, never the scanned code."""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET

problems = []


def check(cond, msg):
    if not cond:
        problems.append(msg)


def relative(p):
    return re.sub(r"^(\./)+", "", p)


def unguard(s):
    """Undo the formula protection: a quote before = + - @ TAB CR."""
    return s[1:] if len(s) > 1 and s[0] == "'" and s[1] in "=+-@\t\r" else s


def check_csv(report, path):
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    check(data.endswith("\r\n"), "csv: rows must end with CRLF")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    header = data.split("\r\n", 1)[0].split(",")
    check(header[0] == "kind" and len(header) == 15, f"csv: header {header}")
    for r in rows:
        check(len(r) == 15 and None not in r, f"csv: ragged row {r}")
    findings = [r for r in rows if r["kind"] == "finding"]
    check(len(findings) == len(report["findings"]), "csv: finding rows")
    for r, f in zip(findings, report["findings"]):
        for k in ("rule", "severity", "confidence"):
            check(r[k] == f[k], f"csv: {k} {r[k]!r} != {f[k]!r}")
        for k in ("bandit_id", "ruff_code"):
            check(r[k] == (f[k] or ""), f"csv: {k}")
        check(r["cwe"] == (str(f["cwe"]) if f["cwe"] else ""), "csv: cwe")
        for k in ("path", "message", "snippet"):
            check(unguard(r[k]) == f[k], f"csv: {k} {r[k]!r} != {f[k]!r}")
            check(r[k][:1] not in ("=", "+", "-", "@", "\t", "\r"), f"csv: unguarded {r[k]!r}")
        for k in ("line", "column", "end_line", "end_column"):
            check(int(r[k]) == f[k], f"csv: {k}")
        check(r["suppressed"] == (f.get("suppressed") or ""), "csv: suppressed")
    for kind in ("note", "error"):
        got = [(unguard(r["path"]), int(r["line"]) if r["line"] else None, unguard(r["message"]))
               for r in rows if r["kind"] == kind]
        want = [(e["path"], e["line"], e["message"]) for e in report[kind + "s"]]
        check(got == want, f"csv: {kind} rows {got} != {want}")
    summary = [r for r in rows if r["kind"] == "summary"]
    check(len(summary) == 1, "csv: one summary row")
    if summary:
        st = report["stats"]
        check(f"suppressed: {st['suppressed']}," in summary[0]["message"], "csv: summary")
        check(f"files scanned: {st['files']} " in summary[0]["message"], "csv: summary files")


def shown(s, keep):
    """Control and bidirectional characters as krait's GitHub and JUnit
    reports write them: <U+XXXX> (except the characters in `keep`)."""
    def one(c):
        o = ord(c)
        if c in keep:
            return c
        if o < 0x20 or 0x7F <= o <= 0x9F or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF) \
                or o in (0x061C, 0x200E, 0x200F) or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            return "<U+%04X>" % o
        return c
    return "".join(one(c) for c in s)


def unescape_github(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":") \
            .replace("%2C", ",").replace("%25", "%")


def parse_command(line):
    m = re.match(r"^::(error|warning|notice) ([^:]*)::(.*)$", line)
    if not m:
        return None
    props = {}
    for part in m.group(2).split(","):
        k, _, v = part.partition("=")
        props[k] = unescape_github(v)
    return m.group(1), props, unescape_github(m.group(3))


def check_github(report, path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    check(lines[-1] == "", "github: ends with a newline")
    cmds = [parse_command(l) for l in lines[:-1]]
    plain = [l for l, c in zip(lines, cmds) if c is None]
    check(len(plain) == 1 and plain[0].startswith("krait: files scanned:"),
          f"github: one summary line, got {plain}")
    cmds = [c for c in cmds if c]
    findings = [c for c in cmds if c[1].get("title", "").startswith("krait KR")]
    check(len(findings) == len(report["findings"]), "github: findings")
    level = {"high": "error", "medium": "warning", "low": "notice"}
    for (cmd, props, msg), f in zip(findings, report["findings"]):
        check(props["file"] == shown(relative(f["path"]), "\r\n"), f"github: file {props['file']!r}")
        check(int(props["line"]) == f["line"], "github: line")
        if f["line"] == f["end_line"]:
            check(int(props["col"]) == f["column"], "github: col")
            check(int(props["endColumn"]) == f["end_column"], "github: endColumn")
        check(cmd == ("notice" if f.get("suppressed") else level[f["severity"]]), "github: level")
        check(msg.startswith(f"{f['rule']} [") and f["message"] in msg, f"github: message {msg!r}")
    others = [c for c in cmds if c not in findings]
    want = [(shown(relative(e["path"]), "\r\n"), e["line"], shown(e["message"], "\r\n"))
            for e in report["notes"] + report["errors"]]
    got = [(p["file"], int(p["line"]) if "line" in p else None, m) for _, p, m in others]
    check(sorted(got, key=repr) == sorted(want, key=repr), f"github: notes/errors {got} != {want}")


def check_junit(report, path):
    tree = ET.parse(path)  # raises on anything that is not well-formed XML
    root = tree.getroot()
    check(root.tag == "testsuites", "junit: root")
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    st = report["stats"]
    check(len(cases) == st["files"] + st["errors"], "junit: one testcase per file")
    check(int(suite.get("tests")) == len(cases), "junit: tests")
    failures = [x for c in cases for x in c.findall("failure")]
    unsuppressed = [f for f in report["findings"] if not f.get("suppressed")]
    check(len(failures) == len(unsuppressed), "junit: one failure per finding")
    for x, f in zip(failures, unsuppressed):
        check(x.get("type") == f["rule"], "junit: failure type")
        check(f"{shown(f['path'], chr(9) + chr(10) + chr(13))}:{f['line']}:{f['column']}: {f['rule']}"
              in (x.text or ""),
              f"junit: failure text {x.text!r}")
    failed = sum(1 for c in cases if c.find("failure") is not None)
    check(int(suite.get("failures")) == failed, "junit: failures count")
    errors = [c for c in cases if c.find("error") is not None]
    check(len(errors) == st["errors"] == int(suite.get("errors")), "junit: errors")
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    check(props.get("krait.suppressed") == str(st["suppressed"]), "junit: suppressed count")
    text = open(path, encoding="utf-8").read()
    check(not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text),
          "junit: a control or bidirectional character is written raw")


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: check_formats.py JSON CSV GITHUB JUNIT")
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    check_csv(report, sys.argv[2])
    check_github(report, sys.argv[3])
    try:
        check_junit(report, sys.argv[4])
    except ET.ParseError as e:
        problems.append(f"junit: not well-formed XML: {e}")
    for p in problems:
        print(f"check_formats: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check_formats: csv, github and junit agree with {sys.argv[1]}")


main()
