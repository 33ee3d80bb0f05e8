#!/usr/bin/env python3
"""extract.py: a report's metadata, outline, statistics and findings from Python.

    PYTHONPATH=capi/python OGI_LIBRARY=build/capi/libogi_c.so \
        python3 examples/python/extract.py tests/fixtures/sample-legacy.txt

Prints a summary; with --csv, one line per fact (indicator, scope, applicant,
value, unit, and the text the value was read from). Exit status 2 when the
file cannot be read.
"""
import argparse
import csv
import pathlib
import sys

import ogi


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=pathlib.Path)
    ap.add_argument("--csv", action="store_true", help="print the facts as CSV")
    args = ap.parse_args()
    try:
        report = ogi.parse(args.file)  # a Path: read the file
    except ogi.OgiError as e:
        print(f"extract.py: {e.message} ({e.name})", file=sys.stderr)
        return 2

    if args.csv:
        out = csv.writer(sys.stdout)
        out.writerow(["indicator", "scope", "applicant", "value", "unit", "printed"])
        for f in report.facts:
            out.writerow([f.indicator, f.scope, f.applicant or "", f.value, f.unit, report.text_at(f.span)])
        return 0

    m = report.meta
    print(f"{m.title}\n  {m.region} {m.year} ({m.format} format), published {m.published or '?'}")
    for s in report.sections:
        print(f"  {s.number} {s.title}" + (f"  [{s.kind}]" if s.kind else ""))
    print(f"  {len(report.facts)} facts, {len(report.findings)} findings")
    for f in report.facts[:5]:
        print(f"    {f.indicator} ({f.scope}) = {f.value} {f.unit}")
    for f in report.findings:
        print(f"    {f.severity}: {f.message} [{f.rule}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
