#!/usr/bin/env python3
"""`pip install ./capi/python` as a new user does it, offline, in fresh
virtual environments (ctest: python_install).

    check_install.py SOURCE_ROOT LIBRARY FIXTURE

1. The wheel the in-tree backend builds is a correct wheel: dist-info with
   METADATA, WHEEL and a RECORD whose sha256 and size match every member;
   the library it bundles is the given one.
2. `pip install --no-index SOURCE_ROOT/capi/python` with OGI_LIBRARY=LIBRARY
   in a new venv; then, from another directory and with no OGI_LIBRARY or
   PYTHONPATH, `import ogi; ogi.parse_file(FIXTURE)` gives the facts the
   library gives (counted through ctypes directly), loaded from the copy
   inside the venv.
3. A wheel built without a library (config setting library=none) installs;
   `import ogi` works and `ogi.parse` raises LibraryNotFoundError saying to
   build with `make` and to set OGI_LIBRARY.
4. The sdist builds, holds the backend, and installs with pip offline.
5. The editable install (pip install -e) imports the package from the sources.

Exit status 77 (ctest SKIP_RETURN_CODE) when this Python cannot make a venv
with pip (no venv or ensurepip module).
"""
from __future__ import annotations

import base64
import ctypes
import hashlib
import os
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile

SKIP = 77


def fail(msg: str) -> None:
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond: bool, msg: str) -> None:
    if not cond:
        fail(msg)
    print(f"ok: {msg}")


def clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OGI_LIBRARY", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV")}
    env.update({"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_CACHE_DIR": "1",
                "PYTHONDONTWRITEBYTECODE": "1"})
    env.update(extra)
    return env


def run(cmd, env, cwd=None) -> subprocess.CompletedProcess:
    p = subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"{' '.join(map(str, cmd))} exited {p.returncode}\n--- stdout\n{p.stdout}\n--- stderr\n{p.stderr}")
    return p


def make_venv(path: pathlib.Path) -> pathlib.Path:
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError as e:
        print(f"SKIP: {sys.executable} cannot make a virtual environment with pip ({e}); "
              "on Debian: apt-get install python3-venv")
        sys.exit(SKIP)
    p = subprocess.run([sys.executable, "-m", "venv", str(path)], capture_output=True, text=True)
    if p.returncode != 0:
        print(f"SKIP: `{sys.executable} -m venv` failed (no ensurepip?): {p.stderr.strip()}")
        sys.exit(SKIP)
    return path / "bin" / "python"


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def check_wheel(whl: pathlib.Path, library: pathlib.Path | None) -> None:
    with zipfile.ZipFile(whl) as z:
        names = z.namelist()
        dist = [n for n in names if n.endswith(".dist-info/RECORD")]
        check(len(dist) == 1, f"{whl.name}: one dist-info RECORD")
        info = dist[0].rsplit("/", 1)[0]
        meta = z.read(f"{info}/METADATA").decode()
        wheel = z.read(f"{info}/WHEEL").decode()
        check("Metadata-Version: 2.1\nName: ogi\nVersion: " in meta, "METADATA names ogi and its version")
        tag = whl.name[:-4].split("-", 2)[2]
        check(f"Tag: {tag}\n" in wheel and "Wheel-Version: 1.0\n" in wheel, f"WHEEL has Wheel-Version and Tag {tag}")
        check(("Root-Is-Purelib: false" in wheel) == (library is not None),
              "WHEEL: platlib when a library is bundled, purelib otherwise")
        rows = [line.split(",") for line in z.read(dist[0]).decode().splitlines()]
        listed = {r[0] for r in rows}
        check(listed == set(names), "RECORD lists every member exactly")
        for name, digest, size in rows:
            if name == dist[0]:
                check(digest == "" and size == "", "RECORD's own row has no hash")
                continue
            data = z.read(name)
            if digest != record_hash(data) or size != str(len(data)):
                fail(f"RECORD row of {name} does not match its content")
        print(f"ok: RECORD hashes and sizes match all {len(rows) - 1} members")
        for need in ("ogi/__init__.py", "ogi/_lib.py", "ogi/_dataset.py", "ogi/_cli.py", "ogi/__main__.py",
                     "ogi/_build_info.py"):
            check(need in names, f"wheel holds {need}")
        libs = [n for n in names if n.startswith("ogi/libogi_c")]
        if library is None:
            check(libs == [] and tag == "py3-none-any", "no library bundled: a pure py3-none-any wheel")
        else:
            check(libs == ["ogi/libogi_c.so"] and z.read(libs[0]) == library.read_bytes(),
                  "the bundled library is the given one, byte for byte")
            check(tag.startswith("py3-none-") and tag != "py3-none-any", f"platform tag {tag}")


def backend(src: pathlib.Path):
    sys.path.insert(0, str(src / "_backend"))
    import ogi_backend
    return ogi_backend


