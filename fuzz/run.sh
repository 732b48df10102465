#!/usr/bin/env bash
# Fuzzes one target (or all, one after the other) for SECONDS each, seeded from testdata/.
#   fuzz/run.sh [TARGET] [SECONDS]      targets: pipeline_hcl pipeline_json settings
#                                                suppressions baseline plan
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets it use the
# nightly-only flags on a stable toolchain. Without a sanitizer (souverain has no unsafe
# code) but with debug assertions (overflows panic), a run is several times faster.
# Crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
targets=${1:-"pipeline_hcl pipeline_json settings suppressions baseline plan"}
seconds=${2:-600}
seed() {
    local target=$1 corpus=corpus/$1
    mkdir -p "$corpus"
    case $target in
        pipeline_hcl | suppressions) find ../testdata ../examples -name '*.tf' -size -64k ;;
        pipeline_json) find ../testdata -name '*.tf.json' -size -64k ;;
        settings) find ../testdata ../policies -name '*.hcl' -size -64k ;;
        plan) find ../testdata/plan -name '*.json' -size -64k ;;
        baseline)
            printf '{"version":1,"findings":[{"fingerprint":"0123456789abcdef","rule":"SOV001","root":".","address":"aws_s3_bucket.b"}]}' \
                > "$corpus/seed.json"
            ;;
    esac | while read -r file; do
        cp "$file" "$corpus/$(sha1sum "$file" | cut -c1-16)"
    done
}
for target in $targets; do
    seed "$target"
    RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --debug-assertions "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 -max_len=65536
done
