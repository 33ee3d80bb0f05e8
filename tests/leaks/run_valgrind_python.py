#!/usr/bin/env python3
"""Runs python_workload.py under valgrind and fails when a block that is
definitely or indirectly lost was allocated through ogi (a frame in the
ogi C library). The interpreter's own allocations at exit are not ours and
are ignored; everything allocated by a call into libogi_c is ours.

usage: run_valgrind_python.py VALGRIND PYTHON WORKLOAD   (exit 77: skipped)

PYTHON may be a launcher script (pyenv's shims are); valgrind runs the
interpreter that runs this script (sys.executable) so it sees the real
process."""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77


def main() -> int:
    valgrind, _python, workload = sys.argv[1:4]
    python = sys.executable
    lib = os.environ.get("OGI_LIBRARY", "")
    ours = os.path.basename(lib).split(".so")[0] or "libogi_c"
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, "vg.xml")
        env = dict(os.environ, PYTHONMALLOC="malloc")
        cmd = [valgrind, "--leak-check=full", "--show-leak-kinds=definite,indirect", "--xml=yes",
               "--xml-file=" + xml, "--num-callers=40", python, workload]
        proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sys.stdout.write(proc.stdout)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            print(f"leaks: the workload failed under valgrind (exit {proc.returncode})")
            return 1
        try:
            root = ET.parse(xml).getroot()
        except ET.ParseError as e:
            print(f"leaks: valgrind wrote no complete report ({e})")
            return 1
    leaks, errors = [], []
    for err in root.iter("error"):
        kind = err.findtext("kind", "")
        frames = err.find("stack")
        objs = [f.findtext("obj", "") + ":" + f.findtext("fn", "?") for f in frames.iter("frame")] if frames is not None else []
        in_ours = any(ours in o for o in objs)
        if kind in ("Leak_DefinitelyLost", "Leak_IndirectlyLost"):
            if in_ours:
                what = err.find("xwhat")
                leaks.append((what.findtext("text", kind) if what is not None else kind, objs))
        elif in_ours:
            # An invalid read or write, or use of uninitialised memory, in ogi.
            errors.append((err.findtext("what", kind), objs))
    for text, objs in leaks + errors:
        print("leaks:", text)
        for o in objs[:15]:
            print("    ", o)
    if leaks or errors:
        print(f"leaks: {len(leaks)} leak(s) and {len(errors)} memory error(s) through {ours}")
        return 1
    print(f"leaks: no leak and no memory error through {ours} (valgrind, Python binding)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
