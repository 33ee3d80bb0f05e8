"""The Python binding (capi/python/ogi), run by ctest with OGI_LIBRARY set to
the built libogi_c and PYTHONPATH to capi/python.

    OGI_LIBRARY=build/capi/libogi_c.so PYTHONPATH=capi/python \
        python3 -m unittest discover -s tests/python -v
"""
import ctypes
import json
import os
import pathlib
import subprocess
import sys
import threading
import unittest
from decimal import Decimal

import ogi
from ogi import _lib

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(os.environ.get("OGI_FIXTURES_DIR", ROOT / "tests" / "fixtures"))
LEGACY = FIXTURES / "sample-legacy.txt"
F2021 = FIXTURES / "sample-2021.md"


class ParseInputs(unittest.TestCase):
    """bytes, str (text) and pathlib.Path give the same report."""

    @classmethod
    def setUpClass(cls):
        cls.data = LEGACY.read_bytes()
        cls.report = ogi.parse(cls.data)

    def test_bytes(self):
        r = self.report
        self.assertIsInstance(r, ogi.Report)
        self.assertEqual(r.text_bytes, self.data)
        self.assertEqual(r.text, self.data.decode("utf-8"))
        self.assertEqual(r.meta.input.kind, "text")
        self.assertEqual(r.meta.input.encoding, "UTF-8")
        self.assertEqual(r.meta.input.bytes, len(self.data))

    def test_str_is_the_text(self):
        r = ogi.parse(self.data.decode("utf-8"))
        self.assertEqual(r.to_dict(), self.report.to_dict())

    def test_path_is_a_file(self):
        r = ogi.parse(LEGACY)
        self.assertEqual(r.to_dict(), self.report.to_dict())
        r = ogi.parse_file(str(LEGACY))
        self.assertEqual(r.to_dict(), self.report.to_dict())

    def test_str_is_never_a_file_name(self):
        r = ogi.parse(str(LEGACY))  # documented: a str is report text
        self.assertEqual(r.text, str(LEGACY))

    def test_bytearray_and_memoryview(self):
        self.assertEqual(ogi.parse(bytearray(self.data)).text_bytes, self.data)
        self.assertEqual(ogi.parse(memoryview(self.data)).text_bytes, self.data)

    def test_markdown_file(self):
        r = ogi.parse(F2021)
        self.assertEqual(r.meta.input.kind, "markdown")
        self.assertEqual((r.meta.format, r.meta.year), ("2021", 2021))
        self.assertEqual(ogi.parse(F2021.read_bytes(), kind="markdown").to_dict(), r.to_dict())

    def test_bad_type(self):
        with self.assertRaises(TypeError):
            ogi.parse(42)

    def test_bad_kind(self):
        with self.assertRaises(ValueError):
            ogi.parse(self.data, kind="docx")


