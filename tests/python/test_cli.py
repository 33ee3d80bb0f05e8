"""`python -m ogi` against the C++ tool (OGI_CLI): the same output bytes and
exit status for extract, check and batch; compare's findings JSON; usage
errors. Skips when OGI_CLI is not set.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

import ogi

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(os.environ.get("OGI_FIXTURES_DIR", ROOT / "tests" / "fixtures"))
CLI = os.environ.get("OGI_CLI", "")


def py(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "ogi", *map(str, args)], capture_output=True, input=stdin)


def cpp(*args, stdin=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, input=stdin)


class Usage(unittest.TestCase):
    def test_version(self):
        p = py("--version")
        self.assertEqual((p.returncode, p.stdout.decode().strip()), (0, ogi.version()))

    def test_bad_usage_is_2(self):
        self.assertEqual(py().returncode, 2)  # no subcommand
        self.assertEqual(py("frobnicate").returncode, 2)
        self.assertEqual(py("batch", "--csv", "a", "--jsonl", "b", str(FIXTURES)).returncode, 2)
        self.assertEqual(py("check", "--lang", "fr", str(FIXTURES / "sample-legacy.txt")).returncode, 2)

    def test_unreadable_input_is_2(self):
        p = py("extract", "/nonexistent/report.txt")
        self.assertEqual(p.returncode, 2)
        self.assertTrue(p.stderr.decode().startswith("ogi: error: "), p.stderr)

    def test_html_review_page_points_to_the_tool(self):
        p = py("check", "--html", "out.html", str(FIXTURES / "sample-legacy.txt"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("ogi check --html", p.stderr.decode())

    def test_help_lists_the_subcommands(self):
        p = py("--help")
        self.assertEqual(p.returncode, 0)
        for name in ("extract", "check", "compare", "batch"):
            self.assertIn(name, p.stdout.decode())


@unittest.skipUnless(CLI and os.access(CLI, os.X_OK), "OGI_CLI (the built ogi tool) is not set")
class SameAsTheTool(unittest.TestCase):
    FILES = sorted(str(p) for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".html"))

    def same(self, *args, stdin=None):
        a, b = py(*args, stdin=stdin), cpp(*args, stdin=stdin)
        self.assertEqual(a.stdout.decode(), b.stdout.decode(), f"stdout of {args}")
        self.assertEqual(a.returncode, b.returncode, f"exit status of {args}: {a.stderr}")
        return a

    def test_files_found(self):
        self.assertGreater(len(self.FILES), 5)

    def test_extract(self):
        for f in self.FILES:
            with self.subTest(f=f):
                out = self.same("extract", f)
                self.assertIn("outline:", out.stdout.decode())

    def test_extract_json(self):
        self.same("extract", "--json", *self.FILES)
        self.same("extract", "--json", "--pretty", "--with-text", self.FILES[0])

    def test_extract_stdin(self):
        data = (FIXTURES / "sample-legacy.txt").read_bytes()
        self.same("extract", "-", stdin=data)

    def test_check(self):
        for f in self.FILES:
            with self.subTest(f=f):
                self.assertEqual(self.same("check", f).returncode, 0)
                self.same("check", "--json", "--lang", "en", f)
        self.same("check", *self.FILES)
        # Exit 1 on an error finding: the 2021 sample with its （七）总计
        # row changed so that the table's identities break.
        text = (FIXTURES / "sample-2021.md").read_text(encoding="utf-8")
        row = next(line for line in text.split("\n") if "（七）总计" in line)
        cells = row.split("|")
        cells[4] = f" {int(cells[4]) + 4} "
        with tempfile.TemporaryDirectory() as d:
            broken = pathlib.Path(d) / "broken-2021.md"
            broken.write_text(text.replace(row, "|".join(cells)), encoding="utf-8")
            out = self.same("check", broken)
            self.assertEqual(out.returncode, 1)
            self.assertIn("error: ", out.stdout.decode())
            self.same("check", "--json", broken)
            self.same("check", "--lang", "en", broken)
            self.same("check", broken, *self.FILES)

    def test_check_missing_file(self):
        out = self.same("check", str(FIXTURES / "sample-legacy.txt"), "/nonexistent/x.txt")
        self.assertEqual(out.returncode, 2)

    def test_compare_json(self):
        # Two consecutive years of one body are made from a fixture by
        # changing its year; the findings JSON must be the tool's.
        text = (FIXTURES / "sample-legacy.txt").read_text(encoding="utf-8")
        with tempfile.TemporaryDirectory() as d:
            last, this = pathlib.Path(d) / "2016.txt", pathlib.Path(d) / "2017.txt"
            last.write_text(text.replace("2017", "2016"), encoding="utf-8")
            this.write_text(text, encoding="utf-8")
            out = self.same("compare", "--json", last, this)
            json.loads(out.stdout)
            a = py("compare", this, this)
            self.assertEqual(a.returncode, 2)  # not consecutive years
            self.assertTrue(a.stderr.decode().startswith("ogi: error: "))

    def test_batch(self):
        with tempfile.TemporaryDirectory() as d:
            for fmt in ("csv", "jsonl"):
                a, b = pathlib.Path(d) / f"py.{fmt}", pathlib.Path(d) / f"cpp.{fmt}"
                pa = py("batch", "--no-progress", "-j", "2", f"--{fmt}", a, FIXTURES)
                pb = cpp("batch", "--no-progress", "-j", "2", f"--{fmt}", b, FIXTURES)
                self.assertEqual((pa.returncode, pb.returncode), (0, 0), pa.stderr)
                self.assertEqual(a.read_bytes(), b.read_bytes(), fmt)

    def test_batch_failure_is_1_and_goes_on(self):
        with tempfile.TemporaryDirectory() as d:
            empty = pathlib.Path(d) / "empty.txt"
            empty.write_bytes(b"")
            args = ["batch", "--no-progress", "--csv", "-", str(FIXTURES / "sample-legacy.txt"), str(empty)]
            out = self.same(*args)
            self.assertEqual(out.returncode, 1)
            self.assertGreater(out.stdout.count(b"\n"), 10)

    def test_batch_jsonl_to_stdout_by_default(self):
        self.same("batch", "--no-progress", str(FIXTURES / "sample-2021.md"))


if __name__ == "__main__":
    unittest.main()
