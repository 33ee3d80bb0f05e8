"""Loading libogi_c and declaring the C ABI (capi/include/ogi/ogi.h) for ctypes.

The library is looked up, in order:

1. the file named by the environment variable OGI_LIBRARY (and only that
   file when the variable is set);
2. libogi_c next to this package (`pip install ./capi/python` puts the
   library it was built with there);
3. build/capi/libogi_c in the ogi source tree, when this package is used
   from it (capi/python/ogi -> ../../../build/capi);
4. the system's library path (ctypes.util.find_library("ogi_c")).

When none loads, LibraryNotFoundError says what was tried and what to do.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path
from typing import List, Optional

_NAMES = {
    "darwin": ["libogi_c.dylib"],
    "win32": ["ogi_c.dll", "libogi_c.dll"],
}.get(sys.platform, ["libogi_c.so", "libogi_c.so.0"])

ERROR_MESSAGE_SIZE = 256
OPTIONS_VERSION = 1

JSON_PRETTY = 1
JSON_WITH_TEXT = 2
JSON_ENGLISH = 4

KINDS = {None: 0, "detect": 0, "text": 1, "markdown": 2, "html": 3, "pdf": 4}


class LibraryNotFoundError(ImportError):
    """libogi_c could not be found or loaded; the message says what to set."""


class Str(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("len", ctypes.c_size_t)]

    def to_bytes(self) -> bytes:
        return ctypes.string_at(self.data, self.len) if self.len else b""


class Span(ctypes.Structure):
    _fields_ = [("begin", ctypes.c_size_t), ("end", ctypes.c_size_t)]


class Options(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("max_input_bytes", ctypes.c_size_t),
        ("kind", ctypes.c_int),
        ("checks", ctypes.c_int),
    ]


class Error(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_int),
        ("offset", ctypes.c_size_t),
        ("line", ctypes.c_size_t),
        ("column", ctypes.c_size_t),
        ("message", ctypes.c_char * ERROR_MESSAGE_SIZE),
    ]


def _source_root() -> Optional[Path]:
    """The ogi source tree when this package is used from it (not installed)."""
    here = Path(__file__).resolve().parent
    root = here.parent.parent.parent  # capi/python/ogi -> source root
    if here.parent.name == "python" and here.parent.parent.name == "capi" and (root / "capi" / "include").is_dir():
        return root
    return None


def _build_note() -> str:
    """What the build backend recorded about the library when this package was
    installed (empty when used from the sources)."""
    try:
        from . import _build_info  # written into the wheel by capi/python/_backend
    except ImportError:
        return ""
    return f" This installed package: {_build_info.LIBRARY_ORIGIN}."


def _candidates() -> List[str]:
    here = Path(__file__).resolve().parent
    found: List[str] = [str(here / n) for n in _NAMES]
    source_root = _source_root()
    if source_root is not None:
        found += [str(source_root / "build" / "capi" / n) for n in _NAMES]
    system = ctypes.util.find_library("ogi_c")
    if system:
        found.append(system)
    return found


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    P = ctypes.c_void_p
    size_t = ctypes.c_size_t
    c_int = ctypes.c_int
    sigs = {
        "ogi_version": (ctypes.c_char_p, []),
        "ogi_status_str": (ctypes.c_char_p, [c_int]),
        "ogi_parse": (P, [ctypes.c_char_p, size_t, ctypes.POINTER(Options), ctypes.POINTER(Error)]),
        "ogi_parse_file": (P, [ctypes.c_char_p, ctypes.POINTER(Options), ctypes.POINTER(Error)]),
        "ogi_report_free": (None, [P]),
        "ogi_report_to_json": (c_int, [P, ctypes.c_uint, ctypes.POINTER(P), ctypes.POINTER(size_t)]),
        "ogi_compare": (c_int, [P, P, ctypes.POINTER(P), ctypes.POINTER(size_t), ctypes.POINTER(Error)]),
        "ogi_string_free": (None, [P]),
        "ogi_report_text": (Str, [P]),
        "ogi_report_section_count": (size_t, [P]),
        "ogi_report_fact_count": (size_t, [P]),
        "ogi_report_fact_at": (P, [P, size_t]),
        "ogi_fact_value": (Str, [P]),
        "ogi_report_finding_count": (size_t, [P]),
    }
    for name, (restype, argtypes) in sigs.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None


def lib() -> ctypes.CDLL:
    """The loaded library (loaded on first use; raises LibraryNotFoundError)."""
    global _lib
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is None:
            _lib = _declare(_load())
    return _lib


def path() -> str:
    """The file the library was loaded from (loads it when needed)."""
    return str(lib()._name)


def _load() -> ctypes.CDLL:
    env = os.environ.get("OGI_LIBRARY")
    if env:
        try:
            return ctypes.CDLL(env)
        except OSError as e:
            raise LibraryNotFoundError(
                f"ogi: cannot load the C library from OGI_LIBRARY={env}: {e}. "
                "Set OGI_LIBRARY to the built shared library, e.g. /path/to/ogi/build/capi/libogi_c.so"
            ) from None
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{path} ({e})")
    raise LibraryNotFoundError(
        "ogi: cannot find the C library libogi_c (tried: " + ", ".join(tried) + ")." + _build_note() +
        " To fix: build it with `make` in the ogi source tree (it builds build/capi/libogi_c.so), then either"
        " set OGI_LIBRARY=/path/to/ogi/build/capi/libogi_c.so or reinstall the package so that it bundles the"
        " library (`pip install ./capi/python` from the source tree, or with OGI_LIBRARY set)."
    )