class ReportModel(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.report = ogi.parse(LEGACY)
        cls.d = cls.report.to_dict()

    def test_to_dict_is_the_json_contract(self):
        d = self.d
        self.assertEqual(d["schema"], "ogi/1")
        for key in ("meta", "sections", "tables", "facts", "quantities", "findings"):
            self.assertIn(key, d)
        self.assertEqual(json.loads(self.report.to_json()), d)
        d["meta"]["title"] = "changed"  # a copy: the report does not change
        self.assertNotEqual(self.report.to_dict()["meta"]["title"], "changed")

    def test_to_json_options(self):
        self.assertNotIn("\n", self.report.to_json())
        self.assertIn("\n", self.report.to_json(pretty=True))
        self.assertEqual(json.loads(self.report.to_json(with_text=True))["text"], self.report.text)

    def test_meta_mirrors_json(self):
        m, j = self.report.meta, self.d["meta"]
        self.assertEqual(m.title, j["title"])
        self.assertEqual(m.region, j["region"])
        self.assertEqual(m.year, j["year"])
        self.assertEqual(m.format, j["format"])
        self.assertEqual(m.published, j["published"])
        self.assertEqual(m.contact.phone, j["contact"]["phone"])
        # The sample's own values.
        self.assertEqual(m.title, "青川市2017年政府信息公开工作年度报告")
        self.assertEqual((m.region, m.issuer), ("青川市", "青川市人民政府"))
        self.assertEqual((m.year, m.format, m.published), (2017, "legacy", "2018-03-20"))
        self.assertEqual((m.period.from_, m.period.to), ("2017-01-01", "2017-12-31"))
        self.assertEqual(m.source, "青川市人民政府办公室")
        self.assertEqual(m.contact.postcode, "628199")
        self.assertEqual(m.contact.phone, ["0123-4567890"])
        self.assertEqual(m.contact.email, ["qcsxxgk@qingchuanshi.gov.cn"])
        self.assertEqual(m.contact.website, ["www.qingchuanshi.gov.cn"])

    def test_sections_tree(self):
        r = self.report
        n = _lib.lib().ogi_report_section_count(r._handle)
        self.assertEqual(len(r.sections), n)
        size = len(r.text_bytes)
        for top in r.sections:
            for s in top.walk():
                self.assertLessEqual(s.span[0], s.span[1])
                self.assertLessEqual(s.span[1], size)
                self.assertTrue(s.span[0] <= s.heading[0] <= s.heading[1] <= s.span[1])
                for c in s.children:
                    self.assertGreater(c.level, s.level)
                    self.assertTrue(s.span[0] <= c.span[0] and c.span[1] <= s.span[1])
        self.assertEqual([s.number for s in r.sections], list("一二三四五六七八九"))
        self.assertEqual(r.sections[0].title, "基本情况")
        self.assertEqual([c.title for c in r.sections[0].children], ["加强组织领导", "健全制度规范", "强化督查考核"])
        self.assertTrue(r.text_at(r.sections[1].heading).startswith("二、主动公开政府信息情况"))
        self.assertIs(r.section_at([0]), r.sections[0])
        self.assertIs(r.section_at([0, 2]), r.sections[0].children[2])
        self.assertIsNone(r.section_at([len(r.sections)]))

    def test_facts_are_exact_and_traced(self):
        r = self.report
        self.assertEqual(len(r.facts), _lib.lib().ogi_report_fact_count(r._handle))
        for f in r.facts:
            self.assertIsInstance(f.value, Decimal)
            self.assertTrue(f.indicator)
            self.assertLessEqual(f.span[1], len(r.text_bytes))
            if f.origin == "text":
                self.assertTrue(r.text_at(f.span))
        by_key = {(f.indicator, f.scope): f for f in r.facts}
        received = by_key[("apply.received", "total")]
        self.assertEqual((received.value, received.unit, r.text_at(received.span)), (Decimal(96), "件", "96"))
        self.assertEqual(by_key[("apply.received", "own_level")].value, 61)
        budget = by_key[("org.budget", "total")]
        self.assertEqual((budget.value, budget.unit, r.text_at(budget.span)), (Decimal("86.50"), "万元", "86.50"))
        self.assertEqual([f for f in r.findings if f.severity == "error"], [])

    def test_checks_off(self):
        r = ogi.parse(LEGACY, checks=False)
        self.assertEqual(r.findings, [])
        self.assertEqual(len(r.facts), len(self.report.facts))

    def test_text_at(self):
        r = self.report
        start = r.text_bytes.index("青川市".encode())
        self.assertEqual(r.text_at((start, start + len("青川市".encode()))), "青川市")

    def test_repr(self):
        self.assertIn("ogi.Report", repr(self.report))


class Errors(unittest.TestCase):
    def test_empty(self):
        with self.assertRaises(ogi.OgiError) as cm:
            ogi.parse(b"")
        e = cm.exception
        self.assertEqual(e.code, -1)
        self.assertEqual(e.name, "empty input")
        self.assertTrue(e.message)
        self.assertEqual(str(e), e.message)

    def test_missing_file_names_it(self):
        with self.assertRaises(ogi.OgiError) as cm:
            ogi.parse(pathlib.Path("/nonexistent/报告.txt"))
        self.assertEqual(cm.exception.code, -5)
        self.assertIn("/nonexistent/报告.txt", cm.exception.message)

    def test_directory(self):
        with self.assertRaises(ogi.OgiError) as cm:
            ogi.parse(FIXTURES)
        self.assertEqual(cm.exception.code, -5)

    def test_binary(self):
        with self.assertRaises(ogi.OgiError) as cm:
            ogi.parse(b"\x7fELF\x02\x01\x01\x00" + bytes(64))
        self.assertEqual((cm.exception.code, cm.exception.name), (-2, "binary input"))

    def test_error_location(self):
        head = "第一行文字\n第二行ab".encode()
        with self.assertRaises(ogi.OgiError) as cm:
            ogi.parse(head + b"\x00\x00\x00" + "后面还有文字".encode() * 5)
        e = cm.exception
        self.assertEqual((e.code, e.offset, e.line, e.column), (-2, len(head), 2, 6))

    def test_compare(self):
        a = ogi.parse(LEGACY)
        try:
            findings = ogi.compare(a, a)
        except ogi.OgiError as e:
            self.assertEqual(e.code, -9)  # same year: not consecutive
        else:
            self.assertIsInstance(findings, list)


class Threads(unittest.TestCase):
    def test_parallel_parses_agree(self):
        data = LEGACY.read_bytes()
        expected = ogi.parse(data).to_dict()
        results, errors = [], []

        def work():
            try:
                for _ in range(3):
                    results.append(ogi.parse(data).to_dict())
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 12)
        for r in results:
            self.assertEqual(r, expected)


class Library(unittest.TestCase):
    def test_version(self):
        self.assertEqual(ogi.version(), ogi.__version__)
        expected = os.environ.get("OGI_EXPECTED_VERSION")
        if expected:
            self.assertEqual(ogi.__version__, expected)
        pyproject = (ROOT / "capi" / "python" / "pyproject.toml").read_text(encoding="utf-8")
        self.assertIn(f'version = "{ogi.__version__}"', pyproject)

    def test_struct_layout(self):
        self.assertEqual(ctypes.sizeof(_lib.Error), 4 * ctypes.sizeof(ctypes.c_size_t) + _lib.ERROR_MESSAGE_SIZE)

    def test_missing_library_says_what_to_set(self):
        env = dict(os.environ, OGI_LIBRARY="/nonexistent/libogi_c.so")
        code = "import ogi\ntry:\n    ogi.parse(b'x')\nexcept ogi.LibraryNotFoundError as e:\n    print(e)\n"
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        self.assertIn("OGI_LIBRARY", out.stdout)
        self.assertIn("/nonexistent/libogi_c.so", out.stdout)


if __name__ == "__main__":
    unittest.main()
