"""Datasets: facts as flat records, the CSV of `ogi batch --csv`, and many
reports at once.

The CSV columns are the contract of docs/output.md (OUTPUT.md):
``file,region,year,format,indicator,scope,applicant,value,unit,origin,approx``.
``records()`` gives one dict per fact with exactly these keys, in this order;
``write_csv()`` writes them byte for byte as ``ogi batch --csv`` does (UTF-8
with a BOM, a field quoted only when it holds a comma, a quote or a line
break, ``\\n`` line ends).
"""
from __future__ import annotations

import concurrent.futures
import os
from typing import IO, TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

if TYPE_CHECKING:
    from . import Report

CSV_COLUMNS: Tuple[str, ...] = ("file", "region", "year", "format", "indicator", "scope", "applicant", "value",
                                "unit", "origin", "approx")
CSV_BOM = "\ufeff"
REPORT_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf")

Record = Dict[str, Any]


def records(reports: Union["Report", Iterable[Union["Report", Tuple[str, "Report"]]]]) -> List[Record]:
    """One flat dict per fact, ready for ``pandas.DataFrame(ogi.records(reports))``.

    ``reports`` is a Report, or an iterable of Reports or of ``(file, Report)``
    pairs (the pair's name wins over ``Report.file``). The keys are
    ``CSV_COLUMNS`` in order; the values are those of ``ogi batch --csv``
    as Python values: ``year`` an ``int``, ``value`` an exact ``Decimal``
    (``str(value)`` is the CSV text, e.g. "86.50"), and ``None`` where the
    CSV has an empty field (no file name, region, year, applicant or approx).
    """
    from . import Report  # the package imports this module first

    if isinstance(reports, Report):
        reports = [reports]
    out: List[Record] = []
    for item in reports:
        if isinstance(item, Report):
            file, report = item.file, item
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Report):
            file, report = os.fsdecode(item[0]) if item[0] is not None else None, item[1]
        else:
            raise TypeError(f"ogi.records() takes Reports or (file, Report) pairs, not {type(item).__name__}")
        m = report.meta
        for f in report.facts:
            out.append({
                "file": file or None,
                "region": m.region or None,
                "year": m.year or None,
                "format": m.format,
                "indicator": f.indicator,
                "scope": f.scope,
                "applicant": f.applicant or None,
                "value": f.value,
                "unit": f.unit,
                "origin": f.origin,
                "approx": f.approx or None,
            })
    return out


def csv_field(value: Any) -> str:
    """One CSV field as ``ogi batch --csv`` writes it: None is empty; a field
    with a comma, a double quote or a line break is quoted (quotes doubled)."""
    if value is None:
        return ""
    s = str(value)
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_header() -> str:
    """The header line, with its line end (no BOM)."""
    return ",".join(CSV_COLUMNS) + "\n"


def csv_rows(rows: Iterable[Record]) -> str:
    """The CSV lines of some records (no header, no BOM)."""
    return "".join(",".join(csv_field(r.get(c)) for c in CSV_COLUMNS) + "\n" for r in rows)


def write_csv(rows: Iterable[Record], out: Union[str, "os.PathLike[str]", IO[bytes]], *, bom: bool = True) -> None:
    """Writes records as the CSV of ``ogi batch --csv``: BOM, header, one row
    per record. ``out`` is a path or a binary file object."""
    data = ((CSV_BOM if bom else "") + csv_header() + csv_rows(rows)).encode("utf-8")
    if hasattr(out, "write"):
        out.write(data)  # type: ignore[union-attr]
    else:
        with open(out, "wb") as f:  # type: ignore[arg-type]
            f.write(data)


def is_report_file(path: str) -> bool:
    """Whether a directory search picks this file (.txt .md .html .htm .pdf, any case)."""
    return os.path.splitext(path)[1].lower() in REPORT_EXTENSIONS


def collect_inputs(paths: Sequence[Union[str, "os.PathLike[str]"]], errors: Optional[List[str]] = None) -> List[str]:
    """The report files named by ``paths``, as ``ogi batch`` finds them.

    A file is kept whatever its name; a directory is searched recursively
    (not following links to directories) for report files, which are sorted
    by path (byte order of the UTF-8 names, as the CLI sorts them). A path
    that does not exist is reported in ``errors`` (when given) and skipped.
    """
    files: List[str] = []
    for p in paths:
        p = os.fsdecode(os.fspath(p))
        if not os.path.exists(p):
            if errors is not None:
                errors.append(f"{p}: no such file or directory")
            continue
        if not os.path.isdir(p):
            files.append(p)
            continue
        found: List[str] = []
        for root, dirs, names in os.walk(p, followlinks=False):
            for n in names:
                full = os.path.join(root, n)
                if is_report_file(n) and os.path.isfile(full):
                    found.append(full)
        found.sort(key=lambda s: s.encode("utf-8", "surrogateescape"))
        files.extend(found)
    return files


def parse_many(files: Iterable[str], *, jobs: Optional[int] = None,
               parse: Optional[Callable[[str], "Report"]] = None) -> Iterator[Tuple[str, Union["Report", Exception]]]:
    """Parses files on ``jobs`` threads (default: the number of CPUs) and
    yields ``(file, Report)`` in input order, or ``(file, OgiError)`` for a
    file that could not be read. The library releases the GIL while it
    parses, so threads run in parallel. At most ``2 * jobs`` reports are held
    at a time."""
    from . import OgiError, parse_file

    fn = parse or parse_file
    jobs = max(1, jobs or os.cpu_count() or 1)

    def one(path: str) -> Union["Report", Exception]:
        try:
            return fn(path)
        except OgiError as e:
            return e

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: List[Tuple[str, "concurrent.futures.Future[Any]"]] = []
        it = iter(files)
        for path in it:
            pending.append((path, pool.submit(one, path)))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            path, fut = pending.pop(0)
            nxt = next(it, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(one, nxt)))
            yield path, fut.result()

