"""ogi: read China's government information disclosure annual reports
(政府信息公开工作年度报告) into verified data.

    >>> import ogi, pathlib
    >>> report = ogi.parse(pathlib.Path("report.txt"))
    >>> report.meta.year, report.meta.format
    (2017, 'legacy')
    >>> [s.title for s in report.sections]
    >>> report.facts[0].indicator, report.facts[0].value

What `parse` accepts:

* ``bytes`` (also ``bytearray``, ``memoryview``): the report's bytes, in any
  encoding ogi reads (UTF-8, GB18030, UTF-16, Big5 ...) and any kind (text,
  Markdown, HTML, PDF);
* ``str``: the report's text itself (never a file name: a report can be
  one short line, and guessing would be a trap);
* ``pathlib.Path`` (any ``os.PathLike``): a file to read; use
  ``parse_file`` to read a file named by a ``str``.

Datasets: ``ogi.records(reports)`` gives one flat dict per fact (the CSV
columns of ``ogi batch --csv``, ready for ``pandas.DataFrame``),
``ogi.write_csv`` that CSV byte for byte, ``ogi.collect_inputs`` and
``ogi.parse_many`` many files on threads. ``python -m ogi`` is the
command-line tool (extract, check, compare, batch).

Errors raise ``ogi.OgiError`` carrying the library's code and message. The
binding is pure Python over the C ABI (libogi_c, see docs/python.md for
how it is found: set OGI_LIBRARY to its path when it is not).
"""
from __future__ import annotations

import ctypes
import json
import os
import weakref
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _lib
from ._lib import LibraryNotFoundError

__all__ = [
    "parse", "parse_file", "compare", "version", "library_path", "OgiError", "LibraryNotFoundError",
    "Report", "Meta", "Period", "Contact", "InputInfo", "Section", "Table", "Cell",
    "Fact", "Quantity", "Finding",
    "records", "write_csv", "csv_rows", "csv_header", "CSV_COLUMNS", "collect_inputs", "parse_many",
]
__version__ = "0.1.0"

Span = Tuple[int, int]


class OgiError(Exception):
    """An error reported by the library.

    Attributes: ``code`` (the negative status of ogi.h, e.g. -1 for empty
    input), ``name`` (its short description, "empty input"), ``message`` (what
    is wrong and what to do), ``offset`` (byte offset in the input, 0 when not
    applicable), ``line`` and ``column`` (1-based, 0 when unknown).
    """

    def __init__(self, code: int, message: str, offset: int = 0, line: int = 0, column: int = 0):
        super().__init__(message)
        self.code = code
        self.name = _lib.lib().ogi_status_str(code).decode()
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"OgiError(code={self.code}, name={self.name!r}, message={self.message!r})"


def _raise(err: _lib.Error) -> None:
    raise OgiError(err.code, err.message.decode("utf-8", "replace"), err.offset, err.line, err.column)


# ---- the object model (mirrors include/ogi/report.hpp and docs/output.md) ----

def _span(v: Any) -> Span:
    return (int(v[0]), int(v[1])) if v else (0, 0)


def _dec(v: Any) -> Optional[Decimal]:
    return None if v is None else Decimal(str(v))


@dataclass(frozen=True)
class Period:
    from_: str  # ISO date ("from" is a Python keyword)
    to: str


@dataclass(frozen=True)
class Contact:
    address: Optional[str] = None
    postcode: Optional[str] = None
    phone: List[str] = field(default_factory=list)
    fax: List[str] = field(default_factory=list)
    email: List[str] = field(default_factory=list)
    website: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class InputInfo:
    kind: str = "text"  # "text", "markdown", "html", "pdf"
    encoding: str = ""
    bytes: int = 0
    traditional: bool = False


