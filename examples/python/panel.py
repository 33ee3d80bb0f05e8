#!/usr/bin/env python3
"""panel.py: a multi-year panel (region x year x indicator) from a folder of
reports, and one indicator over the years as a PNG.

    PYTHONPATH=capi/python OGI_LIBRARY=build/capi/libogi_c.so \\
        python3 examples/python/panel.py ../shared/corpus/real \\
            --indicator apply.new --png new.png --csv panel.csv

Each report gives one cell per indicator it states: its region
(meta.region), the year it reports on (meta.year), the indicator, and the
value for the whole body: scope "total" and no applicant column or the
column 总计 (applicant "total"). When a report states an indicator more than
once the table wins over the prose and the prose over a derived value; when
two files are the same region and year (an HTML page and its PDF) the first
in path order is kept and the other named on stderr. Reports with no year
are left out, with a message.

--by issuer keys the panel by the issuing body (meta.issuer) instead of the
region, which keeps a city's government and its departments apart.

Output: the panel's shape on stdout ("panel: R regions x Y years x I
indicators, N cells"), --csv the cells in long form
(region,year,indicator,value,unit,origin,file; UTF-8 with a BOM), --png the
plot: one line per region, the years on the x axis. Exit status 0; 1 when no
report states the plotted indicator (the PNG says so); 2 when no report
could be read.

matplotlib comes from Debian: apt-get install python3-matplotlib.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from decimal import Decimal
from typing import Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import ogi

ORIGIN_RANK = {"table": 0, "text": 1, "derived": 2}


class Cell(NamedTuple):
    value: Decimal
    unit: str
    origin: str
    file: str


Key = Tuple[str, int, str]  # region, year, indicator


class Panel:
    """Cells keyed by (region, year, indicator)."""

    def __init__(self) -> None:
        self.cells: Dict[Key, Cell] = {}

    @property
    def regions(self) -> List[str]:
        return sorted({k[0] for k in self.cells})

    @property
    def years(self) -> List[int]:
        return sorted({k[1] for k in self.cells})

    @property
    def indicators(self) -> List[str]:
        return sorted({k[2] for k in self.cells})

    @property
    def shape(self) -> Tuple[int, int, int]:
        return len(self.regions), len(self.years), len(self.indicators)

    def series(self, indicator: str) -> Dict[str, List[Tuple[int, Decimal]]]:
        """region -> [(year, value)] for one indicator, years ascending."""
        out: Dict[str, List[Tuple[int, Decimal]]] = {}
        for (region, year, ind), cell in sorted(self.cells.items()):
            if ind == indicator:
                out.setdefault(region, []).append((year, cell.value))
        return out

    def unit(self, indicator: str) -> str:
        units = sorted({c.unit for k, c in self.cells.items() if k[2] == indicator})
        return "/".join(units)


def whole_body(record: dict) -> bool:
    """A fact about the whole body: scope total, no applicant column or 总计."""
    return record["scope"] == "total" and record["applicant"] in (None, "total")


def build_panel(rows: Iterable[dict], warn=lambda msg: None, by: str = "region") -> Panel:
    """The panel from fact records (ogi.records(), or the rows of the CSV of
    `ogi batch --csv` with empty fields as None), in input order. ``by``
    names the record field that keys a line of the panel: "region", or
    "issuer" (the records then need that key) to keep the departments of one
    region apart."""
    panel = Panel()
    owner: Dict[Tuple[str, int], str] = {}  # (region, year) -> the file that gave it
    skipped = set()
    for r in rows:
        if not r["year"]:
            if r["file"] not in skipped:
                skipped.add(r["file"])
                warn(f"panel: {r['file']}: no year found, left out")
            continue
        region, year = r[by] or "?", int(r["year"])
        first = owner.setdefault((region, year), r["file"])
        if first != r["file"]:
            if (r["file"], "dup") not in skipped:
                skipped.add((r["file"], "dup"))
                warn(f"panel: {r['file']}: {region} {year} is already given by {first}, left out")
            continue
        if not whole_body(r):
            continue
        key = (region, year, r["indicator"])
        cell = Cell(Decimal(str(r["value"])), r["unit"], r["origin"], r["file"])
        old = panel.cells.get(key)
        if old is None or ORIGIN_RANK.get(cell.origin, 9) < ORIGIN_RANK.get(old.origin, 9):
            panel.cells[key] = cell
    return panel


def write_csv(panel: Panel, path: str) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["region", "year", "indicator", "value", "unit", "origin", "file"])
    for (region, year, ind), c in sorted(panel.cells.items()):
        w.writerow([region, year, ind, str(c.value), c.unit, c.origin, c.file])
    with open(path, "wb") as f:
        f.write(("\ufeff" + buf.getvalue()).encode("utf-8"))


def cjk_font() -> Optional[str]:
    """A font with Chinese glyphs that matplotlib knows, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for pref in ("Noto Sans CJK SC", "Noto Sans CJK", "Source Han Sans", "WenQuanYi", "Droid Sans Fallback",
                 "AR PL", "Noto Serif CJK"):
        for n in sorted(names):
            if n.startswith(pref):
                return n
    return None


