#!/usr/bin/env bash
# File-backup benchmark (not a test): Backbench beside restic, borg and `tar | zstd -3`, on the same
# data in one run, as ratios.
#
#   releng/bench/backup.sh [DATA]       DATA defaults to $BENCH_DATA, else /work/bench-data
#
# DATA holds the corpus (made once by /work/shared/bench/make-corpus.sh, ~2 GiB: real files from
# this machine, incompressible data, sparse files) and, below DATA/backup-bench, the repositories,
# the restores and the results. Every figure is one whole command as a user runs it (process
# start-up included), timed and measured by /usr/bin/time (%e wall seconds, %M peak RSS in KiB).
#   1. full backup of the corpus into a new repository (the baseline: tar -cf - | zstd -3 -T1)
#   2. mutate-corpus.sh apply (1% of the files changed, 6 files added), then the next backup
#   3. restore of the latest snapshot into an empty folder (the baseline: zstd -d | tar -x of its archive)
#   4. repository size (du), then mutate-corpus.sh revert
# The page cache is dropped before every timed command (sync; echo 3 > drop_caches), so every tool
# reads the corpus from disk; if that is not allowed (not root), caches are warmed for all instead
# (a read of the whole corpus before each command) and the report says so.
# Environment: BACKBENCH (the launcher; default product/target/backbench/bin/backbench),
# TOOLS (default "tar restic borg backbench"), ROUNDS (default 1: the whole sequence again from new
# repositories, each figure then the median of the rounds, all of them listed; on a machine whose
# speed drifts, 3 rounds give steadier ratios), DOCS=0 to leave docs/benchmarks.md alone,
# VERIFY=0 to skip comparing Backbench's restore with the corpus (untimed).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
shared="${BENCH_SHARED:-/work/shared/bench}"
data="$(mkdir -p "${1:-${BENCH_DATA:-/work/bench-data}}" && cd "${1:-${BENCH_DATA:-/work/bench-data}}" && pwd)"
backbench="${BACKBENCH:-$root/product/target/backbench/bin/backbench}"
tools="${TOOLS:-tar restic borg backbench}"
rounds="${ROUNDS:-1}"
work="$data/backup-bench"
corpus="$data/corpus"
results="$work/results.tsv"
docs="$root/docs/benchmarks.md"

die() { echo "backup.sh: $*" >&2; exit 1; }

