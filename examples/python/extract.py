#!/usr/bin/env python3
"""extract.py: a report's statistics as a table, with the text each was read from.

    PYTHONPATH=capi/python OGI_LIBRARY=build/capi/libogi_c.so \
        python3 examples/python/extract.py tests/fixtures/sample-legacy.txt

Prints the report's title, region, year and format, then one row per fact:
indicator id, scope, applicant (table 三), value, unit, origin and a quote of
the report around the printed number. --text-only keeps the facts read from
the prose; --csv prints the rows as CSV instead. Exit status 2 when the file
cannot be read.
"""
import argparse
import csv
import pathlib
import sys
import unicodedata

import ogi

STOPS = set("。；，：（）;,()|<>\n")


def quote(report: "ogi.Report", span) -> str:
    """The clause around a span: back to the previous punctuation (at most 30
    characters), forward to the next one (at most 12)."""
    text = report.text_bytes
    begin, end = span
    head = text[max(0, begin - 120):begin].decode("utf-8", "ignore")
    tail = text[end:end + 64].decode("utf-8", "ignore")
    before = ""
    for ch in reversed(head[-30:]):
        if ch in STOPS:
            break
        before = ch + before
    after = ""
    for ch in tail[:12]:
        if ch in STOPS:
            break
        after += ch
    return " ".join((before + report.text_at(span) + after).split())


def source(report: "ogi.Report", f: "ogi.Fact") -> str:
    if f.origin == "derived":
        return "(computed from table cells)"
    if f.origin == "table":
        s = f"table {f.table} cell {f.cell[0]},{f.cell[1]}" if f.cell else "table"
        return s + (" (blank)" if f.blank else f' "{f.marker}"' if f.marker else "")
    if f.span[0] == f.span[1]:
        return "(no number printed)"
    return f'"{quote(report, f.span)}"'


def width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, n: int) -> str:
    return s + " " * max(0, n - width(s))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=pathlib.Path)
    ap.add_argument("--text-only", action="store_true", help="only the facts read from the prose")
    ap.add_argument("--csv", action="store_true", help="print the facts as CSV")
    args = ap.parse_args()
    try:
        report = ogi.parse(args.file)  # a Path: read the file
    except ogi.OgiError as e:
        print(f"extract.py: {e.message} ({e.name})", file=sys.stderr)
        return 2

    facts = [f for f in report.facts if not args.text_only or f.origin == "text"]
    rows = []
    for f in facts:
        value = str(f.value) + (f" ({f.approx})" if f.approx else "")
        src = source(report, f) + (f"  [{f.percent}%]" if f.percent is not None else "")
        rows.append([f.indicator, f.scope, f.applicant or "", value, f.unit, f.origin, src])

    if args.csv:
        out = csv.writer(sys.stdout)
        out.writerow(["indicator", "scope", "applicant", "value", "unit", "origin", "source"])
        out.writerows(rows)
        return 0

    m = report.meta
    print(f"{m.title}\n  {m.region} {m.year} ({m.format} format), {len(report.facts)} facts\n")
    widths = [44, 13, 15, 12, 8, 8]
    header = ["indicator", "scope", "applicant", "value", "unit", "origin", "source"]
    print("".join(pad(h, w) for h, w in zip(header, widths)) + header[-1])
    for r in rows:
        print("".join(pad(c, w) for c, w in zip(r, widths)) + r[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
