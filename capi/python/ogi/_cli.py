"""``python -m ogi``: the command-line tool (examples/ogi) in Python.

    python -m ogi extract [--json] [--pretty] [--with-text] FILE...|-
    python -m ogi check [--json] [--lang zh|en] FILE...
    python -m ogi compare [--json] LAST THIS
    python -m ogi batch [--jobs N] [--jsonl OUT | --csv OUT] [--no-progress] PATH...

The subcommands, options, output and exit status are those of the C++ tool
(0 success; check and compare: 1 when a finding of severity "error" was
found; 2 an input could not be read or parsed, or bad usage; batch: 1 when a
file failed). ``extract``, ``check`` and ``batch`` print the same bytes as
the C++ tool. What the C API does not expose is left out and said so:
``check --html`` (the review page) and, for ``compare``, the per-relation
summary lines and English messages.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, List, Optional, Sequence, Tuple

from . import (LibraryNotFoundError, OgiError, Report, Section, _compare_json, collect_inputs, csv_header, csv_rows,
               parse, parse_file, parse_many, records, version)
from ._dataset import CSV_BOM

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


def _out() -> IO[bytes]:
    return sys.stdout.buffer


def _print(s: str = "") -> None:
    _out().write((s + "\n").encode("utf-8"))


def _error(message: str) -> None:
    sys.stdout.flush()
    sys.stderr.buffer.write(f"ogi: error: {message}\n".encode("utf-8"))
    sys.stderr.flush()


def _load(path: str) -> Report:
    if path == "-":
        return parse(sys.stdin.buffer.read())
    return parse_file(path)


def line_col(report: Report, offset: int) -> Tuple[int, int]:
    """1-based line and column (in characters) of a byte offset into the text."""
    text = report.text_bytes
    offset = min(max(offset, 0), len(text))
    head = text[:offset]
    line = head.count(b"\n") + 1
    last = head.rfind(b"\n")
    tail = head[last + 1:]
    col = 1 + sum(1 for b in tail if (b & 0xC0) != 0x80)
    return line, col


# ---- extract ---------------------------------------------------------------

def _outline(sections: Sequence[Section], depth: int) -> None:
    for s in sections:
        if s.level > 2:
            continue
        number = s.number + " " if s.number else ""
        kind = f"  [{s.kind}]" if s.kind else ""
        _print("  " + " " * (depth * 2) + number + s.title + kind)
        _outline(s.children, depth + 1)


def _summary(path: str, r: Report) -> None:
    m = r.meta
    _print(path)
    _print(f"  title:     {m.title}")
    _print(f"  region:    {m.region or ''}")
    _print(f"  issuer:    {m.issuer or ''}")
    _print(f"  year:      {m.year if m.year else '?'}")
    _print(f"  format:    {m.format}")
    _print(f"  published: {m.published or '?'}")
    if m.period:
        _print(f"  period:    {m.period.from_} .. {m.period.to}")
    if m.source:
        _print(f"  source:    {m.source}")
    c = m.contact
    if c.address:
        _print(f"  address:   {c.address}")
    if c.postcode:
        _print(f"  postcode:  {c.postcode}")
    for label, values in (("phone", c.phone), ("fax", c.fax), ("email", c.email), ("website", c.website)):
        for v in values:
            _print(f"  {label + ':':<11}{v}")
    trad = ", Traditional converted" if m.input.traditional else ""
    _print(f"  input:     {m.input.kind} {m.input.encoding} ({m.input.bytes} bytes{trad})")
    _print(f"  counts:    {len(r.sections)} sections, {len(r.tables)} tables, {len(r.quantities)} quantities, "
           f"{len(r.facts)} facts, {len(r.findings)} findings")
    _print("outline:")
    _outline(r.sections, 0)


def cmd_extract(a: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in a.files:
        try:
            r = _load(path)
        except OgiError as e:
            _error(e.message)
            status = EXIT_INPUT
            continue
        if a.json:
            _print(r.to_json(pretty=a.pretty, with_text=a.with_text))
        else:
            _summary(path, r)
    return status


# ---- check -------------------------------------------------------------------

def _findings(r: Report, english: bool) -> list:
    return json.loads(r.to_json(english=english)).get("findings") or []


def _findings_json(findings: list) -> str:
    return json.dumps({"schema": "ogi/1", "findings": findings}, ensure_ascii=False, separators=(",", ":"))


def _diagnostics(path: str, r: Report, findings: list) -> None:
    for f in findings:
        line, col = line_col(r, (f.get("span") or [0])[0])
        _print(f"{path}:{line}:{col}: {f.get('severity')}: {f.get('message')} [{f.get('rule')}]")


def cmd_check(a: argparse.Namespace) -> int:
    if a.html:
        _error("--html (the review page) is not available through the C API; use the ogi command-line tool "
               "(build/examples/ogi/ogi check --html OUT.html FILE)")
        return EXIT_INPUT
    english = a.lang == "en"
    status = EXIT_OK
    for path in a.files:
        try:
            r = _load(path)
        except OgiError as e:
            _error(e.message)
            status = EXIT_INPUT
            continue
        findings = _findings(r, english)
        if a.json:
            _print(_findings_json(findings))
        else:
            _diagnostics(path, r, findings)
        if status == EXIT_OK and any(f.get("severity") == "error" for f in findings):
            status = EXIT_FINDINGS
    return status


# ---- compare -----------------------------------------------------------------

def cmd_compare(a: argparse.Namespace) -> int:
    if a.lang == "en":
        print("ogi: note: the C API gives cross-year messages in Chinese only", file=sys.stderr)
    try:
        last = _load(a.last)
        this = _load(a.this)
        raw = _compare_json(last, this)
    except OgiError as e:
        _error(e.message)
        return EXIT_INPUT
    findings = json.loads(raw).get("findings") or []
    if a.json:
        _print(raw)
    else:
        if not findings:
            _print("no cross-year finding (the relations hold, or tables are missing)")
        _diagnostics(a.this, this, findings)
    return EXIT_FINDINGS if any(f.get("severity") == "error" for f in findings) else EXIT_OK


# ---- batch -------------------------------------------------------------------

def _json_line(r: Report, file: str) -> str:
    """The JSON of a report with ``"file"`` after ``"schema"``, as ogi batch writes it."""
    text = r.to_json()
    head = '{"schema":"ogi/1",'
    if not text.startswith(head):
        d = json.loads(text)
        d = {"schema": d.pop("schema", "ogi/1"), "file": file, **d}
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    return head + '"file":' + json.dumps(file, ensure_ascii=False) + "," + text[len(head):]


def _progress(done: int, total: int, failed: int) -> None:
    width = 30
    filled = width * done // total if total else width
    bar = "#" * filled + "." * (width - filled)
    extra = f", {failed} failed" if failed else ""
    sys.stderr.write(f"\r[{bar}] {done}/{total} reports{extra}")
    sys.stderr.flush()


def cmd_batch(a: argparse.Namespace) -> int:
    errors: List[str] = []
    files = collect_inputs(a.paths, errors)
    for e in errors:
        _error(e)
    want_csv = a.csv is not None
    target = a.csv if want_csv else (a.jsonl or "-")
    try:
        out = _out() if target == "-" else open(target, "wb")
    except OSError:
        _error(f"cannot write {target}")
        return EXIT_INPUT
    progress = not a.no_progress and sys.stderr.isatty()
    failed = len(errors)
    try:
        if want_csv:
            out.write((CSV_BOM + csv_header()).encode("utf-8"))
        for i, (path, r) in enumerate(parse_many(files, jobs=a.jobs or None), 1):
            if isinstance(r, Exception):
                failed += 1
                if progress:
                    sys.stderr.write("\r\033[K")
                _error(r.message if isinstance(r, OgiError) else str(r))
            elif want_csv:
                out.write(csv_rows(records([(path, r)])).encode("utf-8"))
            else:
                out.write((_json_line(r, path) + "\n").encode("utf-8"))
            if progress:
                _progress(i, len(files), failed)
        if progress:
            sys.stderr.write("\n")
        out.flush()
        if out is not _out():
            out.close()
    except OSError:
        _error("writing the output failed")
        return EXIT_INPUT
    return EXIT_FINDINGS if failed else EXIT_OK


# ---- main ----------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ogi",
                                description="ogi: read government information disclosure annual reports "
                                            "(政府信息公开工作年度报告)")
    p.add_argument("--version", action="store_true", help="Print the library version and exit")
    sub = p.add_subparsers(dest="command", metavar="{extract,check,compare,batch}")

    e = sub.add_parser("extract", help="Print a report's metadata and outline, or its JSON (--json)")
    e.add_argument("--json", action="store_true", help="Print the JSON object (schema ogi/1)")
    e.add_argument("--pretty", action="store_true", help="Indent the JSON")
    e.add_argument("--with-text", action="store_true", help="Include the decoded text in the JSON")
    e.add_argument("files", nargs="+", metavar="file", help="Report file (.txt .md .html .pdf), or - for stdin")
    e.set_defaults(run=cmd_extract)

    c = sub.add_parser("check", help="Check reports; compiler-style diagnostics, exit 1 when errors are found")
    c.add_argument("--json", action="store_true", help="Print the findings as JSON")
    c.add_argument("--lang", choices=["zh", "en"], default="zh", help="Message language")
    c.add_argument("--html", metavar="OUT", help="(C++ tool only) the review page")
    c.add_argument("files", nargs="+", help="Report files")
    c.set_defaults(run=cmd_check)

    m = sub.add_parser("compare", help="Compare last year's report with this year's")
    m.add_argument("--json", action="store_true", help="Print the findings as JSON")
    m.add_argument("--lang", choices=["zh", "en"], default="zh", help="Message language (Chinese only here)")
    m.add_argument("last", help="Last year's report")
    m.add_argument("this", help="This year's report")
    m.set_defaults(run=cmd_compare)

    b = sub.add_parser("batch", help="Parse many reports on several threads; JSON Lines or CSV in input order")
    b.add_argument("paths", nargs="+", help="Files and directories (searched for .txt .md .html .htm .pdf)")
    b.add_argument("--jobs", "-j", type=int, default=0, help="Worker threads (default: number of cores)")
    out = b.add_mutually_exclusive_group()
    out.add_argument("--jsonl", metavar="OUT", help="One JSON object per report per line (- = stdout, the default)")
    out.add_argument("--csv", metavar="OUT", help="One CSV row per fact, UTF-8 with BOM (- = stdout)")
    b.add_argument("--no-progress", action="store_true", help="No progress bar on stderr")
    b.set_defaults(run=cmd_batch)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the tool; returns the exit status."""
    parser = build_parser()
    try:
        a = parser.parse_args(argv)
    except SystemExit as e:  # argparse: 0 for --help, 2 for bad usage
        return int(e.code or 0)
    try:
        if a.version:
            _print(version())
            return EXIT_OK
        if not a.command:
            parser.print_usage(sys.stderr)
            print("python -m ogi: error: a subcommand is required", file=sys.stderr)
            return EXIT_INPUT
        return int(a.run(a))
    except LibraryNotFoundError as e:
        _error(str(e))
        return EXIT_INPUT
    except BrokenPipeError:  # `python -m ogi batch ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT
