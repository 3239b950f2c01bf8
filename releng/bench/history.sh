#!/usr/bin/env bash
# Job History with 100,000 runs (issue 5): a measurement, not a test.
#
#   releng/bench/history.sh            (run from anywhere; needs xvfb-run and the modules in ~/.m2)
#
# Runs JobHistoryBench (bundles/io.backbench.ui.monitor.itests) through history-bench.bndrun: the
# real workbench in Felix under Xvfb with the product's runtime, core and ui features and a fresh data
# folder. It writes 100,000 runs (a year of 36 jobs on 7 targets) into the H2 catalog, then three
# times opens a fresh Job History view (View > Show View) and times, until the rows on screen are
# filled and painted: the first page, scrolling within it, the next, last and first pages (the page
# bar), sorting by job and by data, filtering by text. Each figure is checked against the catalog
# (the page the page bar names, the right rows at that position).
# Prints the table and rewrites the "Job History with 100,000 runs" section of docs/benchmarks.md
# (only that section). Build the monitor bundles first:
#   mvn -B -q install -pl bundles/io.backbench.ui.monitor,bundles/io.backbench.ui.monitor.itests -DskipTests
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
module="$root/bundles/io.backbench.ui.monitor.itests"
out="$module/target/history-bench"
doc="$root/docs/benchmarks.md"
title="## Job History with 100,000 runs"

if ! command -v xvfb-run >/dev/null; then
  echo "history.sh: xvfb-run is missing; install the Debian packages xvfb and xauth" >&2
  exit 1
fi
rm -rf "$out"
load="$(cut -d' ' -f1 /proc/loadavg)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cd "$root"
if ! xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B -q -pl bundles/io.backbench.ui.monitor.itests \
    package bnd-testing:testing@history-bench >"$log" 2>&1; then
  grep -E "history-bench:|ERROR|AssertionError" "$log" | head -40 >&2
  echo "history.sh: the measurement failed; the whole log: re-run, or see $out/reports" >&2
  exit 1
fi
load_after="$(cut -d' ' -f1 /proc/loadavg)"
grep "history-bench: " "$log" | grep -v "^history-bench: [0-9]* runs in" || true
if [[ ! -s "$out/results.md" ]]; then
  echo "history.sh: no results in $out/results.md" >&2
  exit 1
fi

section="$(mktemp)"
{
  echo "$title"
  echo
  echo "Made by \`releng/bench/history.sh\` (run it again to refresh this section; it rewrites only this section)."
  echo "The real workbench (Felix, SWT 3.132 on GTK 3 under Xvfb, 1280x1024) with the embedded H2 catalog"
  echo "holding 100,000 runs: a year of 36 jobs (file backups, disk images, restore tests, retention) on 7"
  echo "targets, 92% succeeded. The view shows the runs in pages of 5,000 (a page bar under the table reads"
  echo "\"Runs 5,001-10,000 of 100,000\" with First, Previous, Next and Last); sort and filter apply to the whole"
  echo "query and go back to the first page. Each step is timed from the user's action (on the UI thread) until"
  echo "every row on screen shows a run of the new query and has been painted; then the page bar, the table's"
  echo "row count and the rows on screen are checked against the catalog. Three rounds, each in a fresh view"
  echo "(View > Show View, new row cache). \"UI thread stall\" is the slowest answer of the UI thread to the"
  echo "2 ms poll during the step: how long the window could not react to input. Filtering includes the view's"
  echo "deliberate 300 ms pause after the last key."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average (1 min) before: $load, after: $load_after (other builds share the machine: above about 1, every figure grows)"
  echo
  cat "$out/results.md"
  echo
  echo "Where the time goes: SWT's GTK table keeps one GtkListStore row per row even in a virtual table."
  echo "When the view held every run of the query, growing it to 100,000 rows took 0.3-0.4 s of the UI thread"
  echo "and emptying it about 0.4 s, so opening the view (0.47 s, 0.43 s stall) and a filter that changed the"
  echo "row count by tens of thousands (0.83 s, 0.58 s stall) froze the window for about half a second. A page"
  echo "of 5,000 rows costs 15-35 ms to grow and 20-65 ms to empty (measured in a bare SWT shell on this"
  echo "machine, under load; 10,000 rows cost 35-70 ms, 20,000 rows 85-270 ms), so the table holds one page"
  echo "and never changes by more than one page. A filter that shrinks it by more than a fifth of a page"
  echo "empties it with removeAll and grows it again (5,000 to 880 rows: about 35 ms, 50 ms row by row)."
  echo "The catalog's side runs on a worker thread: each block of 200 rows is one indexed query; text filters"
  echo "scan every run (LIKE '%text%' on job, target and error) for the count and for the rows, about"
  echo "0.2-0.3 s with 100,000 runs, which shows in the filter steps' time but not in the stall."
  echo "On a busy machine the UI thread also waits for a core: a step that does almost nothing on it (first"
  echo "page: clearAll, 2 ms, then the paint) then stalls 30-60 ms. In an instrumented run at load 3-4 every"
  echo "stall stayed under 90 ms, the table's own share 2-48 ms per step (growing to a page: 16 ms; 5,000 to"
  echo "880 rows: 36-44 ms row by row, before the removeAll above); compare the load line with the figures."
  echo
} >"$section"
if [[ -f "$doc" ]] && grep -qxF "$title" "$doc"; then
  # replace from our title to the next "## " heading (or the end)
  awk -v title="$title" -v file="$section" '
    $0 == title { while ((getline line < file) > 0) print line; skip = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
else
  { [[ -f "$doc" ]] && cat "$doc" && echo; cat "$section"; } >"$doc.tmp" && mv "$doc.tmp" "$doc"
fi
rm -f "$section"
echo "history.sh: wrote the \"${title#\#\# }\" section of $doc"
