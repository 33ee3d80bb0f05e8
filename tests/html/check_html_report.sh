#!/bin/sh
# Renders `ogi check --html` in headless Chromium and asserts that the
# findings are laid out visibly (the page counts them after layout and writes
# the count into <body data-visible-findings>), then takes a screenshot.
# Usage: check_html_report.sh OGI FIXTURE OUTDIR
set -eu
ogi=$1 fixture=$2 out=$3
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "SKIP: no chromium found (apt-get install chromium)"
  exit 77
fi
mkdir -p "$out"
page="$out/report.html"
"$ogi" check --html "$page" "$fixture" >"$out/diagnostics.txt" || true
expected=$(grep -c '\[[a-z_]*\.[a-z_]*\]$' "$out/diagnostics.txt" || true)
[ "$expected" -gt 0 ] || { echo "FAIL: the fixture produced no findings"; cat "$out/diagnostics.txt"; exit 1; }
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$out/profile"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --virtual-time-budget=3000 --dump-dom "file://$page" >"$out/dom.html" 2>"$out/chromium.log"
visible=$(sed -n 's/.*data-visible-findings="\([0-9]*\)".*/\1/p' "$out/dom.html" | head -1)
if [ "$visible" != "$expected" ]; then
  echo "FAIL: $expected findings reported, $visible visible in the rendered page"
  exit 1
fi
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1280,900 --screenshot="$out/report.png" "file://$page" >>"$out/chromium.log" 2>&1
size=$(wc -c <"$out/report.png")
[ "$size" -gt 10000 ] || { echo "FAIL: screenshot is only $size bytes"; exit 1; }
echo "OK: $visible findings visible; screenshot $out/report.png ($size bytes)"
