#!/usr/bin/env bash
# Parse + resolve throughput and peak memory of `souverain inventory` on generated trees.
# Usage: bench/inventory.sh [RESOURCES...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin souverain --example gen_tree
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${@:-10000 100000}"; do
  for count in $n; do
    tree="$work/tree-$count"
    target/release/examples/gen_tree "$tree" "$count" 2>/dev/null
    bytes=$(find "$tree" -name '*.tf' -o -name '*.tfvars' | xargs cat | wc -c)
    # Warm the page cache, then measure three runs and keep the fastest.
    target/release/souverain inventory "$tree" --format json >/dev/null
    best=""
    for _ in 1 2 3; do
      /usr/bin/time -f '%e %M' -o "$work/time" target/release/souverain inventory "$tree" --format json >"$work/out.json"
      read -r secs kb <"$work/time"
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; best_kb=$kb; fi
    done
    resources=$(grep -c '"address"' "$work/out.json")
    awk -v n="$count" -v r="$resources" -v b="$bytes" -v s="$best" -v k="$best_kb" 'BEGIN{
      printf "%7d generated, %7d instances listed, %6.1f MB source, %6.2f s, %6.1f MB/s, peak RSS %6.0f MB (%.1fx source)\n",
        n, r, b/1e6, s, (s > 0 ? b/1e6/s : 0), k/1024, (k*1024)/b }'
  done
done
