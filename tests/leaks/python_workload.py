"""Exercises the Python binding the way a user does, so that a leak in the
C ABI or in the binding's handling of it shows up under valgrind: parse
every fixture (bytes, str, path), read the whole object model, JSON, compare,
and every error path. Run by run_valgrind_python.py."""
import gc
import os
import pathlib
import sys

import ogi

fixtures = pathlib.Path(os.environ["OGI_FIXTURES_DIR"])
files = sorted(p for p in fixtures.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm"))
if not files:
    sys.exit("no fixtures in " + str(fixtures))

reports = []
for rounds in range(2):
    for path in files:
        data = path.read_bytes()
        for source in (data, path):
            r = ogi.parse(source)
            _ = (r.meta.title, r.meta.year, r.text[:10], [s.title for s in r.sections])
            _ = [(f.indicator, f.value, f.span) for f in r.facts]
            _ = [(f.rule, f.message) for f in r.findings]
            _ = r.to_json(pretty=True, english=True, with_text=True)
            reports.append(r)
        ogi.parse(data, checks=False, kind="text")
    for bad in (b"", b"   \n", b"\x00" * 64):
        try:
            ogi.parse(bad)
        except ogi.OgiError:
            pass
    for path in (str(fixtures), str(fixtures / "no-such-file.txt")):
        try:
            ogi.parse_file(path)
        except ogi.OgiError:
            pass
    try:
        ogi.parse(files[0].read_bytes(), max_input_bytes=10)
    except ogi.OgiError:
        pass
    if len(reports) >= 2:
        try:
            ogi.compare(reports[0], reports[1])
        except ogi.OgiError:
            pass
reports.clear()
gc.collect()
print("python workload: done")
