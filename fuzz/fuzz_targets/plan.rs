//! Plan JSON: read, placed, classified, checked and rendered in every format, with and
//! without `--all`.
#![no_main]

use souverain::parse::Workspace;
use souverain::plan::{Options, read};
use souverain::source::SourceFile;
use std::path::Path;

libfuzzer_sys::fuzz_target!(|text: &str| {
    let mut ws = Workspace::default();
    let file = ws.sources.add(SourceFile::data(
        "plan.json".into(),
        "plan.json".into(),
        text.into(),
    ));
    for all in [false, true] {
        let read = match read(text, file, ".", souverain_fuzz::catalog(), &Options { all }) {
            Ok(plan) => plan,
            Err(diagnostic) => {
                souverain_fuzz::check_and_render(&ws, &[], &[], &[diagnostic], Path::new("."));
                continue;
            }
        };
        souverain_fuzz::check_and_render(
            &ws,
            &read.resources,
            &[],
            &read.diagnostics,
            Path::new("."),
        );
    }
});
