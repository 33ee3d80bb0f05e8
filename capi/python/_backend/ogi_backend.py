"""The in-tree PEP 517 build backend of the ogi Python package.

Why not setuptools: pip builds a package in an isolated environment and
first installs the backend named in pyproject.toml from an index. On a
machine without network that fails, so this backend needs nothing but the
standard library (``requires = []``, ``backend-path = ["_backend"]``) and
``pip install ./capi/python`` works offline.

What it builds:

* a wheel with the ``ogi`` package and, when one is found, the C library
  ``libogi_c.so`` next to it, so that the installed package uses the library
  it was built with. The library is taken from, in order: the config setting
  ``library`` (``pip install --config-settings library=PATH``; ``none``
  bundles no library), the environment variable ``OGI_LIBRARY``, and
  ``<source root>/build/capi/`` when this package sits in the ogi sources
  (capi/python). With a library the wheel is tagged for this platform
  (``py3-none-linux_x86_64``); without, it is pure (``py3-none-any``) and the
  package finds the library at run time (OGI_LIBRARY, the system path) or
  says what to do;
* an sdist (``ogi-<version>.tar.gz``) with the package, this backend,
  pyproject.toml, README.md and PKG-INFO;
* an editable install (PEP 660): a ``.pth`` file that puts this directory on
  ``sys.path``.

The wheel follows the binary distribution format: ``<name>.dist-info`` with
METADATA (core metadata 2.1 from the [project] table), WHEEL and RECORD
(sha256 of every file, urlsafe base64 without padding, and its size).
Archive members carry a fixed date, so the same inputs give the same wheel.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent.parent  # capi/python
PACKAGE = "ogi"
LIBRARY_NAMES = {"darwin": ["libogi_c.dylib"], "win32": ["ogi_c.dll", "libogi_c.dll"]}.get(
    sys.platform, ["libogi_c.so"])
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip member can carry
SDIST_MTIME = 315532800  # the same instant, for tar members


# ---- metadata: the [project] table of pyproject.toml ------------------------

def _load_toml(text: str) -> Dict[str, object]:
    try:
        import tomllib  # Python 3.11+
        return tomllib.loads(text)
    except ImportError:
        pass
    try:
        import tomli  # type: ignore
        return tomli.loads(text)
    except ImportError:
        return _tiny_toml(text)


def _tiny_toml(text: str) -> Dict[str, object]:
    """Reads the subset of TOML our own pyproject.toml uses (tables, string,
    boolean and string-array values on one line), for Pythons before 3.11
    without tomli."""
    out: Dict[str, object] = {}
    table: Dict[str, object] = out
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[([A-Za-z0-9_.-]+)\]", line)
        if m:
            table = out
            for part in m.group(1).split("."):
                table = table.setdefault(part, {})  # type: ignore[assignment]
            continue
        m = re.fullmatch(r'([A-Za-z0-9_-]+)\s*=\s*(.+)', line)
        if not m:
            raise ValueError(f"ogi_backend: cannot read pyproject.toml line: {raw!r}")
        key, value = m.group(1), m.group(2).strip()
        if value.startswith("["):
            table[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', value)
        elif value in ("true", "false"):
            table[key] = value == "true"
        else:
            s = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', value)
            if not s:
                raise ValueError(f"ogi_backend: unsupported value in pyproject.toml: {raw!r}")
            table[key] = s.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    return out


def _project() -> Dict[str, object]:
    data = _load_toml((HERE / "pyproject.toml").read_text(encoding="utf-8"))
    project = data.get("project")
    if not isinstance(project, dict) or "name" not in project or "version" not in project:
        raise ValueError("ogi_backend: pyproject.toml needs [project] with name and version")
    return project


def _dist_name(project: Dict[str, object]) -> str:
    return re.sub(r"[-_.]+", "_", str(project["name"])).lower()


def metadata_text(project: Dict[str, object]) -> str:
    """Core metadata 2.1 (the METADATA of a wheel, the PKG-INFO of an sdist)."""
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}"]
    if project.get("description"):
        lines.append(f"Summary: {project['description']}")
    if project.get("requires-python"):
        lines.append(f"Requires-Python: {project['requires-python']}")
    lic = project.get("license")
    if isinstance(lic, dict) and lic.get("text"):
        lines.append(f"License: {lic['text']}")
    for c in project.get("classifiers") or []:  # type: ignore[union-attr]
        lines.append(f"Classifier: {c}")
    for dep in project.get("dependencies") or []:  # type: ignore[union-attr]
        lines.append(f"Requires-Dist: {dep}")
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str) and (HERE / readme).is_file():
        lines.append("Description-Content-Type: text/markdown" if readme.endswith(".md")
                     else "Description-Content-Type: text/plain")
        body = (HERE / readme).read_text(encoding="utf-8")
    text = "\n".join(lines) + "\n"
    if body:
        text += "\n" + body
    return text


# ---- which library goes into the wheel --------------------------------------

class BuildError(Exception):
    pass


def find_library(config_settings: Optional[Dict[str, object]]) -> Tuple[Optional[Path], str]:
    """The library to bundle and a sentence saying where it came from (or
    why there is none)."""
    setting = (config_settings or {}).get("library")
    if isinstance(setting, list):
        setting = setting[-1] if setting else None
    if setting is not None:
        if str(setting).lower() in ("", "none", "no", "false", "0"):
            return None, "no library was bundled (config setting library=none)"
        path = Path(str(setting)).expanduser()
        if not path.is_file():
            raise BuildError(f"ogi: the config setting library={setting} is not a file; build the C library "
                             "first (`make` in the ogi source tree) or pass library=none")
        return path.resolve(), f"bundled from the config setting library={setting}"
    env = os.environ.get("OGI_LIBRARY")
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise BuildError(f"ogi: OGI_LIBRARY={env} is not a file; build the C library first (`make` in "
                             "the ogi source tree builds build/capi/libogi_c.so) or unset OGI_LIBRARY")
        return path.resolve(), f"bundled from OGI_LIBRARY={env}"
    root = HERE.parent.parent
    if (root / "capi" / "python" / "pyproject.toml").is_file():
        for name in LIBRARY_NAMES:
            path = root / "build" / "capi" / name
            if path.is_file():
                return path.resolve(), f"bundled from {path}"
        return None, (f"no library was bundled: {root / 'build' / 'capi' / LIBRARY_NAMES[0]} did not exist "
                      "when the package was built and OGI_LIBRARY was not set")
    return None, "no library was bundled: OGI_LIBRARY was not set when the package was built"


# ---- archives -----------------------------------------------------------------

def _package_files() -> List[Path]:
    files = []
    for p in sorted((HERE / PACKAGE).rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo", ".so", ".dylib",
                                                                                 ".dll"):
            files.append(p)
    return files


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


class _Wheel:
    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self.records: List[Tuple[str, str, int]] = []

    def add(self, arcname: str, data: bytes, executable: bool = False) -> None:
        info = zipfile.ZipInfo(arcname, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
        self.zip.writestr(info, data)
        self.records.append((arcname, _record_hash(data), len(data)))

    def close(self, record_name: str) -> None:
        lines = [f"{name},{digest},{size}" for name, digest, size in self.records]
        lines.append(f"{record_name},,")
        info = zipfile.ZipInfo(record_name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o644 | 0o100000) << 16
        self.zip.writestr(info, ("\n".join(lines) + "\n").encode())
        self.zip.close()


def _platform_tag() -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", sysconfig.get_platform())


def _build_info(origin: str, library: Optional[Path]) -> bytes:
    return ("# Written by the build backend (capi/python/_backend) when this package was built.\n"
            f"LIBRARY_BUNDLED = {library is not None!r}\n"
            f"LIBRARY_ORIGIN = {origin!r}\n").encode("utf-8")


def _dist_info_files(project: Dict[str, object], tag: str, purelib: bool) -> Dict[str, bytes]:
    wheel = ("Wheel-Version: 1.0\nGenerator: ogi_backend\n"
             f"Root-Is-Purelib: {'true' if purelib else 'false'}\nTag: {tag}\n")
    return {"METADATA": metadata_text(project).encode("utf-8"), "WHEEL": wheel.encode()}


def _write_wheel(wheel_directory: str, config_settings: Optional[Dict[str, object]], editable: bool) -> str:
    project = _project()
    name, version = _dist_name(project), str(project["version"])
    library, origin = (None, "editable install: the library is looked up at run time") if editable else \
        find_library(config_settings)
    tag = f"py3-none-{_platform_tag()}" if library else "py3-none-any"
    filename = f"{name}-{version}-{tag}.whl"
    dist_info = f"{name}-{version}.dist-info"
    out = Path(wheel_directory) / filename
    out.parent.mkdir(parents=True, exist_ok=True)
    w = _Wheel(out)
    if editable:
        w.add(f"__editable__.{name}.pth", (str(HERE) + "\n").encode("utf-8"))
    else:
        for p in _package_files():
            rel = p.relative_to(HERE).as_posix()
            if rel == f"{PACKAGE}/_build_info.py":
                continue  # a stale one from an earlier editable build is never shipped
            w.add(rel, p.read_bytes())
        w.add(f"{PACKAGE}/_build_info.py", _build_info(origin, library))
        if library:
            w.add(f"{PACKAGE}/{LIBRARY_NAMES[0]}", library.read_bytes(), executable=True)
    for fname, data in _dist_info_files(project, tag, purelib=library is None).items():
        w.add(f"{dist_info}/{fname}", data)
    w.close(f"{dist_info}/RECORD")
    print(f"ogi_backend: {filename}: {origin}", file=sys.stderr)
    return filename


# ---- PEP 517 / PEP 660 hooks ---------------------------------------------------

def get_requires_for_build_wheel(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings=None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings=None) -> str:
    project = _project()
    library, _ = find_library(config_settings)
    tag = f"py3-none-{_platform_tag()}" if library else "py3-none-any"
    dist_info = Path(metadata_directory) / f"{_dist_name(project)}-{project['version']}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    for fname, data in _dist_info_files(project, tag, purelib=library is None).items():
        (dist_info / fname).write_bytes(data)
    return dist_info.name


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings=None) -> str:
    project = _project()
    dist_info = Path(metadata_directory) / f"{_dist_name(project)}-{project['version']}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    for fname, data in _dist_info_files(project, "py3-none-any", purelib=True).items():
        (dist_info / fname).write_bytes(data)
    return dist_info.name


def build_wheel(wheel_directory: str, config_settings=None, metadata_directory=None) -> str:
    return _write_wheel(wheel_directory, config_settings, editable=False)


def build_editable(wheel_directory: str, config_settings=None, metadata_directory=None) -> str:
    return _write_wheel(wheel_directory, config_settings, editable=True)


def build_sdist(sdist_directory: str, config_settings=None) -> str:
    project = _project()
    base = f"{_dist_name(project)}-{project['version']}"
    out = Path(sdist_directory) / f"{base}.tar.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    members: List[Tuple[str, bytes]] = [("PKG-INFO", metadata_text(project).encode("utf-8"))]
    for rel in ("pyproject.toml", "README.md"):
        if (HERE / rel).is_file():
            members.append((rel, (HERE / rel).read_bytes()))
    for p in sorted((HERE / "_backend").glob("*.py")):
        members.append((p.relative_to(HERE).as_posix(), p.read_bytes()))
    for p in _package_files():
        rel = p.relative_to(HERE).as_posix()
        if rel != f"{PACKAGE}/_build_info.py":
            members.append((rel, p.read_bytes()))
    # gzip with mtime 0 and members with a fixed date: reproducible.
    with open(out, "wb") as raw:
        import gzip
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for rel, data in members:
                    info = tarfile.TarInfo(f"{base}/{rel}")
                    info.size = len(data)
                    info.mtime = SDIST_MTIME
                    info.mode = 0o644
                    info.uname = info.gname = "root"
                    tar.addfile(info, io.BytesIO(data))
    return out.name