def plot(panel: Panel, indicator: str, path: str) -> bool:
    """Plots one indicator over the years, a line per region. False when no
    report states it (the picture then says so)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    font = cjk_font()
    if font:
        matplotlib.rcParams["font.family"] = [font, "DejaVu Sans"]
    series = panel.series(indicator)
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    for region, points in series.items():
        ax.plot([y for y, _ in points], [float(v) for _, v in points], marker="o", label=region)
    unit = panel.unit(indicator)
    ax.set_title(f"{indicator}" + (f" ({unit})" if unit else ""))
    ax.set_xlabel("year")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, alpha=0.3)
    if series:
        ax.legend(fontsize="small", loc="best")
    else:
        ax.text(0.5, 0.5, f"no report states {indicator}", ha="center", va="center", transform=ax.transAxes)
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
    return bool(series)


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description="Build a region x year x indicator panel from reports and plot one "
                                            "indicator over the years.")
    p.add_argument("paths", nargs="+", help="report files and folders (searched for .txt .md .html .htm .pdf)")
    p.add_argument("--indicator", default="apply.new",
                   help="the indicator to plot (default apply.new, applications newly received in the year, "
                        "from table 三 of the 2019 and 2021 formats; legacy reports state apply.received instead; "
                        "docs/indicators.md)")
    p.add_argument("--png", default="panel.png", help="the plot to write (default panel.png)")
    p.add_argument("--csv", help="also write the panel's cells as CSV (long form)")
    p.add_argument("--by", choices=["region", "issuer"], default="region",
                   help="what a line of the panel is: the region (default; a city's government and its "
                        "departments share it) or the issuing body (meta.issuer)")
    p.add_argument("--jobs", "-j", type=int, default=0, help="parsing threads (default: number of cores)")
    a = p.parse_args(argv)

    def warn(msg: str) -> None:
        print(msg, file=sys.stderr)

    errors: List[str] = []
    files = ogi.collect_inputs(a.paths, errors)
    for e in errors:
        warn(f"ogi: error: {e}")
    rows: List[dict] = []
    parsed = 0
    for path, report in ogi.parse_many(files, jobs=a.jobs or None):
        if isinstance(report, Exception):
            warn(f"ogi: error: {report}")
            continue
        parsed += 1
        for rec in ogi.records([(path, report)]):
            rec["issuer"] = report.meta.issuer
            rows.append(rec)
    if not parsed:
        warn("panel: no report could be read")
        return 2
    panel = build_panel(rows, warn, by=a.by)
    r, y, i = panel.shape
    print(f"panel: {r} {a.by}s x {y} years x {i} indicators, {len(panel.cells)} cells")
    if a.csv:
        write_csv(panel, a.csv)
    found = plot(panel, a.indicator, a.png)
    print(f"panel: {a.indicator} plotted to {a.png}" + ("" if found else " (no report states it)"))
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
