#!/usr/bin/env bash
# Job History with 100,000 runs (issue 5): a measurement, not a test.
#
#   releng/bench/history.sh            (run from anywhere; needs xvfb-run and the modules in ~/.m2)
#
# Runs JobHistoryBench (bundles/io.backbench.ui.monitor.itests) through history-bench.bndrun: the
# real workbench in Felix under Xvfb with the product's runtime, core and ui features and a fresh data
# folder. It writes 100,000 runs (a year of 36 jobs on 7 targets) into the H2 catalog, then three
# times opens a fresh Job History view (View > Show View) and times, until the rows on screen are
# filled and painted: the first page, scrolling to the middle and the end, sorting by job and by data,
# filtering by text. Each figure is checked against the catalog (right rows at that position).
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
  echo "targets, 92% succeeded. Each step is timed from the user's action (on the UI thread) until every row"
  echo "on screen shows a run of the new query and has been painted; then the rows are checked against the"
  echo "catalog. Three rounds, each in a fresh view (View > Show View, new page cache). \"UI thread stall\" is"
  echo "the slowest answer of the UI thread to the 2 ms poll during the step: how long the window could not"
  echo "react to input. Filtering includes the view's deliberate 300 ms pause after the last key."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average (1 min) before: $load"
  echo
  cat "$out/results.md"
  echo
  echo "Where the time goes: the catalog's side is small (each page is one indexed query; sort and scroll"
  echo "steps above are catalog + paint). What remains above 200 ms is SWT's GTK table, which keeps one"
  echo "GtkListStore row per row even in a virtual table: growing it to 100,000 rows takes 0.3-0.4 s of the"
  echo "UI thread and emptying it about 0.4 s (measured in a bare SWT shell on this machine), so opening"
  echo "the view and a filter that changes the row count by tens of thousands stall the UI for about half a"
  echo "second. Before this benchmark, a shrinking filter froze the window for 9 to 44 s: SWT shrinks a"
  echo "table row by row in more than linear time, so the view now empties it with removeAll when it loses"
  echo "more than 2,000 rows. Text filters scan every run (LIKE '%text%' on job, target and error) twice per"
  echo "page, for the count and for the rows: about 0.2-0.3 s with 100,000 runs."
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