# ---- peers and inputs -----------------------------------------------------------------------
need_pkgs=()
command -v restic >/dev/null || need_pkgs+=(restic)
command -v borg >/dev/null || need_pkgs+=(borgbackup)
[[ -x /usr/bin/time ]] || need_pkgs+=(time)
command -v zstd >/dev/null || need_pkgs+=(zstd)
if ((${#need_pkgs[@]})); then
  echo "installing ${need_pkgs[*]}" >&2
  apt-get install -y "${need_pkgs[@]}" >/dev/null || die "cannot install ${need_pkgs[*]}; install them and run again"
fi
[[ -x "$backbench" ]] || die "no Backbench at $backbench; build it first: mvn -B install -DskipTests"
if [[ ! -f "$data/corpus.manifest" || ! -d "$corpus" ]]; then
  echo "making the corpus in $data (takes several minutes)" >&2
  "$shared/make-corpus.sh" "$data" >&2
fi
# a run interrupted after the mutation leaves it applied: undo it first
"$shared/mutate-corpus.sh" revert "$data" >/dev/null

if sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then
  cache_mode="dropped before every timed command (sync; echo 3 > /proc/sys/vm/drop_caches)"
  prepare_cache() { sync; echo 3 >/proc/sys/vm/drop_caches; }
else
  cache_mode="warm: the corpus read once (tar > /dev/null) before every timed command (dropping it is not allowed here)"
  prepare_cache() { sync; tar -cf - -C "$data" corpus >/dev/null; }
fi

rm -rf "$work"
mkdir -p "$work"
: >"$results"
export RESTIC_PASSWORD=bench BORG_PASSPHRASE=bench BACKBENCH_PASSWORD=bench
export RESTIC_CACHE_DIR="$work/cache/restic" BORG_CACHE_DIR="$work/cache/borg" BORG_CONFIG_DIR="$work/config/borg"
export BORG_BASE_DIR="$work/borg-base" BACKBENCH_HOME="$work/backbench-home"
export BORG_RELOCATED_REPO_ACCESS_IS_OK=yes BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# measure TOOL STEP CMD...: drops/warms the cache, runs CMD under /usr/bin/time, records
# "TOOL STEP seconds peakKiB" in results.tsv; the command's own output goes to a log.
measure() {
  local tool="$1" step="$2"; shift 2
  local log="$work/logs/$tool-$step.log" t="$work/logs/$tool-$step.time"
  mkdir -p "$work/logs"
  prepare_cache
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$t" "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "$tool $step failed (log: $log)"
  fi
  read -r secs kib usr sys <"$t"
  cpu="$(echo "$usr + $sys" | bc)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$step" "$secs" "$kib" "$cpu" "$load" >>"$results"
  printf '  %-10s %-8s %8.2f s %8d MiB peak %8.2f s CPU (load before: %s)\n' "$tool" "$step" "$secs" $((kib / 1024)) "$cpu" "$load" >&2
}
record() { printf '%s\t%s\t%s\t\t\t\n' "$1" "$2" "$3" >>"$results"; }
size_of() { du -sb "$1" | cut -f1; }

repo_restic="$work/restic-repo"
repo_borg="$work/borg-repo"
repo_bb="$work/backbench-repo"

full() {
  case "$1" in
    tar) measure tar full bash -c 'tar -cf - -C "$1" corpus | zstd -q -3 -T1 >"$2"' _ "$data" "$work/tar.zst"
         record tar size "$(size_of "$work/tar.zst")" ;;
    restic) measure restic init restic init -r "$repo_restic"
            measure restic full restic -r "$repo_restic" backup "$corpus" ;;
    borg) measure borg init borg init -e repokey "$repo_borg"
          measure borg full bash -c 'cd "$1" && borg create --compression zstd,3 "$2::full" corpus' _ "$data" "$repo_borg" ;;
    backbench) measure backbench init "$backbench" repo init -r "$repo_bb"
               measure backbench full "$backbench" backup -r "$repo_bb" "$corpus" ;;
  esac
  case "$1" in
    restic) record restic size-full "$(size_of "$repo_restic")" ;;
    borg) record borg size-full "$(size_of "$repo_borg")" ;;
    backbench) record backbench size-full "$(size_of "$repo_bb")" ;;
  esac
}

incremental() {
  case "$1" in
    tar) ;; # no incremental form: its ratios compare with its full archive
    restic) measure restic incr restic -r "$repo_restic" backup "$corpus"
            record restic size "$(size_of "$repo_restic")" ;;
    borg) measure borg incr bash -c 'cd "$1" && borg create --compression zstd,3 "$2::incr" corpus' _ "$data" "$repo_borg"
          record borg size "$(size_of "$repo_borg")" ;;
    backbench) measure backbench incr "$backbench" backup -r "$repo_bb" "$corpus"
               record backbench size "$(size_of "$repo_bb")" ;;
  esac
}

restore() {
  local dst="$work/restore-$1"
  rm -rf "$dst"; mkdir -p "$dst"
  case "$1" in
    tar) measure tar restore bash -c 'zstd -q -d -c "$1" | tar -xf - -C "$2"' _ "$work/tar.zst" "$dst" ;;
    restic) measure restic restore restic -r "$repo_restic" restore latest --target "$dst" ;;
    borg) measure borg restore bash -c 'cd "$1" && borg extract "$2::incr"' _ "$dst" "$repo_borg" ;;
    backbench) measure backbench restore "$backbench" restore latest -r "$repo_bb" --target "$dst"
               if [[ "${VERIFY:-1}" != 0 ]]; then
                 echo "  (untimed) comparing Backbench's restore with the corpus" >&2
                 diff -r --no-dereference "$corpus" "$dst$corpus" >"$work/logs/backbench-verify.log" 2>&1 \
                   || die "Backbench's restore differs from the corpus: see $work/logs/backbench-verify.log"
               fi ;;
  esac
}

