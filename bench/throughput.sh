#!/usr/bin/env bash
# End-to-end throughput and peak memory of `souverain check` on generated trees
# (examples/gen_tree.rs, the shapes of `cargo bench`): median wall time of RUNS runs,
# MB/s of Terraform source, CPU time (user + system, steadier than wall time on a busy
# machine), peak RSS against the source size, and how each tree's time
# compares with the first one's.
# Usage: bench/throughput.sh [SHAPE...]   (default: flat:10000 flat:100000; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin souverain --example gen_tree
bin="${CARGO_TARGET_DIR:-target}/release"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first=""
for shape in "${@:-flat:10000 flat:100000}"; do
  for shape in $shape; do
    tree="$work/${shape/:/-}"
    "$bin/examples/gen_tree" "$tree" "$shape" 2>/dev/null
    bytes=$(find "$tree" -type f \( -name '*.tf' -o -name '*.tfvars' \) -print0 | xargs -0 cat | wc -c)
    # A warm-up run fills the page cache.
    "$bin/souverain" check "$tree" --format json >/dev/null || true
    : >"$work/times"
    for _ in $(seq "$runs"); do
      /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$bin/souverain" check "$tree" --format json >"$work/out.json" || true
      # GNU time writes "Command exited with non-zero status 1" first when there are findings.
      tail -n 1 "$work/time" >>"$work/times"
    done
    read -r secs kb cpu < <(sort -g "$work/times" | awk '{ s[NR] = $1; k[NR] = $2; c[NR] = $3 + $4 } END { m = int((NR + 1) / 2); print s[m], k[m], c[m] }')
    instances=$(grep -c '"address"' "$work/out.json" || true)
    first=${first:-$secs}
    awk -v shape="$shape" -v b="$bytes" -v s="$secs" -v k="$kb" -v c="$cpu" -v f="$first" -v n="$instances" 'BEGIN {
      printf "%-14s %6.1f MB source, %7d findings, median %6.2f s (CPU %.2f s), %6.1f MB/s, peak RSS %5.0f MB (%.1fx source), %.1fx the first tree'"'"'s time\n",
        shape, b / 1e6, n, s, c, (s > 0 ? b / 1e6 / s : 0), k / 1024, k * 1024 / b, (f > 0 ? s / f : 0) }'
  done
done