@dataclass(frozen=True)
class Meta:
    title: str = ""
    region: Optional[str] = None
    issuer: Optional[str] = None
    year: Optional[int] = None
    format: str = "unknown"  # "legacy", "2019", "2021", "unknown"
    published: Optional[str] = None
    period: Optional[Period] = None
    source: Optional[str] = None
    contact: Contact = field(default_factory=Contact)
    input: InputInfo = field(default_factory=InputInfo)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Meta":
        c = d.get("contact") or {}
        i = d.get("input") or {}
        p = d.get("period")
        return cls(
            title=d.get("title") or "",
            region=d.get("region"),
            issuer=d.get("issuer"),
            year=d.get("year"),
            format=d.get("format") or "unknown",
            published=d.get("published"),
            period=Period(p.get("from", ""), p.get("to", "")) if p else None,
            source=d.get("source"),
            contact=Contact(c.get("address"), c.get("postcode"), list(c.get("phone") or []),
                            list(c.get("fax") or []), list(c.get("email") or []), list(c.get("website") or [])),
            input=InputInfo(i.get("kind", "text"), i.get("encoding", ""), int(i.get("bytes", 0)),
                            bool(i.get("traditional", False))),
        )


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    level: int
    kind: Optional[str]
    span: Span
    heading: Span
    children: List["Section"] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Section":
        return cls(d.get("number", ""), d.get("title", ""), int(d.get("level", 1)), d.get("kind"),
                   _span(d.get("span")), _span(d.get("heading")),
                   [cls._from(c) for c in d.get("children") or []])

    def walk(self) -> Iterator["Section"]:
        """This section and all its descendants, in document order."""
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    span: Span
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    kind: str
    caption: str
    rows: int
    cols: int
    header_rows: int
    absent: bool
    span: Span
    cells: List[Cell] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Table":
        cells = [Cell(int(c.get("r", 0)), int(c.get("c", 0)), c.get("text", ""), _span(c.get("span")),
                      int(c.get("rowspan", 1)), int(c.get("colspan", 1))) for c in d.get("cells") or []]
        return cls(d.get("kind", "other"), d.get("caption", ""), int(d.get("rows", 0)), int(d.get("cols", 0)),
                   int(d.get("header_rows", 0)), bool(d.get("absent", False)), _span(d.get("span")), cells)


@dataclass(frozen=True)
class Fact:
    indicator: str  # e.g. "apply.received", see docs/indicators.md
    value: Decimal  # exact: Decimal("86.50") == Decimal("86.5")
    unit: str
    scope: str = "total"
    applicant: Optional[str] = None
    approx: Optional[str] = None
    origin: str = "text"  # "text", "table", "derived"
    span: Span = (0, 0)
    section: Optional[List[int]] = None
    table: Optional[int] = None
    cell: Optional[Tuple[int, int]] = None
    blank: bool = False
    marker: Optional[str] = None
    percent: Optional[Decimal] = None

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Fact":
        cell = d.get("cell")
        return cls(d["indicator"], _dec(d.get("value")) or Decimal(0), d.get("unit", ""), d.get("scope") or "total",
                   d.get("applicant"), d.get("approx"), d.get("origin") or "text", _span(d.get("span")),
                   d.get("section"), d.get("table"), (int(cell[0]), int(cell[1])) if cell else None,
                   bool(d.get("blank", False)), d.get("marker"), _dec(d.get("percent")))


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    approx: Optional[str]
    text: str
    label: Optional[str]
    span: Span

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Quantity":
        return cls(_dec(d.get("value")) or Decimal(0), d.get("unit", ""), d.get("approx"), d.get("text", ""),
                   d.get("label"), _span(d.get("span")))


@dataclass(frozen=True)
class Finding:
    rule: str  # stable id, see docs/checks.md
    severity: str  # "info", "warning", "error"
    indicators: List[str]
    message: str
    expected: str
    found: str
    span: Span
    spans: List[Span] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Finding":
        return cls(d.get("rule", ""), d.get("severity", "warning"), list(d.get("indicators") or []),
                   d.get("message", ""), d.get("expected", ""), d.get("found", ""), _span(d.get("span")),
                   [_span(s) for s in d.get("spans") or []])


