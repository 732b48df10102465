//! Baseline files, applied to no finding.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Ok(baseline) = souverain::check::baseline::Baseline::parse(text) {
        baseline.apply(&mut Vec::new(), &[]);
    }
});
