#!/usr/bin/env python3
"""The dask and panel examples (examples/python), run by ctest as
python_dask and python_panel:

    check_examples.py dask  CLI EXAMPLE FOLDER...
    check_examples.py panel CLI EXAMPLE FOLDER...

Each FOLDER that does not exist is reported and left out (the corpus in
../shared is absent on a user's machine); at least one must exist.

dask: runs EXAMPLE (dask_batch.py) on a LocalCluster over each folder and
compares its CSV with `CLI batch --csv` on the same folder BYTE FOR BYTE: both
name the files the same way, write the rows in input order and the values as
printed, so nothing weaker than identity is needed. Also once through
--scheduler: a scheduler and a worker started here on 127.0.0.1, the worker
in another directory (the example must send it absolute paths).

panel: runs EXAMPLE (panel.py) over each folder and checks the panel it
writes (--csv) cell for cell against one built here from `CLI batch --csv`
(the C++ tool's facts, independent of the Python binding), its printed shape
(regions x years x indicators), and that --png is a PNG of the size the
script draws; an indicator no report states gives exit status 1 and still a
PNG.

The examples need dask.distributed or matplotlib, which Debian installs for
/usr/bin/python3 while `python3` may be another interpreter: the first of
this interpreter, /usr/bin/python3 and python3 on PATH that can import the
module runs the example. Exit status 77 (ctest SKIP_RETURN_CODE) when none
can.
"""
from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from typing import Dict, List, Optional, Tuple

SKIP = 77
BOM = b"\xef\xbb\xbf"


def fail(msg: str) -> None:
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond: bool, msg: str) -> None:
    if not cond:
        fail(msg)
    print(f"ok: {msg}")


def interpreter_with(module: str) -> Optional[str]:
    seen = set()
    for cand in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if not cand or not os.path.exists(cand) or os.path.realpath(cand) in seen:
            continue
        seen.add(os.path.realpath(cand))
        p = subprocess.run([cand, "-c", f"import {module}"], capture_output=True)
        if p.returncode == 0:
            return cand
    return None


def run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, **kw)


def batch_csv(cli: str, folder: str, out: pathlib.Path) -> bytes:
    p = run([cli, "batch", "--no-progress", "--jobs", "2", "--csv", out, folder])
    if p.returncode != 0:
        fail(f"ogi batch --csv {folder} exited {p.returncode}: {p.stderr.decode()}")
    return out.read_bytes()


def read_rows(data: bytes) -> List[Dict[str, Optional[str]]]:
    check(data.startswith(BOM), "CSV starts with the UTF-8 BOM")
    reader = csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"), newline=""))
    return [{k: (v if v != "" else None) for k, v in row.items()} for row in reader]


# ---- dask ----------------------------------------------------------------------