class Report:
    """A parsed report: ``meta``, ``sections``, ``tables``, ``facts``,
    ``quantities``, ``findings`` and the decoded ``text``.

    Spans are byte offsets into the UTF-8 text; ``text_at(span)`` returns the
    characters they cover. The object is immutable and may be shared between
    threads.
    """

    #: The file the report was read from, as it was named to ``parse_file``
    #: (``None`` for a report parsed from bytes or text). ``records()`` puts it
    #: in the ``file`` column.
    file: Optional[str]

    def __init__(self, handle: int, file: Optional[str] = None):
        lib = _lib.lib()
        self._handle = ctypes.c_void_p(handle)
        self._finalizer = weakref.finalize(self, lib.ogi_report_free, self._handle)
        self.file = file
        self._text = lib.ogi_report_text(self._handle).to_bytes()
        self._dict = json.loads(_json(self._handle, 0))
        d = self._dict
        self.meta = Meta._from(d.get("meta") or {})
        self.sections = [Section._from(s) for s in d.get("sections") or []]
        self.tables = [Table._from(t) for t in d.get("tables") or []]
        self.facts = [Fact._from(f) for f in d.get("facts") or []]
        # JSON numbers lose the printed scale (86.50 -> 86.5); the C API lends
        # each value exactly as printed, so Fact.value keeps it (str() gives
        # "86.50", as the CSV of `ogi batch` does).
        if lib.ogi_report_fact_count(self._handle) == len(self.facts):
            for i, f in enumerate(self.facts):
                exact = lib.ogi_fact_value(lib.ogi_report_fact_at(self._handle, i)).to_bytes()
                if exact:
                    object.__setattr__(f, "value", Decimal(exact.decode("ascii")))
        self.quantities = [Quantity._from(q) for q in d.get("quantities") or []]
        self.findings = [Finding._from(f) for f in d.get("findings") or []]

    @property
    def text(self) -> str:
        """The decoded text every span points into."""
        return self._text.decode("utf-8", "replace")

    @property
    def text_bytes(self) -> bytes:
        return self._text

    def text_at(self, span: Span) -> str:
        """The text a span covers (spans are byte offsets into the UTF-8 text)."""
        return self._text[span[0]:span[1]].decode("utf-8", "replace")

    def section_at(self, path: List[int]) -> Optional[Section]:
        """The section at an index path such as Fact.section ([3, 0])."""
        level, s = self.sections, None
        for i in path:
            if not 0 <= i < len(level):
                return None
            s = level[i]
            level = s.children
        return s

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object of schema "ogi/1" (docs/output.md) as Python values (a copy)."""
        return json.loads(json.dumps(self._dict))

    def to_json(self, pretty: bool = False, english: bool = False, with_text: bool = False) -> str:
        """The JSON of schema "ogi/1" as the library writes it."""
        flags = ((_lib.JSON_PRETTY if pretty else 0) | (_lib.JSON_ENGLISH if english else 0) |
                 (_lib.JSON_WITH_TEXT if with_text else 0))
        return _json(self._handle, flags)

    def __repr__(self) -> str:
        m = self.meta
        return (f"<ogi.Report {m.title or '?'} year={m.year} format={m.format} "
                f"sections={len(self.sections)} facts={len(self.facts)} findings={len(self.findings)}>")


def _json(handle: ctypes.c_void_p, flags: int) -> str:
    lib = _lib.lib()
    out = ctypes.c_void_p()
    n = ctypes.c_size_t()
    status = lib.ogi_report_to_json(handle, flags, ctypes.byref(out), ctypes.byref(n))
    if status != 0:
        raise OgiError(status, "ogi_report_to_json failed: " + lib.ogi_status_str(status).decode())
    try:
        return ctypes.string_at(out, n.value).decode("utf-8")
    finally:
        lib.ogi_string_free(out)


def _options(kind: Optional[str], checks: bool, max_input_bytes: Optional[int]) -> _lib.Options:
    if kind not in _lib.KINDS:
        raise ValueError(f"kind must be one of {sorted(k for k in _lib.KINDS if k)} or None, not {kind!r}")
    if max_input_bytes is not None and max_input_bytes <= 0:
        raise ValueError("max_input_bytes must be positive")
    return _lib.Options(_lib.OPTIONS_VERSION, max_input_bytes or 0, _lib.KINDS[kind], 1 if checks else 0)


def parse(source: Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"], *, kind: Optional[str] = None,
          checks: bool = True, max_input_bytes: Optional[int] = None) -> Report:
    """Parses one report.

    ``source`` is the report's bytes, its text (``str``), or a file
    (``pathlib.Path``). ``kind`` forces the input kind ("text", "markdown",
    "html", "pdf") instead of detecting it; ``checks=False`` skips the
    consistency checks. Raises OgiError when the input cannot be read.
    """
    if isinstance(source, os.PathLike):
        return parse_file(source, kind=kind, checks=checks, max_input_bytes=max_input_bytes)
    if isinstance(source, str):
        data = source.encode("utf-8")
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        raise TypeError(f"ogi.parse() takes bytes, str (the report text) or a pathlib.Path, not {type(source).__name__}")
    opts = _options(kind, checks, max_input_bytes)
    err = _lib.Error()
    handle = _lib.lib().ogi_parse(data, len(data), ctypes.byref(opts), ctypes.byref(err))
    if not handle:
        _raise(err)
    return Report(handle)


def parse_file(path: Union[str, bytes, "os.PathLike[str]"], *, kind: Optional[str] = None, checks: bool = True,
               max_input_bytes: Optional[int] = None) -> Report:
    """Reads and parses a file; the kind is also guessed from the extension."""
    opts = _options(kind, checks, max_input_bytes)
    err = _lib.Error()
    handle = _lib.lib().ogi_parse_file(os.fsencode(path), ctypes.byref(opts), ctypes.byref(err))
    if not handle:
        _raise(err)
    name = os.fspath(path)
    return Report(handle, os.fsdecode(name) if isinstance(name, bytes) else name)


def compare(last_year: Report, this_year: Report) -> List[Finding]:
    """Cross-year findings between last year's report of a body and this
    year's (carry-over of pending applications, documents in force). Raises
    OgiError (code -9, "reports not comparable") when they are not of the same
    body or not of consecutive years. Messages are in Chinese."""
    d = json.loads(_compare_json(last_year, this_year))
    return [Finding._from(f) for f in d.get("findings") or []]


def _compare_json(last_year: Report, this_year: Report) -> str:
    """The JSON object ``{"schema": "ogi/1", "findings": [...]}`` of ogi_compare."""
    lib = _lib.lib()
    out = ctypes.c_void_p()
    n = ctypes.c_size_t()
    err = _lib.Error()
    status = lib.ogi_compare(last_year._handle, this_year._handle, ctypes.byref(out), ctypes.byref(n),
                             ctypes.byref(err))
    if status != 0:
        _raise(err)
    try:
        return ctypes.string_at(out, n.value).decode("utf-8")
    finally:
        lib.ogi_string_free(out)


def version() -> str:
    """The version of the loaded C library."""
    return _lib.lib().ogi_version().decode()


def library_path() -> str:
    """The file libogi_c was loaded from (see docs/python.md for the order)."""
    return _lib.path()


# Datasets (records, CSV, many files): defined in _dataset, imported last
# because they use the classes above.
from ._dataset import (CSV_COLUMNS, collect_inputs, csv_header, csv_rows, parse_many,  # noqa: E402
                       records, write_csv)
