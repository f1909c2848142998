#!/usr/bin/env bash
# Save-to-reload latency of `leidraad serve`: median and worst of EDITS (30)
# edits, on the example site, on a synthetic site of 1,000 articles per
# locale, and on two boards: examples/bestuur (two schools) and a synthetic
# board of SCHOOLS (40) schools with 100 articles per locale. On a board,
# an edit of one school's article rebuilds that school's site only; an edit
# of a board article rebuilds the board's site and every school's that
# shows it.
#
#   bash bench/reload.sh
#   BOARD_ONLY=1 EDITS=15 bash bench/reload.sh   # only the boards
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --examples --bins
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
latency() { ./target/release/examples/reload_latency --edits "${EDITS:-30}" "$@"; }
if [ -z "${BOARD_ONLY:-}" ]; then
  mkdir -p "$work/example"
  cp -r site.yaml content "$work/example/"
  latency --root "$work/example"
  ./target/release/examples/synth --articles 1000 --out "$work/synth" >/dev/null
  latency --root "$work/synth"
fi
cp -r examples/bestuur "$work/bestuur"
echo "examples/bestuur, a school's article:"
latency --root "$work/bestuur" --file schools/de-linde/content/nl/protocol/eigen-afspraak.md
echo "examples/bestuur, a board article (every school shows it):"
latency --root "$work/bestuur"
./target/release/examples/synth --articles 100 --schools "${SCHOOLS:-40}" --out "$work/board" >/dev/null
echo "synthetic board of ${SCHOOLS:-40} schools, a school's article:"
latency --root "$work/board" --file schools/s1/content/nl/protocol/own0.md
echo "synthetic board of ${SCHOOLS:-40} schools, a board article no school replaced (every school shows it):"
latency --root "$work/board" --file content/nl/protocol/a50.md
echo "synthetic board of ${SCHOOLS:-40} schools, a board article school s1 replaced (s1's site is built again, for its drift notice):"
latency --root "$work/board" --file content/nl/protocol/a1.md
