#!/usr/bin/env bash
# Save-to-reload latency of `leidraad serve` on the example site and on a
# synthetic site of 1,000 articles per locale: median and worst of 30 edits.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --examples --bins
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/example"
cp -r site.yaml content "$work/example/"
./target/release/examples/reload_latency --root "$work/example" --edits "${EDITS:-30}"
./target/release/examples/synth --articles 1000 --out "$work/synth" >/dev/null
./target/release/examples/reload_latency --root "$work/synth" --edits "${EDITS:-30}"
