"""Datasets from Python: ogi.records() and the CSV against `ogi batch --csv`
(the C++ tool, OGI_CLI), the shape of `ogi batch --csv` and `--jsonl`
themselves, and memory staying flat over 10^4 parses.

Run by ctest (tests/python/CMakeLists.txt) with OGI_LIBRARY, PYTHONPATH,
OGI_FIXTURES_DIR, OGI_CLI (the built ogi tool; tests that need it skip
without it) and OGI_SHARED_DIR (../shared; the corpus comparison skips when
it is absent).
"""
import csv
import gc
import io
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest
from decimal import Decimal

import ogi

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(os.environ.get("OGI_FIXTURES_DIR", ROOT / "tests" / "fixtures"))
LEGACY = FIXTURES / "sample-legacy.txt"
CLI = os.environ.get("OGI_CLI", "")
SHARED = pathlib.Path(os.environ.get("OGI_SHARED_DIR", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "real"

# The columns of OUTPUT.md ("CSV (--csv): one row per fact, columns ...").
OUTPUT_MD_COLUMNS = "file,region,year,format,indicator,scope,applicant,value,unit,origin,approx".split(",")
BOM = b"\xef\xbb\xbf"


def need_cli(test):
    return unittest.skipUnless(CLI and os.access(CLI, os.X_OK), "OGI_CLI (the built ogi tool) is not set")(test)


def run_cli(*args, check=True):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, check=check)


def read_csv(data: bytes):
    """(header, rows) of a CSV written by ogi; asserts the BOM."""
    assert data.startswith(BOM), data[:16]
    rows = list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))
    return rows[0], rows[1:]


