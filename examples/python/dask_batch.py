#!/usr/bin/env python3
"""dask_batch.py: ogi over a folder of reports on a dask.distributed cluster.

    PYTHONPATH=capi/python OGI_LIBRARY=build/capi/libogi_c.so \\
        python3 examples/python/dask_batch.py tests/fixtures --out facts.csv

finds the reports under the given paths as `ogi batch` does (.txt .md .html
.htm .pdf, recursively, sorted), parses them on the workers of a cluster and
writes one CSV row per fact: the same file, byte for byte, as

    ogi batch --csv facts.csv tests/fixtures

(UTF-8 with a BOM, the columns of docs/output.md, rows in input order). A
file that cannot be parsed is reported on stderr and skipped, and the exit
status is then 1, as with `ogi batch`.

The cluster: a LocalCluster on this machine by default (--workers processes,
--threads-per-worker each), or the scheduler at --scheduler ADDRESS
(tcp://host:8786). With a remote cluster every worker needs the ogi package
and its library (pip install ./capi/python on each, or OGI_LIBRARY), and the
reports must be readable there at the same absolute paths (a shared file
system), since the workers read the files themselves. Each task parses --chunk files and sends
back their CSV rows, not the reports, so the results are small and
picklable.

Dask comes from Debian: apt-get install python3-distributed (`make demo-dask`
installs it and runs this example).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import List, Sequence, Tuple

import ogi


def parse_chunk(files: Sequence[Tuple[str, str]]) -> List[Tuple[str, str, str]]:
    """Runs on a worker: for each (name, absolute path), the CSV rows of the
    report (the file column is the name, as `ogi batch` prints it) or an
    error message."""
    import ogi as ogi_on_worker  # imported on the worker

    out = []
    for name, path in files:
        try:
            report = ogi_on_worker.parse_file(path)
        except ogi_on_worker.OgiError as e:
            out.append((name, "", e.message.replace(path, name) if e.message else str(e)))
            continue
        out.append((name, ogi_on_worker.csv_rows(ogi_on_worker.records([(name, report)])), ""))
    return out


def chunks(items: Sequence[str], size: int) -> List[List[Tuple[str, str]]]:
    """Groups of `size` files, each as (the name given, its absolute path):
    a worker may run in another directory."""
    pairs = [(f, os.path.abspath(f)) for f in items]
    return [pairs[i:i + size] for i in range(0, len(pairs), size)]


def run(args: argparse.Namespace) -> int:
    from dask.distributed import Client, LocalCluster

    errors: List[str] = []
    files = ogi.collect_inputs(args.paths, errors)
    for e in errors:
        print(f"ogi: error: {e}", file=sys.stderr)

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                               processes=not args.threads, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    failed = len(errors)
    try:
        if args.wait_workers:
            client.wait_for_workers(args.wait_workers, timeout=args.wait_timeout)
        print(f"dask_batch: {len(files)} reports on {client}", file=sys.stderr)
        # One task per chunk; the futures are read back in submission order
        # so the rows come out in input order, as `ogi batch` writes them.
        futures = client.map(parse_chunk, chunks(files, args.chunk), pure=False)
        out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
        try:
            out.write(("\ufeff" + ogi.csv_header()).encode("utf-8"))
            for fut in futures:
                for path, rows, error in fut.result():
                    if error:
                        failed += 1
                        print(f"ogi: error: {error}", file=sys.stderr)
                    else:
                        out.write(rows.encode("utf-8"))
                fut.release()
        finally:
            if out is not sys.stdout.buffer:
                out.close()
    finally:
        if cluster is not None:
            # Ours: stop the workers before the scheduler, so that none
            # logs a lost heartbeat on the way out.
            client.retire_workers(close_workers=True)
            client.close()
            cluster.close()
        else:
            client.close()
    return 1 if failed else 0


def main(argv: Sequence[str] = None) -> int:
    p = argparse.ArgumentParser(description="Run ogi over folders of reports on a dask.distributed cluster and "
                                            "write the facts as CSV (the file `ogi batch --csv` writes).")
    p.add_argument("paths", nargs="+", help="report files and folders (searched for .txt .md .html .htm .pdf)")
    p.add_argument("--out", "-o", default="-", help="CSV file to write (default: standard output)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, e.g. tcp://10.0.0.5:8786 "
                                                          "(default: start a LocalCluster)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster: worker processes (default 2)")
    p.add_argument("--threads-per-worker", type=int, default=1, help="LocalCluster: threads each (default 1)")
    p.add_argument("--threads", action="store_true", help="LocalCluster: workers are threads of this process")
    p.add_argument("--wait-workers", type=int, default=0, metavar="N",
                   help="with --scheduler: wait until N workers are connected (default: do not wait)")
    p.add_argument("--wait-timeout", type=float, default=120, metavar="SECONDS",
                   help="how long --wait-workers waits before giving up (default 120)")
    p.add_argument("--chunk", type=int, default=8, help="files per task (default 8)")
    args = p.parse_args(argv)
    if args.chunk < 1 or args.workers < 1 or args.threads_per_worker < 1:
        p.error("--chunk, --workers and --threads-per-worker must be at least 1")
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        print("dask_batch: dask.distributed is not installed for this Python "
              f"({sys.executable}); on Debian: apt-get install python3-distributed (or `make demo-dask`)",
              file=sys.stderr)
        return 3
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
