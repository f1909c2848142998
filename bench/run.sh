#!/usr/bin/env bash
# The speed benchmark: leidraad beside Hugo (and Zola) on synthetic sites.
#
#   bash bench/run.sh              # N = 1000 and 5000 articles per locale
#   bash bench/run.sh 1000         # one size
#   RUNS=7 EDITS=50 bash bench/run.sh
#   BOARD_ONLY=1 bash bench/run.sh # only the board of SCHOOLS (40) schools
#
# For each N it writes a synthetic site (examples/synth.rs: about 600 words
# an article, nl and en) and the same articles' text as a Hugo site with
# minimal templates, then measures, with the output on tmpfs (/dev/shm) and
# on disk (under target/):
#   - a clean `build` including deletion of the previous output (leidraad
#     builds over its own and removes it; the others get `rm -rf` first),
#     wall time and peak memory from /usr/bin/time, median of RUNS runs,
#     the generators taking turns run by run so that drift of the machine
#     hits them alike;
#   - the floor: deleting and copying leidraad's own output tree;
#   - pages and bytes written;
#   - `check`;
#   - the CPU time (user + sys) of each on tmpfs, which says how much of a
#     build's time is work and how far two cores can take it;
#   - `serve`: save-to-reload latency of one article edit (examples/reload_latency.rs).
# Then a board of SCHOOLS (40) schools, each with the synthetic protocol's
# 100 articles per locale, two articles of its own and one replaced: the
# build of all its sites against the build of one school (`--school`).
# Then the weight of an article page of the bundled example with all it loads.
# The table is printed and written to target/bench/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
EDITS=${EDITS:-30}
SIZES=${*:-1000 5000}
SCHOOLS=${SCHOOLS:-40}
if [ -n "${BOARD_ONLY:-}" ]; then SIZES=""; fi

cargo build --release --quiet --examples --bins
bin=$PWD/target/release
mkdir -p target/bench
disk=$(mktemp -d -p "$PWD/target/bench" run.XXXXXX)
shm=$(mktemp -d -p /dev/shm leidraad-bench.XXXXXX)
trap 'rm -rf "$disk" "$shm"' EXIT
report=target/bench/latest.md

hugo=$(command -v hugo || true)
zola=$(command -v zola || true)

# measure FILE CMD...: runs CMD once under /usr/bin/time, appends
# "wall KiB user sys".
measure() {
  local into=$1
  shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$disk/time" "$@" >"$disk/log" 2>&1; then
    cat "$disk/log" >&2
    echo "failed: $*" >&2
    exit 1
  fi
  tail -n 1 "$disk/time" >>"$into"
}

# middle: the median of the numbers on standard input, one a line.
middle() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# median FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | middle; }
worst() {
  cut -d' ' -f"$2" "$1" | sort -g | tail -n 1
}
seconds() { printf '%.2f s' "$(median "$1" 1)"; }
mib() { awk -v k="$(median "$1" 2)" 'BEGIN {printf "%.0f MiB", k / 1024}'; }
ratio() { awk -v a="$(median "$1" 1)" -v b="$(median "$2" 1)" 'BEGIN {printf "%.2f", a / b}'; }
cpu() { printf '%.2f s' "$(awk '{print $3 + $4}' "$1" | middle)"; }
memory_ratio() { awk -v a="$(median "$1" 2)" -v b="$(median "$2" 2)" 'BEGIN {printf "%.2f", a / b}'; }

{
  echo "# leidraad benchmark"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), median of $RUNS runs" \
    "(reload: $EDITS edits). leidraad $(git describe --always --dirty 2>/dev/null || echo '?')" \
    "${hugo:+, $(hugo version | cut -d' ' -f2)}${zola:+, $(zola --version)}."
  echo
  echo "| N per locale | output | leidraad build, peak memory | floor (delete + copy) | build / floor | pages | files | bytes |" \
    "${hugo:+Hugo build, peak memory | leidraad / Hugo, time | leidraad / Hugo, memory |}${zola:+ Zola build | leidraad / Zola |}"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |${hugo:+ --- | --- | --- |}${zola:+ --- | --- |}"
} >"$report.table"
: >"$report.rest"
: >"$report.cpu"