echo "backup benchmark: corpus $corpus ($(du -sh --apparent-size "$corpus" | cut -f1), $(find "$corpus" -type f | wc -l) files); tools: $tools; rounds: $rounds" >&2
echo "page cache: $cache_mode" >&2
for ((round = 1; round <= rounds; round++)); do
  if ((round > 1)); then
    # every round starts as the first did: new repositories, caches and data folder
    rm -rf "$repo_restic" "$repo_borg" "$repo_bb" "$work/cache" "$work/config" "$work/borg-base" \
      "$work/backbench-home" "$work/tar.zst"
  fi
  echo "== round $round of $rounds: full backup" >&2
  for t in $tools; do full "$t"; done
  echo "== 1% change: $("$shared/mutate-corpus.sh" apply "$data")" >&2
  trap '"$shared/mutate-corpus.sh" revert "$data" >/dev/null' EXIT
  for t in $tools; do incremental "$t"; done
  echo "== restore of the latest snapshot" >&2
  # The restored trees are deleted after all the restores, not between them: on an ext4 without a
  # journal (this machine's), the inode allocator passes over the inodes deleted in the last 60 s
  # (ext4's recently_deleted check), so each tool's restore started right after the previous tool's
  # 63 000 entries were deleted. Measured with Backbench's restore (two pairs): 7.21-7.31 s against
  # 6.46-6.85 s when nothing was deleted in the minute before; a cost of the order of the tools.
  for t in $tools; do restore "$t"; done
  rm -rf "$work"/restore-*
  "$shared/mutate-corpus.sh" revert "$data" >/dev/null
  trap - EXIT
done

# ---- report ----------------------------------------------------------------------------------
versions() {
  echo "- restic: $(restic version 2>/dev/null | head -1)"
  echo "- borg: $(borg --version 2>/dev/null)"
  echo "- zstd: $(zstd --version 2>/dev/null | head -1); tar: $(tar --version | head -1)"
  echo "- Backbench: $("$backbench" version 2>/dev/null | tr '\n' ' ' | sed 's/  */ /g')"
}
machine="$(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(uname -sr), $(df -T "$work" | awk 'NR==2{print $2}') on $(df "$work" | awk 'NR==2{print $1}')"
corpus_desc="$(find "$corpus" -type f | wc -l) files, $(find "$corpus" -type l | wc -l) symlinks, $(find "$corpus" -type d | wc -l) folders, $(du -sb --apparent-size "$corpus" | cut -f1) bytes apparent"

table="$(python3 - "$results" "$tools" <<'EOF'
import sys, collections
import statistics
# every round's figures; a figure is the median of its rounds (the lower middle of an even count)
vals = collections.defaultdict(list)
kibs = collections.defaultdict(list)
cpus_all = collections.defaultdict(list)
loads = []
for line in open(sys.argv[1]):
    tool, step, val, kib, cpu, load = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
    vals[(tool, step)].append(float(val))
    if kib:
        kibs[(tool, step)].append(int(kib))
    if cpu:
        cpus_all[(tool, step)].append(float(cpu))
    if load:
        loads.append(float(load))
med = lambda xs: statistics.median_low(xs) if xs else None
cpus = {k: med(v) for k, v in cpus_all.items()}
rounds = max((len(v) for v in vals.values()), default=1)
tools = sys.argv[2].split()
def t(tool, step):
    return med(vals.get((tool, step), []))
def mem(tool, step):
    v = med(kibs.get((tool, step), []))
    return "-" if v is None else "%d" % round(v / 1024)
def ratio(a, b):
    return "-" if a is None or b is None or b == 0 else "%.2f" % (a / b)
def secs(v):
    return "-" if v is None else "%.2f" % v
def mib(v):
    return "-" if v is None else "%.1f" % (v / 1048576)
names = {"tar": "tar \\| zstd -3 -T1", "restic": "restic", "borg": "borg", "backbench": "Backbench"}
out = []
more = rounds > 1
out.append("| step | tool | time (s) | x restic | x borg | x tar\\|zstd | peak memory (MiB) | CPU user+sys (s) |"
           + (" every round (s) |" if more else ""))
out.append("|---|---|---:|---:|---:|---:|---:|---:|" + ("---|" if more else ""))
for step, label in (("init", "repository init"), ("full", "full backup"), ("incr", "backup after 1% change"), ("restore", "restore latest")):
    for tool in tools:
        v = t(tool, step)
        if v is None:
            continue
        c = cpus.get((tool, step))
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (label, names.get(tool, tool), secs(v), ratio(v, t("restic", step)),
                   ratio(v, t("borg", step)), ratio(v, t("tar", "full" if step == "incr" else step)), mem(tool, step),
                   "-" if c is None else "%.2f" % c)
                   + (" %s |" % " ".join("%.2f" % x for x in vals[(tool, step)]) if more else ""))
out.append("")
out.append("| repository size | after full backup (MiB) | after 1% change (MiB) | x restic |")
out.append("|---|---:|---:|---:|")
for tool in tools:
    if tool == "tar":
        out.append("| tar \\| zstd -3 (one archive) | %s | - | %s |" % (mib(t("tar", "size")), ratio(t("tar", "size"), t("restic", "size-full"))))
        continue
    out.append("| %s | %s | %s | %s |" % (names.get(tool, tool), mib(t(tool, "size-full")), mib(t(tool, "size")), ratio(t(tool, "size"), t("restic", "size"))))