class Records(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.report = ogi.parse_file(str(LEGACY))

    def test_one_flat_dict_per_fact_with_the_output_md_columns(self):
        recs = ogi.records(self.report)
        self.assertEqual(len(recs), len(self.report.facts))
        self.assertGreater(len(recs), 10)
        self.assertEqual(list(ogi.CSV_COLUMNS), OUTPUT_MD_COLUMNS)
        for rec, fact in zip(recs, self.report.facts):
            self.assertEqual(list(rec), OUTPUT_MD_COLUMNS)
            self.assertEqual((rec["indicator"], rec["scope"], rec["value"], rec["unit"], rec["origin"]),
                             (fact.indicator, fact.scope, fact.value, fact.unit, fact.origin))
            self.assertEqual((rec["file"], rec["region"], rec["year"], rec["format"]),
                             (str(LEGACY), "青川市", 2017, "legacy"))
            self.assertIsInstance(rec["value"], Decimal)
            self.assertIsInstance(rec["year"], int)

    def test_values_keep_their_printed_scale(self):
        budget = [r for r in ogi.records(self.report) if r["indicator"] == "org.budget" and r["scope"] == "total"]
        self.assertEqual([str(r["value"]) for r in budget], ["86.50"])

    def test_inputs(self):
        r = self.report
        self.assertEqual(ogi.records([r, r]), ogi.records(r) * 2)
        named = ogi.records([("other.txt", r)])
        self.assertEqual({x["file"] for x in named}, {"other.txt"})
        from_bytes = ogi.records(ogi.parse(LEGACY.read_bytes()))
        self.assertEqual({x["file"] for x in from_bytes}, {None})
        self.assertEqual(ogi.records([]), [])
        with self.assertRaises(TypeError):
            ogi.records(["not a report"])

    def test_pandas_ready(self):
        try:
            import pandas
        except ImportError:
            self.skipTest("pandas is not installed (records are plain dicts; nothing else to check)")
        df = pandas.DataFrame(ogi.records(self.report))
        self.assertEqual(list(df.columns), OUTPUT_MD_COLUMNS)
        self.assertEqual(len(df), len(self.report.facts))

    def test_csv_field_quoting(self):
        from ogi._dataset import csv_field
        self.assertEqual(csv_field(None), "")
        self.assertEqual(csv_field(Decimal("86.50")), "86.50")
        self.assertEqual(csv_field('a,b'), '"a,b"')
        self.assertEqual(csv_field('say "hi"'), '"say ""hi"""')
        self.assertEqual(csv_field("two\nlines"), '"two\nlines"')
        self.assertEqual(csv_field("plain 中文"), "plain 中文")

    def test_write_csv(self):
        buf = io.BytesIO()
        ogi.write_csv(ogi.records(self.report), buf)
        header, rows = read_csv(buf.getvalue())
        self.assertEqual(header, OUTPUT_MD_COLUMNS)
        self.assertEqual(len(rows), len(self.report.facts))
        with tempfile.TemporaryDirectory() as d:
            path = pathlib.Path(d) / "facts.csv"
            ogi.write_csv(ogi.records(self.report), path)
            self.assertEqual(path.read_bytes(), buf.getvalue())

    def test_collect_inputs_like_the_cli(self):
        with tempfile.TemporaryDirectory() as d:
            root = pathlib.Path(d)
            (root / "b").mkdir()
            for name in ["b/z.TXT", "a.md", "b/x.htm", "notes.docx", "c.pdf", "中.html"]:
                (root / name).write_bytes(b"x")
            errors = []
            files = ogi.collect_inputs([d, str(root / "notes.docx"), str(root / "missing.txt")], errors)
            rel = [os.path.relpath(f, d) for f in files]
            self.assertEqual(rel, ["a.md", "b/x.htm", "b/z.TXT", "c.pdf", "中.html", "notes.docx"])
            self.assertEqual(errors, [f"{root / 'missing.txt'}: no such file or directory"])

    def test_parse_many_in_order_with_errors(self):
        files = [str(LEGACY), "/nonexistent/report.txt", str(FIXTURES / "sample-2021.md")]
        got = list(ogi.parse_many(files, jobs=2))
        self.assertEqual([f for f, _ in got], files)
        self.assertIsInstance(got[0][1], ogi.Report)
        self.assertIsInstance(got[1][1], ogi.OgiError)
        self.assertEqual(got[2][1].meta.format, "2021")


@need_cli
class BatchOutputs(unittest.TestCase):
    """`ogi batch --csv` writes one row per fact with a BOM; `--jsonl` one
    report per line; Python writes the same CSV."""

    def batch(self, fmt, *paths):
        with tempfile.TemporaryDirectory() as d:
            out = pathlib.Path(d) / ("out." + fmt)
            proc = run_cli("batch", "--no-progress", "--jobs", "2", "--" + fmt, out, *paths, check=False)
            self.assertEqual(proc.returncode, 0, proc.stderr.decode())
            return out.read_bytes()

    def test_csv_one_row_per_fact_with_bom(self):
        data = self.batch("csv", FIXTURES)
        self.assertTrue(data.startswith(BOM))
        self.assertEqual(data[len(BOM):].split(b"\n", 1)[0].decode(), ",".join(OUTPUT_MD_COLUMNS))
        header, rows = read_csv(data)
        files = ogi.collect_inputs([str(FIXTURES)])
        self.assertGreater(len(files), 5)
        expected = []
        for f in files:
            expected += [["" if v is None else str(v) for v in r.values()] for r in ogi.records(ogi.parse_file(f))]
        self.assertEqual(len(rows), len(expected))
        self.assertEqual(rows, expected)
        self.assertEqual({len(r) for r in rows}, {len(OUTPUT_MD_COLUMNS)})

    def test_python_csv_is_byte_identical(self):
        data = self.batch("csv", FIXTURES)
        rows = []
        for f, r in ogi.parse_many(ogi.collect_inputs([str(FIXTURES)])):
            rows += ogi.records([(f, r)])
        buf = io.BytesIO()
        ogi.write_csv(rows, buf)
        self.assertEqual(buf.getvalue(), data)

    def test_csv_quotes_a_file_name_with_a_comma(self):
        with tempfile.TemporaryDirectory() as d:
            odd = pathlib.Path(d) / 'a,"b".txt'
            shutil.copyfile(LEGACY, odd)
            data = self.batch("csv", odd)
            header, rows = read_csv(data)
            self.assertEqual({r[0] for r in rows}, {str(odd)})
            self.assertIn(b'"' + str(odd).replace('"', '""').encode() + b'"', data)
            buf = io.BytesIO()
            ogi.write_csv(ogi.records(ogi.parse_file(str(odd))), buf)
            self.assertEqual(buf.getvalue(), data)

    def test_jsonl_one_report_per_line(self):
        data = self.batch("jsonl", FIXTURES)
        lines = data.decode("utf-8").split("\n")
        self.assertEqual(lines[-1], "")  # every line ends with \n
        lines = lines[:-1]
        files = ogi.collect_inputs([str(FIXTURES)])
        self.assertEqual(len(lines), len(files))
        for line, f in zip(lines, files):
            obj = json.loads(line)
            self.assertEqual(list(obj)[:2], ["schema", "file"])
            self.assertEqual((obj["schema"], obj["file"]), ("ogi/1", f))
            r = ogi.parse_file(f)
            self.assertEqual(len(obj["facts"]), len(r.facts))
            del obj["file"]
            self.assertEqual(obj, r.to_dict())

    def test_corpus_csv_is_byte_identical(self):
        if not CORPUS.is_dir():
            self.skipTest(f"{CORPUS} is absent (the real corpus lives in ../shared)")
        data = self.batch("csv", CORPUS)
        rows = []
        for f, r in ogi.parse_many(ogi.collect_inputs([str(CORPUS)])):
            self.assertIsInstance(r, ogi.Report, f)
            rows += ogi.records([(f, r)])
        buf = io.BytesIO()
        ogi.write_csv(rows, buf)
        self.assertEqual(buf.getvalue(), data)


def resident_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc/self/statm (Linux)")
@unittest.skipIf("asan" in os.environ.get("LD_PRELOAD", ""),
                 "under AddressSanitizer freed memory stays in its quarantine; the sanitizer build checks leaks "
                 "with LSan and the valgrind test leaks.python instead")
class Leak(unittest.TestCase):
    N = 10_000

    def test_resident_memory_stays_flat_over_10k_parses(self):
        # A small report: the legacy fixture's opening and its application
        # paragraph, so every stage (sections, numbers, facts, checks) runs.
        text = LEGACY.read_text(encoding="utf-8")
        small = text[:1500].encode("utf-8", "ignore")
        r = ogi.parse(small)
        self.assertGreater(len(r.facts), 0)
        samples = []
        for i in range(self.N):
            r = ogi.parse(small)
            ogi.records(r)
            del r
            if i % (self.N // 10) == self.N // 10 - 1:
                gc.collect()
                samples.append(resident_bytes())
        # samples[0] is after 1000 parses (warm: caches, allocator arenas);
        # the second half must not grow more than the first half did, plus
        # a small tolerance (allocator noise), and not more than 2 MiB.
        first = samples[4] - samples[0]
        second = samples[9] - samples[4]
        tolerance = 2 * 1024 * 1024
        self.assertLessEqual(second, max(first, 0) + tolerance,
                             f"RSS grew by {second} bytes over parses 5000-10000 (samples {samples})")
        self.assertLessEqual(samples[9] - samples[0], 2 * tolerance, f"samples {samples}")


if __name__ == "__main__":
    unittest.main()
