//! Plan JSON: read, placed, classified, checked and reported, with and without `--all`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souverain::catalog::Catalog;
use souverain::check::{self, Context};
use souverain::parse::Workspace;
use souverain::plan::{Options, read};
use souverain::report::findings::{Summary, write_json};
use souverain::settings::Settings;
use souverain::source::SourceFile;
use std::sync::LazyLock;

static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::embedded);

fuzz_target!(|text: &str| {
    let mut ws = Workspace::default();
    let file = ws.sources.add(SourceFile::data(
        "plan.json".into(),
        "plan.json".into(),
        text.into(),
    ));
    let settings = Settings::default();
    for all in [false, true] {
        let Ok(plan) = read(text, file, ".", &CATALOG, &Options { all }) else {
            continue;
        };
        let classes: Vec<_> = plan
            .resources
            .iter()
            .map(|r| souverain::classify::classify(r, &CATALOG, &settings))
            .collect();
        let cx = Context {
            catalog: &CATALOG,
            settings: &settings,
            today: "2026-11-23",
            fail_on_unresolved: false,
        };
        let findings = check::check(&cx, &ws, &plan.resources, &classes, &[]);
        let mut summary = Summary::default();
        summary.count(&findings);
        write_json(&mut std::io::sink(), &ws.sources, &findings, &summary).unwrap();
    }
});