def main() -> int:
    root, library, fixture = (pathlib.Path(a).resolve() for a in sys.argv[1:4])
    src = root / "capi" / "python"
    lib = ctypes.CDLL(str(library))
    lib.ogi_parse_file.restype = ctypes.c_void_p
    lib.ogi_parse_file.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.ogi_report_fact_count.restype = ctypes.c_size_t
    lib.ogi_report_fact_count.argtypes = [ctypes.c_void_p]
    lib.ogi_report_free.argtypes = [ctypes.c_void_p]
    handle = lib.ogi_parse_file(str(fixture).encode(), None, None)
    check(bool(handle), f"the library parses {fixture.name}")
    expected_facts = lib.ogi_report_fact_count(handle)
    lib.ogi_report_free(handle)
    check(expected_facts > 0, f"{fixture.name} has facts ({expected_facts})")

    with tempfile.TemporaryDirectory(prefix="ogi-install-") as tmp:
        tmp = pathlib.Path(tmp)
        vpy = make_venv(tmp / "venv")
        elsewhere = tmp / "elsewhere"
        elsewhere.mkdir()
        ob = backend(src)

        # 1. the wheel itself
        os.environ.pop("OGI_LIBRARY", None)
        whl = tmp / "wheels"
        name = ob.build_wheel(str(whl), {"library": str(library)})
        check_wheel(whl / name, library)
        bare = ob.build_wheel(str(tmp / "bare"), {"library": "none"})
        check_wheel(tmp / "bare" / bare, None)
        again = ob.build_wheel(str(tmp / "again"), {"library": str(library)})
        check((tmp / "again" / again).read_bytes() == (whl / name).read_bytes(), "the wheel build is reproducible")

        # 2. pip install ./capi/python, offline, as documented
        run([vpy, "-m", "pip", "install", src], clean_env(OGI_LIBRARY=str(library)), cwd=root)
        probe = ("import ogi, sys\n"
                 f"r = ogi.parse_file({str(fixture)!r})\n"
                 "print(len(r.facts)); print(ogi.__file__); print(ogi.library_path())\n")
        out = run([vpy, "-c", probe], clean_env(), cwd=elsewhere).stdout.split("\n")
        check(out[0] == str(expected_facts), f"installed ogi.parse_file gives {expected_facts} facts (got {out[0]})")
        check(out[1].startswith(str(tmp / "venv")), "ogi is imported from the venv, not the sources")
        check(out[2].startswith(str(tmp / "venv")) and out[2].endswith("libogi_c.so"),
              "the library is the copy installed with the package")
        p = run([vpy, "-m", "ogi", "extract", fixture], clean_env(), cwd=elsewhere)
        check("outline:" in p.stdout, "python -m ogi extract works in the venv")

        # 3. no library: installs, imports, and says what to do
        run([vpy, "-m", "pip", "install", "--force-reinstall", tmp / "bare" / bare], clean_env(), cwd=elsewhere)
        probe = ("import ogi\n"
                 "try:\n    ogi.parse(b'x')\nexcept ogi.LibraryNotFoundError as e:\n    print(e)\n"
                 "else:\n    print('NO ERROR')\n")
        msg = run([vpy, "-c", probe], clean_env(), cwd=elsewhere).stdout
        check("NO ERROR" not in msg and "`make`" in msg and "OGI_LIBRARY=" in msg and "libogi_c" in msg,
              f"without a library ogi.parse says to build with `make` and set OGI_LIBRARY: {msg.strip()}")
        count = run([vpy, "-c", f"import ogi; print(len(ogi.parse_file({str(fixture)!r}).facts))"],
                    clean_env(OGI_LIBRARY=str(library)), cwd=elsewhere).stdout.strip()
        check(count == str(expected_facts), "the bare package works with OGI_LIBRARY set at run time")

        # 4. the sdist, installed offline through the backend it carries
        sd = ob.build_sdist(str(tmp / "sdist"))
        with tarfile.open(tmp / "sdist" / sd) as t:
            members = set(t.getnames())
        base = sd[:-len(".tar.gz")]
        for need in ("PKG-INFO", "pyproject.toml", "_backend/ogi_backend.py", "ogi/__init__.py", "README.md"):
            check(f"{base}/{need}" in members, f"sdist holds {need}")
        check(not any(m.endswith(".so") for m in members), "sdist carries no binary")
        run([vpy, "-m", "pip", "install", "--force-reinstall", tmp / "sdist" / sd],
            clean_env(OGI_LIBRARY=str(library)), cwd=elsewhere)
        count = run([vpy, "-c", f"import ogi; print(len(ogi.parse_file({str(fixture)!r}).facts))"], clean_env(),
                    cwd=elsewhere).stdout.strip()
        check(count == str(expected_facts), "installed from the sdist (OGI_LIBRARY at install time), it works")

        # 5. editable
        run([vpy, "-m", "pip", "install", "--force-reinstall", "-e", src], clean_env(), cwd=elsewhere)
        where = run([vpy, "-c", "import ogi; print(ogi.__file__)"], clean_env(), cwd=elsewhere).stdout.strip()
        check(where == str(src / "ogi" / "__init__.py"), "pip install -e imports the package from the sources")
        run([vpy, "-m", "pip", "uninstall", "-y", "ogi"], clean_env(), cwd=elsewhere)
    print("python_install: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
