//! `.souverain.hcl`: parsed, then applied to the embedded catalog.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    let text = text.to_string();
    souverain_fuzz::on_big_stack(move || {
        let path = std::path::Path::new(".souverain.hcl");
        if let Ok(mut settings) = souverain::settings::parse_settings(&text, path) {
            let mut catalog = souverain::catalog::Catalog::embedded();
            let _ = settings.apply_to(&mut catalog);
        }
    });
});