out.append("")
def check(label, value, limit, fmt="%.2f"):
    if value is None:
        return "| %s | - | %s | not measured |" % (label, limit)
    return "| %s | %s | %s | %s |" % (label, fmt % value, limit, "PASS" if value <= limit else "FAIL")
def r(a, b):
    return None if a is None or b is None else a / b
out.append("| target | measured | limit | result |")
out.append("|---|---:|---:|---|")
out.append(check("full backup / restic", r(t("backbench", "full"), t("restic", "full")), 0.5))
out.append(check("full backup / borg", r(t("backbench", "full"), t("borg", "full")), 0.7))
out.append(check("backup after 1% change / restic", r(t("backbench", "incr"), t("restic", "incr")), 0.5))
out.append(check("restore / restic", r(t("backbench", "restore"), t("restic", "restore")), 0.6))
sz = r(t("backbench", "size"), t("restic", "size"))
out.append(check("repository size: abs(size / restic - 1)", None if sz is None else abs(sz - 1), 0.03, "%.3f"))
if loads:
    out.append("")
    out.append("Load average (1 min) before the timed commands: min %.2f, max %.2f (the machine has %s cores)." % (min(loads), max(loads), __import__("os").cpu_count()))
if more:
    out.append("")
    out.append("Each figure is the median of %d rounds (each round the whole sequence from new repositories); the ratios are of the medians." % rounds)
print("\n".join(out))
EOF
)"

echo
echo "$table"

if [[ "${DOCS:-1}" != 0 ]]; then
  # only this script's section ("## File backup ..." up to the next "## " heading) is replaced;
  # other sections of the page (imaging, start-up) belong to other benchmarks and are kept
  section="$work/section.md"
  cat >"$section" <<EOF
## File backup: Backbench beside restic and borg

Made by \`releng/bench/backup.sh\` (run it again to refresh this section; it rewrites only this
section). Every figure is one whole command as a user runs it, process start-up included, measured by
\`/usr/bin/time\` (wall time; peak resident memory of the process, for pipelines the largest
process; CPU is user + system seconds of the command and its children). All tools ran in the same
run on the same data, one after the other. Wall-clock ratios are only as good as the machine is
quiet: the load average before each command is listed under the tables, and the CPU seconds are the
steadier comparison when it was not.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Machine: $machine
- Corpus (\`/work/shared/bench/make-corpus.sh\`): $corpus_desc
- 1% change: \`mutate-corpus.sh apply\` (every 100th file changed, 6 files of ~8.3 MiB added); reverted at the end
- Page cache: $cache_mode
- Settings: restic \`init\` (format 2) and \`backup\` with compression auto; borg \`init -e repokey\`,
  \`create --compression zstd,3\`; Backbench \`repo init\` and \`backup\` (compression auto: zstd level 2 for file data, 3 for trees),
  with the launcher's default JVM options (below); restores of the latest snapshot into an empty
  folder (\`restic restore latest\`, \`borg extract\`, \`backbench restore latest\`); the baseline is
  \`tar -cf - corpus | zstd -3 -T1\` (and its reverse for restore)
$(versions)

$table

The targets (issue 3) are ratios within one run: full backup at most 0.5 x restic and 0.7 x borg;
backup after the 1% change at most 0.5 x restic; restore at most 0.6 x restic; repository size
within 3% of restic's at the same compression. "x tar|zstd" of the 1% change compares with the
baseline's full archive.

$(cat "$root/releng/bench/backup-notes.md" 2>/dev/null)
EOF
  python3 - "$docs" "$section" <<'PYEOF'
import sys, os
docs, section = sys.argv[1], open(sys.argv[2]).read().rstrip("\n") + "\n"
old = open(docs).read() if os.path.exists(docs) else "# Benchmarks\n"
lines = old.splitlines(keepends=True)
start = next((i for i, l in enumerate(lines) if l.startswith("## File backup")), None)
if start is None:
    out = old.rstrip("\n") + "\n\n" + section
else:
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    rest = "".join(lines[end:])
    out = "".join(lines[:start]) + section + ("\n" + rest if rest else "")
open(docs, "w").write(out)
PYEOF
  echo "wrote the file-backup section of $docs" >&2
fi
