//! Plan JSON: read, placed, classified, checked and rendered in every format, with and
//! without `--all`.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    souverain_fuzz::check_plan(text);
});
