#!/usr/bin/env bash
# Times `souverain check` and, when it can be installed, Checkov on the same Terraform
# tree, alternating runs so that both see the same machine load, and prints the
# medians and their ratio.
# Usage: bench/compare.sh TREE [RUNS]   (default 7 runs each)
# Checkov is installed with pip into a virtualenv under ${CHECKOV_VENV:-~/.cache/souverain-bench/checkov}
# on the first run; without python3 or network access, only souverain is timed.
set -euo pipefail
tree=${1:?usage: bench/compare.sh TREE [RUNS]}
runs=${2:-7}
tree=$(cd "$tree" && pwd)
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin souverain
souverain="${CARGO_TARGET_DIR:-target}/release/souverain"
venv=${CHECKOV_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/souverain-bench/checkov}
checkov=""
if [ -x "$venv/bin/checkov" ]; then
  checkov="$venv/bin/checkov"
elif command -v python3 >/dev/null; then
  echo "installing Checkov into $venv (once)…" >&2
  if python3 -m venv "$venv" >&2 && "$venv/bin/pip" install --quiet checkov >&2; then
    checkov="$venv/bin/checkov"
  else
    echo "Checkov could not be installed: timing souverain only" >&2
  fi
fi

# Seconds taken by a command, with microseconds; exit codes 0 and 1 (findings) pass.
elapsed() {
  local start=$EPOCHREALTIME status=0
  "$@" >/dev/null 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    echo "$* failed with exit code $status" >&2
    exit 1
  fi
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.6f\n", b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

run_souverain() { "$souverain" check "$tree" --format json; }
run_checkov() {
  "$checkov" --directory "$tree" --framework terraform --quiet --compact \
    --output json --skip-download
}

# One warm-up run each fills the page cache (and Checkov's import caches).
run_souverain >/dev/null 2>&1 || true
[ -n "$checkov" ] && { run_checkov >/dev/null 2>&1 || true; }
ours=() theirs=()
for _ in $(seq "$runs"); do
  ours+=("$(elapsed run_souverain)")
  [ -n "$checkov" ] && theirs+=("$(elapsed run_checkov)")
done
bytes=$(find "$tree" \( -name .terraform -o -name .git \) -prune -o -type f \
  \( -name '*.tf' -o -name '*.tofu' -o -name '*.tf.json' -o -name '*.tofu.json' -o -name '*.tfvars' -o -name '*.tfvars.json' \) \
  -print0 | xargs -0 cat | wc -c)
ours_median=$(printf '%s\n' "${ours[@]}" | median)
printf 'tree: %s (%.2f MB of Terraform source), %d runs each\n' "$tree" "$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$runs"
printf 'souverain check: median %.3f s (%.1f MB/s)\n' "$ours_median" "$(awk -v b="$bytes" -v s="$ours_median" 'BEGIN { print b / 1e6 / s }')"
if [ -n "$checkov" ]; then
  theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
  printf 'checkov %s: median %.3f s\n' "$("$checkov" --version 2>/dev/null)" "$theirs_median"
  printf 'souverain is %.0f× faster\n' "$(awk -v a="$theirs_median" -v b="$ours_median" 'BEGIN { print a / b }')"
fi