for n in $SIZES; do
  site=$disk/site-$n
  "$bin/examples/synth" --articles "$n" --out "$site" --hugo "$disk/hugo-$n" >/dev/null
  if [ -n "$zola" ]; then
    "$bin/examples/synth" --articles "$n" --out "$disk/unused-$n" --zola "$disk/zola-$n" >/dev/null
  fi
  for place in tmpfs disk; do
    if [ $place = tmpfs ]; then out=$shm; else out=$disk; fi
    results=$disk/results-$n-$place
    mkdir -p "$results"
    # One warm-up build of each, so that every timed run reads from the page cache.
    "$bin/leidraad" build --root "$site" --out "$out/leidraad" >/dev/null
    for run in $(seq "$RUNS"); do
      # Over its previous output, as a user builds: leidraad writes the new
      # output beside it and then removes the old one, so the deletion is
      # in its time. The others are given a `rm -rf` of theirs first.
      measure "$results/leidraad" "$bin/leidraad" build --root "$site" --out "$out/leidraad"
      if [ -n "$hugo" ]; then
        measure "$results/hugo" sh -c "rm -rf '$out/hugo' && '$hugo' --quiet -s '$disk/hugo-$n' -d '$out/hugo'"
      fi
      if [ -n "$zola" ]; then
        measure "$results/zola" sh -c "rm -rf '$out/zola' && cd '$disk/zola-$n' && '$zola' build --force -o '$out/zola' >/dev/null"
      fi
      measure "$results/floor" sh -c "rm -rf '$out/copy' && cp -r '$out/leidraad' '$out/copy'"
    done
    pages=$(find "$out/leidraad" -name '*.html' | wc -l)
    files=$(find "$out/leidraad" -type f | wc -l)
    bytes=$(du -sb "$out/leidraad" | cut -f1)
    row="| $n | $place | $(seconds "$results/leidraad"), $(mib "$results/leidraad") | $(seconds "$results/floor")"
    row="$row | $(ratio "$results/leidraad" "$results/floor") | $pages | $files | $(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b / 1e6}') |"
    if [ -n "$hugo" ]; then
      row="$row $(seconds "$results/hugo"), $(mib "$results/hugo") | $(ratio "$results/leidraad" "$results/hugo")"
      row="$row | $(memory_ratio "$results/leidraad" "$results/hugo") |"
    fi
    if [ -n "$zola" ]; then
      row="$row $(seconds "$results/zola"), $(mib "$results/zola") | $(ratio "$results/leidraad" "$results/zola") |"
    fi
    echo "$row" >>"$report.table"
    if [ $place = tmpfs ]; then
      echo "- N = $n, tmpfs, CPU time (user + sys): leidraad build $(cpu "$results/leidraad")," \
        "floor $(cpu "$results/floor")${hugo:+, Hugo $(cpu "$results/hugo")}${zola:+, Zola $(cpu "$results/zola")}" \
        >>"$report.cpu"
    fi
    echo "N=$n $place: leidraad $(seconds "$results/leidraad")${hugo:+, Hugo $(seconds "$results/hugo")}" >&2
    rm -rf "$out/leidraad" "$out/hugo" "$out/zola" "$out/copy"
  done

  for run in $(seq "$RUNS"); do
    measure "$disk/check-$n" "$bin/leidraad" check --root "$site"
  done
  LEIDRAAD=$bin/leidraad "$bin/examples/reload_latency" --root "$site" --edits "$EDITS" >"$disk/reload-$n"
  {
    echo "- N = $n: \`check\` $(seconds "$disk/check-$n"), $(mib "$disk/check-$n"), CPU $(cpu "$disk/check-$n");" \
      "save-to-reload $(grep -o 'median [0-9.]* ms' "$disk/reload-$n" | head -1)," \
      "$(grep -o 'worst [0-9.]* ms' "$disk/reload-$n" | head -1)"
  } >>"$report.rest"
done

# Linear growth: the time per article at the largest size against the smallest.
first=$(echo "$SIZES" | awk '{print $1}')
last=$(echo "$SIZES" | awk '{print $NF}')
if [ "$first" != "$last" ]; then
  awk -v a="$(median "$disk/results-$last-tmpfs/leidraad" 1)" -v n="$last" \
    -v b="$(median "$disk/results-$first-tmpfs/leidraad" 1)" -v m="$first" \
    'BEGIN {printf "- Time per article on tmpfs at N = %d against N = %d: %.2f (1.00 is linear)\n", n, m, (a / n) / (b / m)}' \
    >>"$report.rest"
fi

# A board: all its sites against one school's, on tmpfs.
board=$disk/board
"$bin/examples/synth" --articles 100 --schools "$SCHOOLS" --out "$board" >/dev/null
"$bin/leidraad" build --root "$board" --out "$shm/board" >/dev/null 2>&1
"$bin/leidraad" build --root "$board" --school s0 --out "$shm/one" >/dev/null 2>&1
for run in $(seq "$RUNS"); do
  measure "$disk/board-all" "$bin/leidraad" build --root "$board" --out "$shm/board"
  measure "$disk/board-one" "$bin/leidraad" build --root "$board" --school s0 --out "$shm/one"
done
{
  echo "- Board of $SCHOOLS schools (100 articles per locale, each school 2 own + 1 replaced), tmpfs:" \
    "all $((SCHOOLS + 1)) sites $(seconds "$disk/board-all"), $(mib "$disk/board-all");" \
    "one school (\`--school s0\`) $(seconds "$disk/board-one"), $(mib "$disk/board-one");" \
    "all / one: time $(ratio "$disk/board-all" "$disk/board-one"), memory $(memory_ratio "$disk/board-all" "$disk/board-one")"
} >>"$report.rest"
rm -rf "$shm/board" "$shm/one"

# An article page of the bundled example with everything it loads.
"$bin/leidraad" build --out "$disk/example" >/dev/null
page=$(cd "$disk/example" && find nl/protocol -mindepth 2 -name index.html | sort | head -n 1)
weight=$("$bin/examples/page_weight" --site "$disk/example" --page "$page" | tail -n 1)
echo "- Example article page \`$page\` with everything it loads: $(echo "$weight" | grep -o '(.*)' | tr -d '()')" >>"$report.rest"

{
  cat "$report.table"
  echo
  cat "$report.cpu" "$report.rest"
} >"$report"
rm -f "$report.table" "$report.rest" "$report.cpu"
cat "$report"
