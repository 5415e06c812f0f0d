#!/usr/bin/python3
"""cvss-oracle.py - krait's CVSS v3 base scores (src/deps/osv_cvss.c) against
ruby-cvss-suite (Debian's ruby-cvss-suite, run with /usr/bin/ruby): every
base vector of CVSS 3.0 and 3.1 (2 x 2,592), a few with temporal metrics and
malformed ones, and every CVSS_V3 vector of the OSV export.

usage: cvss-oracle.py OSV_EVAL ZIP
"""
import itertools
import json
import subprocess
import sys
import zipfile

METRICS = [("AV", "NALP"), ("AC", "LH"), ("PR", "NLH"), ("UI", "NR"), ("S", "UC"),
           ("C", "HLN"), ("I", "HLN"), ("A", "HLN")]
RUBY = """
require 'cvss_suite'
STDIN.each_line do |l|
  l = l.strip
  begin
    c = CvssSuite.new(l)
    puts "#{l} #{c.valid? ? format('%.1f', c.base_score) : 'invalid'}"
  rescue StandardError
    puts "#{l} invalid"
  end
end
"""


def vectors(zip_path):
    out = []
    for version in ("3.0", "3.1"):
        for values in itertools.product(*(v for _, v in METRICS)):
            out.append(f"CVSS:{version}/" + "/".join(f"{m}:{v}" for (m, _), v in zip(METRICS, values)))
    out += ["CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H/E:P/RL:O/RC:C",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
            "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"]
    export = set()
    with zipfile.ZipFile(zip_path) as z:
        for name in z.namelist():
            doc = json.loads(z.read(name))
            for s in doc.get("severity", []) + [s for a in doc.get("affected", [])
                                                for s in a.get("severity", [])]:
                if s.get("type") == "CVSS_V3":
                    export.add(s["score"])
    return out + sorted(export), len(export)


def run(cmd, text):
    p = subprocess.run(cmd, input=text, capture_output=True, text=True, check=False)
    if p.returncode:
        sys.exit(f"cvss-oracle: {cmd[0]} failed: {p.stderr}")
    return p.stdout.splitlines()


def main():
    osv_eval, zip_path = sys.argv[1], sys.argv[2]
    vs, nexport = vectors(zip_path)
    text = "\n".join(vs) + "\n"
    ours = run([osv_eval, "--cvss"], text)
    theirs = run(["/usr/bin/ruby", "-e", RUBY], text)
    diffs = [(a, b) for a, b in zip(ours, theirs) if a != b]
    for a, b in diffs[:20]:
        print(f"krait: {a}\nruby:  {b}")
    ok = len(ours) == len(theirs) == len(vs) and not diffs
    print(f"cvss-oracle: {len(vs)} vectors ({nexport} from the export), "
          f"{len(diffs)} differences")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