def check_dask_scheduler(python: str, example: str, folder: str, expected: bytes, tmp: pathlib.Path) -> None:
    """A scheduler and one worker started here (loopback only, in another
    directory than the client's), used through --scheduler ADDRESS."""
    where = tmp / "cluster"
    where.mkdir()
    sched_file = where / "scheduler.json"
    env = dict(os.environ)
    procs = []
    try:
        procs.append(subprocess.Popen(
            [python, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
             "--no-dashboard", "--scheduler-file", str(sched_file)],
            cwd=where, env=env, stdout=subprocess.DEVNULL, stderr=open(where / "scheduler.log", "wb")))
        deadline = time.monotonic() + 60
        address = None
        while time.monotonic() < deadline and address is None:
            time.sleep(0.5)
            try:
                address = json.loads(sched_file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                pass
            if procs[0].poll() is not None:
                break
        check(address is not None and address.startswith("tcp://127.0.0.1:"),
              f"a dask scheduler listens on loopback ({address})")
        procs.append(subprocess.Popen(
            [python, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(sched_file), "--nthreads", "1",
             "--no-dashboard", "--host", "127.0.0.1"],
            cwd=where, env=env, stdout=subprocess.DEVNULL, stderr=open(where / "worker.log", "wb")))
        out = tmp / "dask-scheduler.csv"
        p = run([python, example, folder, "--scheduler", address, "--wait-workers", "1", "--wait-timeout", "120",
                 "--out", out], timeout=600)
        if p.returncode != 0:
            fail(f"dask_batch.py --scheduler {address} exited {p.returncode}:\n{p.stderr.decode()[-3000:]}")
        check(out.read_bytes() == expected,
              "dask_batch.py --scheduler (a worker in another directory): CSV byte-identical to `ogi batch --csv`")
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def check_dask(python: str, cli: str, example: str, folders: List[str], tmp: pathlib.Path) -> None:
    check_dask_scheduler(python, example, folders[0], batch_csv(cli, folders[0], tmp / "cli-first.csv"), tmp)
    for i, folder in enumerate(folders):
        expected = batch_csv(cli, folder, tmp / f"cli-{i}.csv")
        out = tmp / f"dask-{i}.csv"
        p = run([python, example, folder, "--out", out, "--workers", "2"], timeout=600)
        if p.returncode != 0:
            fail(f"dask_batch.py {folder} exited {p.returncode}:\n{p.stderr.decode()[-3000:]}")
        got = out.read_bytes()
        rows = got.count(b"\n") - 1
        check(rows > 0, f"dask_batch.py {folder}: {rows} fact rows")
        check(got == expected, f"dask_batch.py {folder}: CSV byte-identical to `ogi batch --csv` "
                               f"({len(got)} bytes)")


# ---- panel -----------------------------------------------------------------------

ORIGIN_RANK = {"table": 0, "text": 1, "derived": 2}


def expected_panel(rows: List[Dict[str, Optional[str]]]) -> Dict[Tuple[str, int, str], Tuple[str, str, str]]:
    """(region, year, indicator) -> (value, unit, file), from the tool's facts:
    whole-body facts (scope total, applicant empty or total), table before
    prose before derived, the first file of a region-year wins, reports
    without a year left out."""
    owner: Dict[Tuple[str, int], str] = {}
    best: Dict[Tuple[str, int, str], Tuple[int, str, str, str]] = {}
    for r in rows:
        if not r["year"]:
            continue
        region, year = r["region"] or "?", int(r["year"])
        if owner.setdefault((region, year), r["file"]) != r["file"]:
            continue
        if r["scope"] != "total" or r["applicant"] not in (None, "total"):
            continue
        rank = ORIGIN_RANK.get(r["origin"], 9)
        key = (region, year, r["indicator"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, r["value"], r["unit"], r["file"])
    return {k: (str(Decimal(v[1])), v[2] or "", v[3]) for k, v in best.items()}


def png_size(path: pathlib.Path) -> Tuple[int, int]:
    data = path.read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} has the PNG signature")
    check(data[12:16] == b"IHDR", f"{path.name} starts with an IHDR chunk")
    check(data[-8:-4] == b"IEND", f"{path.name} ends with an IEND chunk")
    return struct.unpack(">II", data[16:24])


def check_panel(python: str, cli: str, example: str, folders: List[str], tmp: pathlib.Path) -> None:
    for i, folder in enumerate(folders):
        exp = expected_panel(read_rows(batch_csv(cli, folder, tmp / f"cli-{i}.csv")))
        shape = (len({k[0] for k in exp}), len({k[1] for k in exp}), len({k[2] for k in exp}))
        png, out = tmp / f"panel-{i}.png", tmp / f"panel-{i}.csv"
        indicator = "apply.new"
        p = run([python, example, folder, "--indicator", indicator, "--png", png, "--csv", out], timeout=600)
        stdout = p.stdout.decode()
        plotted = any(k[2] == indicator for k in exp)
        check(p.returncode == (0 if plotted else 1), f"panel.py {folder}: exit status {p.returncode}\n"
                                                     f"{p.stderr.decode()[-2000:]}")
        line = f"panel: {shape[0]} regions x {shape[1]} years x {shape[2]} indicators, {len(exp)} cells"
        check(line in stdout, f"panel.py {folder}: prints the shape {shape} ({line!r} in {stdout!r})")
        check(len(exp) > 0 and shape[0] >= 2 and shape[1] >= 2, f"{folder}: a panel of several regions and years")
        got = {}
        for row in read_rows(out.read_bytes()):
            got[(row["region"], int(row["year"]), row["indicator"])] = (row["value"], row["unit"] or "", row["file"])
        check(got == exp, f"panel.py {folder}: the {len(got)} cells are those built from `ogi batch --csv`")
        w, h = png_size(png)
        check((w, h) == (800, 450), f"panel.py {folder}: the PNG is 800x450 (got {w}x{h})")

        png2 = tmp / f"none-{i}.png"
        p = run([python, example, folder, "--indicator", "no.such.indicator", "--png", png2], timeout=600)
        check(p.returncode == 1 and png2.exists(), f"panel.py {folder}: an indicator no report states: exit 1, PNG")
        png_size(png2)


def main() -> int:
    if len(sys.argv) < 5 or sys.argv[1] not in ("dask", "panel"):
        print(__doc__, file=sys.stderr)
        return 2
    what, cli, example = sys.argv[1], sys.argv[2], sys.argv[3]
    module = "dask.distributed" if what == "dask" else "matplotlib"
    python = interpreter_with(module)
    if python is None:
        pkg = "python3-distributed" if what == "dask" else "python3-matplotlib"
        print(f"SKIP: no interpreter here can import {module} (tried {sys.executable}, /usr/bin/python3, "
              f"python3 on PATH); on Debian: apt-get install {pkg}" + (" (or `make demo-dask`)" if what == "dask"
                                                                         else ""))
        return SKIP
    print(f"using {python} for {module}")
    folders = []
    for f in sys.argv[4:]:
        if os.path.isdir(f):
            folders.append(f)
        else:
            print(f"note: {f} is absent, left out (the real corpus lives in ../shared)")
    if not folders:
        fail("none of the folders exists")
    with tempfile.TemporaryDirectory(prefix=f"ogi-{what}-") as tmp:
        (check_dask if what == "dask" else check_panel)(python, cli, example, folders, pathlib.Path(tmp))
    print(f"python_{what}: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
