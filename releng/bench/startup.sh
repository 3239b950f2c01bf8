#!/usr/bin/env bash
# Start-up measurement (not a test): how long the assembled product takes to open its workbench
# window, on this machine, under Xvfb.
#
#   releng/bench/startup.sh [RUNS]      (default 5 measured runs)
#
# Launches product/target/backbench/bin/backbench (build it first: mvn -B install) RUNS+1 times
# with a throw-away HOME and data folder, waits for the line the workbench prints when its window
# is first shown ("backbench: workbench window open after <N> ms", N counted from JVM start), then
# stops it with SIGTERM (the launcher stops the framework cleanly). The first run warms the caches
# (SWT unpacks its natives under ~/.swt) and is not counted. Prints each figure and the median of
# the warm runs. Set BACKBENCH_PRODUCT to measure another product folder.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
product="${BACKBENCH_PRODUCT:-$root/product/target/backbench}"
runs="${1:-5}"
timeout_s=90

if [[ ! -x "$product/bin/backbench" ]]; then
  echo "startup.sh: no product at $product; build it first: mvn -B install" >&2
  exit 1
fi
if ! command -v xvfb-run >/dev/null; then
  echo "startup.sh: xvfb-run is missing; install the Debian packages xvfb and xauth" >&2
  exit 1
fi
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "startup.sh: RUNS must be a positive number, not '$runs'" >&2
  exit 2
fi

work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -TERM -- "-$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# One run: prints the figure in ms, or fails. The product runs in its own process group (setsid)
# so that xvfb-run, its X server and the JVM are stopped together.
measure() {
  local log="$1" line ms
  HOME="$work/home" BACKBENCH_HOME="$work/data" \
    setsid xvfb-run -a -s "-screen 0 1280x1024x24" "$product/bin/backbench" >"$log" 2>&1 &
  pid=$!
  for ((i = 0; i < timeout_s * 10; i++)); do
    line="$(grep -m1 -o 'workbench window open after [0-9]* ms' "$log" || true)"
    if [[ -n "$line" ]]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  if [[ -z "${line:-}" ]]; then
    echo "startup.sh: no 'workbench window open' line within ${timeout_s} s; the product said:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  ms="${line#workbench window open after }"
  echo "${ms% ms}"
}

mkdir -p "$work/home" "$work/data"
echo "product: $product"
echo "warm-up: $(measure "$work/run-0.log") ms (not counted)"
figures=()
for ((run = 1; run <= runs; run++)); do
  ms="$(measure "$work/run-$run.log")"
  figures+=("$ms")
  echo "run $run: $ms ms"
done
median="$(printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')"
echo "warm median over $runs runs: $median ms (window open, counted from JVM start)"
